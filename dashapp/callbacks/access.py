"""Nuläge: today's access for the county or the chosen kommun, and "Mina orter"."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
from dash import Input, Output, State, callback, dcc, no_update

from dashapp import formats, ids, present, style
from dashapp.data import dataset_for
from dashapp.i18n import t
from dashapp.scenario_form import kommun_code
from models.access import TIME_CLASSES_MIN, AccessRow, access_today, share_within_road_km
from models.places import place_facts
from models.solution import Solution

CLASS_NAMES = ("< 5 min", "5–10 min", "10–30 min", "> 30 min")


def access_figure(rows: list[AccessRow], labels: list[str], language: str) -> go.Figure:
    """Stacked bars: each service's population by time class."""
    figure = go.Figure(
        [
            go.Bar(
                name=CLASS_NAMES[k],
                x=labels,
                y=[100 * r.class_shares[k] for r in rows],
                marker_color=style.CHART_PALETTE[k],
            )
            for k in range(len(TIME_CLASSES_MIN))
        ]
    )
    figure.update_layout(
        barmode="stack",
        height=280,
        margin={"l": 50, "r": 10, "t": 10, "b": 40},
        yaxis_title=t("access_chart_axis", language),
        **formats.chart_layout(language, yaxis=formats.axis(0, 1)),
    )
    return figure


@callback(
    Output(ids.ACCESS_TABLE, "rowData"),
    Output(ids.ACCESS_GRAPH, "children"),
    Output(ids.ACCESS_NOTE, "children"),
    Output(ids.MY_PLACES_TABLE, "rowData"),
    Input(ids.TABS, "active_tab"),
    Input(ids.KOMMUN, "value"),
    Input(ids.RESULT_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
)
def show_access(tab: str | None, kommun: str | None, result: Any, language: str) -> Any:
    """Computed only while the tab is open (its chart loads Plotly)."""
    if tab != "access" or not result:
        return no_update, no_update, no_update, no_update
    solution = Solution.from_dict(result)
    data = dataset_for(solution.scenario)
    code = kommun_code(kommun)
    rows = access_today(data, solution.scenario, data.region.name)
    shown = [r for r in rows if r.kommun_kod == (code or "")]
    labels = [present.label(data.registry, r.key, language) for r in shown]
    area = shown[0].area if shown else data.region.name
    places = [
        place_facts(data, solution, str(p))
        for p, k, kind in zip(
            data.places.ids, data.places.kommun_kod, data.places.kind, strict=True
        )
        if code and k == code and kind != "outside"
    ]
    note = [t("access_note", language, area=area)]
    if not code and {"grocery", "cash"} <= set(data.services):
        note += present.distance_notes(
            share_within_road_km(data, "grocery", 10.0, only_modelled=True),
            1.0 - share_within_road_km(data, "cash", 25.0),
            data.region,
            language,
        )
    return (
        present.access_rows(rows, data.region, data.registry, code, language),
        dcc.Graph(figure=access_figure(shown, labels, language), config={"displaylogo": False}),
        " ".join(note),
        present.my_places_rows(places, data.registry, language),
    )
