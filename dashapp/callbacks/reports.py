"""Reports from the Export tab, for the kommun in view (or the county) and the scenario shown."""

from __future__ import annotations

import base64
from typing import Any

from dash import ALL, Input, Output, State, callback, ctx, no_update

from dashapp import ids
from dashapp.data import dataset, dataset_for
from dashapp.i18n import t
from dashapp.reports.api import report_bytes
from dashapp.scenario_form import kommun_code
from models.errors import ResultError, ServicekartanError
from models.solution import Solution


def _kommun_name(code: str | None) -> str | None:
    data = dataset()
    names = dict(zip(data.kommun_kod.tolist(), data.kommun_names.tolist(), strict=True))
    return names.get(code) if code else None


def _report(kind: str, fmt: str, solution: Solution, kommun: str | None, language: str) -> Any:
    """(file name, bytes) of the report, or the text saying why there is none."""
    scenario = solution.scenario
    if kind == "plan" and not kommun:
        return t("report_needs_kommun", language)
    if kind == "follow-up":
        if not scenario.corrections:
            return t("report_needs_corrections", language)
        labels = (t("revision_shipped_option", language), scenario.data_revision or "–")
        return report_bytes(
            "follow-up",
            dataset_for(scenario),
            scenario,
            language,
            previous=dataset(),
            labels=labels,
        )
    if kind == "current":
        kind = "kommun" if kommun else "county"
    return report_bytes(kind, dataset(), scenario, language, kommun, fmt=fmt, solution=solution)


@callback(
    Output(ids.REPORT_DOWNLOAD, "data"),
    Output(ids.REPORT_MESSAGE, "children"),
    Input(ids.report_button(ALL, ALL), "n_clicks"),
    State(ids.RESULT_STORE, "data"),
    State(ids.KOMMUN, "value"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def download_report(
    _clicks: Any, result: dict[str, Any] | None, kommun: Any, language: str
) -> tuple[Any, Any]:
    button = ctx.triggered_id
    if not isinstance(button, dict) or not ctx.triggered[0]["value"] or not result:
        return no_update, no_update
    try:
        solution = Solution.from_dict(result)
        found = _report(
            str(button["kind"]),
            str(button["fmt"]),
            solution,
            _kommun_name(kommun_code(kommun)),
            language,
        )
    except ResultError:
        return no_update, no_update
    except ServicekartanError as error:
        return no_update, error.message(language)
    if isinstance(found, str):
        return no_update, found
    filename, content = found
    download = {"content": base64.b64encode(content).decode("ascii"), "filename": filename}
    return {**download, "base64": True}, t("report_ready", language, file=filename)
