"""Scenario workspace (save, list, compare, difference map) and the export buttons."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import dash_leaflet as dl
from dash import dash_table, dcc, html

from dashapp import features, ids
from dashapp.components.results import TABLE_STYLE
from dashapp.i18n import t
from models.dataset import Dataset

DIFF_COLORS = {"a_only": "#E69F00", "b_only": "#56B4E9", "both": "#009E73", "none": "#DDDDDD"}
UPLOAD_KINDS = ("service_points", "population_grid", "smaorter", "travel_matrix")
EXPORTS = ("csv", "kpi_csv", "xlsx", "geojson", "gpkg", "json", "report")


def _fn(name: str) -> dict[str, str]:
    return {"variable": f"servicekartan.{name}"}


def difference_map(
    dataset: Dataset, places_hideout: dict[str, Any], demand_hideout: dict[str, Any]
) -> dl.Map:
    """Built when a comparison is made (a map inside a hidden tab cannot size itself)."""
    return dl.Map(
        [
            dl.GeoJSON(
                data=dataset.boundaries,
                style=_fn("kommunStyle"),
                hideout={"kommun": None},
                interactive=False,
            ),
            dl.GeoJSON(
                id=ids.DIFF_DEMAND,
                data=features.demand_geojson(dataset),
                pointToLayer=_fn("diffDemandToLayer"),
                hideout=demand_hideout,
            ),
            dl.GeoJSON(
                id=ids.DIFF_PLACES,
                data=features.places_geojson(dataset),
                pointToLayer=_fn("placeToLayer"),
                hideout=places_hideout,
            ),
            dl.ScaleControl(position="bottomleft", imperial=False),
        ],
        id=ids.DIFF_MAP,
        center=features.county_center(dataset),
        zoom=8,
        className="sk-map sk-diff-map",
    )


def workspace_tab(dataset: Dataset, language: str) -> html.Div:
    return html.Div(
        [
            dbc.InputGroup(
                [
                    dbc.Input(
                        id=ids.SCENARIO_NAME, placeholder=t("scenario_name", language), maxLength=80
                    ),
                    dbc.Button(t("save", language), id=ids.SAVE, color="primary"),
                ],
                className="my-2",
            ),
            html.Div(id=ids.SAVE_MESSAGE, role="status"),
            html.H3(t("saved_list", language), className="h6 mt-3"),
            html.Div(id=ids.SAVED_LIST),
            html.H3(t("compare_pick", language), className="h6 mt-3"),
            dbc.Checklist(id=ids.COMPARE_PICK, options=[], value=[], inline=True),
            dash_table.DataTable(id=ids.COMPARE_TABLE, columns=[], **TABLE_STYLE),
            dbc.Row(
                [
                    dbc.Col(html.Div(id=ids.COMPARE_GRAPH_SERVICE), md=6),
                    dbc.Col(html.Div(id=ids.COMPARE_GRAPH_KOMMUN), md=6),
                ]
            ),
            html.H3(t("diff_map_heading", language), className="h6"),
            html.Div(id=ids.DIFF_SUMMARY, className="small mb-1"),
            html.Div(id=ids.DIFF_CONTAINER),
        ]
    )


def export_tab(language: str) -> html.Div:
    return html.Div(
        [
            *(
                dbc.Button(
                    t(f"export_{kind}", language),
                    id=ids.export_button(kind),
                    color="secondary",
                    outline=True,
                    className="me-2 my-2",
                )
                for kind in EXPORTS
            ),
            dcc.Download(id=ids.DOWNLOAD),
        ]
    )


def place_card() -> dbc.Offcanvas:
    return dbc.Offcanvas(
        html.Div(id=ids.PLACE_CARD_BODY),
        id=ids.PLACE_CARD,
        is_open=False,
        placement="end",
        scrollable=True,
        backdrop=False,
    )


def data_tab(language: str) -> html.Div:
    return html.Div(
        [
            html.P(t("upload_intro", language), className="small my-2"),
            dbc.Select(
                id=ids.UPLOAD_KIND,
                options=[{"label": t(f"upload_{k}", language), "value": k} for k in UPLOAD_KINDS],
                value=UPLOAD_KINDS[0],
                size="sm",
                className="mb-2",
            ),
            dcc.Upload(
                html.Div(t("upload_drop", language)),
                id=ids.UPLOAD,
                className="sk-upload border rounded p-3 text-center",
                multiple=False,
            ),
            html.Div(id=ids.UPLOAD_RESULT, role="status", className="mt-2"),
        ]
    )
