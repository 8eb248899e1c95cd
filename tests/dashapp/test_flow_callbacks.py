"""One facilitator's change, step by step: control → scenario → result → KPIs and map."""

from __future__ import annotations

from dash import no_update

from dashapp.callbacks import page, place, results, scenario, solve
from dashapp.present import solution_payload
from dashapp.scenario_form import decode, toggle_lock
from models.scenario import Scenario

SERVICES = ["grocery", "fuel", "pharmacy", "parcel", "cash"]
IDS = [{"type": "threshold", "service": s} for s in SERVICES]
DEFAULT = Scenario()


def _collect(
    budget=2_000_000,
    mode="complementary",
    kommun="all",
    locks=None,
    current=None,
    history=None,
    share_limit=0,
    colocation=0.0,
):  # type: ignore[no-untyped-def]
    thresholds = [s.threshold_min for s in DEFAULT.services]
    weights = [s.weight for s in DEFAULT.services]
    return scenario.collect_scenario(
        budget,
        mode,
        kommun,
        thresholds,
        weights,
        0.5,
        0.0,
        "none",
        0.0,
        share_limit,
        colocation,
        locks or [],
        IDS,
        current if current is not None else DEFAULT.to_dict(),
        history or [],
    )


def test_budget_slider_and_exact_input_stay_in_step(trigger) -> None:  # type: ignore[no-untyped-def]
    trigger("budget-slider.value")
    assert scenario.sync_budget(750_000, 2_000_000) == (no_update, 750_000)
    trigger("budget-input.value")
    assert scenario.sync_budget(750_000, 1_234_567) == (1_234_567, no_update)
    assert scenario.sync_budget(750_000, 99_000_000)[0] == 10_000_000  # slider tops out


def test_controls_become_a_scenario_and_push_undo_history() -> None:
    data, history = _collect(budget=1_000_000, mode="self_sufficient", kommun="0763")
    changed = Scenario.from_dict(data)
    assert changed.budget_sek == 1_000_000
    assert changed.mode == "self_sufficient"
    assert changed.candidate_kommuner == ("0763",)
    assert history == [DEFAULT.to_dict()]


def test_unchanged_controls_do_not_touch_the_store() -> None:
    assert _collect() == (no_update, no_update)


def test_solve_gives_a_result_and_errors_become_an_alert() -> None:
    result, alert, is_open = solve.solve_payload(Scenario(budget_sek=500_000).to_dict(), "sv")
    assert result["status"] == "optimal" and result["cost_sek"] <= 500_000
    assert is_open is False
    impossible = Scenario(budget_sek=0, locks=(), fairness="min_share", min_kommun_share=1.0)
    result, alert, is_open = solve.solve_payload(impossible.to_dict(), "sv")
    assert result is no_update and is_open is True
    assert "går inte att uppfylla" in str(alert)
    _, alert_en, _ = solve.solve_payload(impossible.to_dict(), "en")
    assert "cannot all hold" in str(alert_en)


def test_auto_solve_off_waits_for_the_button(trigger) -> None:  # type: ignore[no-untyped-def]
    trigger("scenario-store.data", {})
    assert solve.solve_scenario(DEFAULT.to_dict(), None, False, "sv") == (no_update,) * 3
    trigger("solve.n_clicks", 1)
    result, _, _ = solve.solve_scenario(DEFAULT.to_dict(), 1, False, "sv")
    assert result["status"] == "optimal"


def test_kpis_follow_the_result_and_the_kommun_filter(payload) -> None:  # type: ignore[no-untyped-def]
    county = results.show_kpis(payload, "all", "sv")
    tingsryd = results.show_kpis(payload, "0763", "sv")
    assert len(county) == len(payload["covered"]) + 1
    assert str(county[0]) != str(tingsryd[0])
    assert "Dagligvaror" in str(county[0]) and "mot i dag" in str(county[0])
    assert "Groceries" in str(results.show_kpis(payload, "all", "en")[0])


def test_map_styles_come_from_the_result_through_hideout(payload) -> None:  # type: ignore[no-untyped-def]
    places, kommuner = results.style_places(payload, "0763")
    supported = {a["place_id"] for a in payload["actions"]}
    assert {p for p, s in places["status"].items() if s == "supported"} == supported
    assert kommuner == {"kommun": "0763"}
    demand = results.style_demand(payload, "grocery")
    assert demand["uncovered"] == payload["uncovered"]["grocery"]
    assert results.style_demand(None, "grocery") == {"uncovered": None}


def test_actions_and_kommun_tables(payload) -> None:  # type: ignore[no-untyped-def]
    rows = results.show_actions(payload, "all", "sv")
    assert len(rows) == len(payload["actions"])
    assert {r["action"] for r in rows} <= {"behåll", "etablera"}
    only_0780 = results.show_actions(payload, "0780", "sv")
    assert all(r["kommun"] == "0780" for r in only_0780)
    kommuner = results.show_kommuner(payload, "grocery", "sv")
    assert sum(r["population"] for r in kommuner) == 203_351


def test_kommun_filter_zooms_the_map_and_a_picked_place_centres_it(trigger) -> None:  # type: ignore[no-untyped-def]
    trigger("selected-place-store.data", "0763TB103")
    assert results.move_map("all", "0763TB103")["zoom"] == 11
    trigger("kommun.value", "0765")
    viewport = results.move_map("0765", "0763TB103")
    (south, west), (north, east) = viewport["bounds"]
    assert 56.3 < south < north < 56.8 and 13.8 < west < east < 14.6  # Älmhult kommun


def test_locking_from_the_card_reaches_the_scenario(trigger, payload) -> None:  # type: ignore[no-untyped-def]
    button = {"type": "lock", "place": "0763TB103", "service": "grocery", "action": "in"}
    trigger('{"action":"in","place":"0763TB103","service":"grocery","type":"lock"}.n_clicks', 1)
    locks = place.lock([1], [])
    assert locks == [{"place_id": "0763TB103", "service": "grocery", "locked_in": True}]
    assert toggle_lock(locks, "0763TB103", "grocery", "unlock") == []
    data, _ = _collect(locks=locks)
    solved, _, _ = solve.solve_payload(data, "sv")
    assert any(a["place_id"] == button["place"] for a in solved["actions"])


def test_place_card_opens_on_click(trigger, payload) -> None:  # type: ignore[no-untyped-def]
    trigger("map-places.clickData", {})
    assert (
        place.select_place({"properties": {"id": "0763TB103"}}, None, None, None, None)
        == "0763TB103"
    )
    trigger("critical-table.active_cell", {})
    rows = [{"place_id": "0780TC110"}]
    assert place.select_place(None, None, {"row": 0}, None, rows) == "0780TC110"
    trigger("selected-place-store.data", "0763TB103")
    is_open, title, body = place.show_card("0763TB103", payload, DEFAULT.to_dict(), "sv")
    assert is_open is True and title == "Konga"
    assert "Lås in" in str(body)


def test_undo_restores_the_previous_scenario(trigger) -> None:  # type: ignore[no-untyped-def]
    previous = Scenario(budget_sek=300_000).to_dict()
    panel, history, data, locks = scenario.undo(1, [previous], "sv")
    assert data == previous and history == [] and locks == []
    assert "300000" in str(panel)
    assert scenario.undo(1, [], "sv") == (no_update,) * 4


def test_the_url_carries_the_scenario_and_the_language_link_keeps_it() -> None:
    data = Scenario(budget_sek=1_500_000, mode="self_sufficient").to_dict()
    search, href = page.scenario_to_url(data, False, "sv")
    assert search.startswith("?lang=sv") and href.startswith("?lang=en")
    assert decode(search) == Scenario.from_dict(data)
    assert decode(href) == Scenario.from_dict(data)


def test_same_scenario_is_solved_once_and_the_payload_stays_small(payload) -> None:  # type: ignore[no-untyped-def]
    import json

    from dashapp.data import dataset
    from dashapp.data import solve as solve_cached

    assert solve_cached(Scenario()) is solve_cached(Scenario())  # cached per scenario
    assert solution_payload(dataset(), solve_cached(Scenario())) == payload
    assert len(json.dumps(payload)) < 100_000


def test_sharing_limit_and_colocation_controls_reach_the_scenario() -> None:
    data, _ = _collect(share_limit=12, colocation=0.2)
    changed = Scenario.from_dict(data)
    assert changed.max_share_min == 12.0 and changed.colocation_saving_share == 0.2
    back, _ = _collect(current=data)
    assert Scenario.from_dict(back).max_share_min is None  # 0 on the slider: no limit
