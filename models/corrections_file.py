"""The corrections CSV: what the app exports and ``data build --corrections`` reads.

One row per correction, in the order they apply. Blank cells are fields the action does not
use (see ``models.corrections.Correction``). The file is checked like every other table the
project reads (models/tables.py): each problem names file, row and column.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from models.corrections import MAX_CORRECTIONS, Correction
from models.errors import DataError, Problem
from models.tables import Column, TableSpec, coerce, limit_per_file, unreadable
from models.textfile import TableReadError, read_text_table

COLUMNS: tuple[str, ...] = (
    "action",
    "point_id",
    "status",
    "service",
    "name",
    "lon",
    "lat",
    "place_id",
    "cost_kind",
    "cost_sek",
)

CORRECTIONS = TableSpec(
    "corrections.csv",
    (
        Column("action", "str"),
        Column("point_id", "str", allow_blank=True),
        Column("status", "str", allow_blank=True),
        Column("service", "str", allow_blank=True),
        Column("name", "str", allow_blank=True),
        Column("lon", "float", allow_blank=True),
        Column("lat", "float", allow_blank=True),
        Column("place_id", "str", allow_blank=True),
        Column("cost_kind", "str", allow_blank=True),
        Column("cost_sek", "float", allow_blank=True, non_negative=True),
    ),
)


def _cell(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def corrections_csv(corrections: Sequence[Correction]) -> str:
    """The list as CSV text (UTF-8, comma-separated, full-precision numbers)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for c in corrections:
        writer.writerow(
            [
                c.action,
                c.point_id,
                c.status,
                c.service,
                c.name,
                _cell(c.lon_deg),
                _cell(c.lat_deg),
                c.place_id,
                c.cost_kind,
                _cell(c.cost_sek),
            ]
        )
    return out.getvalue()


def _number(value: object) -> float | None:
    return (
        None
        if value is None or (isinstance(value, float) and math.isnan(value))
        else float(str(value))
    )


def _from_row(row: pd.Series) -> Correction:
    return Correction(
        action=str(row["action"]).strip(),
        point_id=str(row["point_id"]).strip(),
        status=str(row["status"]).strip(),
        service=str(row["service"]).strip(),
        name=str(row["name"]),
        lon_deg=_number(row["lon"]),
        lat_deg=_number(row["lat"]),
        place_id=str(row["place_id"]).strip(),
        cost_kind=str(row["cost_kind"]).strip(),
        cost_sek=_number(row["cost_sek"]),
    )


def parse_corrections(raw: bytes, file: str = CORRECTIONS.file) -> tuple[Correction, ...]:
    """The corrections in a CSV file's bytes; raises DataError naming file, row and column."""
    spec = CORRECTIONS.named(file)
    try:
        frame, separator = read_text_table(raw)
    except TableReadError as error:
        raise DataError(unreadable(file, error)) from error
    typed, problems = coerce(frame, spec, decimal_comma=separator != ",")
    if len(typed) > MAX_CORRECTIONS:
        problems.append(
            Problem(
                file,
                None,
                None,
                f"högst {MAX_CORRECTIONS} rader",
                f"at most {MAX_CORRECTIONS} rows",
            )
        )
    if problems:
        raise DataError(limit_per_file(problems))
    return tuple(_from_row(row) for _, row in typed.iterrows())


def read_corrections(path: Path) -> tuple[Correction, ...]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataError(unreadable(path.name, error)) from error
    return parse_corrections(raw, path.name)
