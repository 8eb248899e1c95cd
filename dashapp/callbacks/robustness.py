"""Robustness runs in the background: what today's coverage loses when its most critical
points close together (models/stress.py), per service and per kommun, with progress and cancel.
The run reads today's points, the corrections and each service's travel-time limit, not the
budget or the plan, so only a change to those makes its figures out of date."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from dash import Input, Output, State, callback, html, no_update

from dashapp import formats, ids
from dashapp.background import POLL_MS, job_dataset, job_scenario
from dashapp.components.robustness import DEFAULT_K, MAX_K
from dashapp.data import read_scenario
from dashapp.i18n import t
from dashapp.present import Row, shown
from models.corrections import apply_corrections
from models.dataset import Dataset
from models.errors import ServicekartanError
from models.scenario import Scenario
from models.stress import StressResult, stress_test


def points_to_close(value: Any) -> int:
    """N from the number field: a whole number from 1 to MAX_K; empty or not a number: 5."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return DEFAULT_K
    return min(max(round(value), 1), MAX_K)


def closed_text(result: StressResult, dataset: Dataset, language: str) -> str:
    if not result.closed:
        return t("robust_nothing", language)
    points = "; ".join(
        t(
            "robust_point",
            language,
            name=c.name,
            place=c.place_name,
            service=dataset.registry.label(c.service, language).lower(),
        )
        for c in result.closed
    )
    return t("robust_closed", language, points=points)


def service_rows(result: StressResult, dataset: Dataset, language: str) -> list[Row]:
    return [
        {
            "service": dataset.registry.label(loss.service, language),
            **shown("today", loss.people_today, formats.number(loss.people_today, language)),
            **shown("after", loss.people_after, formats.number(loss.people_after, language)),
            **shown("losing", loss.people_losing, formats.number(loss.people_losing, language)),
            **shown(
                "single",
                loss.sum_of_single_losses,
                formats.number(loss.sum_of_single_losses, language),
            ),
        }
        for loss in result.losses
    ]


def kommun_rows(result: StressResult, dataset: Dataset, language: str) -> list[Row]:
    """Per kommun and service, by name (never the code), the largest loss first."""
    names = dict(zip(dataset.kommun_kod, dataset.kommun_names, strict=True))
    ordered = sorted(result.losses_by_kommun, key=lambda row: (-row[2], names.get(row[0], "")))
    return [
        {
            "kommun": str(names.get(code, code)),
            "service": dataset.registry.label(service, language),
            **shown("losing", people, formats.number(people, language)),
        }
        for code, service, people in ordered
    ]


@callback(
    Output(ids.ROBUST_BUTTON, "children"),
    Input(ids.ROBUST_K, "value"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def name_button(value: Any, language: str) -> str:
    return t("robust_button", language, k=points_to_close(value))


@callback(
    Output(ids.ROBUST_CLOSED, "children"),
    Output(ids.ROBUST_SERVICE_TABLE, "rowData"),
    Output(ids.ROBUST_KOMMUN_TABLE, "rowData"),
    Output(ids.ROBUST_SCENARIO, "data"),
    Output(ids.ERROR, "children", allow_duplicate=True),
    Output(ids.ERROR, "is_open", allow_duplicate=True),
    Input(ids.ROBUST_BUTTON, "n_clicks"),
    State(ids.ROBUST_K, "value"),
    State(ids.SCENARIO_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    background=True,
    progress=[Output(ids.ROBUST_PROGRESS, "children")],
    progress_default=[None],  # cleared when the run ends or is cancelled
    # a budget or mode change leaves the run's figures true, so only "Avbryt" cancels it; a
    # change that does matter marks the answer out of date when it arrives
    cancel=[Input(ids.ROBUST_CANCEL, "n_clicks")],
    running=[(Output(ids.ROBUST_CANCEL, "hidden"), False, True)],
    interval=POLL_MS,
    prevent_initial_call=True,
)
def run_robustness(
    set_progress: Callable[[Any], None],
    _clicks: int | None,
    k_value: Any,
    data: dict[str, Any] | None,
    language: str,
) -> tuple[Any, ...]:
    """Runs as a background job: no Flask context, settings via dashapp/background.py."""
    if not data:
        return (no_update,) * 6
    k = points_to_close(k_value)
    try:
        set_progress(html.Div(t("robust_progress_rank", language), className="sk-progress-text"))
        scenario = job_scenario(data)
        dataset = apply_corrections(job_dataset(), scenario.corrections)
        set_progress(
            html.Div(t("robust_progress_close", language, k=k), className="sk-progress-text")
        )
        result = stress_test(dataset, scenario, k)
    except ServicekartanError as error:
        return no_update, no_update, no_update, no_update, error.message(language), True
    return (
        closed_text(result, dataset, language),
        service_rows(result, dataset, language),
        kommun_rows(result, dataset, language),
        data,
        no_update,
        no_update,
    )


@callback(
    Output(ids.ROBUST_STALE, "children"),
    Input(ids.ROBUST_SCENARIO, "data"),
    Input(ids.SCENARIO_DATA, "data"),  # what robustness_inputs reads
    State(ids.LANGUAGE_STORE, "data"),
)
def mark_robustness_stale(
    asked: dict[str, Any] | None, current: dict[str, Any] | None, language: str
) -> str:
    if asked is None or current is None:
        return ""
    same = robustness_inputs(read_scenario(asked)) == robustness_inputs(read_scenario(current))
    return "" if same else t("robust_stale", language)


def robustness_inputs(scenario: Scenario) -> tuple[object, ...]:
    """What a robustness run depends on: the services and their travel-time limits, and the
    data with its corrections."""
    limits = tuple((s.service, s.threshold_min) for s in scenario.services)
    return limits, scenario.corrections, scenario.data_revision
