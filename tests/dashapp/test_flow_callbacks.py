"""One facilitator's change, step by step: control → scenario → result → KPIs and map."""

from __future__ import annotations

from typing import Any

import dash
from dash import no_update

from dashapp.callbacks import page, place, results, scenario, solve
from dashapp.components.results import kommun_table
from dashapp.data import dataset, read_scenario
from dashapp.data import solve as solve_data
from dashapp.scenario_form import decode, toggle_lock
from models.scenario import Scenario
from models.solution import Solution

SERVICES = ["grocery", "fuel", "pharmacy", "parcel", "cash"]
IDS = [{"type": "threshold", "service": s} for s in SERVICES]
DEFAULT = Scenario()
LOCK_IN = {"type": "lock", "place": "0763TB103", "service": "grocery", "action": "in"}


def _update(
    budget=2_000_000,
    mode="complementary",
    kommun="all",
    current=None,
    history=None,
    share_limit=0,
    colocation=0.0,
) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Call the scenario store's writer as a control change does, with named inputs."""
    controls = {
        "budget_sek": budget,
        "mode": mode,
        "candidate_kommuner": kommun,
        "basket_weight": 0.5,
        "elderly_weight": 0.0,
        "fairness": "none",
        "min_kommun_share": 0.0,
        "max_share_min": share_limit,
        "colocation_saving_share": colocation,
    }
    per_service = {
        "threshold_min": [s.threshold_min for s in DEFAULT.services],
        "weight": [s.weight for s in DEFAULT.services],
    }
    return scenario.update_scenario(
        controls,
        per_service,
        None,
        None,
        IDS,
        current if current is not None else DEFAULT.to_dict(),
        history or [],
        "sv",
    )


def _collect(**kwargs: Any) -> tuple[Any, Any]:
    out = _update(**kwargs)
    return out["scenario"], out["history"]


def test_budget_slider_and_exact_input_stay_in_step(trigger) -> None:  # type: ignore[no-untyped-def]
    trigger("budget-slider.value")
    assert scenario.sync_budget(750_000, "2 000 000", 2e6, "sv")[:3] == (
        no_update,
        "750\u00a0000",
        750_000,
    )
    trigger("budget-input.value")
    assert scenario.sync_budget(750_000, "1234567", 2e6, "sv")[::2] == (1_234_567, 1_234_567, False)
    assert scenario.sync_budget(750_000, "99000000", 2e6, "sv")[0] == 10_000_000  # slider tops out


def test_controls_become_a_scenario_and_push_undo_history(trigger) -> None:  # type: ignore[no-untyped-def]
    trigger("budget-input.value", 1_000_000)
    data, history = _collect(budget=1_000_000, mode="self_sufficient", kommun="0763")
    changed = Scenario.from_dict(data)
    assert changed.budget_sek == 1_000_000
    assert changed.mode == "self_sufficient"
    assert changed.candidate_kommuner == ("0763",)
    assert history == [DEFAULT.to_dict()]


def test_unchanged_controls_do_not_touch_the_store(trigger) -> None:  # type: ignore[no-untyped-def]
    trigger("budget-input.value", 2_000_000)
    assert _collect() == (no_update, no_update)


def _payload(data: dict[str, Any], kommun: str = "all", language: str = "sv") -> dict[str, Any]:
    registry = dataset().registry
    return solve.solve_payload(lambda: solve_data(read_scenario(data)), registry, kommun, language)


def test_solve_gives_a_result_and_errors_become_an_alert() -> None:
    out = _payload(Scenario(budget_sek=500_000).to_dict())
    assert out["result"]["status"] == "optimal" and out["result"]["cost_sek"] <= 500_000
    assert out["alert_open"] is False and out["stale"] == ""
    impossible = Scenario(budget_sek=0, locks=(), fairness="min_share", min_kommun_share=1.0)
    out = _payload(impossible.to_dict())
    assert out["result"] is no_update and out["kpis"] is no_update and out["alert_open"] is True
    assert "går inte att uppfylla" in str(out["alert"])
    assert "cannot all hold" in str(_payload(impossible.to_dict(), language="en")["alert"])


def test_the_solve_answers_with_the_kpi_cards_of_the_kommun_view() -> None:
    """The cards come in the solve's own answer (one round trip sooner than from the store),
    for the kommun on view; the kommun filter redraws them from the stored result."""
    county = _payload(DEFAULT.to_dict())
    tingsryd = _payload(DEFAULT.to_dict(), kommun="0763")
    assert len(county["kpis"]) == len(county["result"]["covered"]) + 1
    assert "Dagligvaror" in str(county["kpis"][0])
    assert str(county["kpis"][0]) != str(tingsryd["kpis"][0])
    assert county["panel"] == solve.KPI_PANEL_CLASS


def test_auto_solve_off_waits_for_the_button(trigger) -> None:  # type: ignore[no-untyped-def]
    trigger("solve-request-store.data", {})
    assert solve.solve_scenario({}, None, DEFAULT.to_dict(), False, "all", "sv") == solve.NO_ANSWER
    trigger("solve.n_clicks", 1)
    out = solve.solve_scenario({}, 1, DEFAULT.to_dict(), False, "all", "sv")
    assert out["result"]["status"] == "optimal"


def test_kpis_follow_the_result_and_the_kommun_filter(result, trigger) -> None:  # type: ignore[no-untyped-def]
    trigger("result-store.data", result)
    # the solve drew the cards for the view on screen: nothing to redraw
    assert results.show_kpis(result, "all", "all", "sv") == (no_update, no_update)
    trigger("kommun.value", "0763")
    county, drawn_for = results.show_kpis(result, "all", "all", "sv")
    tingsryd, _ = results.show_kpis(result, "0763", "all", "sv")
    assert drawn_for == "all"
    assert len(county) == len(result["covered"]) + 1
    assert str(county[0]) != str(tingsryd[0])
    assert "Dagligvaror" in str(county[0]) and "jämfört med i dag" in str(county[0])
    assert "Groceries" in str(results.show_kpis(result, "all", "all", "en")[0][0])


def test_a_background_answer_for_an_earlier_view_is_drawn_again(result, trigger) -> None:  # type: ignore[no-untyped-def]
    """Dash does not hold the view's callback back while a background solve runs: a kommun
    chosen meanwhile is drawn at once from the old result, then the job answers with cards
    for the kommun it was asked with; those are redrawn for the view on screen."""
    trigger("result-store.data", result)
    cards, drawn_for = results.show_kpis(result, "0763", "all", "sv")
    assert drawn_for == "0763"
    assert results.show_kpis(result, "0763", "0763", "sv") == (no_update, no_update)
    trigger("kommun.value", "0763")
    assert str(cards[0]) == str(results.show_kpis(result, "0763", "all", "sv")[0][0])


def test_map_styles_come_from_the_result_through_hideout(result) -> None:  # type: ignore[no-untyped-def]
    places, kommuner = results.style_places(result, "0763")
    supported = {a["place_id"] for a in result["actions"]}
    assert {p for p, s in places["status"].items() if s == "supported"} == supported
    assert places["colors"]["supported"] and places["default"] == "none"
    assert kommuner["kommun"] == "0763"
    demand = results.style_demand(result, "grocery")
    assert demand["uncovered"] == result["uncovered_demand"]["grocery"]
    assert results.style_demand(None, "grocery")["uncovered"] is None


def test_actions_and_kommun_tables(result) -> None:  # type: ignore[no-untyped-def]
    rows = results.show_actions(result, "all", "sv")
    assert len(rows) == len(result["actions"])
    assert {r["action"] for r in rows} <= {"behåll", "etablera"}
    only_ljungby = results.show_actions(result, "0781", "sv")
    assert only_ljungby and all(r["kommun"] == "Ljungby" for r in only_ljungby)
    kommuner = results.show_kommuner(result, "grocery", "sv")
    assert sum(r["population"] for r in kommuner) == 203_351
    # each figure sorts as a number and reads the Swedish way: 40 000 kr, 80,2 %, 1 401
    action = max(rows, key=lambda r: r["cost"])
    assert action["cost_text"] == f"{action['cost']:,.0f}".replace(",", "\u00a0") + " kr"
    assert action["only_it_text"] == f"{action['only_it']:,.0f}".replace(",", "\u00a0")
    assert len({r["row_id"] for r in rows}) == len(rows)  # what a click on a row reports
    ljungby = next(r for r in kommuner if r["kommun"] == "Ljungby")
    assert ljungby["share_text"] == f"{100 * ljungby['share']:.1f}".replace(".", ",") + "\u00a0%"
    assert "kommun_kod" not in [c["field"] for c in kommun_table("sv").columnDefs]
    english = results.show_kommuner(result, "grocery", "en")[0]
    assert english["population_text"] == f"{english['population']:,.0f}"


def test_kommun_filter_zooms_the_map_and_a_picked_place_centres_it(trigger) -> None:  # type: ignore[no-untyped-def]
    trigger("selected-place-store.data", "0763TB103")
    assert results.move_map("all", "0763TB103")["zoom"] == 10
    trigger("kommun.value", "0765")
    viewport = results.move_map("0765", "0763TB103")
    (south, west), (north, east) = viewport["bounds"]
    assert 56.3 < south < north < 56.8 and 13.8 < west < east < 14.6  # Älmhult kommun


def test_locking_from_the_card_reaches_the_scenario(trigger, press) -> None:  # type: ignore[no-untyped-def]
    press('{"action":"in","place":"0763TB103","service":"grocery","type":"lock"}', 1)
    out = scenario.update_scenario({}, {}, None, None, IDS, DEFAULT.to_dict(), [], "sv")
    locked = Scenario.from_dict(out["scenario"])
    assert [(k.place_id, k.service, k.locked_in) for k in locked.locks] == [
        ("0763TB103", "grocery", True)
    ]
    assert out["history"] == [DEFAULT.to_dict()]
    assert toggle_lock(locked, "0763TB103", "grocery", "unlock").locks == ()
    solved = _payload(out["scenario"])["result"]
    assert any(a["place_id"] == LOCK_IN["place"] for a in solved["actions"])
    press('{"action":"in","place":"0763TB103","service":"grocery","type":"lock"}', None)
    appearing = scenario.update_scenario({}, {}, None, None, IDS, None, [], "sv")
    assert appearing["scenario"] is no_update  # a button drawn in a new card is no click


def test_place_card_opens_on_click(trigger, result) -> None:  # type: ignore[no-untyped-def]
    trigger("map-places.clickData", {})
    assert (
        place.select_place(
            {"properties": {"id": "0763TB103"}}, [], None, None, None, None, None, None
        )
        == "0763TB103"
    )
    shop = {"properties": {"id": "grocery-0100", "place": "0763TB103"}}
    trigger('{"service":"grocery","type":"map-points"}.clickData', shop)
    assert place.select_place(None, [shop], None, None, None, None, None, None) == "0763TB103"
    # a table row reports its row id (sorting moves rows, so never its position)
    trigger("critical-table.cellClicked", {})
    rows = [{"row_id": "p1", "place_id": "0763TB103"}, {"row_id": "p2", "place_id": "0780TC110"}]
    clicked = {"rowId": "p2", "rowIndex": 0, "colId": "point"}
    assert place.select_place(None, [], None, None, clicked, None, None, rows) == "0780TC110"
    assert (
        place.select_place(None, [], None, None, {"rowId": "gone"}, None, None, rows) is no_update
    )
    trigger("actions-table.cellClicked", {})
    actions = [{"row_id": "0763TB103/grocery", "place_id": "0763TB103"}]
    clicked = {"rowId": "0763TB103/grocery"}
    assert place.select_place(None, [], None, clicked, None, None, actions, rows) == "0763TB103"
    # "Mina orter": a row is a place; its card is where a point is closed
    trigger("my-places-table.cellClicked", {})
    mine = {"rowId": "0763TB108"}
    assert place.select_place(None, [], None, None, None, mine, None, None) == "0763TB108"
    trigger("my-places-table.cellClicked", {})
    clicked_row = {"rowId": "0763TB103"}
    picked, is_open, title, body = place.open_card(
        None, [], None, None, None, clicked_row, result, None, None, None, None, "sv", False
    )
    assert (picked, is_open, title) == ("0763TB103", True, "Konga")
    assert "Lås in" in str(body)
    # a new result redraws an open card, and leaves a closed one alone (no solve for it)
    trigger("result-store.data", result)
    redrawn = place.open_card(
        None, [], None, None, None, None, result, None, None, None, picked, "sv"
    )
    assert redrawn[0] is dash.no_update and redrawn[2] == "Konga"
    closed = place.open_card(
        None, [], None, None, None, None, result, None, None, None, picked, "sv", False
    )
    assert closed == (dash.no_update,) * 4


def test_undo_restores_the_previous_scenario(trigger) -> None:  # type: ignore[no-untyped-def]
    previous = Scenario(budget_sek=300_000).to_dict()
    trigger("undo.n_clicks", 1)
    out = scenario.update_scenario({}, {}, None, 1, IDS, DEFAULT.to_dict(), [previous], "sv")
    assert out["scenario"] == previous and out["history"] == []
    assert "300000" in str(out["controls"])
    empty = scenario.update_scenario({}, {}, None, 2, IDS, DEFAULT.to_dict(), [], "sv")
    assert all(v is no_update for v in empty.values())


def test_undo_walks_back_several_steps(trigger) -> None:  # type: ignore[no-untyped-def]
    current, history = DEFAULT.to_dict(), []
    for budget in (3_000_000, 4_000_000, 5_000_000):
        trigger("budget-input.value", budget)
        current, history = _collect(budget=budget, current=current, history=history)
    assert [Scenario.from_dict(h).budget_sek for h in history] == [2e6, 3e6, 4e6]
    trigger("undo.n_clicks", 1)
    for expected in (4e6, 3e6, 2e6):
        out = scenario.update_scenario({}, {}, None, 1, IDS, current, history, "sv")
        current, history = out["scenario"], out["history"]
        assert Scenario.from_dict(current).budget_sek == expected


def test_the_url_carries_the_scenario_and_the_language_link_keeps_it() -> None:
    data = Scenario(budget_sek=1_500_000, mode="self_sufficient").to_dict()
    search, href = page.scenario_to_url(data, False, None, "sv")
    assert search.startswith("?lang=sv") and href.startswith("?lang=en")
    assert decode(search) == Scenario.from_dict(data)
    assert decode(href) == Scenario.from_dict(data)


def test_same_scenario_is_solved_once_and_the_result_stays_small(result) -> None:  # type: ignore[no-untyped-def]
    import json

    from dashapp.data import solve as solve_cached

    assert solve_cached(Scenario()) is solve_cached(Scenario())  # cached per scenario
    assert solve_cached(Scenario()).to_dict() == result
    assert Solution.from_dict(result).to_dict() == result  # the store round-trips exactly
    assert len(json.dumps(result)) < 100_000


def test_sharing_limit_and_colocation_controls_reach_the_scenario(trigger) -> None:  # type: ignore[no-untyped-def]
    trigger("share-limit.value", 12)
    data, _ = _collect(share_limit=12, colocation=20)  # the slider shows per cent
    changed = Scenario.from_dict(data)
    assert changed.max_share_min == 12.0 and changed.colocation_saving_share == 0.2
    back, _ = _collect(current=data)
    assert Scenario.from_dict(back).max_share_min is None  # 0 on the slider: no limit


def test_a_name_is_not_a_new_solve_but_each_solution_keeps_its_name(result) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from dashapp.data import _solve
    from dashapp.data import solve as solve_cached

    base = Scenario(budget_sek=1_234_000)
    first = solve_cached(replace(base, name="Förmiddag"))
    solves = _solve.cache_info().misses
    second = solve_cached(replace(base, name="Eftermiddag <b>"))
    assert _solve.cache_info().misses == solves  # the model did not run again
    assert first.scenario.name == "Förmiddag" and second.scenario.name == "Eftermiddag <b>"
    assert first.covered == second.covered and first.actions == second.actions
