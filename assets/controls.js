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
      // A map click goes to the server only while a card waits for a position: every click
      // on a village also clicks the map, and the scenario's writer answering it occupied a
      // worker beside the card's own request.
      pickedClick: function (click, pick) {
        return click && pick ? click : window.dash_clientside.no_update;
      },
    },
  });
})();
