"""Follow-up between two years, on a constructed case: the second year is the embedded data with
its two most critical grocery shops closed and one shop added at an unserved place, built as a
folder of its own whose point ids are all renumbered (as a new build's would be)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from models.corrections import Correction, correct_tables
from models.criticality import criticality
from models.dataset import Dataset, load_dataset
from models.followup import match_points, normalise_name, reach_changes
from models.paths import embedded_data_dir
from models.scenario import default_scenario

NEW_SHOP = "Lanthandel Nyöppnad"


@dataclass(frozen=True)
class TwoYears:
    before: Path
    after: Path
    closed: tuple[str, ...]  # names of the grocery shops closed
    opened_place: str  # the place where NEW_SHOP opened


def two_years(target: Path) -> TwoYears:
    """Year 1: the embedded data. Year 2: two grocery shops closed, one added, ids renumbered."""
    before = embedded_data_dir()
    data = load_dataset(before)
    scenario = default_scenario(data.registry)
    shops = [
        c
        for c in criticality(data, scenario)
        if c.service == "grocery" and c.in_region and c.people_losing > 0
    ][:2]
    status = data.points_at("secure") | data.points_at("at_risk")
    grocery = data.service_index("grocery")
    unserved = [
        j
        for j in np.argsort(-data.places.population)
        if data.places.in_region[j] and not status[j, grocery] and data.places.kind[j] == "tatort"
    ]
    place = int(unserved[0])
    corrections = [Correction("status", c.point_id, "closed") for c in shops]
    corrections.append(
        Correction(
            "add",
            service="grocery",
            name=NEW_SHOP,
            status="at_risk",
            lon_deg=float(data.places.lon_deg[place]),
            lat_deg=float(data.places.lat_deg[place]),
        )
    )
    after = target / "year2"
    shutil.copytree(before, after)
    points = pd.read_csv(after / "service_points.csv", dtype=str, keep_default_na=False)
    costs = pd.read_csv(after / "costs.csv", dtype={"place_id": str})
    places = pd.read_csv(after / "places.csv", dtype={"place_id": str, "kommun_kod": str})
    points, _ = correct_tables(points, costs, places, data.services, corrections)
    points = points.iloc[::-1].reset_index(drop=True)  # another order, other ids
    points["point_id"] = [f"y2-{k:05d}" for k in range(len(points))]
    points.to_csv(after / "service_points.csv", index=False)
    return TwoYears(before, after, tuple(c.name for c in shops), str(data.places.names[place]))


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> TwoYears:
    return two_years(tmp_path_factory.mktemp("followup"))


def _reached(data: Dataset, service: str, threshold: float) -> np.ndarray:
    """Independently: any open place of the service within the threshold (dense matrix)."""
    column = data.service_index(service)
    open_places = data.points_at("secure")[:, column] | data.points_at("at_risk")[:, column]
    return np.asarray((data.travel.dense_minutes()[:, open_places] <= threshold).any(axis=1))


def test_points_are_matched_by_service_name_and_position_not_by_id(case: TwoYears) -> None:
    before, after = load_dataset(case.before), load_dataset(case.after)
    assert not set(before.points.ids) & set(after.points.ids)
    changes = match_points(before, after)
    assert sorted(p.name for p in changes.closed) == sorted(case.closed)
    assert all(p.service == "grocery" for p in changes.closed + changes.opened)
    assert [p.name for p in changes.opened] == [NEW_SHOP]
    assert changes.opened[0].place_name == case.opened_place
    assert changes.status_changed == ()
    assert changes.unchanged == len(before.points) - 2


def test_people_who_gained_and_lost_reach_are_recounted_from_the_travel_times(
    case: TwoYears,
) -> None:
    before, after = load_dataset(case.before), load_dataset(case.after)
    scenario = default_scenario(before.registry)
    rows = {(r.kommun_kod, r.key): r for r in reach_changes(before, after, scenario)}
    people = before.demand.population
    for settings in scenario.services:
        old = _reached(before, settings.service, settings.threshold_min)
        new = _reached(after, settings.service, settings.threshold_min)
        region = rows[("", settings.service)]
        assert region.lost == pytest.approx(people[old & ~new].sum())
        assert region.gained == pytest.approx(people[new & ~old].sum())
        assert region.reached_after - region.reached_before == pytest.approx(
            region.gained - region.lost
        )
        for code in before.kommun_kod:
            mine = before.demand.kommun_kod == code
            assert rows[(str(code), settings.service)].lost == pytest.approx(
                people[mine & old & ~new].sum()
            )
        if settings.service != "grocery":  # only grocery shops changed
            assert region.gained == region.lost == 0
    grocery = rows[("", "grocery")]
    assert grocery.lost > 0 and grocery.gained > 0
    single = [c for c in criticality(before, scenario) if c.name in case.closed]
    assert grocery.lost >= max(c.people_losing for c in single)


def test_a_demand_point_in_one_year_only_changes_totals_not_gained_or_lost(
    case: TwoYears, tmp_path: Path
) -> None:
    target = tmp_path / "fewer"
    shutil.copytree(case.after, target)
    demand = pd.read_csv(target / "demand.csv", dtype={"kommun_kod": str})
    dropped = demand.iloc[-1]
    demand.iloc[:-1].to_csv(target / "demand.csv", index=False)
    before, after = load_dataset(case.before), load_dataset(target)
    scenario = default_scenario(before.registry)
    region = {r.key: r for r in reach_changes(before, after, scenario) if r.kommun_kod == ""}
    full = {
        r.key: r
        for r in reach_changes(before, load_dataset(case.after), scenario)
        if r.kommun_kod == ""
    }
    assert region["grocery"].population_after == pytest.approx(
        full["grocery"].population_after - float(dropped["population"])
    )
    assert region["grocery"].lost <= full["grocery"].lost


def test_names_match_whatever_their_case_and_spacing() -> None:
    assert normalise_name("  ICA  Nära\tMoheda ") == normalise_name("ica nära moheda")
    assert normalise_name("ICA Nära Moheda") != normalise_name("ICA Nära Vislanda")
