"""Page layout builders: pure functions of the dataset and the language."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashapp import ids
from dashapp.components.map import PLACE_COLORS, map_view
from dashapp.i18n import DEFAULT_LANGUAGE, t
from models.dataset import Dataset


def header(language: str) -> dbc.Row:
    return dbc.Row(
        [
            dbc.Col(
                [
                    html.H1(t("app_title", language), className="h3 mb-0"),
                    html.P(t("app_subtitle", language), className="text-muted mb-0"),
                ],
                width="auto",
            ),
            dbc.Col(
                dbc.Button(
                    t("language_toggle", language),
                    id=ids.LANGUAGE,
                    color="secondary",
                    outline=True,
                    size="sm",
                ),
                className="ms-auto",
                width="auto",
            ),
        ],
        className="align-items-center my-2",
    )


def footer(dataset: Dataset, language: str) -> html.Footer:
    notes = [html.P(t("sources", language), className="mb-1")]
    if dataset.demand_is_modelled or dataset.travel.method == "modelled":
        notes.insert(0, html.P(t("modelled_note", language), className="mb-1 fw-semibold"))
    return html.Footer(notes, className="sk-footer border-top mt-2 pt-2")


def page(dataset: Dataset, language: str) -> html.Div:
    hideout = {"status": {}, "colors": PLACE_COLORS, "kommun": None}
    return html.Div(
        [
            header(language),
            map_view(dataset, language, hideout),
            footer(dataset, language),
        ]
    )


def shell() -> dbc.Container:
    """The static frame; the page inside is rendered per language by a callback."""
    return dbc.Container(
        [
            dcc.Location(id=ids.URL),
            dcc.Store(id=ids.LANGUAGE_STORE, data=DEFAULT_LANGUAGE, storage_type="local"),
            html.Div(id=ids.PAGE),
        ],
        fluid=True,
    )
