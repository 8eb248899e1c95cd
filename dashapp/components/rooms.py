"""The room panel of the Scenarier tab, the room badge in the header, and the saving notice.

A room's code is shown in two groups of three (``K7M-PQR``), large enough to read from the back
of a room; participants may type it in any case, with or without the dash."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashapp import ids
from dashapp.i18n import t
from dashapp.scenario_form import ROOM_PARAMETER

Room = dict[str, str]  # the room store: {"code": "K7MPQR", "name": "Grupp 1"}


def spoken_code(code: str) -> str:
    """K7MPQR → K7M-PQR: two groups are read aloud and copied without losing one's place."""
    return f"{code[:3]}-{code[3:]}"


def room_link(code: str, language: str, base: str = "/") -> str:
    return f"{base}?lang={language}&{ROOM_PARAMETER}={code}"


def room_panel(language: str) -> html.Section:
    """Open a room, join one with its code, or leave; what the room is shows below."""
    return html.Section(
        [
            html.H3(t("room_heading", language), className="h6 mt-2"),
            html.P(t("room_intro", language), className="small text-muted mb-1"),
            dbc.Row(
                [
                    dbc.Col(
                        dbc.InputGroup(
                            [
                                dbc.Input(
                                    id=ids.ROOM_NAME,
                                    placeholder=t("room_name", language),
                                    maxLength=80,
                                ),
                                dbc.Button(
                                    t("room_open", language), id=ids.ROOM_OPEN, color="secondary"
                                ),
                            ],
                            size="sm",
                        ),
                        md=5,
                    ),
                    dbc.Col(
                        dbc.InputGroup(
                            [
                                dbc.Input(
                                    id=ids.ROOM_CODE,
                                    placeholder=t("room_code", language),
                                    maxLength=20,
                                    autoComplete="off",
                                ),
                                dbc.Button(
                                    t("room_join", language), id=ids.ROOM_JOIN, color="primary"
                                ),
                            ],
                            size="sm",
                        ),
                        md=5,
                    ),
                    dbc.Col(
                        dbc.Button(
                            t("room_leave", language),
                            id=ids.ROOM_LEAVE,
                            color="secondary",
                            outline=True,
                            size="sm",
                        ),
                        md=2,
                    ),
                ],
                className="g-2",
            ),
            html.Div(id=ids.ROOM_MESSAGE, role="status", className="mt-1"),
            html.Div(id=ids.ROOM_SHOWN, className="sk-room-shown"),
        ],
        className="sk-room-panel border rounded p-2 my-2",
    )


def room_shown(room: Room | None, link: str, language: str) -> list[Any]:
    """The current room: its name and code, large, and a link that joins it."""
    if room is None:
        return [html.P(t("room_open_workspace_note", language), className="small mb-0")]
    return [
        html.Div(t("room_current", language, name=room["name"]), className="sk-room-name"),
        html.Div(
            [
                html.Span(f"{t('room_code_label', language)} ", className="sk-room-code-label"),
                html.Span(spoken_code(room["code"]), className="sk-room-code"),
            ]
        ),
        html.Div(
            [
                f"{t('room_link_label', language)}: ",
                dcc.Link(link, href=link, refresh=True, className="sk-room-link"),
            ],
            className="small",
        ),
        html.P(t("room_saves_here", language), className="small mb-0"),
    ]


def room_badge(room: Room | None, language: str) -> list[Any] | str:
    """Always in the header, in workshop mode too: where this browser saves."""
    if room is None:
        return t("room_open_workspace", language)
    return [
        html.Span(t("room_current", language, name=room["name"]), className="me-2"),
        html.Span(spoken_code(room["code"]), className="sk-room-badge-code"),
    ]


def save_pending() -> html.Div:
    """Where "Sparar …" shows until the server acknowledges the save, or the warning that it
    never did (written in the browser, ``assets/rooms.js``)."""
    return html.Div(id=ids.SAVE_PENDING, role="status", className="sk-save-pending")


WATCHED_IDS: dict[str, Any] = {
    "data-save-output": f"{ids.SAVE_ACK}.data",
    "data-save-button": ids.SAVE,
    "data-failed-store": ids.SAVE_FAILED,
}


def save_stores(language: str) -> list[Any]:
    """The browser side of an acknowledged save: which click is waiting, which one the server
    answered, and the two texts the browser writes itself."""
    texts = {key: t(key, language) for key in ("save_pending", "save_unconfirmed")}
    return [
        dcc.Store(id=ids.SAVE_TOKEN, data=None),
        dcc.Store(id=ids.SAVE_ACK, data=None),
        dcc.Store(id=ids.SAVE_FAILED, data=None),
        dcc.Store(id=ids.SAVE_TEXTS, data=texts),
        # the ids assets/rooms.js watches requests for, from ids.py rather than written twice
        html.Div(hidden=True, className="sk-save-ids", **WATCHED_IDS),
    ]
