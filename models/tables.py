"""Reading tabular input as people really send it, and the column specification of a data folder.

A region's files come from Excel as often as from scripts, so every reader here accepts both
``,``-separated UTF-8 and Excel's Swedish dialect: ``;`` separator, decimal comma, spaces as
thousands separators, cp1252 or UTF-8 with a byte-order mark.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from models.errors import Problem

ColumnKind = Literal["str", "int", "float", "bool"]

_TRUE = {"true", "1", "ja", "yes", "sant", "j", "y"}
_FALSE = {"false", "0", "nej", "no", "falskt", "n", ""}


@dataclass(frozen=True)
class Column:
    name: str
    kind: ColumnKind
    required: bool = True  # the column must exist
    allow_blank: bool = False  # cells may be empty (read as NaN / "")
    non_negative: bool = False


@dataclass(frozen=True)
class TableSpec:
    file: str
    columns: tuple[Column, ...]
    id_column: str | None = None

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) when it decodes, otherwise Excel's Windows-1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def sniff_separator(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (";", "\t", ",")}
    return max(counts, key=lambda sep: counts[sep])


def read_text_table(raw: bytes) -> tuple[pd.DataFrame, str]:
    """All cells as stripped strings, and the separator found."""
    text = decode(raw)
    separator = sniff_separator(text)
    frame = pd.read_csv(
        io.StringIO(text), sep=separator, dtype=str, keep_default_na=False, skip_blank_lines=True
    )
    frame.columns = [str(c).strip().lstrip("\ufeff") for c in frame.columns]
    frame = frame.apply(lambda column: column.str.strip())
    return frame, separator


def parse_number(cell: str, decimal_comma: bool) -> float:
    """A number as typed in Swedish or English spreadsheets; raises ValueError otherwise."""
    cleaned = cell.replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    if decimal_comma:
        cleaned = cleaned.replace(",", ".")
    return float(cleaned)


def _convert_cell(cell: str, column: Column, decimal_comma: bool) -> object:
    if column.kind == "str":
        return cell
    if column.kind == "bool":
        lowered = cell.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ValueError(cell)
    value = parse_number(cell, decimal_comma)
    if column.kind == "int":
        if not value.is_integer():
            raise ValueError(cell)
        return int(value)
    return value


_KIND_SV = {"int": "ett heltal", "float": "ett tal", "bool": "sant/falskt", "str": "text"}
_KIND_EN = {"int": "a whole number", "float": "a number", "bool": "true/false", "str": "text"}


def coerce(
    frame: pd.DataFrame, spec: TableSpec, decimal_comma: bool
) -> tuple[pd.DataFrame, list[Problem]]:
    """Typed columns per ``spec`` plus one Problem per missing column or bad cell."""
    problems: list[Problem] = []
    typed = pd.DataFrame(index=frame.index)
    for column in spec.columns:
        if column.name not in frame.columns:
            if column.required:
                problems.append(
                    Problem(
                        spec.file,
                        None,
                        column.name,
                        f"kolumnen '{column.name}' saknas",
                        f"the column '{column.name}' is missing",
                    )
                )
            continue
        values: list[object] = []
        for position, cell in enumerate(frame[column.name].tolist()):
            row = position + 2  # spreadsheet row: header is row 1
            if cell == "" and column.kind != "bool":
                if not column.allow_blank:
                    problems.append(_blank(spec.file, row, column.name))
                values.append(np.nan if column.kind != "str" else "")
                continue
            try:
                value = _convert_cell(cell, column, decimal_comma)
            except ValueError:
                problems.append(
                    Problem(
                        spec.file,
                        row,
                        column.name,
                        f"'{cell}' är inte {_KIND_SV[column.kind]}",
                        f"'{cell}' is not {_KIND_EN[column.kind]}",
                    )
                )
                value = np.nan if column.kind != "str" else ""
            if column.non_negative and isinstance(value, int | float) and value < 0:
                problems.append(
                    Problem(
                        spec.file,
                        row,
                        column.name,
                        f"värdet {cell} får inte vara negativt",
                        f"the value {cell} must not be negative",
                    )
                )
            values.append(value)
        typed[column.name] = pd.Series(values, index=frame.index, dtype=_dtype(column))
    problems.extend(_duplicate_ids(frame, spec))
    return typed, problems


def _dtype(column: Column) -> str:
    return {"str": "object", "int": "float64", "float": "float64", "bool": "bool"}[column.kind]


def _blank(file: str, row: int, column: str) -> Problem:
    return Problem(file, row, column, "värde saknas", "value missing")


def _duplicate_ids(frame: pd.DataFrame, spec: TableSpec) -> list[Problem]:
    if spec.id_column is None or spec.id_column not in frame.columns:
        return []
    ids = frame[spec.id_column]
    duplicated = ids.duplicated(keep="first") & (ids != "")
    return [
        Problem(
            spec.file,
            int(position) + 2,
            spec.id_column,
            f"id '{ids.iloc[position]}' förekommer mer än en gång",
            f"id '{ids.iloc[position]}' occurs more than once",
        )
        for position in np.flatnonzero(duplicated.to_numpy())
    ]


def read_table(path: Path, spec: TableSpec) -> tuple[pd.DataFrame, list[Problem]]:
    """Read and type one file; unreadable files become a single Problem, never an exception."""
    try:
        frame, separator = read_text_table(path.read_bytes())
    except (OSError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        return pd.DataFrame(), [
            Problem(
                spec.file,
                None,
                None,
                f"filen kan inte läsas som CSV ({error})",
                f"the file cannot be read as CSV ({error})",
            )
        ]
    return coerce(frame, spec, decimal_comma=separator == ";")
