"""The card's "correct the data" section and the Data tab's revision panel."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashapp import ids
from dashapp.components.controls import dropdown_labels
from dashapp.i18n import number, t
from dashapp.present_corrections import ClosedPoint
from models.corrections import STATUSES
from models.places import PlaceFacts, PointFacts, ServiceFacts
from models.services import ServiceRegistry

_STATUS_COLOUR = {"closed": "danger", "at_risk": "warning", "secure": "success"}
# A town's card listed every point with three buttons: Växjö's 91 made 775 components, and the
# card took 1–4 s to draw. The rest are one press away ("Visa alla …").
POINTS_LISTED = 8


def _point_row(point: PointFacts, registry: ServiceRegistry, language: str) -> html.Li:
    buttons = [
        dbc.Button(
            t(f"mark_{status}", language),
            id=ids.point_status(point.point_id, status),
            size="sm",
            outline=True,
            color=_STATUS_COLOUR[status],
            className="me-1 mb-1",
        )
        for status in STATUSES
        if status != point.status
    ]
    move = dbc.Button(
        t("move_point", language),
        id=ids.point_move(point.point_id),
        size="sm",
        outline=True,
        color="secondary",
        className="mb-1",
    )
    label = f"{point.name or '–'} ({registry.label(point.service, language)}, "
    label += f"{t(f'status_{point.status}', language)})"
    return html.Li([html.Div(label, className="small"), html.Div([*buttons, move])])


def _cost_row(
    place_id: str, facts: ServiceFacts, registry: ServiceRegistry, language: str
) -> html.Div:
    kind = "keep" if facts.today == "at_risk" else "establish"
    what = t("card_cost_keep" if kind == "keep" else "card_cost_establish", language)
    label = html.Div(f"{registry.label(facts.service, language)}: {what}", className="small")
    field = dbc.InputGroup(
        [
            dbc.Input(
                id=ids.cost_input(place_id, facts.service, kind),
                type="text",
                inputMode="decimal",
                value=number(facts.cost_sek, language) if facts.cost_sek is not None else "",
            ),
            dbc.InputGroupText(t("sek_per_year", language)),
            dbc.Button(
                t("cost_save", language),
                id=ids.cost_set(place_id, facts.service, kind),
                color="secondary",
                outline=True,
            ),
        ],
        size="sm",
        className="mb-1",
    )
    return html.Div([label, field])


def _new_point(facts: PlaceFacts, registry: ServiceRegistry, language: str) -> html.Div:
    options = [{"label": s.label(language), "value": s.key} for s in registry]
    return html.Div(
        [
            html.Div(t("new_point", language), className="small fw-semibold mt-2"),
            dbc.InputGroup(
                [
                    dbc.Select(
                        id=ids.new_point_service(facts.place_id),
                        options=options,
                        value=options[0]["value"] if options else None,
                    ),
                    dbc.Input(
                        id=ids.new_point_name(facts.place_id),
                        placeholder=t("new_point_name", language),
                        maxLength=200,
                    ),
                    dbc.Button(
                        t("place_on_map", language),
                        id=ids.new_point(facts.place_id),
                        color="primary",
                        outline=True,
                    ),
                ],
                size="sm",
            ),
        ]
    )


def _closed_row(point: ClosedPoint, note: str, registry: ServiceRegistry, language: str) -> html.Li:
    """A point the scenario closed: gone from the data, so only this row can open it again
    (the button removes the closing correction; status "reopen" is no status of its own)."""
    label = f"{point.name or '–'} ({registry.label(point.service, language)}, "
    label += f"{t('status_closed', language)})"
    button = dbc.Button(
        t("reopen_point", language),
        id=ids.point_status(point.point_id, "reopen"),
        size="sm",
        outline=True,
        color="primary",
        className="mb-1",
    )
    return html.Li(
        [
            html.Div(label, className="small"),
            html.Div(note, className="small text-muted sk-closed-note"),
            button,
        ],
        className="sk-closed-point",
    )


def _closed_section(
    closed: list[tuple[ClosedPoint, str]], registry: ServiceRegistry, language: str
) -> list[html.Div | html.Ul]:
    if not closed:
        return []
    return [
        html.Div(t("closed_here", language), className="small fw-semibold"),
        html.Ul(
            [_closed_row(point, note, registry, language) for point, note in closed],
            className="list-unstyled mb-1",
        ),
    ]


def _more_points(hidden: int, total: int, language: str) -> list[html.Button]:
    if hidden <= 0:
        return []
    text = t("show_all_points", language, count=number(total, language))
    return [html.Button(text, id=ids.ALL_POINTS, className="btn btn-link btn-sm p-0 mb-2")]


def correction_section(
    facts: PlaceFacts,
    registry: ServiceRegistry,
    language: str,
    closed: list[tuple[ClosedPoint, str]] | None = None,
    all_points: bool = False,
) -> html.Div:
    """Last in the card: it first answers "what is here", then lets an official fix it. Always
    open, as the card is redrawn after every edit and a folded section would close each time.
    ``closed``: points the scenario closed here, each with why the plan changed or not. The
    first POINTS_LISTED points, or ``all_points``."""
    in_region = facts.kind != "outside"
    listed = facts.points if all_points else facts.points[:POINTS_LISTED]
    costs = [
        _cost_row(facts.place_id, s, registry, language)
        for s in facts.services
        if in_region and s.today != "secure"
    ]
    return html.Div(
        [
            html.H3(t("correct_data", language), className="h6 mt-3"),
            html.P(t("correct_data_help", language), className="small text-muted mb-1"),
            html.Ul(
                [_point_row(p, registry, language) for p in listed],
                className="list-unstyled mb-1",
            ),
            *_more_points(len(facts.points) - len(listed), len(facts.points), language),
            *_closed_section(closed or [], registry, language),
            *costs,
            *([_new_point(facts, registry, language)] if in_region else []),
        ],
        className="sk-corrections mt-2",
    )


def revision_panel(language: str) -> html.Div:
    """The Data tab's list of the scenario's corrections, and saving or choosing a revision."""
    return html.Div(
        [
            html.H3(t("revision_title", language), className="h6"),
            html.P(id=ids.REVISION_STATUS, className="mb-1"),
            html.Ul(id=ids.CORRECTION_LIST, className="list-unstyled small"),
            dbc.InputGroup(
                [
                    dbc.Input(
                        id=ids.REVISION_NAME,
                        placeholder=t("revision_name", language),
                        maxLength=80,
                    ),
                    dbc.Button(t("revision_save", language), id=ids.REVISION_SAVE),
                ],
                size="sm",
                className="mb-1",
            ),
            html.Div(id=ids.REVISION_MESSAGE, className="small mb-2", role="status"),
            html.Label(t("revision_pick", language), htmlFor=ids.REVISION_PICK, className="small"),
            dcc.Dropdown(
                id=ids.REVISION_PICK,
                clearable=False,
                value=None,
                placeholder=t("revision_pick_placeholder", language),
                labels=dropdown_labels(language),
            ),
        ],
        className="sk-revisions mb-3",
    )


def provenance_panel(language: str) -> html.Div:
    """Where each kind of figure comes from; filled for the scenario's data revision."""
    return html.Div(
        [
            html.H3(t("provenance_title", language), className="h6"),
            html.Div(id=ids.PROVENANCE),
        ],
        className="sk-provenance mb-3",
    )


def provenance_table(rows: list[dict[str, str]], language: str) -> html.Table:
    header = html.Tr(
        [html.Th(t(f"provenance_{key}", language)) for key in ("figure", "basis", "sources")]
    )
    body = [html.Tr([html.Td(row[key]) for key in ("figure", "basis", "sources")]) for row in rows]
    return html.Table(
        [html.Thead(header), html.Tbody(body)], className="table table-sm small sk-provenance-table"
    )


def viability_panel(language: str) -> html.Div:
    """Places the scenario may not fund for a service: too few people within reach."""
    return html.Div(
        [
            html.H3(t("viability_title", language), className="h6"),
            html.Div(id=ids.VIABILITY, className="small"),
        ],
        className="sk-viability mb-3",
    )


def followup_panel(language: str) -> html.Div:
    """What the scenario's corrections change against the shipped data."""
    return html.Div(
        [
            html.H3(t("followup_title", language), className="h6"),
            html.Div(id=ids.FOLLOWUP, className="small"),
        ],
        className="sk-followup mb-3",
    )


def followup_table(summary: str, rows: list[dict[str, str]], language: str) -> html.Div:
    columns = ("area", "service", "before", "after", "gained", "lost")
    header = html.Tr([html.Th(t(f"followup_{key}", language)) for key in columns])
    body = [html.Tr([html.Td(row[key]) for key in columns]) for row in rows]
    return html.Div(
        [
            html.P(summary, className="mb-1"),
            html.Table([html.Thead(header), html.Tbody(body)], className="table table-sm small"),
        ]
    )
