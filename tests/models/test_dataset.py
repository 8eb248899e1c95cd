"""The embedded Kronoberg dataset: the figures a regional official would check first."""

from __future__ import annotations

import filecmp
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from models import geo
from models.build.manifest import read_manifest
from models.build.region import BuildOptions, build_folder
from models.dataset import Dataset
from models.paths import EMBEDDED_DATA, PROJECT_ROOT

SHARED = PROJECT_ROOT.parent / "shared" / "data"


def test_fifty_tatorter_with_161017_people(kronoberg: Dataset) -> None:
    tatort = kronoberg.places.kind == "tatort"
    assert tatort.sum() == 50
    assert kronoberg.places.population[tatort].sum() == 161_017
    by_name = dict(
        zip(kronoberg.places.names[tatort], kronoberg.places.population[tatort], strict=True)
    )
    assert by_name["Växjö"] == 71_282
    assert by_name["Delary"] == 210


def test_demand_total_equals_the_kommun_totals_used(kronoberg: Dataset) -> None:
    assert kronoberg.demand.population.sum() == pytest.approx(203_351)
    for code, total in zip(kronoberg.kommun_kod, kronoberg.kommun_population, strict=True):
        in_kommun = kronoberg.demand.kommun_kod == code
        assert kronoberg.demand.population[in_kommun].sum() == pytest.approx(total)


def test_no_demand_outside_the_county(kronoberg: Dataset) -> None:
    shapes = geo.polygons_sweref(kronoberg.boundaries, "kommun_kod")
    found = geo.locate(shapes, kronoberg.demand.x_m, kronoberg.demand.y_m)
    assert (found == kronoberg.demand.kommun_kod).all()


def test_rural_population_is_flagged_as_modelled(kronoberg: Dataset) -> None:
    modelled = kronoberg.demand.modelled
    assert set(kronoberg.demand.kind[modelled]) == {"rural_approx"}
    assert not modelled[kronoberg.demand.kind == "tatort"].any()
    assert kronoberg.demand_is_modelled


def test_supply_outside_county_is_never_demand_nor_a_candidate(kronoberg: Dataset) -> None:
    outside = ~kronoberg.places.in_region
    assert outside.sum() > 0
    assert set(kronoberg.places.kind[outside]) == {"outside"}
    assert np.isnan(kronoberg.keep_cost_sek[outside]).all()
    assert not set(kronoberg.demand.ids) & set(kronoberg.places.ids[outside])
    outside_points = outside[kronoberg.points.place_index]
    assert (kronoberg.points.status[outside_points] == "secure").all()


def test_every_service_has_points_and_places_have_costs(kronoberg: Dataset) -> None:
    assert set(kronoberg.points.service) == set(kronoberg.services)
    inside = kronoberg.places.in_region
    assert not np.isnan(kronoberg.keep_cost_sek[inside]).any()
    assert (kronoberg.establish_cost_sek[inside] >= kronoberg.keep_cost_sek[inside]).all()


def test_status_rule_marks_lone_shops_in_small_places_at_risk(kronoberg: Dataset) -> None:
    at_risk = kronoberg.points.status == "at_risk"
    places = kronoberg.points.place_index[at_risk]
    assert (kronoberg.places.population[places] < 1000).all()
    grocery = kronoberg.points.service == "grocery"
    assert (at_risk & grocery).sum() >= 10


def test_village_shop_listed_twice_is_one_point(kronoberg: Dataset) -> None:
    names = [n.lower() for n in kronoberg.points.names[kronoberg.points.service == "grocery"]]
    assert sum("tolg" in n for n in names) == 1


@pytest.mark.skipif(not SHARED.exists(), reason="the source folder ../shared/data is absent")
def test_committed_tables_are_what_the_build_step_produces(tmp_path: Path) -> None:
    manifest = read_manifest(PROJECT_ROOT / "data" / "manifests" / "kronoberg.json", SHARED)
    build_folder(manifest, tmp_path, BuildOptions())
    for path in EMBEDDED_DATA.iterdir():
        assert filecmp.cmp(path, tmp_path / path.name, shallow=False), path.name


def test_kommun_table_matches_scb_totals() -> None:
    kommuner = pd.read_csv(EMBEDDED_DATA / "kommuner.csv", dtype={"kommun_kod": str})
    assert kommuner["population"].sum() == 203_351
    assert len(kommuner) == 8
