"""The budget–coverage curve and its nested priority list, computed in the background: the
curve draws its points as each budget is solved, and a new press, "Avbryt" or a changed
scenario cancels the run."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import dash_bootstrap_components as dbc
import plotly.io as pio
from dash import Input, Output, State, callback, dcc, html, no_update

from dashapp import formats, ids
from dashapp.background import POLL_MS, job_dataset, job_scenario
from dashapp.components.results import POINT_CHOICES
from dashapp.i18n import t
from dashapp.present import Row, shown
from models.analysis import BudgetCurve, budget_curve_steps
from models.errors import ServicekartanError
from models.scenario import Scenario
from models.services import ServiceRegistry

STEPS = POINT_CHOICES[0]


def curve_budgets(budget_sek: float, steps: int = STEPS) -> list[float]:
    """``steps`` budgets from zero to twice the scenario's (at least 2 MSEK), so the curve
    shows what more money would buy as well as what less would lose."""
    top = max(2 * budget_sek, 2_000_000.0)
    return [round(top * k / (steps - 1), -3) for k in range(steps)]


@lru_cache(maxsize=1)
def _template() -> dict[str, Any]:
    """Plotly's default look, which the app's other charts get from ``go.Figure``."""
    return dict(pio.templates[pio.templates.default].to_plotly_json())


def curve_figure(
    curve: BudgetCurve, language: str, budget_sek: float | None = None, top_sek: float = 0.0
) -> dict[str, Any]:
    """The curve, with a line at the scenario's own budget (where the room stands now). With
    ``top_sek`` the budget axis runs to that budget, so a curve still being computed fills in
    from the left rather than rescaling at every point. A plain figure dict, as ``go.Figure``
    would write it: it is built at every point while the curve is computed, and
    ``go.Figure``'s checks took 20 ms each time (0.2 s of the curve)."""
    xaxis: dict[str, Any] = {
        "title": {"text": t("curve_axis_budget", language)},
        **formats.axis(1),
    }
    if top_sek > 0:
        xaxis["range"] = [-0.03 * top_sek / 1e6, 1.03 * top_sek / 1e6]
    layout: dict[str, Any] = {
        "template": _template(),
        "margin": {"l": 60, "r": 10, "t": 10, "b": 50},
        "height": 320,
        **formats.chart_layout(
            language,
            xaxis=xaxis,
            yaxis={"title": {"text": t("curve_axis_people", language)}, **formats.axis(0)},
        ),
    }
    if budget_sek is not None:
        x = budget_sek / 1e6
        on_x = {"x0": x, "x1": x, "xref": "x", "y0": 0, "y1": 1, "yref": "y domain"}
        layout["shapes"] = [{"type": "line", **on_x, "line": {"color": "#D55E00", "dash": "dash"}}]
        layout["annotations"] = [
            {
                "showarrow": False,
                "text": t("curve_current_budget", language),
                "x": x,
                "xanchor": "right",
                "xref": "x",
                "y": 1,
                "yanchor": "top",
                "yref": "y domain",
            }
        ]
    trace = {
        "type": "scatter",
        "x": [s.budget_sek / 1e6 for s in curve.steps],
        "y": [s.solution.objective for s in curve.steps],
        "mode": "lines+markers",
        "line": {"color": "#0072B2"},
    }
    return {"data": [trace], "layout": layout}


def priority_rows(curve: BudgetCurve, registry: ServiceRegistry, language: str) -> list[Row]:
    return [
        {
            **shown("rank", p.rank, formats.number(p.rank, language)),
            "place": p.action.place_name,
            "service": registry.label(p.action.service, language),
            "action": t(f"action_{p.action.action}", language),
            **shown("cost", p.action.cost_sek, formats.money(p.action.cost_sek, language)),
            **shown("from_budget", p.from_budget_sek, formats.money(p.from_budget_sek, language)),
            **shown(
                "gained", p.action.people_gained, formats.number(p.action.people_gained, language)
            ),
            **shown(
                "per_msek",
                p.action.people_per_msek,
                formats.optional(p.action.people_per_msek, language),
            ),
        }
        for p in curve.priorities()
    ]


def progress_view(
    curve: BudgetCurve, done: int, steps: int, language: str, budget_sek: float, top_sek: float
) -> html.Div:
    """While the curve is computed: which budget is being solved, a bar, the points so far."""
    parts: list[Any] = [
        html.Div(
            t("curve_progress", language, step=min(done + 1, steps), steps=steps),
            className="sk-progress-text",
        ),
        dbc.Progress(value=done, max=steps, className="sk-progress-bar"),
    ]
    if curve.steps:
        figure = curve_figure(curve, language, budget_sek, top_sek)
        parts.append(dcc.Graph(figure=figure, config={"displaylogo": False}))
    return html.Div(parts, className="sk-progress")


def curve_outputs(
    curve: BudgetCurve, data: dict[str, Any], scenario: Scenario, language: str
) -> tuple[Any, ...]:
    """(graph, priority rows, the scenario it belongs to, alert, alert open) for a curve."""
    top = max(curve_budgets(scenario.budget_sek))
    figure = curve_figure(curve, language, scenario.budget_sek, top)
    graph = dcc.Graph(figure=figure, config={"displaylogo": False})
    rows = priority_rows(curve, job_dataset().registry, language)
    return graph, rows, data, no_update, no_update


@callback(
    Output(ids.CURVE_GRAPH, "children"),
    Output(ids.PRIORITY_TABLE, "rowData"),
    Output(ids.CURVE_SCENARIO, "data"),
    Output(ids.ERROR, "children", allow_duplicate=True),
    Output(ids.ERROR, "is_open", allow_duplicate=True),
    Input(ids.CURVE_BUTTON, "n_clicks"),
    State(ids.SCENARIO_STORE, "data"),
    State(ids.LANGUAGE_STORE, "data"),
    State(ids.CURVE_POINTS, "value"),
    background=True,
    progress=[Output(ids.CURVE_PROGRESS, "children")],
    progress_default=[None],  # cleared when the run ends or is cancelled
    # a new press supersedes the run by itself (Dash ends a callback's previous job)
    cancel=[Input(ids.CURVE_CANCEL, "n_clicks"), Input(ids.SCENARIO_STORE, "data")],
    running=[
        (Output(ids.CURVE_CANCEL, "hidden"), False, True),
        (Output(ids.CURVE_GRAPH, "hidden"), True, False),
    ],
    interval=POLL_MS,
    prevent_initial_call=True,
)
def show_curve(
    set_progress: Callable[[Any], None],
    _clicks: int | None,
    data: dict[str, Any] | None,
    language: str,
    points: Any = STEPS,
) -> tuple[Any, ...]:
    """Runs as a background job: no Flask context, settings via dashapp/background.py."""
    if not data:
        return no_update, no_update, no_update, no_update, no_update
    steps = int(points) if points in POINT_CHOICES else STEPS
    try:
        scenario = job_scenario(data)
        budgets = curve_budgets(scenario.budget_sek, steps)
        curve = BudgetCurve(())
        set_progress(progress_view(curve, 0, steps, language, scenario.budget_sek, max(budgets)))
        for done, curve in budget_curve_steps(job_dataset(), scenario, budgets):
            view = progress_view(curve, done, steps, language, scenario.budget_sek, max(budgets))
            set_progress(view)
    except ServicekartanError as error:
        return no_update, no_update, no_update, error.message(language), True
    return curve_outputs(curve, data, scenario, language)
