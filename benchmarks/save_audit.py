"""Whether the record survived: every acknowledged save is in the database once, with the
content that was sent; earlier rows are unchanged (SHA-256 per version); SQLite is sound.

Each save attempt of a benchmark carries a name no other attempt uses, so a row is traced to
the attempt that wrote it without trusting anything the server said.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashapp.storage import SavedScenario, ScenarioStorage, checksum


@dataclass(frozen=True)
class Attempt:
    """One save as the client saw it: the unique name, the scenario sent, and whether the
    server answered 200 with the success message (False: an error, a refusal or no answer,
    i.e. the participant was not told "saved")."""

    name: str
    scenario: dict[str, Any]
    acknowledged: bool
    room: str | None = None


@dataclass
class Audit:
    acknowledged: int = 0
    found: int = 0  # acknowledged saves in the database once, with the content sent
    told_not_saved: int = 0
    committed_anyway: int = 0  # not acknowledged, yet written whole (cut off after the commit)
    problems: list[str] = field(default_factory=list)

    @property
    def sound(self) -> bool:
        return not self.problems and self.found == self.acknowledged


def same_content(stored: SavedScenario, attempt: Attempt) -> bool:
    """The stored scenario is the one sent, under the name sent (the server stores the
    scenario as it reads it; the store sends what the server wrote, so both are complete)."""
    try:
        kept = json.loads(stored.scenario_json)
    except ValueError:
        return False
    return bool(kept == {**attempt.scenario, "name": attempt.name}) and (
        attempt.room is None or stored.room == attempt.room
    )


def audit_saves(rows: list[SavedScenario], attempts: list[Attempt], prefix: str) -> Audit:
    """Checks every row whose name starts with ``prefix`` against the attempts."""
    ours = [r for r in rows if r.name.startswith(prefix)]
    by_name: dict[str, list[SavedScenario]] = {}
    for row in ours:
        by_name.setdefault(row.name, []).append(row)
    audit = Audit()
    attempted = Counter(a.name for a in attempts)
    audit.problems += [f"name {n} used by {k} attempts" for n, k in attempted.items() if k > 1]
    for attempt in attempts:
        stored = by_name.get(attempt.name, [])
        if len(stored) > 1:
            audit.problems.append(f"{attempt.name}: {len(stored)} rows for one save")
        elif stored and not same_content(stored[0], attempt):
            audit.problems.append(f"{attempt.name}: stored content differs from what was sent")
        if attempt.acknowledged:
            audit.acknowledged += 1
            audit.found += len(stored) == 1 and same_content(stored[0], attempt)
            if not stored:
                audit.problems.append(f"{attempt.name}: acknowledged but not in the database")
        else:
            audit.told_not_saved += 1
            audit.committed_anyway += len(stored) == 1 and same_content(stored[0], attempt)
    audit.problems += [f"row {n} matches no attempt" for n in by_name if n not in attempted]
    return audit


def checksums(database: Path) -> dict[int, str]:
    """Every version's id → ``sha256:…`` (``storage_record.checksum``)."""
    return {s.id: checksum(s) for s in ScenarioStorage(database).record().scenarios}


def changed_rows(before: dict[int, str], after: dict[int, str]) -> list[str]:
    """Rows present before that are gone or different now (new rows are fine)."""
    problems = [f"row {i} is gone" for i in before if i not in after]
    return problems + [f"row {i} changed" for i in before if i in after and after[i] != before[i]]


def integrity(database: Path) -> str:
    """SQLite's own check of the file ("ok" when sound), read-only beside the running app."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as connection:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    connection.close()
    return "; ".join(str(r[0]) for r in rows)
