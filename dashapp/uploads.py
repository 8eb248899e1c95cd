"""Checking a file a user uploads, with the same readers the build step uses (pure).

An upload is untrusted: its payload may not be a data URL, its name may hold markup (it is only
ever shown as text), and its size is capped before anything is parsed.
"""

from __future__ import annotations

import base64
import binascii
import re

from models.dataset import Dataset
from models.errors import Problem
from models.importers import (
    read_population_grid,
    read_service_points,
    read_smaorter,
    read_travel_matrix,
)

MAX_UPLOAD_BYTES = 10 * 1024 * 1024  # the dcc.Upload limit too (components/workspace.py)
MAX_NAME_CHARS = 200
MAX_SHOWN_PROBLEMS = 200  # lines listed under an upload; one more line counts the rest
KINDS = ("service_points", "population_grid", "smaorter", "travel_matrix")


def _refused(filename: str, sv: str, en: str) -> tuple[int, list[Problem]]:
    return 0, [Problem(filename, None, None, sv, en)]


class _TooLarge:
    """A payload refused by its length alone: decoding it would only waste memory."""


def _payload(contents: object) -> bytes | _TooLarge | None:
    """The file's bytes from a ``data:…;base64,…`` URL, or None when it is not one."""
    if not isinstance(contents, str) or "," not in contents:
        return None
    if len(contents) > MAX_UPLOAD_BYTES * 4 // 3 + 1024:
        return _TooLarge()
    try:
        return base64.b64decode(contents.split(",", 1)[1], validate=True)
    except (binascii.Error, ValueError):
        return None


def check_upload(
    kind: str, contents: object, filename: object, dataset: Dataset
) -> tuple[int, list[Problem]]:
    """Rows read and every problem found, for a ``dcc.Upload`` data URL; never raises."""
    name = str(filename or "?")[:MAX_NAME_CHARS]
    raw = _payload(contents)
    if raw is None:
        return _refused(name, "filen kunde inte tas emot", "the file could not be received")
    if isinstance(raw, _TooLarge) or len(raw) > MAX_UPLOAD_BYTES:
        limit = MAX_UPLOAD_BYTES // (1024 * 1024)
        return _refused(
            name,
            f"filen är större än gränsen {limit} MB",
            f"the file is larger than the limit of {limit} MB",
        )
    if kind not in KINDS:
        return _refused(name, "okänd sorts fil", "unknown kind of file")
    if kind == "population_grid":
        frame, problems = read_population_grid(raw)
    elif kind == "smaorter":
        frame, problems = read_smaorter(raw, set(dataset.kommun_kod))
    elif kind == "travel_matrix":
        frame, problems = read_travel_matrix(raw, set(dataset.demand.ids), set(dataset.places.ids))
    else:
        frame, problems = read_service_points(raw, dataset.registry)
    named = [Problem(name, p.row, p.column, p.message_sv, p.message_en) for p in problems]
    return len(frame), named


_MORE = re.compile(r"^and (\d+) more problems")  # the readers' closing line (models/tables.py)


def shown_problems(problems: list[Problem]) -> tuple[list[Problem], int]:
    """At most ``MAX_SHOWN_PROBLEMS`` problems to list, then one line counting the rest, and
    the total: the readers stop listing at 200 and close with "and N more problems", which
    counts towards the total rather than as a problem of its own."""
    found: list[Problem] = []
    total = 0
    for problem in problems:
        more = _MORE.match(problem.message_en) if problem.row is None else None
        if more:
            total += int(more.group(1))
        else:
            found.append(problem)
            total += 1
    shown = found[:MAX_SHOWN_PROBLEMS]
    rest = total - len(shown)
    if rest > 0:
        file = shown[-1].file if shown else "?"
        shown.append(Problem(file, None, None, f"och {rest} fel till", f"and {rest} more problems"))
    return shown, total
