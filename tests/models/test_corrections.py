"""Corrections to the data: each action on the real Kronoberg tables, the CSV, and the build."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from models import corrections as corrections_module
from models import scenario_schema
from models.build.region import BuildOptions, build_folder
from models.corrections import (
    USER,
    Correction,
    added_point_id,
    apply_corrections,
    check_corrections,
)
from models.corrections_file import corrections_csv, parse_corrections
from models.dataset import Dataset, load_dataset
from models.errors import DataError, ScenarioError
from models.paths import embedded_data_dir
from models.run import run_scenario
from models.scenario import Scenario, default_scenario
from tests.models.test_build import SOURCE_MANIFEST


@pytest.fixture(scope="module")
def kronoberg() -> Dataset:
    return load_dataset(embedded_data_dir())


def _point(data: Dataset, service: str, name_part: str) -> int:
    found = [
        k
        for k, (s, n) in enumerate(zip(data.points.service, data.points.names, strict=True))
        if s == service and name_part in n
    ]
    assert found, name_part
    return found[0]


def _place(data: Dataset, name: str) -> int:
    return int(np.flatnonzero(data.places.names == name)[0])


def test_closing_a_shop_removes_it_and_leaves_the_shipped_data_as_it_was(
    kronoberg: Dataset,
) -> None:
    k = _point(kronoberg, "grocery", "Urshult")
    point_id = str(kronoberg.points.ids[k])
    corrected = apply_corrections(kronoberg, (Correction("status", point_id, "closed"),))
    assert point_id not in corrected.points.ids.tolist()
    assert len(corrected.points) == len(kronoberg.points) - 1
    assert point_id in kronoberg.points.ids.tolist()  # the original is untouched
    urshult = _place(kronoberg, "Urshult")
    grocery = kronoberg.service_index("grocery")
    assert kronoberg.points_at("at_risk")[urshult, grocery]
    assert not corrected.points_at("at_risk")[urshult, grocery]


def test_closing_the_shop_lowers_today_s_grocery_reach(kronoberg: Dataset) -> None:
    point_id = str(kronoberg.points.ids[_point(kronoberg, "grocery", "Urshult")])
    base = default_scenario(kronoberg.registry)
    closed = replace(base, corrections=(Correction("status", point_id, "closed"),))
    before = {c.key: c.today for c in run_scenario(kronoberg, base).covered}
    after = {c.key: c.today for c in run_scenario(kronoberg, closed).covered}
    assert after["grocery"] < before["grocery"]
    assert after["fuel"] == before["fuel"]


def test_marking_a_point_secure_records_the_user_as_the_reason(kronoberg: Dataset) -> None:
    k = _point(kronoberg, "grocery", "Urshult")
    corrected = apply_corrections(
        kronoberg, (Correction("status", str(kronoberg.points.ids[k]), "secure"),)
    )
    position = corrected.points.ids.tolist().index(str(kronoberg.points.ids[k]))
    assert corrected.points.status[position] == "secure"
    assert corrected.points.status_reason is not None
    assert corrected.points.status_reason[position] == USER


def test_an_added_point_joins_the_nearest_place_within_reach(kronoberg: Dataset) -> None:
    j = _place(kronoberg, "Urshult")
    lon, lat = float(kronoberg.places.lon_deg[j]) + 0.01, float(kronoberg.places.lat_deg[j])
    add = Correction("add", status="secure", service="pharmacy", name="Apoteksombud", lon_deg=lon)
    corrected = apply_corrections(kronoberg, (replace(add, lat_deg=lat),))
    new = corrected.points.ids.tolist().index(added_point_id(0))
    assert corrected.points.place_index[new] == j
    assert corrected.points.names[new] == "Apoteksombud"
    assert corrected.points_at("secure")[j, kronoberg.service_index("pharmacy")]


def test_a_point_far_from_every_place_is_refused_with_row_and_column(kronoberg: Dataset) -> None:
    add = Correction("add", status="secure", service="grocery", name="Ute i havet")
    far = replace(add, lon_deg=19.0, lat_deg=55.0)
    problems = check_corrections(kronoberg, (Correction("cost", "", "", "grocery"), far))
    assert [(p.row, p.column) for p in problems] == [(2, "place_id"), (3, "lon")]
    assert "km" in problems[1].message_sv


def test_moving_a_point_relinks_it(kronoberg: Dataset) -> None:
    k = _point(kronoberg, "grocery", "Urshult")
    target = _place(kronoberg, "Tingsryd")
    move = Correction(
        "move",
        str(kronoberg.points.ids[k]),
        lon_deg=float(kronoberg.places.lon_deg[target]),
        lat_deg=float(kronoberg.places.lat_deg[target]),
    )
    corrected = apply_corrections(kronoberg, (move,))
    position = corrected.points.ids.tolist().index(move.point_id)
    assert corrected.points.place_index[position] == target
    assert corrected.points.lon_deg[position] == pytest.approx(move.lon_deg)


def test_a_cost_correction_replaces_the_figure_and_says_who_set_it(kronoberg: Dataset) -> None:
    j = _place(kronoberg, "Urshult")
    place_id, grocery = str(kronoberg.places.ids[j]), kronoberg.service_index("grocery")
    assert kronoberg.keep_cost_sek[j, grocery] != 123_000
    cost = Correction("cost", place_id=place_id, service="grocery", cost_kind="keep")
    corrected = apply_corrections(kronoberg, (replace(cost, cost_sek=123_000.0),))
    assert corrected.keep_cost_sek[j, grocery] == 123_000
    assert corrected.establish_cost_sek[j, grocery] == kronoberg.establish_cost_sek[j, grocery]
    assert corrected.cost_notes[(place_id, "grocery")] == (False, USER)


def test_a_bad_correction_changes_nothing_and_names_every_problem(kronoberg: Dataset) -> None:
    good = Correction("status", str(kronoberg.points.ids[0]), "closed")
    outside = str(kronoberg.places.ids[~kronoberg.places.in_region][0])
    bad = [
        Correction("status", "no-such-point", "closed"),
        Correction("status", str(kronoberg.points.ids[1]), "sometimes"),
        Correction("teleport"),
        Correction("cost", place_id=outside, service="grocery", cost_kind="keep", cost_sek=1.0),
    ]
    with pytest.raises(DataError) as raised:
        apply_corrections(kronoberg, (good, *bad))
    assert [(p.row, p.column) for p in raised.value.problems] == [
        (3, "point_id"),
        (4, "status"),
        (5, "action"),
        (6, "place_id"),
    ]
    assert len(kronoberg.points) == len(load_dataset(embedded_data_dir()).points)


def test_closing_the_same_point_twice_is_refused(kronoberg: Dataset) -> None:
    closed = Correction("status", str(kronoberg.points.ids[5]), "closed")
    problems = check_corrections(kronoberg, (closed, closed))
    assert [(p.row, p.column) for p in problems] == [(3, "point_id")]


def test_the_same_corrections_give_the_same_dataset_object(kronoberg: Dataset) -> None:
    edits = (Correction("status", str(kronoberg.points.ids[3]), "closed"),)
    assert apply_corrections(kronoberg, edits) is apply_corrections(kronoberg, edits)
    assert apply_corrections(kronoberg, ()) is kronoberg


def test_a_scenario_carries_its_corrections_through_json(kronoberg: Dataset) -> None:
    edits = (
        Correction("status", str(kronoberg.points.ids[3]), "closed"),
        Correction("add", status="at_risk", service="fuel", name='"<b>Mack</b>', lon_deg=14.8),
    )
    scenario = replace(Scenario(), corrections=edits, data_revision="Rättat i Tingsryd")
    again = Scenario.from_json(scenario.to_json())
    assert again == scenario


def test_a_scenario_with_corrections_that_do_not_apply_is_refused(kronoberg: Dataset) -> None:
    bad = replace(
        default_scenario(kronoberg.registry),
        corrections=(Correction("status", "no-such-point", "closed"),),
    )
    with pytest.raises(ScenarioError) as raised:
        run_scenario(kronoberg, bad)
    assert "no-such-point" in raised.value.message_sv


def test_the_schema_limit_equals_the_model_s() -> None:
    assert scenario_schema.MAX_CORRECTIONS == corrections_module.MAX_CORRECTIONS


def test_the_csv_round_trips_every_field(kronoberg: Dataset) -> None:
    edits = (
        Correction("status", "grocery-0001", "closed"),
        Correction(
            "add",
            status="secure",
            service="parcel",
            name='Ombud, "Ö"',
            lon_deg=14.81234567,
            lat_deg=56.9,
        ),
        Correction(
            "cost", place_id="0763TC108", service="grocery", cost_kind="keep", cost_sek=1.5e5
        ),
    )
    assert parse_corrections(corrections_csv(edits).encode()) == edits


def test_a_bad_csv_cell_is_named_by_file_row_and_column() -> None:
    text = "action;cost_sek;lon\nstatus;abc;\ncost;;14,8\n"
    with pytest.raises(DataError) as raised:
        parse_corrections(text.encode(), "mina_rattelser.csv")
    problems = raised.value.problems
    assert ("mina_rattelser.csv", 2, "cost_sek") in [(p.file, p.row, p.column) for p in problems]
    assert any(p.column == "point_id" and p.row is None for p in problems)  # missing column


def test_the_build_applies_the_exported_csv(tmp_path: Path) -> None:
    plain = build_folder(SOURCE_MANIFEST, tmp_path / "plain", BuildOptions())
    points = pd.read_csv(plain / "service_points.csv", dtype=str)
    shop = points[points["name"] == "Coop Kosta"].iloc[0]
    edits = (
        Correction("status", str(shop["point_id"]), "closed"),
        Correction(
            "add",
            status="at_risk",
            service="grocery",
            name="Byabutiken",
            lon_deg=float(shop["lon"]),
            lat_deg=float(shop["lat"]),
        ),
    )
    file = tmp_path / "rattelser.csv"
    file.write_text(corrections_csv(edits), encoding="utf-8")
    corrected = build_folder(SOURCE_MANIFEST, tmp_path / "fixed", BuildOptions(corrections=file))
    fixed = pd.read_csv(corrected / "service_points.csv", dtype=str).set_index("point_id")
    assert shop["point_id"] not in fixed.index
    assert fixed.loc[added_point_id(1), "name"] == "Byabutiken"
    assert fixed.loc[added_point_id(1), "place_id"] == shop["place_id"]
    assert fixed.loc[added_point_id(1), "status_reason"] == USER
    assert load_dataset(corrected).points.ids.tolist()[-1] == added_point_id(1)


def test_a_build_with_a_bad_corrections_file_changes_nothing(tmp_path: Path) -> None:
    out = build_folder(SOURCE_MANIFEST, tmp_path / "data", BuildOptions())
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    file = tmp_path / "bad.csv"
    file.write_text(corrections_csv((Correction("status", "nope", "closed"),)), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        build_folder(SOURCE_MANIFEST, out, BuildOptions(corrections=file))
    assert raised.value.problems[0].file == "bad.csv"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
