"""Another region with a sixth service type: built, loaded and solved with no code change."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.build.manifest import read_manifest
from models.build.region import BuildOptions, build_folder
from models.dataset import Dataset, load_dataset
from models.errors import DataError
from models.region import region_from_settings
from models.run import run_scenario
from models.scenario import default_scenario
from tests.models.other_region import REGION, write_other_region


@pytest.fixture(scope="module")
def other_region(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    manifest = write_other_region(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("built") / "fjallange"
    return load_dataset(build_folder(read_manifest(manifest), out, BuildOptions()))


def test_the_manifest_names_the_region_and_its_sources(other_region: Dataset) -> None:
    assert other_region.name == REGION
    assert [s.source for s in other_region.region.sources] == ["Fjällänge testdata"]
    assert other_region.region.notes("en") == ("A made-up region for tests.",)


def test_a_sixth_service_comes_from_the_manifest_alone(other_region: Dataset) -> None:
    registry = other_region.registry
    assert registry.keys[-1] == "vardcentral" and len(registry) == 6
    assert registry.label("vardcentral", "sv") == "Vårdcentral"
    centres = other_region.points.service == "vardcentral"
    assert centres.sum() == 2
    costs = other_region.keep_cost_sek[:, other_region.service_index("vardcentral")]
    assert set(costs[other_region.places.in_region]) == {500_000.0}


def test_the_sixth_service_is_solved_like_the_others(other_region: Dataset) -> None:
    scenario = default_scenario(other_region.registry)
    assert "vardcentral" in scenario.service_names
    solution = run_scenario(other_region, scenario)
    covered = solution.covered_for("vardcentral")
    assert covered.population == pytest.approx(4600 + 1500)
    assert 0 < covered.today <= covered.population
    assert solution.status == "optimal"


def test_a_manifest_missing_a_file_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    manifest = write_other_region(tmp_path / "source")
    (tmp_path / "source" / "tatorter.csv").unlink()
    with pytest.raises(DataError) as raised:
        read_manifest(manifest)
    assert any(p.file == "tatorter.csv" for p in raised.value.problems)


def test_region_settings_are_read_leniently() -> None:
    info = region_from_settings({"sources": "not a list", "notes": 3}, "folder")
    assert info.name == "folder" and info.sources == () and info.notes("sv") == ()
