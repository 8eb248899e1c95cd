"""Language toggle: Swedish by default, English on request; the page re-renders in it."""

from __future__ import annotations

from dash import Input, Output, State, callback, html

from dashapp import ids, layout
from dashapp.data import dataset
from dashapp.i18n import DEFAULT_LANGUAGE


@callback(
    Output(ids.LANGUAGE_STORE, "data"),
    Input(ids.LANGUAGE, "n_clicks"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def toggle_language(_clicks: int | None, language: str | None) -> str:
    return "sv" if language == "en" else "en"


@callback(Output(ids.PAGE, "children"), Input(ids.LANGUAGE_STORE, "data"))
def render_page(language: str | None) -> html.Div:
    return layout.page(dataset(), language or DEFAULT_LANGUAGE)
