"""Workshop rooms in the app, calling the callbacks directly on a real SQLite file: two rooms
never see each other's scenarios, ids from another room are refused, rename and hide add
versions, a save after opening records its parent, and a bad code changes nothing."""

from __future__ import annotations

from urllib.parse import parse_qs

import dash
import pytest

from dashapp import ids
from dashapp.callbacks import page, rooms, workspace
from dashapp.callbacks import scenario as scenario_callbacks
from dashapp.data import settings, storage
from dashapp.scenario_form import decode
from dashapp.settings import Settings
from models.scenario import Scenario

Room = dict[str, str]


def dataset_key() -> str:
    return str(settings().data_dir)


def open_room(name: str) -> Room:
    room, message = rooms.open_room(name, "sv")
    assert isinstance(room, dict) and "är öppnat" in str(message)
    return room


def save(name: str, room: Room | None, opened: int | None = None, budget: float = 1e6) -> int:
    """One save click, as the page sends it; the id of the version it saved."""
    data = Scenario(budget_sek=budget).to_dict()
    outcome = workspace.save_scenario(name, data, 0, "sv", room, opened)
    assert "Sparat" in str(outcome.message), outcome.message
    assert isinstance(outcome.saved_id, int)
    return outcome.saved_id


def listed(room: Room | None, show_hidden: bool = False) -> list[str]:
    _, options, _ = workspace.list_saved(1, "sv", None, room, show_hidden)
    return [o["label"] for o in options]


def test_two_rooms_never_see_each_others_scenarios(result) -> None:  # type: ignore[no-untyped-def]
    first, second = open_room("Grupp 1"), open_room("Grupp 2")
    assert first["code"] != second["code"]
    a = save("Ettans plan", first)
    b = save("Tvåans plan", second)
    c = save("Öppen plan", None)
    assert listed(first) == [f"Ettans plan (#{a})"]
    assert listed(second) == [f"Tvåans plan (#{b})"]
    assert listed(None) == [f"Öppen plan (#{c})"]  # the open workspace works as before
    stored = {s.id: s.room for s in storage().list(dataset_key(), room=first["code"])}
    assert stored == {a: first["code"]}


def test_ids_from_another_room_are_refused_everywhere(trigger, result, press) -> None:  # type: ignore[no-untyped-def]
    mine, theirs = open_room("Min"), open_room("Deras")
    own = save("Egen", mine, budget=500_000)
    foreign = save("Främmande", theirs, budget=3_000_000)
    # comparing: the other room's version is not solved
    assert [n for n, _ in workspace.solved_saved([own, foreign], mine["code"])] == [
        f"Egen (#{own})"
    ]
    assert workspace.compare_saved([own, foreign], None, "sv", mine) == workspace.EMPTY
    # opening: nothing changes
    current = Scenario().to_dict()
    press(f'{{"id":{foreign},"type":"load-saved"}}', 1)
    out = scenario_callbacks.update_scenario({}, {}, None, None, [], current, [], "sv", room=mine)
    assert out["scenario"] is dash.no_update and out["opened"] is dash.no_update
    # renaming or hiding: refused with a message, nothing written
    before = len(storage().record().scenarios)
    for action in ("rename-saved", "hide-saved", "unhide-saved"):
        version, message = rooms.change_saved(action, foreign, "Kapad", mine, "sv")
        assert version is dash.no_update and f"#{foreign} finns inte i det här rummet" in str(
            message
        )
    assert len(storage().record().scenarios) == before
    # saving on top of it: a new scenario of this room, not a version of theirs
    again = save("Främmande", mine, opened=foreign)
    assert storage().get(again, room=mine["code"]).parent_id is None  # type: ignore[union-attr]
    # the open workspace cannot reach a room's version either
    assert workspace.solved_saved([own], None) == []


def test_opening_then_saving_records_the_parent_and_lists_the_latest(
    trigger, result, press
) -> None:  # type: ignore[no-untyped-def]
    room = open_room("Versioner")
    first = save("Plan", room, budget=800_000)
    press(f'{{"id":{first},"type":"load-saved"}}', 1)
    services = [{"type": "threshold", "service": s.service} for s in Scenario().services]
    out = scenario_callbacks.update_scenario(
        {}, {}, None, None, services, Scenario().to_dict(), [], "sv", room=room
    )
    assert out["opened"] == first and out["name"] == "Plan"
    outcome = workspace.save_scenario("Plan", out["scenario"], 1, "sv", room, first)
    assert f"en ny version av #{first}" in str(outcome.message)
    second = storage().get(outcome.saved_id, room=room["code"])
    assert second is not None and second.parent_id == first and second.change == "edit"
    assert listed(room) == [f"Plan (#{second.id})"]  # the latest version only
    assert [v.id for v in storage().history(first)] == [first, second.id]
    # a new name is a scenario of its own, beside it
    other = save("Annan plan", room, opened=second.id)
    assert storage().get(other).parent_id is None  # type: ignore[union-attr]
    assert listed(room) == [f"Plan (#{second.id})", f"Annan plan (#{other})"]


def test_save_acknowledges_the_click_whatever_the_outcome(app_context: Settings, result) -> None:  # type: ignore[no-untyped-def]
    room = open_room("Kvitto")
    message, version, ack, opened = workspace.save_acknowledged(
        3,
        name="Kvitterad",
        data=Scenario().to_dict(),
        version=0,
        room=room,
        opened=None,
        language="sv",
    )
    assert ack == 3 and version == 1 and isinstance(opened, int)
    assert "Sparat: Kvitterad" in str(message)
    refused = workspace.save_acknowledged(
        4,
        name="x" * 81,
        data=Scenario().to_dict(),
        version=1,
        room=room,
        opened=None,
        language="en",
    )
    assert refused[2] == 4 and "was not saved" in str(refused[0]) and refused[1] is dash.no_update


def test_rename_and_hide_add_versions_and_delete_nothing(result) -> None:  # type: ignore[no-untyped-def]
    room = open_room("Namn")
    first = save("Utkast", room)
    changed, message = rooms.change_saved("rename-saved", first, "  Slutlig  ", room, "sv")
    assert changed == first and "Nytt namn: Slutlig" in str(message)
    renamed = storage().list(dataset_key(), room=room["code"])[0]
    assert (renamed.name, renamed.parent_id, renamed.change) == ("Slutlig", first, "rename")
    _, refused = rooms.change_saved("rename-saved", renamed.id, "   ", room, "en")
    assert "A name is needed" in str(refused)
    rooms.change_saved("hide-saved", renamed.id, None, room, "sv")
    assert listed(room) == []
    assert listed(room, show_hidden=True) == []  # hidden rows are listed, never compared
    items, _, _ = workspace.list_saved(1, "sv", None, room, True)
    assert "(dold)" in str(items) and "Visa igen" in str(items)
    hidden = storage().list(dataset_key(), room=room["code"], include_hidden=True)[0]
    rooms.change_saved("unhide-saved", hidden.id, None, room, "sv")
    shown = storage().list(dataset_key(), room=room["code"])
    assert [s.name for s in shown] == ["Slutlig"]
    changes = [v.change for v in storage().history(first)]
    assert changes == ["save", "rename", "hide", "unhide"]  # every step kept
    items, _, _ = workspace.list_saved(1, "sv", None, room, False)
    assert "Versioner (4)" in str(items)


def test_a_row_action_from_a_crafted_request_does_nothing(trigger) -> None:  # type: ignore[no-untyped-def]
    trigger('{"id":"1; DROP TABLE","type":"hide-saved"}.n_clicks', 1)
    assert rooms.saved_row_action([], [1], [], [], [], None, "sv") == (dash.no_update,) * 2
    trigger('{"id":5,"type":"hide-saved"}.n_clicks', None)  # a row appearing is no click
    assert rooms.saved_row_action([], [None], [], [], [], None, "sv") == (dash.no_update,) * 2


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("abc", "”abc” är ingen rumskod"),
        ("", "är ingen rumskod"),
        ("222-222", "Det finns inget rum med koden 222-222"),
        ("<b>OOO000</b>", "är ingen rumskod"),
    ],
)
def test_a_bad_or_unknown_code_changes_nothing(typed: str, expected: str) -> None:
    room, message = rooms.join_room(typed, "sv")
    assert room is dash.no_update and expected in str(message)


def test_a_code_joins_in_any_case_with_spaces_or_a_dash(trigger) -> None:  # type: ignore[no-untyped-def]
    room = open_room("Grupp <i>Växjö</i>")
    code = room["code"]
    for typed in (code.lower(), f"{code[:3]}-{code[3:]}".lower(), f" {code[:3]} {code[3:]} "):
        joined, message = rooms.join_room(typed, "en")
        assert joined == room and "You have joined" in str(message)
    trigger(f"{ids.ROOM_JOIN}.n_clicks", 1)
    joined, _ = rooms.choose_room(None, 1, None, None, None, code.lower(), None, "sv")
    assert joined == room
    trigger(f"{ids.ROOM_LEAVE}.n_clicks", 1)
    left, message = rooms.choose_room(None, None, 1, None, None, None, room, "sv")
    assert left is None and "lämnat rummet" in str(message)


def test_the_page_link_joins_its_room_and_a_bad_one_says_so(trigger) -> None:  # type: ignore[no-untyped-def]
    room = open_room("Länkad")
    trigger(".", None)  # the page load: no button clicked
    assert rooms.choose_room(None, None, None, room["code"], None, None, None, "sv")[0] == room
    kept, message = rooms.choose_room(None, None, None, "ZZZZZZ", None, None, room, "en")
    assert kept is dash.no_update and "ZZZ-ZZZ does not exist" in str(message)
    assert "Länkad" in str(message)  # where the page stays
    assert rooms.choose_room(None, None, None, None, None, None, room, "sv") == (
        dash.no_update,
        dash.no_update,
    )


def test_room_shown_as_text_with_code_and_link() -> None:
    hostile = "<script>alert(1)</script>"
    room = open_room(hostile)
    shown, badge = rooms.show_room(room, "sv")
    assert shown[0].children == f"Rum: {hostile}"  # a plain text child, never markup
    text = str(shown)
    assert f"{room['code'][:3]}-{room['code'][3:]}" in text
    assert f"?lang=sv&rum={room['code']}" in text
    assert hostile in str(badge)
    open_workspace, badge = rooms.show_room(None, "en")
    assert badge == "Open workspace" and "not in a room" in str(open_workspace)
    # a crafted store with a code that is none shows the open workspace
    assert rooms.show_room({"code": "x", "name": "y"}, "sv")[1] == "Öppen arbetsyta"


def test_the_address_carries_the_room(app_context: Settings) -> None:
    data = Scenario(budget_sek=1_500_000).to_dict()
    search, href = page.scenario_to_url(data, True, {"code": "k7m-pqr", "name": "x"}, "sv")
    assert search.endswith("&rum=K7MPQR") and href.endswith("&rum=K7MPQR")
    assert parse_qs(search.lstrip("?"))["rum"] == ["K7MPQR"]
    assert decode(search) == Scenario.from_dict(data)
    # outside a room (or with a crafted store) the address names none
    for store in (None, {"code": 7}):
        assert "rum=" not in page.scenario_to_url(data, False, store, "sv")[0]


def test_a_renamed_or_hidden_version_leaves_the_comparison(result) -> None:  # type: ignore[no-untyped-def]
    room = open_room("Jämför")
    first = save("Förmiddag", room, budget=1_000_000)
    second = save("Eftermiddag", room, budget=2_000_000)
    _, _, kept = workspace.list_saved(1, "sv", None, room, False, [first, second])
    assert kept is dash.no_update  # both still offered: the ticks stay
    rooms.change_saved("rename-saved", first, "Slutlig", room, "sv")
    _, options, kept = workspace.list_saved(1, "sv", None, room, False, [first, second])
    assert kept == [second]  # the old version can no longer be unticked, so it is unticked
    assert first not in [o["value"] for o in options]
    rooms.change_saved("hide-saved", second, None, room, "sv")
    assert workspace.list_saved(1, "sv", None, room, False, [second])[2] == []
    # in another room nothing of this one stays ticked
    other = open_room("Annat")
    assert workspace.list_saved(1, "sv", None, other, False, [second])[2] == []


def test_an_unreadable_database_is_said_and_changes_nothing(
    trigger, app: dash.Dash, tmp_path, press
) -> None:  # type: ignore[no-untyped-def]
    """Listing, comparing, opening and renaming against a database that cannot be opened say
    so in the page's words; no callback fails with a server error."""
    from dataclasses import replace as replaced

    from dashapp.data import SETTINGS_KEY

    (tmp_path / "a-folder").mkdir()  # a folder where the database file should be
    config = app.server.config
    original = config[SETTINGS_KEY]
    config[SETTINGS_KEY] = replaced(original, database_path=tmp_path / "a-folder")
    try:
        with app.server.test_request_context():
            listed_now, options, picked = workspace.list_saved(1, "sv", None, None, False, [3])
            assert "kunde inte läsas" in str(listed_now) and options == [] and picked == []
            compared = workspace.compare_saved([1, 2], None, "en")
            assert compared["summary"].startswith("The saved scenarios could not be read")
            _, message = rooms.change_saved("hide-saved", 1, None, None, "sv")
            assert "kunde inte" in str(message)
            press('{"id":1,"type":"load-saved"}', 1)
            out = scenario_callbacks.update_scenario(
                {}, {}, None, None, [], Scenario().to_dict(), [], "sv"
            )
            assert out["scenario"] is dash.no_update and "kunde inte läsas" in out["notice"]
    finally:
        config[SETTINGS_KEY] = original
