"""``servicekartan scenarios list|export|import|restore``: a forum's saved scenarios in and out
of the database the app uses (``DATABASE_URL``, else ``SERVICEKARTAN_DB``), as one JSON file.

The file holds every version (earlier and hidden ones too) with a checksum each. ``import``
adds its versions as new rows; ``restore`` puts them, ids and all, into an empty database.
Both check the whole file first and write nothing unless every entry is sound, in one
transaction.
"""

from __future__ import annotations

import argparse
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from models.errors import ServicekartanError

if TYPE_CHECKING:
    from dashapp.storage import ScenarioStorage
    from dashapp.storage_record import Record, RoomChoice, SavedScenario

FORMAT: Final = "servicekartan-scenarios"
FORMAT_VERSION: Final = 1
OPEN_WORKSPACE: Final = ("open", "öppen")  # --room words for "no room"; never a code (O)
MAX_PROBLEMS_SHOWN: Final = 20

ROOM_FIELDS: Final = {"id": int, "code": str, "name": str, "created_at": str}
SCENARIO_FIELDS: Final = {
    "id": int,
    "room": (str, type(None)),
    "parent_id": (int, type(None)),
    "root_id": (int, type(None)),
    "name": str,
    "dataset": str,
    "scenario_json": str,
    "summary_json": str,
    "created_at": str,
    "hidden": bool,
    "change": str,
    "checksum": str,
}


class RecordFileError(ServicekartanError):
    """A record file that cannot be imported or restored; names every problem found."""

    def __init__(self, path: Path, problems: list[tuple[str, str]]) -> None:
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        lines_sv = [f"  {sv}" for sv, _ in shown] + ([f"  … och {more} till"] if more else [])
        lines_en = [f"  {en}" for _, en in shown] + ([f"  … and {more} more"] if more else [])
        super().__init__(
            f"{path}: {len(problems)} fel, inget skrevs:\n" + "\n".join(lines_sv),
            f"{path}: {len(problems)} problems, nothing was written:\n" + "\n".join(lines_en),
        )


# The file


def record_to_json(record: Record, selection: str) -> dict[str, Any]:
    from dashapp.storage_record import checksum

    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "selection": selection,
        "rooms": [
            {"id": r.id, "code": r.code, "name": r.name, "created_at": r.created_at}
            for r in record.rooms
        ],
        "scenarios": [
            {
                "id": s.id,
                "room": s.room,
                "parent_id": s.parent_id,
                "root_id": s.root_id,
                "name": s.name,
                "dataset": s.dataset,
                "scenario_json": s.scenario_json,
                "summary_json": s.summary_json,
                "created_at": s.created_at,
                "hidden": s.hidden,
                "change": s.change,
                "checksum": checksum(s),
            }
            for s in record.scenarios
        ],
    }


def read_record(path: Path) -> Record:
    """The record in ``path``, or a ``RecordFileError`` naming every problem in it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise RecordFileError(
            path, [(f"filen kan inte läsas ({error})", f"the file cannot be read ({error})")]
        ) from error
    except ValueError as error:
        raise RecordFileError(
            path, [(f"filen är inte JSON ({error})", f"the file is not JSON ({error})")]
        ) from error
    return parse_record(data, path)


def parse_record(data: object, path: Path) -> Record:
    from dashapp.storage_record import Record, Room

    problems: list[tuple[str, str]] = []
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        problems.append(
            (f"filen är ingen export från servicekartan ({FORMAT!r} saknas i 'format')",
             f"the file is not a servicekartan export ('format' is not {FORMAT!r})")
        )  # fmt: skip
    elif data.get("format_version") != FORMAT_VERSION:
        version = data.get("format_version")
        problems.append(
            (f"okänd formatversion {version!r} (den här versionen läser {FORMAT_VERSION})",
             f"unknown format_version {version!r} (this version reads {FORMAT_VERSION})")
        )  # fmt: skip
    if problems:
        raise RecordFileError(path, problems)
    assert isinstance(data, dict)
    room_entries = _entries(data, "rooms", ROOM_FIELDS, problems)
    scenario_entries = _entries(data, "scenarios", SCENARIO_FIELDS, problems)
    if problems:
        raise RecordFileError(path, problems)
    rooms = [Room(e["id"], e["code"], e["name"], e["created_at"]) for e in room_entries]
    problems.extend(_room_problems(rooms))
    saved = [_scenario(e) for e in scenario_entries]
    problems.extend(_scenario_problems(saved, scenario_entries, {r.code for r in rooms}))
    if problems:
        raise RecordFileError(path, problems)
    return Record(rooms, saved)


def _entries(
    data: dict[str, Any], key: str, fields: dict[str, Any], problems: list[tuple[str, str]]
) -> list[dict[str, Any]]:
    """The list under ``key``, each entry with exactly ``fields`` of their types (a bool is
    not taken for a number, nor a number for a bool)."""
    found = data.get(key)
    if not isinstance(found, list):
        problems.append(
            (f"'{key}' saknas eller är ingen lista", f"'{key}' is missing or not a list")
        )
        return []
    for n, entry in enumerate(found):
        where = f"{key}[{n}]"
        if not isinstance(entry, dict):
            problems.append((f"{where}: är inget objekt", f"{where}: is not an object"))
            continue
        for name in sorted(entry.keys() - fields.keys()):
            problems.append((f"{where}: okänt fält {name!r}", f"{where}: unknown field {name!r}"))
        for name, kind in fields.items():
            value = entry.get(name, ...)
            if value is ...:
                problems.append(
                    (f"{where}: fältet {name!r} saknas", f"{where}: {name!r} is missing")
                )
            elif isinstance(value, bool) != (kind is bool) or not isinstance(value, kind):
                problems.append(
                    (f"{where}: fältet {name!r} har fel typ ({value!r})",
                     f"{where}: {name!r} has the wrong type ({value!r})")
                )  # fmt: skip
    return found


def _scenario(entry: dict[str, Any]) -> SavedScenario:
    from dashapp.storage_record import SavedScenario, read_summary

    summary = read_summary(entry["summary_json"])
    return SavedScenario(
        entry["id"], entry["name"], entry["dataset"], entry["scenario_json"], summary,
        entry["created_at"], room=entry["room"], parent_id=entry["parent_id"],
        root_id=entry["root_id"], hidden=entry["hidden"], change=entry["change"],
        summary_json=entry["summary_json"],
    )  # fmt: skip


def _at(where: str, sv: str, en: str) -> tuple[str, str]:
    return f"{where}: {sv}", f"{where}: {en}"


def _room_problems(rooms: list[Any]) -> list[tuple[str, str]]:
    from dashapp.storage_record import normalise_code

    problems = []
    seen: set[object] = set()
    for n, room in enumerate(rooms):
        where = f"rooms[{n}]"
        if normalise_code(room.code) != room.code:
            problems.append(_at(where, f"{room.code!r} är ingen rumskod", "is no room code"))
        if room.id < 1 or {room.id, room.code} & seen:
            sv, en = "id:t eller koden är ogiltig eller dubblerad", "bad or repeated id or code"
            problems.append(_at(where, sv, en))
        seen |= {room.id, room.code}
    return problems


def _scenario_problems(
    saved: list[SavedScenario], entries: list[dict[str, Any]], codes: set[str]
) -> list[tuple[str, str]]:
    """Checksums, unique ids, known rooms and whole lineages: every parent an earlier entry of
    the same room and dataset, every root its parent's."""
    from dashapp.storage_record import CHANGES, checksum

    problems: list[tuple[str, str]] = []
    earlier: dict[int, SavedScenario] = {}
    for n, (version, entry) in enumerate(zip(saved, entries, strict=True)):
        where = f"scenarios[{n}] (id {version.id})"

        def problem(sv: str, en: str, where: str = where) -> None:
            problems.append(_at(where, sv, en))

        if entry["checksum"] != checksum(version):
            problem(
                "checksumman stämmer inte: posten har ändrats",
                "the checksum does not match: the entry was changed",
            )
        if version.id <= max(earlier, default=0):  # as export writes them, and restore needs
            problem("id:t är inte större än föregående posts", "the id does not ascend")
        if version.room is not None and version.room not in codes:
            problem(
                f"rummet {version.room} finns inte i 'rooms'",
                f"room {version.room} is not in 'rooms'",
            )
        if version.change not in CHANGES:
            problem(f"okänd ändring {version.change!r}", f"unknown change {version.change!r}")
        if (version.parent_id is None) != (version.root_id is None):
            problem(
                "parent_id och root_id anges bara tillsammans",
                "parent_id and root_id come together",
            )
        parent = earlier.get(version.parent_id) if version.parent_id is not None else None
        if version.parent_id is not None and parent is None:
            problem(
                f"förälder #{version.parent_id} finns inte före posten",
                f"parent #{version.parent_id} is not an earlier entry",
            )
        if parent is not None and (parent.room, parent.dataset, parent.lineage) != (
            version.room, version.dataset, version.root_id,
        ):  # fmt: skip
            problem(
                f"förälder #{parent.id} har ett annat rum, en annan datamängd eller härstamning",
                f"parent #{parent.id} has another room, dataset or lineage",
            )
        earlier.setdefault(version.id, version)
    return problems


# The commands


def _storage() -> ScenarioStorage:
    from dashapp.settings import Settings
    from dashapp.storage import ScenarioStorage

    return ScenarioStorage(Settings.from_env().database)


def _room_choice(value: str | None) -> RoomChoice:
    from dashapp.storage_record import ALL_ROOMS

    if value is None:
        return ALL_ROOMS
    return None if value.strip().lower() in OPEN_WORKSPACE else value


def _known_room(storage: ScenarioStorage, value: str | None) -> RoomChoice:
    """``--room`` as a choice; an unknown code is an error, never an empty list."""
    from dashapp.storage_record import RecordError

    room = _room_choice(value)
    if isinstance(room, str) and storage.find_room(room) is None:
        raise RecordError(f"Det finns inget rum {room!r}", f"There is no room {room!r}")
    return room


def _list(args: argparse.Namespace) -> int:
    storage = _storage()
    room = _known_room(storage, args.room)
    record = storage.record(room)
    parents = {s.parent_id for s in record.scenarios}
    shown = [s for s in record.scenarios if args.all or (s.id not in parents and not s.hidden)]
    names = {r.code: r.name for r in record.rooms}
    for r in record.rooms:
        print(f"rum/room {r.code}  {r.name}  ({r.created_at})")
    print(f"{'id':>6}  {'rum/room':<8}  {'version':<16}  {'skapad/created':<25}  namn/name")
    for s in shown:
        version = s.change if s.parent_id is None else f"{s.change} ← #{s.parent_id}"
        flags = "  [dold/hidden]" if s.hidden else ""
        flags += "" if s.id in parents else "  *"
        print(f"{s.id:>6}  {s.room or '-':<8}  {version:<16}  {s.created_at:<25}  {s.name}{flags}")
    print(
        f"{len(shown)} av/of {len(record.scenarios)} versioner/versions; "
        f"{len(names)} rum/rooms; * senaste/latest, - öppen arbetsyta/open workspace"
    )
    return 0


def _export(args: argparse.Namespace) -> int:
    storage = _storage()
    room = _known_room(storage, args.room)
    record = storage.record(room)
    selection = "all" if args.room is None else ("open" if room is None else str(room).upper())
    text = json.dumps(record_to_json(record, selection), ensure_ascii=False, indent=1)
    _write_new(Path(args.out), text + "\n")
    print(
        f"Exporterade / exported {len(record.scenarios)} versioner/versions, "
        f"{len(record.rooms)} rum/rooms: {args.out}"
    )
    return 0


def _write_new(path: Path, text: str) -> None:
    """Write ``text`` to ``path``, which must not exist: a whole file or none (written beside
    it, then linked into place; the link fails rather than replace a file)."""
    from dashapp.storage_record import RecordError

    staged = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with staged.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    try:
        os.link(staged, path)
    except FileExistsError:
        raise RecordError(
            f"{path} finns redan; välj ett nytt filnamn",
            f"{path} already exists; choose a new name",
        ) from None
    finally:
        staged.unlink()


def _import(args: argparse.Namespace) -> int:
    record = read_record(Path(args.file))
    storage = _storage()
    imported = storage.import_record(record, args.room)
    new_ids = imported.ids.values()
    print(
        f"Importerade / imported {len(new_ids)} versioner/versions as new rows "
        f"(#{min(new_ids, default=0)}–#{max(new_ids, default=0)})"
    )
    for old, new in imported.rooms.items():
        print(f"  rum/room {old} → {new}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    record = read_record(Path(args.file))
    _storage().restore(record)
    print(
        f"Återställde / restored {len(record.scenarios)} versioner/versions, "
        f"{len(record.rooms)} rum/rooms, with their ids"
    )
    return 0


def _guarded(run: Any) -> Any:
    """A command whose storage failures end as a message in both languages, not a traceback."""

    def guarded(args: argparse.Namespace) -> int:
        from dashapp.storage_record import RecordError

        try:
            return int(run(args))
        except RecordError as error:
            raise ServicekartanError(error.message_sv, error.message_en) from error
        except OSError as error:
            raise ServicekartanError(
                f"Databasen eller filen kunde inte användas: {error}",
                f"The database or file could not be used: {error}",
            ) from error

    return guarded


def add_scenario_commands(commands: Any) -> None:
    """The ``scenarios`` group on the main parser's subcommands."""
    group = commands.add_parser(
        "scenarios", help="saved scenarios: list, export, import, restore (the forum's record)"
    )
    sub = group.add_subparsers(dest="scenarios_command", required=True)
    room_help = "a room's code, or 'open' for the open workspace (default: everything)"
    listing = sub.add_parser("list", help="the latest shown version of each saved scenario")
    listing.add_argument("--room", help=room_help)
    listing.add_argument("--all", action="store_true", help="every version, hidden ones too")
    listing.set_defaults(run=_guarded(_list))
    export = sub.add_parser("export", help="every version and room, as JSON with checksums")
    export.add_argument("--room", help=room_help)
    export.add_argument("--out", type=Path, required=True, help="a new .json file")
    export.set_defaults(run=_guarded(_export))
    into = sub.add_parser("import", help="add a file's versions as new rows (all or none)")
    into.add_argument("file", type=Path)
    into.add_argument("--room", help="put every version into this existing room")
    into.set_defaults(run=_guarded(_import))
    restore = sub.add_parser("restore", help="an export into an empty database, ids and all")
    restore.add_argument("file", type=Path)
    restore.set_defaults(run=_guarded(_restore))
