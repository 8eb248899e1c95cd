"""Export buttons → a download of the current result in the chosen format."""

from __future__ import annotations

import base64
from typing import Any

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx, html, no_update

from dashapp import ids
from dashapp.data import dataset, dataset_for
from dashapp.downloads import EXPORTS
from dashapp.i18n import t
from dashapp.uploads import MAX_NAME_CHARS, check_upload, shown_problems
from models.dataset import Dataset
from models.errors import ResultError
from models.solution import Solution


def export_file(kind: str, solution: Solution, data: Dataset, language: str) -> dict[str, Any]:
    """The dcc.Download dict for one export kind."""
    name = solution.scenario.name or "scenario"
    stem = "servicekartan-" + "".join(c if c.isalnum() else "-" for c in name).strip("-").lower()
    suffix, build = EXPORTS[kind]
    content = build(solution, data, language)
    separator = "-" if "." in suffix else "."
    # the dict dcc.Download takes, as dcc.send_bytes builds it
    encoded = base64.b64encode(content).decode("ascii")
    return {"content": encoded, "filename": f"{stem}{separator}{suffix}", "base64": True}


@callback(
    Output(ids.DOWNLOAD, "data"),
    Input(ids.export_button(ALL), "n_clicks"),
    State(ids.RESULT_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def download(_clicks: list[int | None], result: dict[str, Any] | None, language: str) -> Any:
    button = ctx.triggered_id
    if not isinstance(button, dict) or not ctx.triggered[0]["value"] or not result:
        return no_update
    kind = button.get("kind")
    if not isinstance(kind, str) or kind not in EXPORTS:
        return no_update  # a crafted request naming no export
    try:
        solution = Solution.from_dict(result)
    except ResultError:
        return no_update  # a damaged store: the page shows the last good result
    return export_file(kind, solution, dataset_for(solution.scenario), language)


@callback(
    Output(ids.UPLOAD_RESULT, "children"),
    Input(ids.UPLOAD, "contents"),
    State(ids.UPLOAD, "filename"),
    State(ids.UPLOAD_KIND, "value"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def check_uploaded(contents: str | None, filename: str, kind: str, language: str) -> Any:
    """Every problem in an uploaded file, one line each, in both languages; never a crash."""
    if not contents:
        return no_update
    rows, problems = check_upload(kind, contents, filename, dataset())
    shown = str(filename or "?")[:MAX_NAME_CHARS]  # set as text by Dash, never as markup
    if not problems:
        return dbc.Alert(t("upload_ok", language, file=shown, rows=rows), color="success")
    listed, total = shown_problems(problems)
    summary = t("upload_problems", language, file=shown, count=total)
    lines = [html.Li(p.line()) for p in listed]
    return dbc.Alert(
        [html.Strong(summary), html.Ul(lines, className="mb-0 small")], color="warning"
    )
