/* Client-side helpers for the control panel (loaded from assets/, so the strict CSP holds). */

// Slider tooltips in Swedish write a decimal comma: 0,5 rather than 0.5.
window.dccFunctions = Object.assign({}, window.dccFunctions, {
  decimalComma: function (value) {
    return String(value).replace(".", ",");
  },
});

// The scenario store, passed on to the solver. A change after a quiet spell passes at once (a
// typed budget, a lock, the mode: no waiting); changes in quick succession wait until the
// scenario has been still for QUIET_MS, so ten quick arrow-key presses on a slider make ten
// scenarios (each on the undo stack) but two solves, the first and the last. A superseded
// call resolves to no_update.
(function () {
  const QUIET_MS = 300;
  let turn = 0;
  let lastChange = -Infinity;
  let lastDataPart = null;
  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    servicekartan: {
      settle: function (scenario) {
        turn += 1;
        const mine = turn;
        const now = Date.now();
        const quiet = now - lastChange >= QUIET_MS;
        lastChange = now;
        if (quiet) {
          return scenario;
        }
        return new Promise(function (resolve) {
          setTimeout(function () {
            resolve(mine === turn ? scenario : window.dash_clientside.no_update);
          }, QUIET_MS);
        });
      },
      // The scenario, passed on only when what the data views read changed (services, basket,
      // corrections, data revision): on a budget change their seven server calls filled
      // dash-renderer's twelve request slots and held the solve back 130 ms.
      dataPart: function (scenario) {
        const part = scenario
          ? JSON.stringify([
              scenario.services,
              scenario.basket,
              scenario.corrections,
              scenario.data_revision,
            ])
          : "";
        if (part === lastDataPart) {
          return window.dash_clientside.no_update;
        }
        lastDataPart = part;
        return scenario;
      },
      // A map click goes to the server only while a card waits for a position: every click
      // on a village also clicks the map, and the scenario's writer answering it occupied a
      // worker beside the card's own request.
      pickedClick: function (click, pick) {
        return click && pick ? click : window.dash_clientside.no_update;
      },
      // A press of a lock, open, correction button, passed on as {button, n_clicks, at}. Buttons
      // drawn anew (a redrawn card, the saved list after a save) fire with no clicks; sent to
      // the scenario's writer, such a call superseded a change still in flight there (a budget
      // typed just after a save was lost: Dash keeps only the newest call's answer).
      pressed: function () {
        const triggered = window.dash_clientside.callback_context.triggered || [];
        const real = triggered.filter(function (t) {
          return t.value;
        });
        if (!real.length) {
          return window.dash_clientside.no_update;
        }
        const propId = real[0].prop_id;
        const button = JSON.parse(propId.slice(0, propId.lastIndexOf(".")));
        return { button: button, n_clicks: real[0].value, at: Date.now() };
      },
    },
  });
})();
