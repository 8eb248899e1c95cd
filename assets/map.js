/* Client-side map styling for Servicekartan. Layers get their data once; callbacks change only
   the small `hideout` dict, and these functions recolour from it. */
window.servicekartan = Object.assign({}, window.servicekartan, {
  placeRadius: function (population) {
    return 4 + Math.sqrt(Math.max(population, 0)) / 12;
  },

  placeToLayer: function (feature, latlng, context) {
    const hideout = (context && context.hideout) || {};
    const p = feature.properties;
    const status = (hideout.status && hideout.status[p.id]) || hideout.default || p.today || "none";
    const colors = hideout.colors || {};
    const outside = p.kind === "outside";  // supply beyond the county: drawn faint, never funded
    const visible = !outside && (!hideout.kommun || hideout.kommun === p.kommun);
    const marker = L.circleMarker(latlng, {
      radius: outside ? 3 : window.servicekartan.placeRadius(p.population),
      className: "sk-place sk-place-" + p.kind + " sk-status-" + status + " sk-id-" + p.id,
      color: "#222",
      weight: status === "supported" ? 3 : 1,
      fillColor: colors[status] || "#999",
      fillOpacity: visible ? 0.85 : 0.15,
      opacity: visible ? 1 : 0.2,
    });
    marker.bindTooltip(p.name + (p.population ? " (" + p.population.toLocaleString("sv-SE") + ")" : ""));
    return marker;
  },

  pointToLayer: function (feature, latlng, context) {
    const hideout = (context && context.hideout) || {};
    const p = feature.properties;
    const marker = L.circleMarker(latlng, {
      radius: 4,
      className: "sk-point sk-point-" + p.service,
      color: p.status === "at_risk" ? "#000" : "#fff",
      weight: p.status === "at_risk" ? 2 : 1,
      dashArray: p.status === "at_risk" ? "2 2" : null,
      fillColor: hideout.color || "#666",
      fillOpacity: 0.95,
    });
    marker.bindTooltip(p.name);
    return marker;
  },

  demandToLayer: function (feature, latlng, context) {
    const hideout = (context && context.hideout) || {};
    const p = feature.properties;
    if (hideout.uncovered && !hideout._uncovered) {
      hideout._uncovered = new Set(hideout.uncovered);
    }
    const known = Boolean(hideout._uncovered);
    const color = !known ? "#888" : hideout._uncovered.has(p.i) ? "#CC79A7" : "#009E73";
    return L.circleMarker(latlng, {
      radius: 1.5 + Math.min(Math.sqrt(p.population) / 4, 3),
      className: "sk-demand" + (known ? (hideout._uncovered.has(p.i) ? " sk-uncovered" : " sk-covered") : ""),
      stroke: false,
      fillColor: color,
      fillOpacity: 0.45,
      interactive: false,
    });
  },

  diffDemandToLayer: function (feature, latlng, context) {
    const hideout = (context && context.hideout) || {};
    if (!hideout._gained) {
      hideout._gained = new Set(hideout.gained || []);
      hideout._lost = new Set(hideout.lost || []);
    }
    const p = feature.properties;
    const gained = hideout._gained.has(p.i);
    const lost = hideout._lost.has(p.i);
    return L.circleMarker(latlng, {
      radius: gained || lost ? 4 : 1.5,
      className: "sk-diff-demand" + (gained ? " sk-gained" : lost ? " sk-lost" : ""),
      stroke: false,
      fillColor: gained ? "#E69F00" : lost ? "#56B4E9" : "#bbb",
      fillOpacity: gained || lost ? 0.8 : 0.3,
      interactive: false,
    });
  },

  kommunStyle: function (feature, context) {
    const hideout = (context && context.hideout) || {};
    const chosen = hideout.kommun && hideout.kommun === feature.properties.kommun_kod;
    return { color: "#333", weight: chosen ? 3 : 1.5, fillOpacity: chosen ? 0.06 : 0.0, fillColor: "#333" };
  },

  tileError: function () {
    document.body.classList.add("sk-tiles-failed");
  },
});
