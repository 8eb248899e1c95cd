"""``servicekartan scenarios list|export|import|restore`` on a real SQLite file and a real
PostgreSQL server, reached as the app reaches them (``SERVICEKARTAN_DB`` / ``DATABASE_URL``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from dashapp.cli import main
from dashapp.storage import Record, RecordError, SavedScenario, ScenarioStorage, checksum
from tests.dashapp.test_rooms import engine, fingerprints
from tests.dashapp.test_storage import HOSTILE_NAMES, database, rows
from tests.pg import PostgresServer

__all__ = ["database"]  # the fixture, shared with test_storage

EVERY_COLUMN = "SELECT * FROM scenarios ORDER BY id"


def use(monkeypatch: pytest.MonkeyPatch, database: Path | str) -> None:
    """Point the command at ``database`` the way an operator would."""
    if isinstance(database, Path):
        monkeypatch.delenv("DATABASE_URL", raising=False)
        monkeypatch.setenv("SERVICEKARTAN_DB", str(database))
    else:
        monkeypatch.setenv("DATABASE_URL", database)


def other_database(database: Path | str, tmp_path: Path, request: pytest.FixtureRequest) -> Any:
    """A second, empty database on the same kind of server."""
    if isinstance(database, Path):
        return tmp_path / "other.sqlite3"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.new_database()


def forum(database: Path | str) -> dict[str, Any]:
    """A record with two rooms, versions, a hidden one, odd names and a damaged summary."""
    storage = ScenarioStorage(database)
    north, south = storage.open_room("Norr"), storage.open_room("Söder")
    plan = storage.save("Plan", "d", '{"budget_sek": 1}', {"cost_sek": 1}, room=north.code)
    edit = storage.save("Plan 2", "d", '{"budget_sek": 2}', {}, north.code, plan)
    renamed = storage.rename(edit, HOSTILE_NAMES[1])
    hidden = storage.hide(storage.save(HOSTILE_NAMES[3], "d", "{}", {}, room=south.code))
    opened = storage.save(HOSTILE_NAMES[5], "d", "{}", {"n": [1, 2]})
    with engine(database).begin() as connection:  # a row damaged by an older version
        connection.execute(
            sa.text(
                "INSERT INTO scenarios (name, dataset, scenario_json, summary_json, created_at) "
                "VALUES ('Trasig', 'd', 'not json', '{broken', '2025-01-01T00:00:00+00:00')"
            )
        )
    return {
        "north": north.code, "south": south.code, "plan": plan, "renamed": renamed,
        "hidden": hidden, "open": opened,
    }  # fmt: skip


def export(database: Path | str, monkeypatch: pytest.MonkeyPatch, out: Path, *room: str) -> Any:
    use(monkeypatch, database)
    options = ["--room", *room] if room else []
    assert main(["scenarios", "export", *options, "--out", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_export_then_restore_gives_identical_rows(
    database: Path | str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
) -> None:
    forum(database)
    exported = export(database, monkeypatch, tmp_path / "forum.json")
    assert len(exported["scenarios"]) == 7 and len(exported["rooms"]) == 2
    restored = other_database(database, tmp_path, request)
    use(monkeypatch, restored)
    assert main(["scenarios", "restore", str(tmp_path / "forum.json")]) == 0
    assert "restored 7" in capsys.readouterr().out
    assert rows(restored, EVERY_COLUMN) == rows(database, EVERY_COLUMN)
    assert rows(restored, "SELECT * FROM rooms") == rows(database, "SELECT * FROM rooms")
    again = export(restored, monkeypatch, tmp_path / "again.json")
    assert again["scenarios"] == exported["scenarios"]  # the checksums included
    # The next save is a new id on both databases (PostgreSQL's sequences were moved on)
    fresh = ScenarioStorage(restored).save("Ny", "d", "{}", {})
    assert fresh == max(e["id"] for e in exported["scenarios"]) + 1
    assert ScenarioStorage(restored).open_room("Ny").id == 3


def test_a_record_moves_between_sqlite_and_postgresql(
    tmp_path: Path, postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    sqlite, postgresql = tmp_path / "forum.sqlite3", postgres_server.new_database()
    forum(sqlite)
    exported = export(sqlite, monkeypatch, tmp_path / "forum.json")
    use(monkeypatch, postgresql)
    assert main(["scenarios", "restore", str(tmp_path / "forum.json")]) == 0
    assert ScenarioStorage(postgresql).record() == ScenarioStorage(sqlite).record()
    assert (
        export(postgresql, monkeypatch, tmp_path / "back.json")["scenarios"]
        == (exported["scenarios"])
    )


def test_restore_refuses_a_database_that_is_not_empty(
    database: Path | str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    forum(database)
    export(database, monkeypatch, tmp_path / "forum.json")
    before = fingerprints(database)
    assert main(["scenarios", "restore", str(tmp_path / "forum.json")]) == 1
    err = capsys.readouterr().err
    assert "Databasen är inte tom" in err and "The database is not empty" in err
    assert fingerprints(database) == before
    only_a_room = tmp_path / "room-only.sqlite3"
    ScenarioStorage(only_a_room).open_room("Tom")
    use(monkeypatch, only_a_room)
    assert main(["scenarios", "restore", str(tmp_path / "forum.json")]) == 1
    assert rows(only_a_room, "SELECT count(*) FROM scenarios") == [(0,)]


def test_import_adds_new_rows_and_never_overwrites(
    database: Path | str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
) -> None:
    made = forum(database)
    exported = export(database, monkeypatch, tmp_path / "forum.json")
    before = fingerprints(database)
    assert main(["scenarios", "import", str(tmp_path / "forum.json")]) == 0
    after = fingerprints(database)
    assert {i: after[i] for i in before} == before and len(after) == 2 * len(before)
    storage = ScenarioStorage(database)
    record = storage.record()
    copies = record.scenarios[len(before) :]
    assert [checksum(s) for s in copies] == [e["checksum"] for e in exported["scenarios"]]
    # the codes were taken here, so each file room became a new room with a new code
    out = capsys.readouterr().out
    assert f"rum/room {made['north']} → " in out
    new_north = copies[0].room
    assert new_north not in (None, made["north"], made["south"])
    assert storage.list("d", made["north"]) == [storage.get(made["renamed"])]
    renamed_copy = storage.list("d", new_north)
    assert [s.name for s in renamed_copy] == [HOSTILE_NAMES[1]]
    assert [s.name for s in storage.history(renamed_copy[0].id)] == [
        "Plan", "Plan 2", HOSTILE_NAMES[1],
    ]  # fmt: skip
    # Into another database the codes are free: participants keep theirs
    elsewhere = other_database(database, tmp_path, request)
    use(monkeypatch, elsewhere)
    assert main(["scenarios", "import", str(tmp_path / "forum.json")]) == 0
    moved = ScenarioStorage(elsewhere)
    assert [s.name for s in moved.list("d", made["north"])] == [HOSTILE_NAMES[1]]
    assert {r.code for r in moved.list_rooms()} == {made["north"], made["south"]}


def test_import_into_a_room(
    database: Path | str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    made = forum(database)
    export(database, monkeypatch, tmp_path / "north.json", made["north"].lower())
    everything = export(database, monkeypatch, tmp_path / "all.json")
    target = ScenarioStorage(database).open_room("Mål").code
    before = fingerprints(database)
    assert main(["scenarios", "import", str(tmp_path / "all.json"), "--room", target]) == 1
    assert "several rooms" in capsys.readouterr().err  # never merges two groups
    assert main(["scenarios", "import", str(tmp_path / "north.json"), "--room", "ZZZZZZ"]) == 1
    assert "There is no room 'ZZZZZZ'" in capsys.readouterr().err
    assert fingerprints(database) == before
    assert main(["scenarios", "import", str(tmp_path / "north.json"), "--room", target]) == 0
    listed = ScenarioStorage(database).list("d", target)
    assert [s.name for s in listed] == [HOSTILE_NAMES[1]]
    assert len(fingerprints(database)) == len(before) + 3
    assert len(everything["scenarios"]) == len(before)


def entry(exported: dict[str, Any], n: int) -> dict[str, Any]:
    found: dict[str, Any] = exported["scenarios"][n]
    return found


BAD_FILES = {
    "not json": ("{", "inte JSON", "not JSON"),
    "another format": ({"format": "x"}, "ingen export", "not a servicekartan export"),
    "checksum": (
        lambda e: entry(e, -1).update(name="Ändrad i efterhand"),
        "scenarios[6] (id 7): checksumman stämmer inte",
        "the checksum does not match",
    ),
    "a boolean for a number": (
        lambda e: entry(e, -1).update(id=True),
        "scenarios[6]: fältet 'id' har fel typ",
        "'id' has the wrong type",
    ),
    "a missing field": (
        lambda e: entry(e, 2).pop("scenario_json"),
        "scenarios[2]: fältet 'scenario_json' saknas",
        "'scenario_json' is missing",
    ),
    "an unknown field": (
        lambda e: entry(e, 0).update(kommentar="x"),
        "okänt fält 'kommentar'",
        "unknown field 'kommentar'",
    ),
    "a parent the file lacks": (
        lambda e: e["scenarios"].pop(0),
        "förälder #1 finns inte före posten",
        "parent #1 is not an earlier entry",
    ),
    "a room the file lacks": (
        lambda e: e["rooms"].pop(1),
        "finns inte i 'rooms'",
        "is not in 'rooms'",
    ),
    "ids out of order": (
        lambda e: e["scenarios"].insert(0, e["scenarios"].pop(1)),
        "scenarios[1] (id 1): id:t är inte större än föregående posts",
        "the id does not ascend",
    ),
    "a bad room code": (
        lambda e: e["rooms"][0].update(code="OOOOOO"),
        "'OOOOOO' är ingen rumskod",
        "is no room code",
    ),
}


@pytest.mark.parametrize("problem", list(BAD_FILES))
def test_a_bad_file_writes_nothing_and_says_why(
    database: Path | str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    problem: str,
) -> None:
    forum(database)
    exported = export(database, monkeypatch, tmp_path / "forum.json")
    change, swedish, english = BAD_FILES[problem]
    bad = tmp_path / "bad.json"
    if isinstance(change, str):
        bad.write_text(change)
    elif isinstance(change, dict):
        bad.write_text(json.dumps(change))
    else:
        change(exported)
        bad.write_text(json.dumps(exported))
    into_a_room = ["--room", ScenarioStorage(database).open_room("Mål").code]
    before, rooms = fingerprints(database), rows(database, "SELECT * FROM rooms")
    for command in (["import", str(bad)], ["import", str(bad), *into_a_room]):
        assert main(["scenarios", *command]) == 1
        err = capsys.readouterr().err
        assert swedish in err and english in err and "nothing was written" in err
    assert fingerprints(database) == before
    assert rows(database, "SELECT * FROM rooms") == rooms


def test_an_import_failing_midway_is_rolled_back(database: Path | str) -> None:
    """Past the file's checks (a record made in code): the versions before the bad one were
    inserted in the same transaction, and are gone with it."""
    storage = ScenarioStorage(database)
    storage.save("Kvar", "d", "{}", {})
    before = fingerprints(database)
    good = [SavedScenario(n, f"V{n}", "d", "{}", {}, "2025-01-01T00:00:00+00:00") for n in (1, 2)]
    orphan = SavedScenario(3, "V3", "d", "{}", {}, "2025-01-01T00:00:00+00:00", parent_id=9)
    with pytest.raises(RecordError, match="points to #9"):
        storage.import_record(Record([], [*good, orphan]))
    assert fingerprints(database) == before
    assert sorted(storage.import_record(Record([], good)).ids) == [1, 2]


def test_list_shows_latest_versions_and_all_on_request(
    database: Path | str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    made = forum(database)
    use(monkeypatch, database)
    assert main(["scenarios", "list"]) == 0
    out = capsys.readouterr().out
    shown = {int(line.split()[0]) for line in out.splitlines() if line.strip()[:1].isdigit()}
    assert shown == {made["renamed"], made["open"], made["open"] + 1}  # + the damaged row
    assert "4 av/of 7" not in out and "3 av/of 7 versioner/versions" in out
    assert main(["scenarios", "list", "--all", "--room", made["north"].lower()]) == 0
    out = capsys.readouterr().out
    assert "3 av/of 3" in out and f"rename ← #{made['plan'] + 1}" in out
    assert main(["scenarios", "list", "--all", "--room", "open"]) == 0
    assert "2 av/of 2" in capsys.readouterr().out
    assert main(["scenarios", "list", "--room", "ZZZZZZ"]) == 1
    assert "Det finns inget rum 'ZZZZZZ'" in capsys.readouterr().err


def test_export_of_one_room_and_never_over_a_file(
    database: Path | str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    made = forum(database)
    south = export(database, monkeypatch, tmp_path / "south.json", made["south"])
    assert south["selection"] == made["south"]
    assert [r["code"] for r in south["rooms"]] == [made["south"]]
    assert [(e["id"], e["hidden"]) for e in south["scenarios"]] == [
        (made["hidden"] - 1, False), (made["hidden"], True),
    ]  # fmt: skip
    kept = tmp_path / "kept.json"
    kept.write_text("an earlier export")
    assert main(["scenarios", "export", "--out", str(kept)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert kept.read_text() == "an earlier export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".sqlite3") == [
        "kept.json", "south.json",
    ]  # fmt: skip
