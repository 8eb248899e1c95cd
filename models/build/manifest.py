"""A region's build manifest: which source files to read, their columns, and their sources.

The build reads no fixed file names: a manifest (JSON, documented in data/README.md) names the
region, its input files (relative to the source folder), the columns that differ between
regions, the sources to cite, notes, and any extra service types. ``data/manifests/`` holds the
embedded region's manifest.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from models.errors import DataError, Problem

# what reading a source file with pandas, json or shapely raises for a file that is not as
# documented (a missing column is a KeyError naming it)
SOURCE_ERRORS = (OSError, KeyError, ValueError, TypeError, AttributeError, pd.errors.ParserError)

FILE_ROLES = ("kommuner", "kommun_boundaries", "region_boundary", "localities", "service_points")
OPTIONAL_ROLES = ("reference_figures",)  # official access figures to show beside today's
COLUMN_ROLES = {
    "kommun_population": "population",
    "kommun_population_outside_localities": "population_outside_localities",
    "in_region": "in_region",
}


@dataclass(frozen=True)
class Manifest:
    name: str
    source: Path  # folder the files are relative to
    files: dict[str, str]  # role → file name
    columns: dict[str, str]  # role → column name in the source file
    settings: dict[str, Any]  # copied into region.json: sources, notes, service_types

    def path(self, role: str) -> Path:
        return self.source / self.files[role]


def _problem(file: str, column: str | None, sv: str, en: str) -> Problem:
    return Problem(file, None, column, sv, en)


def _parse(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise DataError(
            [
                _problem(
                    path.name,
                    None,
                    f"manifestet kan inte läsas ({error})",
                    f"the manifest cannot be read ({error})",
                )
            ]
        ) from error
    if not isinstance(data, dict):
        raise DataError([_problem(path.name, None, "ska vara ett objekt", "must be an object")])
    return data


def _mapping(
    data: Mapping[str, Any], key: str, file: str, problems: list[Problem]
) -> dict[str, str]:
    value = data.get(key, {})
    if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
        problems.append(_problem(file, key, "ska vara ett objekt med texter", "must map to texts"))
        return {}
    return dict(value)


def read_manifest(path: Path, source: Path | None = None) -> Manifest:
    """Read and check a manifest; ``source`` overrides its ``source`` folder. Raises DataError
    naming every missing field or file."""
    data = _parse(path)
    problems: list[Problem] = []
    files = _mapping(data, "files", path.name, problems)
    columns = {role: role for role in COLUMN_ROLES} | _mapping(data, "columns", path.name, problems)
    folder = (
        source if source is not None else (path.parent / str(data.get("source", "."))).resolve()
    )
    problems += [
        _problem(path.name, f"files.{role}", "filen anges inte", "no file given")
        for role in FILE_ROLES
        if role not in files
    ]
    problems += [
        _problem(
            files[role], None, f"filen saknas i {folder}", f"the file is missing from {folder}"
        )
        for role in (*FILE_ROLES, *OPTIONAL_ROLES)
        if role in files and not (folder / files[role]).is_file()
    ]
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        problems.append(
            _problem(path.name, "name", "regionens namn saknas", "the region's name is missing")
        )
    if problems:
        raise DataError(problems)
    settings: dict[str, Any] = {
        k: data[k] for k in ("sources", "notes", "service_types") if k in data
    }
    return Manifest(str(data["name"]).strip(), folder, files, columns, settings)


@contextmanager
def reading_source(file: str) -> Iterator[None]:
    """Turn any failure to read one source file into a DataError naming that file."""
    try:
        yield
    except DataError:
        raise
    except SOURCE_ERRORS as error:
        column = str(error.args[0]) if isinstance(error, KeyError) and error.args else None
        reason = "kolumnen saknas" if column else f"källfilen kan inte läsas ({error})"
        reason_en = (
            "the column is missing" if column else f"the source file cannot be read ({error})"
        )
        raise DataError([Problem(file, None, column, reason, reason_en)]) from error
