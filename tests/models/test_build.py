"""The build step on small fixture files (two kommuner cut from the real sources)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from models.build.manifest import read_manifest
from models.build.region import BuildOptions, build_folder
from models.build.services import name_key
from models.dataset import load_dataset
from models.errors import DataError
from tests.conftest import FIXTURES

SOURCE = FIXTURES / "source"
SOURCE_MANIFEST = read_manifest(SOURCE / "manifest.json")
IMPORTS = FIXTURES / "imports"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_folder(SOURCE_MANIFEST, tmp_path_factory.mktemp("built"), BuildOptions())


def test_build_produces_a_valid_folder_with_every_tatort(built: Path) -> None:
    dataset = load_dataset(built)
    assert (dataset.places.kind == "tatort").sum() == 9
    assert dataset.demand.population.sum() == pytest.approx(9061 + 8289)


def test_points_link_to_their_tatort_or_a_rural_place(built: Path) -> None:
    points = pd.read_csv(built / "service_points.csv", dtype=str)
    places = pd.read_csv(built / "places.csv", dtype=str).set_index("place_id")
    kosta = points[points["name"] == "Coop Kosta"]
    assert places.loc[kosta["place_id"].iloc[0], "name"] == "Kosta"
    assert set(places.loc[points["place_id"], "kind"]) <= {"tatort", "service_place", "outside"}


def test_rural_demand_avoids_tatort_footprints_and_sums_per_kommun(built: Path) -> None:
    demand = pd.read_csv(built / "demand.csv", dtype={"kommun_kod": str})
    rural = demand[demand["kind"] == "rural_approx"]
    assert rural.groupby("kommun_kod")["population"].sum().to_dict() == {"0760": 2003, "0761": 589}
    assert (rural["population"] == rural["population"].round()).all()
    assert rural["modelled"].all()


def test_status_rule_threshold_is_a_parameter(tmp_path: Path) -> None:
    from models.build.services import StatusRule

    strict = build_folder(SOURCE_MANIFEST, tmp_path, BuildOptions(status_rule=StatusRule(10_000)))
    points = pd.read_csv(strict / "service_points.csv")
    default = build_folder(SOURCE_MANIFEST, tmp_path / "d", BuildOptions())
    default_points = pd.read_csv(default / "service_points.csv")
    assert (points["status"] == "at_risk").sum() > (default_points["status"] == "at_risk").sum()


def test_name_key_matches_the_same_shop_spelt_twice() -> None:
    assert name_key("TOLG LANTHANDEL") == name_key("Tolgs Lanthandel")
    assert name_key("59ans Livs") == name_key("59:ans Livs")
    assert name_key("ICA LÖNASHULT LIVS AB") == name_key("Ica Lönashult Livs")


def test_population_grid_replaces_the_approximation(tmp_path: Path) -> None:
    options = BuildOptions(population_grid=IMPORTS / "befolkning_km_ruta.csv")
    dataset = load_dataset(build_folder(SOURCE_MANIFEST, tmp_path, options))
    # the Växjö cell lies outside the fixture's kommuner: never demand
    assert dataset.demand.population.sum() == pytest.approx(640 + 1210 + 880 + 12)
    assert not dataset.demand.modelled.any()
    assert dataset.demand.population_70plus is not None
    assert dataset.demand.population_70plus.sum() == pytest.approx(98 + 150 + 170 + 5)
    # SCB's ruta id is the south-west corner; the point is the cell centre
    assert 508_500.0 in dataset.demand.x_m


def test_smaorter_become_places_and_counted_demand(tmp_path: Path) -> None:
    dataset = load_dataset(
        build_folder(SOURCE_MANIFEST, tmp_path, BuildOptions(smaorter=IMPORTS / "smaorter.csv"))
    )
    smaort = dataset.places.kind == "smaort"
    assert sorted(dataset.places.names[smaort]) == ["Bäckaslöv i Småland", "Älmeberga"]
    assert dataset.demand.population.sum() == pytest.approx(9061 + 8289)
    rural_0761 = (dataset.demand.kind == "rural_approx") & (dataset.demand.kommun_kod == "0761")
    assert dataset.demand.population[rural_0761].sum() == pytest.approx(589 - 120)


def test_a_regions_own_service_list_with_swedish_names(tmp_path: Path) -> None:
    options = BuildOptions(service_points=IMPORTS / "service_points.csv")
    dataset = load_dataset(build_folder(SOURCE_MANIFEST, tmp_path, options))
    assert sorted(dataset.points.service.tolist()) == ["cash", "grocery", "pharmacy"]
    shop = dataset.points.names.tolist().index("Lanthandeln Öster")
    assert dataset.points.status[shop] == "at_risk"


def test_bad_service_list_reports_each_row(tmp_path: Path) -> None:
    options = BuildOptions(service_points=IMPORTS / "service_points_bad.csv")
    with pytest.raises(DataError) as caught:
        build_folder(SOURCE_MANIFEST, tmp_path, options)
    where = {(p.row, p.column) for p in caught.value.problems}
    assert (4, "lat") in where  # 58 N, 9 E is in the sea west of Sweden
    assert (5, "service") in where  # 'bakery' is not a service


def test_travel_matrix_file_replaces_the_model(tmp_path: Path, built: Path) -> None:
    demand = pd.read_csv(built / "demand.csv", dtype=str)["demand_id"][:2].tolist()
    places = pd.read_csv(built / "places.csv", dtype=str)["place_id"][:1].tolist()
    matrix = tmp_path / "restider.csv"
    matrix.write_text(
        f"origin_id;destination_id;minutes\n{demand[0]};{places[0]};7,5\n{demand[1]};{places[0]};12\n"
    )
    options = BuildOptions(travel_matrix=matrix)
    dataset = load_dataset(build_folder(SOURCE_MANIFEST, tmp_path / "out", options))
    assert dataset.travel.method == "matrix"
    assert sorted(dataset.travel.minutes.tolist()) == [7.5, 12.0]
    assert np.isinf(dataset.travel.dense_minutes()[2, 0])


def test_a_failure_between_the_two_renames_keeps_the_earlier_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = build_folder(SOURCE_MANIFEST, tmp_path / "region", BuildOptions())
    before = (out / "places.csv").read_bytes()
    real_rename = Path.rename

    def failing(self: Path, target: Path) -> Path:
        if Path(target) == out and ".previous" not in self.name:
            raise OSError("disk gone")  # the new folder cannot take the old one's place
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", failing)
    with pytest.raises(DataError):
        build_folder(SOURCE_MANIFEST, out, BuildOptions(grid_km=3.0))
    assert (out / "places.csv").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["region"]
