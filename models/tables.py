"""The schema of a table and its one checker: types, ranges, finiteness, keys and row counts.

Every table the project reads — the data folder's files, a region's uploads and imports — is
declared as a ``TableSpec`` and checked by ``coerce``, so the rules live in one place. A region's
files come from Excel as often as from scripts: ``,``-separated UTF-8 and Excel's Swedish dialect
(``;``, decimal comma, spaces or dots as thousands separators) are both read (models/textfile.py).
Every finding is a Problem naming file, row and column, at most ``MAX_PROBLEMS`` per file.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from models.errors import Problem
from models.textfile import TableReadError, read_text_table

ColumnKind = Literal["str", "int", "float", "bool"]
MAX_PROBLEMS = 200  # per file: a junk file must not produce millions of lines
SWEDEN_POPULATION = 10_600_000  # no cell may count more people than Sweden has
MAX_TEXT_CHARS = 500  # names and ids; longer cells are refused

_TRUE = {"true", "1", "ja", "yes", "sant", "j", "y"}
_FALSE = {"false", "0", "nej", "no", "falskt", "n", ""}
_THOUSANDS_WITH_DOTS = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")


@dataclass(frozen=True)
class Column:
    name: str
    kind: ColumnKind
    required: bool = True  # the column must exist
    allow_blank: bool = False  # cells may be empty (read as NaN / "")
    non_negative: bool = False
    maximum: float | None = None  # plausibility: larger values are refused


@dataclass(frozen=True)
class TableSpec:
    file: str
    columns: tuple[Column, ...]
    id_column: str | None = None
    key: tuple[str, ...] = ()  # columns whose combination must be unique (besides the id)
    min_rows: int = 0  # a required table with no rows is refused

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def named(self, file: str) -> TableSpec:
        return TableSpec(file, self.columns, self.id_column, self.key, self.min_rows)


def _swedish_number(cleaned: str, whole: bool) -> str:
    """Excel's Swedish dialect: decimal comma; a dot is a thousands separator in ``1.234,5``
    and in a whole number like ``71.282``. A lone dot before three digits in a decimal column
    (``3.442``) could mean either, so it is refused rather than guessed."""
    if "." in cleaned and ("," in cleaned or (whole and _THOUSANDS_WITH_DOTS.match(cleaned))):
        if not _THOUSANDS_WITH_DOTS.match(cleaned):
            raise ValueError(cleaned)
        cleaned = cleaned.replace(".", "")
    elif _THOUSANDS_WITH_DOTS.match(cleaned):
        raise ValueError(cleaned)
    return cleaned.replace(",", ".")


def parse_number(cell: str, decimal_comma: bool, whole: bool = False) -> float:
    """A finite number as typed in Swedish or English spreadsheets; ValueError otherwise."""
    cleaned = cell
    for space in ("\u00a0", "\u202f", " "):  # thousands separators as Excel and Word write them
        cleaned = cleaned.replace(space, "")
    cleaned = cleaned.replace("\u2212", "-")
    if "_" in cleaned:  # Python would read 1_000; no spreadsheet writes it
        raise ValueError(cell)
    if decimal_comma:
        cleaned = _swedish_number(cleaned, whole)
    value = float(cleaned)
    if not math.isfinite(value):
        raise ValueError(cell)
    return value


def _convert_cell(cell: str, column: Column, decimal_comma: bool) -> object:
    if column.kind == "str":
        if len(cell) > MAX_TEXT_CHARS:
            raise ValueError(cell[:40] + "…")
        return cell
    if column.kind == "bool":
        lowered = cell.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ValueError(cell)
    value = parse_number(cell, decimal_comma, whole=column.kind == "int")
    if column.kind == "int":
        if not value.is_integer():
            raise ValueError(cell)
        return int(value)
    return value


_KIND_SV = {
    "int": "ett heltal",
    "float": "ett tal (decimalkomma i semikolonfiler)",
    "bool": "sant/falskt",
    "str": f"text (högst {MAX_TEXT_CHARS} tecken)",
}
_KIND_EN = {
    "int": "a whole number",
    "float": "a finite number (decimal comma in semicolon files)",
    "bool": "true/false",
    "str": f"text (at most {MAX_TEXT_CHARS} characters)",
}


class _Findings:
    """Problems of one file, capped at MAX_PROBLEMS with a count of the rest."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.more = 0

    def add(self, row: int | None, column: str | None, sv: str, en: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(self.file, row, column, sv, en))
        else:
            self.more += 1

    def result(self) -> list[Problem]:
        if not self.more:
            return self.problems
        tail = Problem(
            self.file,
            None,
            None,
            f"och {self.more} fel till i samma fil",
            f"and {self.more} more problems in the same file",
        )
        return [*self.problems, tail]


def _range_problem(value: object, cell: str, column: Column) -> tuple[str, str] | None:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    if column.non_negative and value < 0:
        return f"värdet {cell} får inte vara negativt", f"the value {cell} must not be negative"
    if column.maximum is not None and value > column.maximum:
        limit = f"{column.maximum:,.0f}"
        return (
            f"värdet {cell} är orimligt stort (högst {limit.replace(',', ' ')})",
            f"the value {cell} is implausibly large (at most {limit})",
        )
    return None


def _column_values(
    frame: pd.DataFrame, column: Column, decimal_comma: bool, found: _Findings
) -> list[object]:
    values: list[object] = []
    empty: object = np.nan if column.kind != "str" else ""
    for position, cell in enumerate(frame[column.name].tolist()):
        row = position + 2  # spreadsheet row: header is row 1
        if cell == "" and column.kind != "bool":
            if not column.allow_blank:
                found.add(row, column.name, "värde saknas", "value missing")
            values.append(empty)
            continue
        try:
            value = _convert_cell(cell, column, decimal_comma)
        except ValueError:
            shown = cell if len(cell) <= 40 else cell[:40] + "…"
            found.add(
                row,
                column.name,
                f"'{shown}' är inte {_KIND_SV[column.kind]}",
                f"'{shown}' is not {_KIND_EN[column.kind]}",
            )
            value = empty
        out_of_range = _range_problem(value, cell, column)
        if out_of_range is not None:
            found.add(row, column.name, *out_of_range)
        values.append(value)
    return values


def coerce(
    frame: pd.DataFrame, spec: TableSpec, decimal_comma: bool
) -> tuple[pd.DataFrame, list[Problem]]:
    """Typed columns per ``spec`` plus one Problem per missing column, bad cell, repeated key
    or missing rows."""
    found = _Findings(spec.file)
    typed = pd.DataFrame(index=frame.index)
    for column in spec.columns:
        if column.name not in frame.columns:
            if column.required:
                found.add(
                    None,
                    column.name,
                    f"kolumnen '{column.name}' saknas",
                    f"the column '{column.name}' is missing",
                )
            continue
        values = _column_values(frame, column, decimal_comma, found)
        typed[column.name] = pd.Series(values, index=frame.index, dtype=_dtype(column))
    if len(frame) < spec.min_rows:
        found.add(None, None, "filen har inga rader", "the file has no rows")
    _repeated_keys(frame, spec, found)
    return typed, found.result()


def _dtype(column: Column) -> str:
    return {"str": "object", "int": "float64", "float": "float64", "bool": "bool"}[column.kind]


def _repeated_keys(frame: pd.DataFrame, spec: TableSpec, found: _Findings) -> None:
    for key in ([spec.id_column] if spec.id_column else [], list(spec.key)):
        if not key or not set(key) <= set(frame.columns):
            continue
        values = frame[key].astype(str).agg("|".join, axis=1)
        repeated = values.duplicated(keep="first") & (values != "")
        for position in np.flatnonzero(repeated.to_numpy()):
            shown = " + ".join(frame[key].iloc[position].astype(str))
            found.add(
                int(position) + 2,
                "+".join(key),
                f"'{shown}' förekommer mer än en gång",
                f"'{shown}' occurs more than once",
            )


def limit_per_file(problems: list[Problem], most: int = MAX_PROBLEMS) -> list[Problem]:
    """At most ``most`` problems per file, then one line counting the rest."""
    kept: list[Problem] = []
    counts: dict[str, int] = {}
    for problem in problems:
        counts[problem.file] = counts.get(problem.file, 0) + 1
        if counts[problem.file] <= most:
            kept.append(problem)
    for file, count in counts.items():
        if count > most:
            more = count - most
            kept.append(
                Problem(file, None, None, f"och {more} fel till", f"and {more} more problems")
            )
    return kept


def unreadable(file: str, error: TableReadError | OSError) -> list[Problem]:
    """The one problem of a file that cannot be read as a table at all."""
    if isinstance(error, TableReadError):
        return [Problem(file, error.row, None, error.message_sv, error.message_en)]
    return [Problem(file, None, None, f"filen kan inte läsas ({error})", f"cannot read ({error})")]


def read_table(path: Path, spec: TableSpec) -> tuple[pd.DataFrame, list[Problem]]:
    """Read and type one file; unreadable files become a single Problem, never an exception."""
    try:
        frame, separator = read_text_table(path.read_bytes())
    except (OSError, TableReadError) as error:
        return pd.DataFrame(), unreadable(spec.file, error)
    # Excel's Swedish exports (";" CSV, tab-separated "Unicode text") write decimal commas
    return coerce(frame, spec, decimal_comma=separator != ",")
