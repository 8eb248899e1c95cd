"""The budget curve tab and workshop mode, called as plain functions."""

from __future__ import annotations

import itertools
from typing import Any

import plotly.graph_objects as go
from dash import no_update

from dashapp.callbacks import curve, page
from models.scenario import Lock, Scenario


def test_curve_spans_zero_to_twice_the_budget() -> None:
    budgets = curve.curve_budgets(1_500_000)
    assert budgets[0] == 0 and budgets[-1] == 3_000_000 and len(budgets) == 10
    assert curve.curve_budgets(100_000)[-1] == 2_000_000


def test_curve_button_draws_the_curve_and_the_priority_list() -> None:
    progress: list[Any] = []
    data = Scenario(budget_sek=600_000).to_dict()
    graph, rows, asked, _, _ = curve.show_curve(progress.append, 1, data, "sv")
    assert asked == data  # the stale mark compares the scenario on screen with this one
    figure = go.Figure(graph.figure)  # a plain dict, checked by Plotly here
    people = figure.data[0].y
    assert list(people) == sorted(people) and len(people) == 10
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0]["action"] in {"behåll", "etablera"}
    assert rows[0]["cost_text"] == f"{rows[0]['cost']:,.0f}".replace(",", "\u00a0") + " kr"
    assert figure.layout.xaxis.title.text == "Budget (mnkr per år)"
    # Swedish separators on the axes, figures in full (no "10k")
    assert figure.layout.separators == ",\u00a0"
    assert figure.layout.yaxis.tickformat == ",.0f" and figure.layout.xaxis.tickformat == ",.1f"
    # the room's own budget is marked on the curve
    (line,) = figure.layout.shapes
    assert line.x0 == line.x1 == 0.6
    assert figure.layout.annotations[0].text == "Scenariots budget"
    # each step's new actions in the order of people per MSEK, with both figures shown
    for earlier, later in itertools.pairwise(rows):
        if earlier["from_budget"] == later["from_budget"]:
            assert (earlier["per_msek"] or 0) >= (later["per_msek"] or 0)
    assert all("gained_text" in r and "per_msek_text" in r for r in rows)


def test_twenty_points_on_request_with_the_progress_counting_to_twenty() -> None:
    """ "Punkter: 20" computes the budgets between as well, over the same range."""
    progress: list[Any] = []
    data = Scenario(budget_sek=900_000).to_dict()
    graph, rows, _, _, _ = curve.show_curve(progress.append, 1, data, "sv", 20)
    figure = go.Figure(graph.figure)
    assert len(figure.data[0].x) == 20 and figure.data[0].x[-1] == 2.0
    assert list(figure.data[0].y) == sorted(figure.data[0].y)
    assert " av 20 …" in str(progress[0]) and rows
    assert curve.curve_budgets(900_000, 20)[1] == round(2_000_000 / 19, -3)
    # anything else than the offered choices computes the usual ten
    ten, _, _, _, _ = curve.show_curve(lambda _: None, 1, data, "sv", "99")
    assert len(go.Figure(ten.figure).data[0].x) == 10


def test_curve_errors_show_in_the_alert_in_the_users_language() -> None:
    locked = Scenario(budget_sek=0, locks=(Lock("nowhere", "grocery"),))
    figure, rows, asked, message, is_open = curve.show_curve(print, 1, locked.to_dict(), "en")
    assert (figure, rows, asked) == (no_update, no_update, no_update)
    assert is_open is True and "unknown place" in message


def test_a_curve_below_the_lock_ins_cost_starts_where_they_are_paid() -> None:
    locked = Scenario(budget_sek=0, locks=(Lock("0763TB103", "grocery"),))
    graph, rows, _, _, _ = curve.show_curve(lambda _: None, 1, locked.to_dict(), "en")
    figure = go.Figure(graph.figure)
    assert len(figure.data[0].x) < 10  # the 0 SEK step is left out
    assert rows and rows[0]["rank"] == 1
    assert rows[0]["from_budget_text"] == f"{rows[0]['from_budget']:,.0f} SEK"
    assert figure.layout.separators == ".,"


def test_workshop_mode_switches_the_page_class() -> None:
    assert page.toggle_workshop(True) == (True, "sk-root sk-workshop")
    assert page.toggle_workshop(False) == (False, "sk-root")
