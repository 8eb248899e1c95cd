"""Page layout builders: pure functions of the dataset, the language and the scenario."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import dash_bootstrap_components as dbc
import flask
from dash import dcc, html
from dash.development.base_component import Component

from dashapp import ids, style
from dashapp.components.controls import action_buttons, control_panel
from dashapp.components.map import map_view, pick_banner, points_legend
from dashapp.components.place_card import card_body
from dashapp.components.plan import plan_tab
from dashapp.components.results import (
    access_tab,
    actions_table,
    critical_table,
    curve_tab,
    kommun_table,
    kpi_card,
)
from dashapp.components.rooms import save_stores
from dashapp.components.status import kpi_panel
from dashapp.components.workspace import (
    data_tab,
    export_tab,
    place_card,
    saved_item,
    workspace_tab,
)
from dashapp.data import dataset, settings
from dashapp.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from dashapp.present import label
from dashapp.scenario_form import ROOM_PARAMETER, decode_scenario, url_query
from dashapp.storage import SavedScenario
from models.dataset import Dataset
from models.errors import ServicekartanError
from models.places import PlaceFacts, PointFacts, ServiceFacts, place_status
from models.scenario import Scenario, default_scenario, validate_scenario


def language_href(language: str, scenario: Scenario, workshop: bool) -> str:
    """The same scenario in another language: a page load, since every label changes."""
    return url_query(scenario, language, workshop)


def header(language: str, scenario: Scenario, workshop: bool) -> dbc.Row:
    return dbc.Row(
        [
            dbc.Col(
                [
                    html.H1(t("app_title", language), className="h3 mb-0"),
                    html.P(t("app_subtitle", language), className="text-muted mb-0 sk-subtitle"),
                ],
                width="auto",
            ),
            # Solve and Undo stay in view above everything, the village card included
            dbc.Col(action_buttons(language), className="ms-auto", width="auto"),
            # where this tab saves, in workshop mode too (filled by callbacks/rooms.py)
            dbc.Col(html.Div(id=ids.ROOM_BADGE, className="sk-room-badge"), width="auto"),
            dbc.Col(
                dbc.Switch(id=ids.WORKSHOP, label=t("workshop_toggle", language), value=workshop),
                width="auto",
            ),
            dbc.Col(
                dbc.Button(
                    t("language_toggle", language),
                    id=ids.LANGUAGE,
                    color="secondary",
                    outline=True,
                    size="sm",
                    href=language_href("en" if language == "sv" else "sv", scenario, workshop),
                    external_link=True,
                ),
                width="auto",
            ),
        ],
        className="align-items-center my-2 sk-header",
    )


def demand_selector(dataset: Dataset, scenario: Scenario, language: str) -> dbc.InputGroup:
    keys = [*scenario.service_names, *(["basket"] if scenario.basket else [])]
    return dbc.InputGroup(
        [
            dbc.InputGroupText(t("demand_service", language)),
            dbc.Select(
                id=ids.DEMAND_SERVICE,
                options=[{"label": label(dataset.registry, k, language), "value": k} for k in keys],
                value=keys[0],
            ),
        ],
        size="sm",
        className="my-1",
    )


def modelled_note(dataset: Dataset, language: str) -> html.P | None:
    if dataset.demand_is_modelled or dataset.travel.method == "modelled":
        return html.P(t("modelled_note", language), className="small fw-semibold mb-1 sk-modelled")
    return None


def sources_line(dataset: Dataset, language: str) -> html.P:
    """The data folder's own sources (name, year, licence), each linked where it has a link."""
    items: list[Component | str] = [f"{t('sources_title', language)}: "]
    for position, source in enumerate(dataset.region.sources):
        text = source.citation(language)
        items.append(html.A(text, href=source.link, target="_blank") if source.link else text)
        if position < len(dataset.region.sources) - 1:
            items.append("; ")
    return html.P(items, className="mb-1")


def footer(dataset: Dataset, language: str) -> html.Footer:
    notes = [html.P(n, className="mb-1") for n in dataset.region.notes(language)]
    return html.Footer(
        [modelled_note(dataset, language), *notes, sources_line(dataset, language)],
        className="sk-footer border-top mt-2 pt-2",
    )


def tabs(dataset: Dataset, language: str) -> dbc.Tabs:
    return dbc.Tabs(
        [
            dbc.Tab(actions_table(language), label=t("tab_actions", language), tab_id="actions"),
            dbc.Tab(
                access_tab([(s.key, s.label(language)) for s in dataset.registry], language),
                label=t("tab_access", language),
                tab_id="access",
            ),
            dbc.Tab(kommun_table(language), label=t("tab_kommuner", language), tab_id="kommuner"),
            dbc.Tab(
                [
                    html.Div(id=ids.CURVE_STALE, className="sk-stale-note mt-2", role="status"),
                    curve_tab(language),
                ],
                label=t("tab_curve", language),
                tab_id="curve",
            ),
            dbc.Tab(plan_tab(language), label=t("tab_plan", language), tab_id="plan"),
            dbc.Tab(critical_table(language), label=t("tab_critical", language), tab_id="critical"),
            dbc.Tab(
                workspace_tab(dataset, language),
                label=t("tab_workspace", language),
                tab_id="workspace",
            ),
            dbc.Tab(export_tab(language), label=t("tab_export", language), tab_id="export"),
            dbc.Tab(data_tab(language), label=t("tab_data", language), tab_id="data"),
        ],
        id=ids.TABS,
        active_tab="actions",
        className="mt-2",
    )


def page(
    dataset: Dataset,
    language: str,
    scenario: Scenario,
    workshop: bool,
    tile_url: str,
    error: str = "",
) -> html.Div:
    hideout = style.place_hideout(place_status(dataset, ()), None)
    return html.Div(
        [
            header(language, scenario, workshop),
            # the link's problem has an alert of its own: a solve must not close it
            dbc.Alert(
                error, id=ids.LINK_ERROR, is_open=bool(error), color="warning", dismissable=True
            ),
            dbc.Alert(id=ids.ERROR, is_open=False, color="danger", dismissable=True),
            dbc.Alert(id=ids.CORRECTION_NOTICE, is_open=False, color="warning", dismissable=True),
            dbc.Row(
                [
                    dbc.Col(
                        html.Div(control_panel(scenario, dataset, language), id=ids.CONTROLS),
                        md=3,
                        className="sk-controls",
                    ),
                    dbc.Col(
                        [
                            pick_banner(language),
                            map_view(dataset, language, hideout, tile_url),
                            demand_selector(dataset, scenario, language),
                            points_legend(dataset, language),
                            modelled_note(dataset, language),
                        ],
                        md=6,
                    ),
                    dbc.Col(kpi_panel(dataset, language), md=3),
                ]
            ),
            tabs(dataset, language),
            footer(dataset, language),
            place_card(),
        ],
        id=ids.ROOT,
        className="sk-root sk-workshop" if workshop else "sk-root",
        lang=language,
    )


def stores(
    language: str, scenario: Scenario, workshop: bool, room_link: str | None = None
) -> list[Component]:
    """Per-browser state, created with the page so every callback input exists from the start.

    The room is kept per tab (session storage): a reload or a language switch stays in the
    room, a new tab starts in the open workspace unless its address names a room
    (``?rum=``), and nothing lingers on a shared computer once the tab is closed."""
    return [
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Store(id=ids.LANGUAGE_STORE, data=language),
        dcc.Store(id=ids.SCENARIO_STORE, data=scenario.to_dict()),
        dcc.Store(id=ids.RESULT_STORE),
        dcc.Store(id=ids.HISTORY_STORE, data=[]),
        dcc.Store(id=ids.SELECTED_PLACE),
        dcc.Store(id=ids.KPI_KOMMUN),
        dcc.Store(id=ids.ALL_POINTS_PLACE),
        dcc.Store(id=ids.SAVED_VERSION, data=0),
        dcc.Store(id=ids.WORKSHOP_STORE, data=workshop),
        dcc.Store(id=ids.MAP_PICK, data=None),
        dcc.Store(id=ids.MAP_PICKED, data=None),
        dcc.Store(id=ids.BUTTON_PRESS, data=None),
        dcc.Store(id=ids.REVISION_VERSION, data=0),
        dcc.Store(id=ids.SOLVE_REQUEST),
        dcc.Store(id=ids.SCENARIO_DATA),
        dcc.Store(id=ids.CURVE_SCENARIO),
        dcc.Store(id=ids.ROOM_STORE, storage_type="session"),
        dcc.Store(id=ids.ROOM_LINK, data=room_link),
        dcc.Store(id=ids.OPENED_STORE, data=None),
        dcc.Store(id=ids.SAVED_CHANGE, data=None),
        *save_stores(language),
    ]


def page_query() -> dict[str, str]:
    """The page address's query. Dash fetches the layout with its own request
    (``/_dash-layout``), which carries the page address only as its Referer (same origin)."""
    if not flask.has_request_context():
        return {}
    query = flask.request.args.to_dict()
    if not query and flask.request.referrer:
        query = {k: v[0] for k, v in parse_qs(urlsplit(flask.request.referrer).query).items()}
    return query


def linked_scenario(text: str | None, data: Dataset, language: str) -> tuple[Scenario, str]:
    """The scenario a shared link carries, checked against the data; a damaged, oversized or
    invalid one opens the default scenario with a message saying why."""
    defaults = default_scenario(data.registry)
    try:
        scenario = decode_scenario(text, defaults) or defaults
        validate_scenario(scenario, data)
    except ServicekartanError as problem:
        return defaults, f"{t('link_error', language)}: {problem.message(language)}"
    return scenario, ""


def serve_layout() -> dbc.Container:
    """The whole page for one page load, from the URL: ``?lang=en&w=1&s=<scenario>&rum=<room>``."""
    args = page_query()
    language = args.get("lang", DEFAULT_LANGUAGE)
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    workshop = args.get("w") == "1"
    data = dataset()
    scenario, error = linked_scenario(args.get("s"), data, language)
    return dbc.Container(
        [
            *stores(language, scenario, workshop, args.get(ROOM_PARAMETER)),
            page(data, language, scenario, workshop, settings().tile_url, error),
        ],
        fluid=True,
    )


def validation_layout(dataset: Dataset) -> html.Div:
    """The page plus one of each component that callbacks add later (a place card with its
    lock buttons, a saved scenario, a KPI card), so Dash can check every callback's ids."""
    sample_place = str(dataset.places.ids[0])
    service = dataset.services[0]
    facts = PlaceFacts(
        sample_place,
        "",
        "tatort",
        "",
        "",
        0.0,
        (ServiceFacts(service, "none", None, 0.0, lockable=True, lock=""),),
        (),
        (PointFacts(str(dataset.points.ids[0]), service, "", "secure", ""),),
    )
    saved = SavedScenario(0, "", "", "{}", {"covered": {}, "cost_sek": 0.0}, "")
    return html.Div(
        [
            serve_layout(),
            card_body(facts, dataset.registry, DEFAULT_LANGUAGE),
            saved_item(saved, dataset.registry, DEFAULT_LANGUAGE),
            kpi_card({"key": "cost", "title": "", "value": "", "vs_baseline": "", "vs_today": ""}),
            html.Button(id=ids.correction_remove(0)),  # the Data tab's list of corrections
            html.Button(id=ids.ALL_POINTS),  # a town's card, beyond its first points
            html.Button(id=ids.unhide_saved(0)),  # a hidden saved scenario's row
        ]
    )
