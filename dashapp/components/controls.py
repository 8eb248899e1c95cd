"""The control panel, built from a scenario so that a URL, undo or a saved scenario restore it."""

from __future__ import annotations

from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashapp import ids
from dashapp.i18n import t
from dashapp.scenario_form import budget_text
from models.dataset import Dataset
from models.scenario import Scenario

BUDGET_MAX_SEK = 10_000_000
BUDGET_STEP_SEK = 50_000
ALL_KOMMUNER = "all"  # the kommun filter's "whole county" (a select cannot show an empty value)


def dropdown_labels(language: str) -> dcc.Dropdown.Labels:
    """A dcc.Dropdown's own words (Dash writes "Search", "No options found" … in English)."""
    return {
        "search": t("dropdown_search", language),
        "clear_search": t("dropdown_clear_search", language),
        "clear_selection": t("dropdown_clear_selection", language),
        "no_options_found": t("dropdown_no_options_found", language),
        "select_all": t("dropdown_select_all", language),
        "deselect_all": t("dropdown_deselect_all", language),
        "selected_count": t("dropdown_selected_count", language),
    }


def _slider(**values: Any) -> dcc.Slider:
    """Sliders without Dash's own number box (the budget has an exact input of its own) that
    report on release, not while dragging; the value shows at all times."""
    values.setdefault("tooltip", {"placement": "top", "always_visible": True})
    return dcc.Slider(allow_direct_input=False, updatemode="mouseup", **values)


def _weight_slider(component_id: Any, value: float, language: str, **extra: Any) -> dcc.Slider:
    # the value shows with a decimal comma in Swedish (assets/map.js: dccFunctions)
    transform = {"transform": "decimalComma"} if language != "en" else {}
    return _slider(
        id=component_id,
        min=0,
        max=2,
        step=0.1,
        value=value,
        marks={0: "0", 1: "1", 2: "2"},
        tooltip={"placement": "top", "always_visible": True, **transform},
        **extra,
    )


def _label(text: str, target: Any = None) -> dbc.Label:
    return dbc.Label(text, html_for=target if isinstance(target, str) else None, className="mb-0")


def _budget(scenario: Scenario, language: str) -> html.Div:
    marks = {v: f"{v // 1_000_000}" for v in range(0, BUDGET_MAX_SEK + 1, 2_000_000)}
    return html.Div(
        [
            _label(t("budget", language), ids.BUDGET_INPUT),
            _slider(
                id=ids.BUDGET_SLIDER,
                min=0,
                max=BUDGET_MAX_SEK,
                step=BUDGET_STEP_SEK,
                value=min(scenario.budget_sek, BUDGET_MAX_SEK),
                marks=marks,
                tooltip={"placement": "bottom"},
            ),
            # text, not type="number": the browser would blank "2 500 000" and "2,5 mnkr"
            dbc.Input(
                id=ids.BUDGET_INPUT,
                type="text",
                inputMode="decimal",
                value=budget_text(scenario.budget_sek, language),
                debounce=True,
                size="sm",
                autoComplete="off",
            ),
            html.Div(t("budget_help", language), className="small text-muted"),
            html.Div(
                id=ids.BUDGET_MESSAGE, className="sk-budget-message small text-danger", role="alert"
            ),
            dcc.Store(id=ids.BUDGET_VALUE, data=scenario.budget_sek),
        ],
        className="mb-3",
    )


def kommun_options(dataset: Dataset, language: str) -> list[dict[str, str]]:
    """ "Hela länet", then every kommun by name."""
    pairs = sorted(zip(dataset.kommun_kod, dataset.kommun_names, strict=True), key=lambda x: x[1])
    return [{"label": t("all_kommuner", language), "value": ALL_KOMMUNER}] + [
        {"label": name, "value": code} for code, name in pairs
    ]


def view_kommun(dataset: Dataset, language: str) -> html.Div:
    """ "Visa kommun": which figures the KPIs, tables and map show; the plan is unchanged.
    Outside the control panel, so undo (which rebuilds the panel) keeps the view."""
    return html.Div(
        [
            _label(t("view_kommun", language), ids.KOMMUN),
            dbc.Select(
                id=ids.KOMMUN,
                options=kommun_options(dataset, language),
                value=ALL_KOMMUNER,
                size="sm",
            ),
            html.Div(t("view_kommun_help", language), className="small text-muted"),
        ],
        className="mb-2 sk-view-kommun",
    )


def _mode_and_kommun(scenario: Scenario, dataset: Dataset, language: str) -> html.Div:
    kommun = (
        scenario.candidate_kommuner[0] if len(scenario.candidate_kommuner) == 1 else ALL_KOMMUNER
    )
    return html.Div(
        [
            _label(t("mode", language)),
            dbc.RadioItems(
                id=ids.MODE,
                options=[
                    {"label": t("mode_complementary", language), "value": "complementary"},
                    {"label": t("mode_self_sufficient", language), "value": "self_sufficient"},
                ],
                value=scenario.mode,
                className="mb-2",
            ),
            _label(t("support_kommun", language), ids.SUPPORT_KOMMUN),
            dbc.Select(
                id=ids.SUPPORT_KOMMUN,
                options=kommun_options(dataset, language),
                value=kommun,
                size="sm",
            ),
        ],
        className="mb-3",
    )


def _service_rows(scenario: Scenario, dataset: Dataset, language: str) -> html.Div:
    rows = []
    for settings in scenario.services:
        rows.append(
            html.Div(
                [
                    html.Div(
                        dataset.registry.label(settings.service, language),
                        className="fw-semibold small",
                    ),
                    html.Div(t("threshold", language), className="small text-muted"),
                    _slider(
                        id=ids.threshold(settings.service),
                        min=5,
                        max=40,
                        step=1,
                        value=settings.threshold_min,
                        marks={m: str(m) for m in (5, 10, 20, 30, 40)},
                        tooltip={
                            "placement": "bottom",
                            "always_visible": True,
                            "template": "{value} min",
                        },
                    ),
                    html.Div(t("weight", language), className="small text-muted"),
                    _weight_slider(ids.weight(settings.service), settings.weight, language),
                ],
                className="mb-3 sk-service-row",
            )
        )
    return html.Div(
        [html.Div(t("services_heading", language), className="small text-muted"), *rows]
    )


def min_share(scenario: Scenario, language: str) -> html.Div:
    """The share slider, in per cent; shown and enabled only with "Lägsta andel per kommun"."""
    chosen = scenario.fairness == "min_share"
    return html.Div(
        [
            _label(t("min_share", language)),
            html.Div(t("min_share_help", language), className="small text-muted"),
            _slider(
                id=ids.MIN_SHARE,
                min=0,
                max=100,
                step=5,
                value=round(100 * scenario.min_kommun_share),
                marks={0: "0 %", 50: "50 %", 100: "100 %"},
                disabled=not chosen,
                tooltip={"placement": "top", "always_visible": True, "template": "{value} %"},
            ),
        ],
        id=ids.MIN_SHARE_WRAP,
        hidden=not chosen,
        className="ms-3 mb-2",
    )


def _advanced(scenario: Scenario, dataset: Dataset, language: str) -> html.Div:
    has_age = dataset.demand.population_70plus is not None
    return html.Div(
        [
            _label(t("basket_weight", language)),
            _weight_slider(ids.BASKET_WEIGHT, scenario.basket_weight, language),
            _label(
                t("elderly_weight", language)
                + ("" if has_age else f" ({t('elderly_missing', language)})")
            ),
            _weight_slider(
                ids.ELDERLY_WEIGHT, scenario.elderly_weight, language, disabled=not has_age
            ),
            _label(t("fairness", language)),
            dbc.RadioItems(
                id=ids.FAIRNESS,
                options=[
                    {"label": t(f"fairness_{v}", language), "value": v}
                    for v in ("none", "min_share", "maximin")
                ],
                value=scenario.fairness,
            ),
            min_share(scenario, language),
            _label(t("share_limit", language)),
            _slider(
                id=ids.SHARE_LIMIT,
                min=0,
                max=30,
                step=1,
                value=scenario.max_share_min or 0,
                marks={0: t("off", language), 10: "10", 20: "20", 30: "30"},
                tooltip={"placement": "top", "always_visible": True, "template": "{value} min"},
            ),
            _label(t("colocation", language)),
            _slider(
                id=ids.COLOCATION,
                min=0,
                max=50,
                step=5,
                value=round(100 * scenario.colocation_saving_share),
                marks={0: "0 %", 25: "25 %", 50: "50 %"},
                tooltip={"placement": "top", "always_visible": True, "template": "{value} %"},
            ),
            html.Div(t("slow_option", language), className="small text-muted"),
            _service_rows(scenario, dataset, language),
        ],
        className="sk-advanced",
    )


def control_panel(scenario: Scenario, dataset: Dataset, language: str) -> html.Div:
    return html.Div(
        [
            _budget(scenario, language),
            _mode_and_kommun(scenario, dataset, language),
            html.Details(
                [html.Summary(t("advanced", language)), _advanced(scenario, dataset, language)],
                className="mb-3 sk-advanced-wrap",
            ),
        ]
    )


def action_buttons(language: str) -> html.Div:
    return html.Div(
        [
            dbc.Button(t("solve", language), id=ids.SOLVE, color="primary", className="me-2"),
            dbc.Button(t("undo", language), id=ids.UNDO, color="secondary", outline=True),
            dbc.Switch(
                id=ids.AUTO_SOLVE,
                label=t("auto_solve", language),
                value=True,
                className="ms-3 d-inline-block align-middle",
            ),
        ],
        className="d-flex align-items-center",
    )
