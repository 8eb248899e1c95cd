"""Scenario workspace (save, list, compare, difference map) and the export buttons."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
import dash_leaflet as dl
from dash import dcc, html

from dashapp import features, formats, ids, style
from dashapp.components.corrections import (
    followup_panel,
    provenance_panel,
    revision_panel,
    viability_panel,
)
from dashapp.components.map import panes
from dashapp.components.reports import report_panel
from dashapp.components.results import grid
from dashapp.components.rooms import room_panel, save_pending
from dashapp.downloads import EXPORTS
from dashapp.i18n import number, t
from dashapp.present import label
from dashapp.scenario_form import MAX_SAVED_NAME_CHARS
from dashapp.storage import SavedScenario
from dashapp.uploads import KINDS, MAX_UPLOAD_BYTES
from models.dataset import Dataset
from models.services import ServiceRegistry


def _swatch(color: str, text: str, shape: str = "") -> html.Span:
    return html.Span(
        [html.Span(className=f"sk-legend-swatch {shape}", style={"background": color}), text],
        className="me-3 small",
    )


def difference_legend(language: str) -> html.Div:
    """One colour per scenario, for places and people alike: A's colour marks the places only
    A supports and the people only A reaches; B's colour the same for B."""
    places = style.DIFF_PLACE_COLORS
    demand = style.DIFF_DEMAND_COLORS
    square = "sk-legend-square"
    return html.Div(
        [
            html.Div(
                [
                    _swatch(places["a_only"], t("diff_legend_a_only", language)),
                    _swatch(demand["lost"], t("diff_legend_lost", language), square),
                ]
            ),
            html.Div(
                [
                    _swatch(places["b_only"], t("diff_legend_b_only", language)),
                    _swatch(demand["gained"], t("diff_legend_gained", language), square),
                ]
            ),
            html.Div(
                [
                    _swatch(places["both"], t("diff_both", language)),
                    _swatch(demand["same"], t("diff_legend_same", language), square),
                ]
            ),
        ],
        className="sk-legend sk-diff-legend my-1",
    )


UPLOAD_KINDS = KINDS


def _when(saved: SavedScenario) -> str:
    return formats.local_time(saved.created_at)


def _versions(history: list[SavedScenario], language: str) -> html.Details:
    """Every version of the row's lineage, oldest first: when, what changed, under what name."""
    return html.Details(
        [
            html.Summary(t("versions", language, count=len(history)), className="small"),
            html.Ol(
                [
                    html.Li(
                        f"#{v.id} · {_when(v)} · {t(f'change_{v.change}', language)} · {v.name}",
                        className="small",
                    )
                    for v in history
                ],
                className="mb-1",
            ),
        ],
        className="sk-saved-versions d-inline-block align-top ms-2",
    )


def _rename(saved: SavedScenario, language: str) -> html.Details:
    return html.Details(
        [
            html.Summary(t("rename", language), className="small"),
            dbc.InputGroup(
                [
                    dbc.Input(
                        id=ids.rename_input(saved.id),
                        value=saved.name,
                        maxLength=MAX_SAVED_NAME_CHARS,
                    ),
                    dbc.Button(t("rename_ok", language), id=ids.rename_saved(saved.id)),
                ],
                size="sm",
                className="my-1",
            ),
        ],
        className="sk-saved-rename d-inline-block align-top ms-2",
    )


def saved_item(
    saved: SavedScenario,
    registry: ServiceRegistry,
    language: str,
    history: list[SavedScenario] | None = None,
) -> html.Li:
    """One saved scenario (its latest version): open button, name (as text), when, its first
    figure and its cost; rename, hide or show again, and its versions."""
    covered = saved.summary.get("covered") or {}
    first = next(iter(covered), None)
    figure = (
        f"{label(registry, first, language)} {number(covered[first], language)} · " if first else ""
    )
    cost = saved.summary.get("cost_sek")
    money = f"{number(cost, language)} {t('sek', language)}" if cost is not None else ""
    flag = (
        dbc.Button(t("unhide", language), id=ids.unhide_saved(saved.id), **_ROW_BUTTON)
        if saved.hidden
        else dbc.Button(t("hide", language), id=ids.hide_saved(saved.id), **_ROW_BUTTON)
    )
    return html.Li(
        [
            dbc.Button(t("load", language), id=ids.load_saved(saved.id), **_ROW_BUTTON),
            html.Strong(saved.name, className="sk-saved-name"),
            f" {t('saved_hidden_mark', language)}" if saved.hidden else "",
            f" · #{saved.id} · {_when(saved)} · {figure}{money}",
            flag,
            _rename(saved, language),
            _versions(history or [saved], language),
        ],
        className="sk-saved-row sk-saved-hidden" if saved.hidden else "sk-saved-row",
    )


_ROW_BUTTON: dict[str, Any] = {"size": "sm", "color": "link", "className": "p-0 mx-2"}


def _fn(name: str) -> dict[str, str]:
    return {"variable": f"servicekartan.{name}"}


def difference_map(dataset: Dataset) -> dl.Map:
    """Shapes go out once with the page; a comparison only changes the two hideouts."""
    return dl.Map(
        [
            *panes(),
            dl.GeoJSON(
                data=dataset.boundaries,
                style=_fn("kommunStyle"),
                hideout=style.kommun_hideout(None),
                interactive=False,
            ),
            dl.GeoJSON(
                id=ids.DIFF_DEMAND,
                data=features.demand_geojson(dataset),
                pointToLayer=_fn("diffDemandToLayer"),
                hideout=style.diff_demand_hideout([], []),
            ),
            dl.GeoJSON(
                id=ids.DIFF_PLACES,
                data=features.places_geojson(dataset),
                pointToLayer=_fn("placeToLayer"),
                hideout=style.place_hideout({}, None, style.DIFF_PLACE_COLORS),
            ),
            dl.ScaleControl(position="bottomleft", imperial=False),
        ],
        id=ids.DIFF_MAP,
        # created in a hidden tab (no size to fit to): a fixed view of the county
        center=features.county_center(dataset),
        zoom=8,
        className="sk-map sk-diff-map",
    )


def workspace_tab(dataset: Dataset, language: str) -> html.Div:
    return html.Div(
        [
            room_panel(language),
            dbc.InputGroup(
                [
                    dbc.Input(
                        id=ids.SCENARIO_NAME,
                        placeholder=t("scenario_name", language),
                        maxLength=MAX_SAVED_NAME_CHARS,
                    ),
                    dbc.Button(t("save", language), id=ids.SAVE, color="primary"),
                ],
                className="my-2",
            ),
            save_pending(),
            html.Div(id=ids.SAVE_MESSAGE, role="status"),
            html.H3(t("saved_list", language), className="h6 mt-3"),
            dbc.Switch(id=ids.SHOW_HIDDEN, label=t("show_hidden", language), value=False),
            dbc.Switch(id=ids.SHOW_ALL_SAVED, label=t("show_all_saved", language), value=False),
            html.Div(id=ids.SAVED_ROW_MESSAGE, role="status"),
            html.Div(id=ids.SAVED_LIST),
            html.H3(t("compare_pick", language), className="h6 mt-3"),
            dbc.Checklist(id=ids.COMPARE_PICK, options=[], value=[], inline=True),
            grid(ids.COMPARE_TABLE, [], language, pagination=False),
            dbc.Row(
                [
                    dbc.Col(html.Div(id=ids.COMPARE_GRAPH_SERVICE), md=6),
                    dbc.Col(html.Div(id=ids.COMPARE_GRAPH_KOMMUN), md=6),
                ]
            ),
            html.H3(t("diff_map_heading", language), className="h6"),
            dbc.InputGroup(
                [
                    dbc.InputGroupText(t("demand_service", language)),
                    dbc.Select(id=ids.DIFF_SERVICE, options=[], size="sm"),
                ],
                size="sm",
                className="my-1 sk-diff-service",
            ),
            html.Div(id=ids.DIFF_SUMMARY, className="small mb-1"),
            difference_legend(language),
            difference_map(dataset),
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
            report_panel(language),
        ]
    )


def place_card() -> dbc.Offcanvas:
    """The village card slides in over the control panel, beside the map: the KPIs on the
    other side stay in view while a place is locked in or out."""
    return dbc.Offcanvas(
        html.Div(id=ids.PLACE_CARD_BODY),
        id=ids.PLACE_CARD,
        is_open=False,
        placement="start",
        scrollable=True,
        backdrop=False,
        className="sk-card",
    )


def data_tab(language: str) -> html.Div:
    return html.Div(
        [
            revision_panel(language),
            followup_panel(language),
            provenance_panel(language),
            viability_panel(language),
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
                max_size=MAX_UPLOAD_BYTES,
            ),
            html.Div(id=ids.UPLOAD_RESULT, role="status", className="mt-2"),
        ]
    )
