"""Export buttons → a download of the current result in the chosen format."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update

from dashapp import exports, ids
from dashapp.data import dataset
from dashapp.i18n import t
from dashapp.report import html_report
from dashapp.uploads import check_upload
from models.scenario import Scenario


def _files(payload: dict[str, Any], language: str) -> dict[str, tuple[str, Callable[[], Any]]]:
    data = dataset()
    return {
        "csv": (
            "actions.csv",
            lambda: exports.to_csv(exports.actions_frame(payload, language), data, language),
        ),
        "kpi_csv": (
            "kpi.csv",
            lambda: exports.to_csv(exports.kpi_frame(payload, language), data, language),
        ),
        "xlsx": ("xlsx", lambda: exports.to_xlsx(payload, data, language)),
        "geojson": ("geojson", lambda: exports.to_geojson(payload, data, language)),
        "gpkg": ("gpkg", lambda: exports.to_geopackage(payload, data, language)),
        "json": ("json", lambda: Scenario.from_dict(payload["scenario"]).to_json().encode()),
        "report": ("html", lambda: html_report(payload, data, language).encode()),
    }


def export_file(kind: str, payload: dict[str, Any], language: str) -> dict[str, Any]:
    """The dcc.Download dict for one export kind."""
    name = Scenario.from_dict(payload["scenario"]).name or "scenario"
    stem = "servicekartan-" + "".join(c if c.isalnum() else "-" for c in name).strip("-").lower()
    suffix, build = _files(payload, language)[kind]
    separator = "-" if "." in suffix else "."
    return dcc.send_bytes(build(), f"{stem}{separator}{suffix}")


@callback(
    Output(ids.DOWNLOAD, "data"),
    Input({"type": "export", "kind": ALL}, "n_clicks"),
    State(ids.RESULT_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def download(_clicks: list[int | None], payload: dict[str, Any] | None, language: str) -> Any:
    button = ctx.triggered_id
    if not isinstance(button, dict) or not ctx.triggered[0]["value"] or not payload:
        return no_update
    return export_file(button["kind"], payload, language)


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
    rows, problems = check_upload(kind, contents, filename or "?", dataset())
    if not problems:
        return dbc.Alert(t("upload_ok", language, file=filename, rows=rows), color="success")
    summary = t("upload_problems", language, file=filename, count=len(problems))
    lines = [html.Li(p.line()) for p in problems[:200]]
    return dbc.Alert(
        [html.Strong(summary), html.Ul(lines, className="mb-0 small")], color="warning"
    )
