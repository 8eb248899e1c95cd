"""Each validation rule on a real, deliberately broken copy of the embedded data folder."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from models.dataset import load_dataset
from models.errors import DataError
from models.validate import check_folder


def _edit(folder: Path, file: str, change) -> None:  # type: ignore[no-untyped-def]
    path = folder / file
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    change(frame)
    frame.to_csv(path, index=False)


def _found(folder: Path, file: str, row: int | None, column: str | None) -> list[str]:
    return [
        p.line()
        for p in check_folder(folder)
        if p.file == file and p.row == row and p.column == column
    ]


def test_embedded_data_is_valid() -> None:
    from models.paths import EMBEDDED_DATA

    assert check_folder(EMBEDDED_DATA) == []


def test_missing_column(data_copy: Path) -> None:
    _edit(data_copy, "places.csv", lambda f: f.pop("population"))
    lines = _found(data_copy, "places.csv", None, "population")
    assert lines and "saknas" in lines[0] and "missing" in lines[0]


def test_not_a_number(data_copy: Path) -> None:
    _edit(data_copy, "demand.csv", lambda f: f.loc.__setitem__((3, "population"), "many"))
    assert _found(data_copy, "demand.csv", 5, "population")  # data row 4 is spreadsheet row 5


def test_duplicate_ids(data_copy: Path) -> None:
    def duplicate(frame: pd.DataFrame) -> None:
        frame.loc[1, "place_id"] = frame.loc[0, "place_id"]

    _edit(data_copy, "places.csv", duplicate)
    lines = _found(data_copy, "places.csv", 3, "place_id")
    assert lines and "mer än en gång" in lines[0] and "more than once" in lines[0]


def test_coordinates_outside_sweden(data_copy: Path) -> None:
    def swap(frame: pd.DataFrame) -> None:
        frame.loc[0, ["x_sweref99tm", "y_sweref99tm"]] = ""
        frame.loc[0, ["lat", "lon"]] = [frame.loc[0, "lon"], frame.loc[0, "lat"]]

    _edit(data_copy, "demand.csv", swap)
    lines = _found(data_copy, "demand.csv", 2, "lat")
    assert lines and "utanför Sverige" in lines[0] and "outside Sweden" in lines[0]


def test_sweref_coordinates_outside_sweden(data_copy: Path) -> None:
    _edit(data_copy, "places.csv", lambda f: f.loc.__setitem__((0, "x_sweref99tm"), "50000"))
    assert _found(data_copy, "places.csv", 2, "x_sweref99tm")


def test_negative_population(data_copy: Path) -> None:
    _edit(data_copy, "demand.csv", lambda f: f.loc.__setitem__((0, "population"), "-5"))
    lines = _found(data_copy, "demand.csv", 2, "population")
    assert lines and "negativt" in lines[0] and "negative" in lines[0]


def test_missing_population(data_copy: Path) -> None:
    _edit(data_copy, "places.csv", lambda f: f.loc.__setitem__((0, "population"), ""))
    assert _found(data_copy, "places.csv", 2, "population")


def test_unknown_kommun(data_copy: Path) -> None:
    _edit(data_copy, "demand.csv", lambda f: f.loc.__setitem__((0, "kommun_kod"), "9999"))
    lines = _found(data_copy, "demand.csv", 2, "kommun_kod")
    assert lines and "9999" in lines[0]


def test_reference_to_missing_place(data_copy: Path) -> None:
    _edit(data_copy, "service_points.csv", lambda f: f.loc.__setitem__((0, "place_id"), "NOPE"))
    assert _found(data_copy, "service_points.csv", 2, "place_id")


def test_unknown_service_and_status(data_copy: Path) -> None:
    def change(frame: pd.DataFrame) -> None:
        frame.loc[0, "service"] = "bakery"
        frame.loc[1, "status"] = "maybe"

    _edit(data_copy, "service_points.csv", change)
    assert _found(data_copy, "service_points.csv", 2, "service")
    assert _found(data_copy, "service_points.csv", 3, "status")


def test_missing_file(data_copy: Path) -> None:
    (data_copy / "costs.csv").unlink()
    assert _found(data_copy, "costs.csv", None, None)


def test_travel_matrix_references_are_checked(data_copy: Path) -> None:
    (data_copy / "travel_times.csv").write_text("origin_id;destination_id;minutes\nX;Y;3,5\n")
    assert _found(data_copy, "travel_times.csv", 2, "origin_id")
    assert _found(data_copy, "travel_times.csv", 2, "destination_id")


def test_loading_a_broken_folder_raises_one_domain_error(data_copy: Path) -> None:
    _edit(data_copy, "demand.csv", lambda f: f.loc.__setitem__((0, "population"), "-5"))
    with pytest.raises(DataError) as caught:
        load_dataset(data_copy)
    assert caught.value.problems
    assert "demand.csv" in caught.value.message_sv


def test_excel_dialect_folder_loads_to_the_same_numbers(data_copy: Path) -> None:
    original = load_dataset(data_copy)
    for file in ("places.csv", "demand.csv"):
        frame = pd.read_csv(data_copy / file, dtype=str, keep_default_na=False)
        numeric = ["x_sweref99tm", "y_sweref99tm", "lat", "lon", "population"]
        numeric += ["urban_radius_km"] if "urban_radius_km" in frame else []
        text = frame.copy()
        text[numeric] = frame[numeric].apply(lambda c: c.str.replace(".", ",", regex=False))
        text.to_csv(data_copy / file, sep=";", index=False, encoding="cp1252")
    reloaded = load_dataset(data_copy)
    assert reloaded.places.names.tolist() == original.places.names.tolist()
    assert np.allclose(reloaded.places.x_m, original.places.x_m)
    assert np.allclose(reloaded.demand.population, original.demand.population)


def test_data_readme_lists_every_point_linked_by_name_or_left_rural() -> None:
    from models.paths import PROJECT_ROOT, embedded_data_dir
    from models.validate import linking_report

    readme = (PROJECT_ROOT / "data" / "README.md").read_text(encoding="utf-8")
    listed = readme.split("## Service points linked by postort")[1].split("```")[1]
    report = linking_report(embedded_data_dir())
    assert listed.strip().splitlines() == report
    assert any(line.startswith("postort: grocery Matöppet Urshult → Urshult") for line in report)
