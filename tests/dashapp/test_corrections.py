"""Data corrections as an official makes them: mark, add, move, cost, undo, save, choose, export."""

from __future__ import annotations

from typing import Any

import numpy as np
from dash import no_update

from dashapp.callbacks import corrections, place, scenario
from dashapp.components.corrections import POINTS_LISTED
from dashapp.data import dataset, solve
from dashapp.downloads import EXPORTS
from dashapp.formats import number
from models.corrections import USER, Correction, added_point_id
from models.corrections_file import parse_corrections
from models.scenario import Scenario, default_scenario
from models.solution import Solution

DEFAULT = default_scenario()  # the embedded data's registry is the default one
IDS = [{"type": "threshold", "service": s.service} for s in DEFAULT.services]


def _urshult_shop() -> str:
    data = dataset()
    names = data.points.names.tolist()
    return next(
        str(data.points.ids[k])
        for k, name in enumerate(names)
        if "Urshult" in name and data.points.service[k] == "grocery"
    )


def _edit(current: dict[str, Any], **states: Any) -> dict[str, Any]:
    """The scenario store's writer called as Dash calls it after a data edit."""
    return scenario.update_scenario(
        {}, {}, None, None, IDS, current, states.pop("history", []), "sv", **states
    )


def _status_click(press: Any, point_id: str, status: str) -> None:
    press({"point": point_id, "status": status, "type": "point-status"}, 1)


def test_marking_a_shop_closed_changes_today_and_undo_brings_it_back(trigger, press) -> None:  # type: ignore[no-untyped-def]
    shop = _urshult_shop()
    current = DEFAULT.to_dict()
    _status_click(press, shop, "closed")
    out = _edit(current)
    closed = Scenario.from_dict(out["scenario"], DEFAULT)
    assert closed.corrections == (Correction("status", shop, "closed"),)
    assert out["history"] == [current] and out["notice_open"] is False
    before = {c.key: c.today for c in solve(DEFAULT).covered}
    after = {c.key: c.today for c in solve(closed).covered}
    assert after["grocery"] < before["grocery"]
    trigger("undo.n_clicks", 1)
    undone = scenario.update_scenario({}, {}, None, 1, IDS, out["scenario"], out["history"], "sv")
    assert Scenario.from_dict(undone["scenario"], DEFAULT).corrections == ()


def test_a_bad_cost_is_refused_with_a_swedish_message_and_changes_nothing(trigger, press) -> None:  # type: ignore[no-untyped-def]
    spec = {"kind": "keep", "place": "0763TB103", "service": "grocery", "type": "cost-set"}
    press(spec, 1)
    typed_id = {**spec, "type": "cost-input"}
    for typed in ("-5", "abc", "", "2,5e6"):
        out = _edit(DEFAULT.to_dict(), cost_values=[typed], cost_ids=[typed_id])
        assert out["scenario"] is no_update and out["history"] is no_update
        assert out["notice_open"] is True
        assert out["notice"] == (
            f"Rättelsen gjordes inte: ”{typed}” är inget belopp. Skriv kronor per år, "
            "t.ex. 260 000 eller 0,3 mnkr."
        )


def test_a_cost_typed_in_the_card_becomes_a_correction(trigger, press) -> None:  # type: ignore[no-untyped-def]
    spec = {"kind": "keep", "place": "0763TB103", "service": "grocery", "type": "cost-set"}
    press(spec, 1)
    other = {**spec, "service": "fuel", "type": "cost-input"}
    typed_id = {**spec, "type": "cost-input"}
    out = _edit(DEFAULT.to_dict(), cost_values=["1", "90 000"], cost_ids=[other, typed_id])
    (correction,) = Scenario.from_dict(out["scenario"], DEFAULT).corrections
    assert (correction.service, correction.cost_kind, correction.cost_sek) == (
        "grocery",
        "keep",
        90000.0,
    )


def test_a_map_click_adds_a_point_only_while_a_position_is_awaited(trigger) -> None:  # type: ignore[no-untyped-def]
    data = dataset()
    j = int((data.places.names == "Urshult").nonzero()[0][0])
    click = {"latlng": {"lat": float(data.places.lat_deg[j]), "lng": float(data.places.lon_deg[j])}}
    trigger("map-picked-store.data", click)
    assert _edit(DEFAULT.to_dict())["scenario"] is no_update
    pick = {"action": "add", "service": "pharmacy", "name": "Apoteksombud Urshult"}
    out = _edit(DEFAULT.to_dict(), pick=pick)
    edited = Scenario.from_dict(out["scenario"], DEFAULT)
    (added,) = edited.corrections
    assert (added.action, added.name, added.status) == ("add", "Apoteksombud Urshult", "secure")
    drawn, _ = _corrected_points(trigger, edited)
    assert [f["properties"]["id"] for f in drawn["features"]] == [added_point_id(0)]
    assert drawn["features"][0]["properties"]["place"] == str(data.places.ids[j])


def test_a_click_far_from_every_place_says_why(trigger) -> None:  # type: ignore[no-untyped-def]
    trigger("map-picked-store.data", {"latlng": {"lat": 58.5, "lng": 19.5}})
    out = _edit(DEFAULT.to_dict(), pick={"action": "add", "service": "fuel", "name": "Mack"})
    assert out["scenario"] is no_update
    assert "ingen ort i regionen inom 5 km" in out["notice"]


def _corrected_points(trigger: Any, edited: Scenario) -> tuple[Any, list[Any]]:
    outputs = [{"id": {"type": "map-points", "service": s}} for s in dataset().services]
    from dash._callback_context import context_value
    from dash._utils import AttributeDict

    context_value.set(
        AttributeDict(
            triggered_inputs=[{"prop_id": "scenario-data-store.data", "value": 1}],
            outputs_list=[{"id": "map-edits"}, outputs],
        )
    )
    return corrections.show_corrected_points(edited.to_dict())


def test_a_closed_shop_fades_on_the_map_and_is_listed_by_name(trigger) -> None:  # type: ignore[no-untyped-def]
    shop = _urshult_shop()
    edited = Scenario.from_dict(
        {"corrections": [{"action": "status", "point_id": shop, "status": "closed"}]}, DEFAULT
    )
    _, hideouts = _corrected_points(trigger, edited)
    assert all(h["changed"] == {shop: "closed"} for h in hideouts)
    status, items = corrections.list_corrections(edited.to_dict(), "sv")
    assert status == "1 rättelse, inte sparade som datarevision."
    assert "Stängd: Matöppet Urshult" in str(items[0])


def test_removing_a_correction_that_a_later_one_needs_is_refused(trigger, press) -> None:  # type: ignore[no-untyped-def]
    data = dataset()
    j = int((data.places.names == "Urshult").nonzero()[0][0])
    lat, lon = float(data.places.lat_deg[j]), float(data.places.lon_deg[j])
    edited = Scenario.from_dict(
        {
            "corrections": [
                {
                    "action": "add",
                    "service": "fuel",
                    "name": "Mack",
                    "status": "secure",
                    "lon_deg": lon,
                    "lat_deg": lat,
                },
                {
                    "action": "move",
                    "point_id": added_point_id(0),
                    "lon_deg": lon + 0.01,
                    "lat_deg": lat,
                },
            ]
        },
        DEFAULT,
    )
    press('{"index":0,"type":"correction-remove"}', 1)
    refused = _edit(edited.to_dict())
    assert refused["scenario"] is no_update and "user-001" in refused["notice"]
    press('{"index":1,"type":"correction-remove"}', 1)
    kept = Scenario.from_dict(_edit(edited.to_dict())["scenario"], DEFAULT)
    assert [c.action for c in kept.corrections] == ["add"]


def test_a_saved_revision_is_offered_and_choosing_it_loads_it_by_name(trigger) -> None:  # type: ignore[no-untyped-def]
    shop = _urshult_shop()
    edited = Scenario.from_dict(
        {"corrections": [{"action": "status", "point_id": shop, "status": "closed"}]}, DEFAULT
    )
    message, version = corrections.save_revision(1, "  ", edited.to_dict(), 0, "sv")
    assert version is no_update and "namn" in message
    message, version = corrections.save_revision(1, "Urshult stängd", edited.to_dict(), 0, "sv")
    assert message == "Datarevisionen ”Urshult stängd” är sparad."
    options, selected = corrections.revision_options(version, "sv")
    assert [o["label"][:14] for o in options] == ["Levererade dat", "Urshult stängd"]
    assert selected == options[1]["value"]
    trigger("revision-pick.value", selected)
    out = _edit(DEFAULT.to_dict())
    chosen = Scenario.from_dict(out["scenario"], DEFAULT)
    assert chosen.data_revision == "Urshult stängd" and chosen.corrections == edited.corrections
    trigger("revision-pick.value", 0)
    back = Scenario.from_dict(_edit(out["scenario"])["scenario"], DEFAULT)
    assert back.corrections == () and back.data_revision == ""


def test_nothing_to_save_is_said_plainly() -> None:
    message, version = corrections.save_revision(1, "Tom", DEFAULT.to_dict(), 0, "sv")
    assert version is no_update and message == "Det finns inga rättelser att spara."


def test_the_exported_corrections_are_what_data_build_reads_and_exports_name_the_revision() -> None:
    shop = _urshult_shop()
    edited = Scenario.from_dict(
        {
            "corrections": [{"action": "status", "point_id": shop, "status": "secure"}],
            "data_revision": '=HYPERLINK("x")',
        },
        DEFAULT,
    )
    solution = solve(edited)
    _, build = EXPORTS["corrections"]
    assert parse_corrections(build(solution, dataset(), "sv")) == edited.corrections
    _, actions = EXPORTS["csv"]
    header = actions(solution, dataset(), "sv").decode("utf-8-sig")
    assert '# Data: Datarevision ”=HYPERLINK("x")”: 1 rättelse.' in header


def test_the_card_shows_the_corrected_status_and_who_set_it(result) -> None:  # type: ignore[no-untyped-def]
    shop = _urshult_shop()
    edited = Scenario.from_dict(
        {"corrections": [{"action": "status", "point_id": shop, "status": "secure"}]}, DEFAULT
    )
    place_id = str(
        dataset().places.ids[dataset().points.place_index[list(dataset().points.ids).index(shop)]]
    )
    _, _, body = place.show_card(place_id, solve(edited).to_dict(), "sv")
    text = str(body)
    assert "ändrad av användare i datarevisionen" in text
    assert "Matöppet Urshult (Dagligvaror, säker)" in text
    assert USER == "user"
    assert Solution.from_dict(result).scenario.corrections == ()


def test_the_data_tab_and_every_export_say_where_the_figures_come_from() -> None:
    shop = _urshult_shop()
    edited = Scenario.from_dict(
        {"corrections": [{"action": "status", "point_id": shop, "status": "closed"}]}, DEFAULT
    )
    table = str(corrections.show_provenance(edited.to_dict(), "sv"))
    assert "Befolkning utanför tätorter" in table and "modellerad" in table
    assert "rättad i scenariots datarevision" in table
    _, actions = EXPORTS["csv"]
    header = actions(solve(edited), dataset(), "sv").decode("utf-8-sig")
    assert "# Restider: modellerad" in header
    assert "# Stödkostnader: delvis publicerade nivåer, delvis antaganden" in header


def test_the_card_gives_the_cost_basis_in_the_reader_s_language(result) -> None:  # type: ignore[no-untyped-def]
    place_id = str(dataset().places.ids[list(dataset().places.names).index("Urshult")])
    _, _, swedish = place.show_card(place_id, result, "sv")
    assert "antagande: ersättning till en värdbutik för ett ombud" in str(swedish)
    assert "assumption" not in str(swedish)
    _, _, english = place.show_card(place_id, result, "en")
    assert "assumption: compensation to a host shop" in str(english)


def test_the_data_tab_lists_places_below_the_customer_base_and_by_how_much() -> None:
    from dataclasses import replace

    strict = replace(
        DEFAULT,
        services=tuple(
            replace(s, min_customers=1_000) if s.service == "grocery" else s
            for s in DEFAULT.services
        ),
    )
    head, items = corrections.show_viability(strict.to_dict(), "sv")
    shown = " ".join([head.children, *(item.children for item in items.children)])
    assert "Dagligvaror: minst 1\u00a0000 personer inom 10 min" in shown
    assert "för få" in shown
    default_head, default_items = corrections.show_viability(DEFAULT.to_dict(), "sv")
    assert default_head.children.endswith("aldrig stöder för tjänsten: 0.")
    assert default_items.children == []


def test_the_data_tab_follows_up_the_revision_against_the_shipped_data() -> None:
    assert corrections.show_followup(DEFAULT.to_dict(), "sv") == (
        "Scenariot har inga datarättelser; inget att följa upp."
    )
    shop = _urshult_shop()
    edited = Scenario.from_dict(
        {"corrections": [{"action": "status", "point_id": shop, "status": "closed"}]}, DEFAULT
    )
    shown = corrections.show_followup(edited.to_dict(), "sv")
    summary, table = shown.children
    assert summary.children == "Nya servicepunkter: 0. Stängda: 1. Med ändrad status: 0."
    rows = [[cell.children for cell in row.children] for row in table.children[1].children]
    grocery = next(r for r in rows if r[0] == "Kronoberg" and r[1] == "Dagligvaror")
    before, after = (solve(s).covered_for("grocery").today for s in (DEFAULT, edited))
    assert grocery[2:4] == [number(before, "sv"), number(after, "sv")]
    assert any(r[0] == "Tingsryd" and r[1] == "Dagligvaror" for r in rows)


def _lidhult_shop() -> tuple[str, str]:
    """(place id, point id) of Lidhult's grocery shop: at risk, and not funded by default."""
    data = dataset()
    k = next(
        k
        for k, name in enumerate(data.points.names.tolist())
        if name == "ICA Nära Lidhult" and data.points.service[k] == "grocery"
    )
    return str(data.places.ids[data.points.place_index[k]]), str(data.points.ids[k])


def test_a_closed_shop_is_offered_again_in_its_card_and_reopening_removes_the_closure(
    trigger,
    press,  # type: ignore[no-untyped-def]
) -> None:
    place_id, shop = _lidhult_shop()
    assert all(a.place_id != place_id or a.service != "grocery" for a in solve(DEFAULT).actions)
    _status_click(press, shop, "closed")
    out = _edit(DEFAULT.to_dict())
    closed = Scenario.from_dict(out["scenario"], DEFAULT)
    trigger("result-store.data", solve(closed).to_dict())
    _, _, body = place.show_card(place_id, solve(closed).to_dict(), "sv")
    text = str(body)
    assert "ICA Nära Lidhult (Dagligvaror, stängd)" in text and "Öppna igen" in text
    assert "fick inget stöd i planen" in text and "planens siffror ändras inte" in text
    # the model agrees: the plan's figures stay, only today's move
    before, after = solve(DEFAULT).covered_for("basket"), solve(closed).covered_for("basket")
    assert after.scenario == before.scenario and after.today < before.today
    _status_click(press, shop, "reopen")
    reopened = _edit(out["scenario"], history=out["history"])
    assert Scenario.from_dict(reopened["scenario"], DEFAULT).corrections == ()
    assert "Öppna igen" not in str(place.show_card(place_id, solve(DEFAULT).to_dict(), "sv")[2])


def test_closing_a_funded_or_secure_point_says_the_plan_was_computed_again() -> None:
    from dashapp.present_corrections import ClosedPoint, closed_points_at, closure_note

    plan = solve(DEFAULT)
    data = dataset()
    kept = next(a for a in plan.actions if a.action == "keep")
    k = next(
        k
        for k in range(len(data.points))
        if data.points.service[k] == kept.service
        and str(data.places.ids[data.points.place_index[k]]) == kept.place_id
        and data.points.status[k] == "at_risk"
    )
    point_id = str(data.points.ids[k])
    corrections = (Correction("status", point_id, "closed"),)
    [found] = closed_points_at(data, corrections, kept.place_id)
    assert found == ClosedPoint(point_id, str(data.points.names[k]), kept.service, True)
    assert closed_points_at(data, corrections, "no-such-place") == []
    edited = Scenario.from_dict(
        {"corrections": [{"action": "status", "point_id": point_id, "status": "closed"}]}, DEFAULT
    )
    text = str(place.show_card(kept.place_id, solve(edited).to_dict(), "en")[2])
    assert "It was at risk and the plan funded it; the plan is now computed without it." in text
    secure = ClosedPoint("x", "Shop", "grocery", was_at_risk=False)
    assert closure_note(secure, funded_before=False, language="sv").startswith("Den räknades")


def test_a_redrawn_card_keeps_the_wait_for_a_position(trigger) -> None:  # type: ignore[no-untyped-def]
    """A new result redraws an open card; its buttons appearing are no press, so the map click
    the official is about to make still places the point. The scenario changing or "Avbryt"
    ends the wait."""
    names = [{"type": "new-point-name", "place": "0763TB103"}]
    services = [{"type": "new-point-service", "place": "0763TB103"}]
    states = (["grocery"], services, ["Ny butik"], names, "sv")
    trigger('{"place":"0763TB103","type":"new-point"}.n_clicks', 1)
    waiting, banner_hidden = corrections.await_position(None, [1], None, None, *states)
    assert waiting["action"] == "add" and banner_hidden is False
    trigger('{"place":"0763TB103","type":"new-point"}.n_clicks', None)
    assert corrections.await_position(None, [None], None, None, *states) == (no_update,) * 2
    trigger("scenario-data-store.data", {})
    assert corrections.await_position(None, [None], None, {}, *states) == (None, True)


def _moves(body: Any) -> list[str]:
    """The points the card offers to move, as drawn (one "Flytta" button each)."""
    return [
        c.id["point"]
        for c in body._traverse()
        if isinstance(getattr(c, "id", None), dict) and c.id.get("type") == "point-move"
    ]


def test_a_towns_card_lists_its_first_points_and_all_of_them_on_request(result, trigger) -> None:  # type: ignore[no-untyped-def]
    """Växjö's card drew 91 points with three buttons each (775 components, 1–4 s to draw in
    the browser); it lists the first few and a button for the rest, which stays for the place
    when the card is redrawn by a new result."""
    points = dataset().points
    counts = np.bincount(points.place_index, minlength=len(dataset().places))
    town = str(dataset().places.ids[int(counts.argmax())])
    total = int(counts.max())
    assert total > POINTS_LISTED
    _, _, body = place.show_card(town, result, "sv")
    assert len(_moves(body)) == POINTS_LISTED
    assert f"Visa alla {number(total, 'sv')} servicepunkter här" in str(body)
    trigger("all-points.n_clicks", 1)
    assert place.list_all_points(1, town) == town
    assert place.list_all_points(None, town) is no_update  # drawn, not pressed
    trigger("all-points-place-store.data", town)
    args = (None, [], None, None, None, None, result, town, None, None, town, "sv", True)
    _, _, _, everything = place.open_card(*args)
    assert len(_moves(everything)) == total and "Visa alla" not in str(everything)
    trigger("result-store.data", result)  # a new result keeps the full list for this town
    assert len(_moves(place.open_card(*args)[3])) == total
