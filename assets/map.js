/* Client-side map styling for Servicekartan. Layers get their data once; callbacks change only
   the small `hideout` dict, and these functions recolour from it. Every colour and status comes
   from the hideout (defined once in dashapp/style.py); names are set as text, never as HTML. */
window.servicekartan = Object.assign({}, window.servicekartan, {
  placeRadius: function (population) {
    return 4 + Math.sqrt(Math.max(population, 0)) / 12;
  },

  // A tooltip whose content is plain text: a name from a data file can never become markup.
  textTooltip: function (text) {
    const span = document.createElement("span");
    span.textContent = text;
    return span;
  },

  placeToLayer: function (feature, latlng, context) {
    const hideout = (context && context.hideout) || {};
    const p = feature.properties;
    const status = (hideout.status && hideout.status[p.id]) || hideout.default || "none";
    const colors = hideout.colors || {};
    const outside = p.kind === "outside";  // supply beyond the region: drawn faint, never funded
    const visible = !outside && (!hideout.kommun || hideout.kommun === p.kommun);
    const radius = outside ? 3 : window.servicekartan.placeRadius(p.population);
    const marker = L.circleMarker(latlng, {
      radius: radius,
      className: "sk-place sk-place-" + p.kind + " sk-status-" + status + " sk-id-" + p.id,
      color: "#222",
      weight: status === "supported" ? 3 : 1,
      fillColor: colors[status] || "#999",
      fillOpacity: visible ? 0.85 : 0.15,
      opacity: visible ? 1 : 0.2,
      pane: hideout.pane || "overlayPane",
    });
    marker.on("add", function () {
      window.servicekartan.watchSize(marker._map);
    });
    const people = p.population ? " (" + p.population.toLocaleString("sv-SE") + ")" : "";
    if (p.kind === "tatort" && visible && hideout.label_zoom) {
      window.servicekartan.zoomLabel(marker, p.name + people, p.name, hideout.label_zoom, radius);
    } else {
      marker.bindTooltip(window.servicekartan.textTooltip(p.name + people));
    }
    return marker;
  },

  // Leaflet measures its box once and on window resizes only; the page's own changes (the
  // workshop class, a notice above the map) resize it too, and a fit to a kommun or to the
  // county computed with a stale size crops it. Measure again whenever the box changes.
  watchSize: function (map) {
    if (!map || map._skWatched || typeof ResizeObserver === "undefined") {
      return;
    }
    map._skWatched = true;
    new ResizeObserver(function () {
      map.invalidateSize({ pan: false });
    }).observe(map.getContainer());
  },

  // A tätort's name: a tooltip on hover, a permanent label (plain text, readable without
  // tiles) once the map is zoomed in to `zoom` or closer.
  zoomLabel: function (marker, hover, name, zoom, radius) {
    const sk = window.servicekartan;
    const update = function () {
      const map = marker._map;
      if (!map) {
        return;
      }
      const permanent = map.getZoom() >= zoom;
      const tip = marker.getTooltip();
      if (tip && Boolean(tip.options.permanent) === permanent) {
        return;
      }
      marker.unbindTooltip();
      if (permanent) {
        marker.bindTooltip(sk.textTooltip(name), {
          permanent: true,
          direction: "right",
          offset: [radius, 0],
          className: "sk-place-label",
        });
      } else {
        marker.bindTooltip(sk.textTooltip(hover));
      }
    };
    marker.on("add", function () {
      marker._map.on("zoomend", update);
      update();
    });
    marker.on("remove", function () {
      if (marker._map) {
        marker._map.off("zoomend", update);
      }
    });
  },

  pointToLayer: function (feature, latlng, context) {
    const hideout = (context && context.hideout) || {};
    const p = feature.properties;
    // a correction may have closed or moved the point, or changed its status
    const changed = (hideout.changed && hideout.changed[p.id]) || "";
    const gone = changed === "closed" || changed === "moved";
    const status = changed === "at_risk" || changed === "secure" ? changed : p.status;
    // beyond the county: supply only, drawn faded like the places there
    const faded = p.outside ? hideout.outside_opacity || 0.3 : 1;
    const marker = L.circleMarker(latlng, {
      radius: p.outside ? 3 : 4,
      className:
        "sk-point sk-point-" + p.service + " sk-pid-" + p.id +
        (gone ? " sk-gone" : "") + (p.outside ? " sk-outside" : ""),
      color: status === "at_risk" ? "#000" : "#fff",
      weight: status === "at_risk" ? 2 : 1,
      dashArray: status === "at_risk" ? "2 2" : null,
      fillColor: hideout.color || "#666",
      fillOpacity: gone ? 0.15 : 0.95 * faded,
      opacity: gone ? 0.3 : faded,
      pane: hideout.pane || "overlayPane",
    });
    marker.bindTooltip(window.servicekartan.textTooltip(p.name));
    return marker;
  },

  // A point a correction added or moved: the service's colour inside a heavy dark ring.
  editToLayer: function (feature, latlng, context) {
    const hideout = (context && context.hideout) || {};
    const p = feature.properties;
    const marker = L.circleMarker(latlng, {
      radius: 6,
      className: "sk-edit sk-point-" + p.service + " sk-pid-" + p.id,
      color: "#000",
      weight: 3,
      dashArray: p.status === "at_risk" ? "3 2" : null,
      fillColor: (hideout.colors && hideout.colors[p.service]) || "#666",
      fillOpacity: 0.95,
      pane: hideout.pane || "overlayPane",
    });
    marker.bindTooltip(window.servicekartan.textTooltip(p.name));
    return marker;
  },

  demandToLayer: function (feature, latlng, context) {
    const hideout = (context && context.hideout) || {};
    const colors = hideout.colors || {};
    const p = feature.properties;
    if (hideout.uncovered && !hideout._uncovered) {
      hideout._uncovered = new Set(hideout.uncovered);
    }
    const known = Boolean(hideout._uncovered);
    const state = !known ? "unknown" : hideout._uncovered.has(p.i) ? "uncovered" : "covered";
    const marker = L.circleMarker(latlng, {
      radius: 1.5 + Math.min(Math.sqrt(p.population) / 4, 3),
      className: "sk-demand" + (known ? " sk-" + state : ""),
      stroke: false,
      fillColor: colors[state] || "#888",
      fillOpacity: 0.45,
      interactive: false,
      pane: hideout.pane || "overlayPane",
    });
    window.servicekartan.onCanvas(marker);
    return marker;
  },

  // The population squares (thousands, redrawn with every result, never clicked) are painted
  // on one canvas per map and pane instead of one SVG element each: the page loads and a new
  // result redraws in a fraction of the time. Same colours, sizes and order.
  onCanvas: function (marker) {
    const beforeAdd = marker.beforeAdd;
    marker.beforeAdd = function (map) {
      const pane = this.options.pane;
      map._skCanvas = map._skCanvas || {};
      map._skCanvas[pane] = map._skCanvas[pane] || L.canvas({ pane: pane });
      this.options.renderer = map._skCanvas[pane];
      return beforeAdd.call(this, map);
    };
  },

  diffDemandToLayer: function (feature, latlng, context) {
    const hideout = (context && context.hideout) || {};
    const colors = hideout.colors || {};
    if (!hideout._gained) {
      hideout._gained = new Set(hideout.gained || []);
      hideout._lost = new Set(hideout.lost || []);
    }
    const p = feature.properties;
    const state = hideout._gained.has(p.i) ? "gained" : hideout._lost.has(p.i) ? "lost" : "same";
    const changed = state !== "same";
    return L.circleMarker(latlng, {
      radius: changed ? 4 : 1.5,
      className: "sk-diff-demand" + (changed ? " sk-" + state : ""),
      stroke: false,
      fillColor: colors[state] || "#bbb",
      fillOpacity: changed ? 0.8 : 0.3,
      interactive: false,
      pane: hideout.pane || "overlayPane",
    });
  },

  kommunStyle: function (feature, context) {
    const hideout = (context && context.hideout) || {};
    const chosen = hideout.kommun && hideout.kommun === feature.properties.kommun_kod;
    const color = hideout.color || "#333";
    return { color: color, weight: chosen ? 3 : 1.5, fillOpacity: chosen ? 0.06 : 0.0, fillColor: color };
  },

  tileError: function () {
    document.body.classList.add("sk-tiles-failed");
  },
});
