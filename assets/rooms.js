/* Saving with an acknowledgement (issue 13): "Sparar …" shows from the click until the server
 * answers that very click. When the request fails instead (the server died, the connection
 * broke, an error status) or no answer comes within ACK_TIMEOUT_MS, the notice says that the
 * save was not confirmed; a success message only ever comes from the server.
 *
 * dash-renderer applies a callback's `running` off-values on an error status but not when the
 * request itself fails (the fetch rejects), so the failure is seen here, at the fetch. */
(function () {
  const ACK_TIMEOUT_MS = 60000;
  const PREVENT_UPDATE = 204;

  // The component ids, as dashapp/ids.py names them (written into the page by
  // components/rooms.py::save_stores); null until the page is drawn.
  function watched() {
    const found = document.querySelector(".sk-save-ids");
    return found ? found.dataset : null;
  }

  function failed(token, why) {
    const names = watched();
    if (!names) {
      return;
    }
    window.dash_clientside.set_props(names.failedStore, {
      data: { token: token, why: why, at: Date.now() },
    });
  }

  // The save click a request to the save callback carries, or null for any other request.
  function saveToken(url, init) {
    const names = watched();
    if (!names || !String(url).includes("_dash-update-component") || !init || typeof init.body !== "string") {
      return null;
    }
    let payload;
    try {
      payload = JSON.parse(init.body);
    } catch (error) {
      return null;
    }
    if (!String(payload.output || "").includes(names.saveOutput)) {
      return null;
    }
    const click = (payload.inputs || []).find(function (i) {
      return i.id === names.saveButton && i.property === "n_clicks";
    });
    return click ? click.value : null;
  }

  const originalFetch = window.fetch.bind(window);
  window.fetch = function (url, init) {
    const token = saveToken(url, init);
    const request = originalFetch(url, init);
    if (token === null) {
      return request;
    }
    return request.then(
      function (response) {
        if (!response.ok && response.status !== PREVENT_UPDATE) {
          failed(token, "status " + response.status);
        }
        return response;
      },
      function (error) {
        failed(token, "no response");
        throw error;
      },
    );
  };

  const noUpdate = function () {
    return window.dash_clientside.no_update;
  };
  const WAITING = "sk-save-pending text-muted";
  const WARNING = "sk-save-pending alert alert-warning py-1 mb-1";
  const QUIET = "sk-save-pending";

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    servicekartanRooms: {
      // A click: wait for its acknowledgement; an earlier message must not stand for this save.
      pending: function (clicks, texts) {
        setTimeout(function () {
          failed(clicks, "timeout");
        }, ACK_TIMEOUT_MS);
        return [clicks, texts.save_pending, WAITING, ""];
      },
      // The server answered the click the browser waits for: the server's message stands.
      acknowledged: function (ack, token) {
        return ack !== null && ack === token ? ["", QUIET] : [noUpdate(), noUpdate()];
      },
      // A request failed or timed out, and the click it carried was never answered.
      unconfirmed: function (failure, token, ack, texts) {
        if (!failure || failure.token !== token || ack === token) {
          return [noUpdate(), noUpdate()];
        }
        return [texts.save_unconfirmed, WARNING];
      },
    },
  });
})();
