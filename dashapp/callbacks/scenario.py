"""Controls → scenario store (with undo history) → URL; undo and opening a saved scenario."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from dash import ALL, Input, Output, State, callback, ctx, no_update

from dashapp import ids
from dashapp.components.controls import BUDGET_MAX_SEK, control_panel
from dashapp.data import dataset
from dashapp.scenario_form import scenario_from_controls
from dashapp.storage import ScenarioStorage
from models.scenario import Scenario

HISTORY_LENGTH = 20


@callback(
    Output(ids.BUDGET_SLIDER, "value"),
    Output(ids.BUDGET_INPUT, "value"),
    Input(ids.BUDGET_SLIDER, "value"),
    Input(ids.BUDGET_INPUT, "value"),
    prevent_initial_call=True,
)
def sync_budget(slider: float | None, exact: float | None) -> tuple[Any, Any]:
    """The slider moves in steps; the exact input takes any amount (and moves the slider)."""
    if ctx.triggered_id == ids.BUDGET_SLIDER:
        return no_update, slider
    if exact is None or exact < 0:
        return no_update, no_update
    return min(exact, BUDGET_MAX_SEK), no_update


@callback(
    Output(ids.SCENARIO_STORE, "data"),
    Output(ids.HISTORY_STORE, "data"),
    Input(ids.BUDGET_INPUT, "value"),
    Input(ids.MODE, "value"),
    Input(ids.KOMMUN, "value"),
    Input({"type": "threshold", "service": ALL}, "value"),
    Input({"type": "weight", "service": ALL}, "value"),
    Input(ids.BASKET_WEIGHT, "value"),
    Input(ids.ELDERLY_WEIGHT, "value"),
    Input(ids.FAIRNESS, "value"),
    Input(ids.MIN_SHARE, "value"),
    Input(ids.SHARE_LIMIT, "value"),
    Input(ids.COLOCATION, "value"),
    Input(ids.LOCKS_STORE, "data"),
    State({"type": "threshold", "service": ALL}, "id"),
    State(ids.SCENARIO_STORE, "data"),
    State(ids.HISTORY_STORE, "data"),
    prevent_initial_call=True,
)
def collect_scenario(
    budget: float | None,
    mode: str,
    kommun: str | None,
    thresholds: list[float],
    weights: list[float],
    basket_weight: float,
    elderly_weight: float,
    fairness: str,
    min_share: float,
    share_limit: float,
    colocation: float,
    locks: list[dict[str, Any]] | None,
    service_ids: list[dict[str, str]],
    current: dict[str, Any] | None,
    history: list[dict[str, Any]] | None,
) -> tuple[Any, Any]:
    """One step: the controls' values become the scenario; the previous one goes on the undo
    stack (only when something really changed, so re-rendered controls add nothing)."""
    base = Scenario.from_dict(current) if current else Scenario()
    services = [i["service"] for i in service_ids]
    scenario = scenario_from_controls(
        base,
        budget,
        mode,
        kommun,
        dict(zip(services, thresholds, strict=True)),
        dict(zip(services, weights, strict=True)),
        {
            "basket_weight": basket_weight,
            "elderly_weight": elderly_weight,
            "fairness": fairness,
            "min_kommun_share": min_share,
            "max_share_min": share_limit,
            "colocation_saving_share": colocation,
        },
        locks or [],
    )
    data = scenario.to_dict()
    if data == current:
        return no_update, no_update
    stack = [*(history or []), current][-HISTORY_LENGTH:] if current else history or []
    return data, stack


def _restore(scenario: Scenario, language: str) -> tuple[Any, dict[str, Any], list[Any]]:
    panel = control_panel(scenario, dataset(), language)
    return panel, scenario.to_dict(), [asdict(lock) for lock in scenario.locks]


@callback(
    Output(ids.CONTROLS, "children"),
    Output(ids.HISTORY_STORE, "data", allow_duplicate=True),
    Output(ids.SCENARIO_STORE, "data", allow_duplicate=True),
    Output(ids.LOCKS_STORE, "data", allow_duplicate=True),
    Input(ids.UNDO, "n_clicks"),
    State(ids.HISTORY_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def undo(_clicks: int | None, history: list[dict[str, Any]] | None, language: str) -> Any:
    if not history:
        return no_update, no_update, no_update, no_update
    panel, data, locks = _restore(Scenario.from_dict(history[-1]), language)
    return panel, history[:-1], data, locks


@callback(
    Output(ids.CONTROLS, "children", allow_duplicate=True),
    Output(ids.HISTORY_STORE, "data", allow_duplicate=True),
    Output(ids.SCENARIO_STORE, "data", allow_duplicate=True),
    Output(ids.LOCKS_STORE, "data", allow_duplicate=True),
    Input({"type": "load-saved", "id": ALL}, "n_clicks"),
    State(ids.SCENARIO_STORE, "data"),
    State(ids.HISTORY_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    prevent_initial_call=True,
)
def open_saved(
    clicks: list[int | None], current: dict[str, Any] | None, history: list[Any], language: str
) -> Any:
    if not any(clicks) or not isinstance(ctx.triggered_id, dict):
        return no_update, no_update, no_update, no_update
    saved = ScenarioStorage().get(int(ctx.triggered_id["id"]))
    if saved is None:
        return no_update, no_update, no_update, no_update
    panel, data, locks = _restore(Scenario.from_json(saved.scenario_json), language)
    stack = [*(history or []), current][-HISTORY_LENGTH:] if current else history
    return panel, stack, data, locks
