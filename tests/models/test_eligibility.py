"""Support-scheme eligibility: each rule's boundary on hand-built places, unknowns never
guessed, and the embedded Kronoberg data checked against distances measured here."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from models import geo
from models.corrections import Correction
from models.dataset import Dataset, Demand, Places, ServicePoints, load_dataset
from models.eligibility import (
    SCHEME_BY_KEY,
    SCHEMES,
    Condition,
    Eligibility,
    action_eligibility,
    judge,
    point_eligibility,
    solution_eligibility,
)
from models.paths import embedded_data_dir
from models.run import run_scenario
from models.scenario import Scenario, default_scenario
from models.solution import Action, Solution, Timings
from models.travel import TravelModel, TravelTimes

ORIGIN_M = (500_000.0, 6_300_000.0)  # somewhere in Småland
STRAIGHT_ROADS = TravelModel(detour_factor_long=1.0, detour_factor_short=1.0)

# (place_id, kind, population, x_km, y_km, in_region)
PlaceRow = tuple[str, str, float, float, float, bool]
# (point_id, service, subtype, place_id, x_km, y_km, status)
PointRow = tuple[str, str, str, str, float, float, str]


def _dataset(places: list[PlaceRow], points: list[PointRow]) -> Dataset:
    """A tiny region on straight roads (road km = straight-line km), coordinates in km."""
    x = np.array([ORIGIN_M[0] + 1000 * p[3] for p in places])
    y = np.array([ORIGIN_M[1] + 1000 * p[4] for p in places])
    lon, lat = geo.to_wgs84(x, y)
    px = np.array([ORIGIN_M[0] + 1000 * p[4] for p in points])
    py = np.array([ORIGIN_M[1] + 1000 * p[5] for p in points])
    plon, plat = geo.to_wgs84(px, py)
    position = {p[0]: j for j, p in enumerate(places)}
    empty = np.zeros(0)
    services = ("grocery", "fuel", "pharmacy", "parcel", "cash")
    return Dataset(
        name="test",
        folder=Path(),
        services=services,
        places=Places(
            ids=np.array([p[0] for p in places]),
            names=np.array([f"Ort {p[0]}" for p in places]),
            kommun_kod=np.array(["0001"] * len(places)),
            kind=np.array([p[1] for p in places]),
            population=np.array([p[2] for p in places], dtype=float),
            x_m=x,
            y_m=y,
            lon_deg=lon,
            lat_deg=lat,
            urban_radius_km=np.zeros(len(places)),
            in_region=np.array([p[5] for p in places]),
        ),
        demand=Demand(
            ids=np.array([], dtype=str),
            kommun_kod=np.array([], dtype=str),
            kind=np.array([], dtype=str),
            population=empty,
            population_70plus=None,
            x_m=empty,
            y_m=empty,
            lon_deg=empty,
            lat_deg=empty,
            modelled=np.zeros(0, dtype=bool),
        ),
        points=ServicePoints(
            ids=np.array([p[0] for p in points]),
            service=np.array([p[1] for p in points]),
            subtype=np.array([p[2] for p in points]),
            names=np.array([f"Butik {p[0]}" for p in points]),
            place_index=np.array([position[p[3]] for p in points], dtype=np.int64),
            status=np.array([p[6] for p in points]),
            lon_deg=plon,
            lat_deg=plat,
        ),
        keep_cost_sek=np.full((len(places), len(services)), np.nan),
        establish_cost_sek=np.full((len(places), len(services)), np.nan),
        travel=TravelTimes(
            np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), empty, 0, len(places), "x"
        ),
        travel_model=STRAIGHT_ROADS,
        kommun_kod=np.array(["0001"]),
        kommun_names=np.array(["Testkommun"]),
        kommun_population=np.array([1000.0]),
        boundaries={},
        settings={},
    )


def _pair(distance_km: float, subtype: str = "full", service: str = "grocery") -> Dataset:
    """Shop a at place A, another shop b at place B ``distance_km`` east of it."""
    places = [("A", "tatort", 500.0, 0.0, 0.0, True), ("B", "tatort", 500.0, distance_km, 0, True)]
    points = [
        ("a", service, "full", "A", 0.0, 0.0, "at_risk"),
        ("b", service, subtype, "B", distance_km, 0.0, "secure"),
    ]
    return _dataset(places, points)


def _scheme(found: tuple[Eligibility, ...], key: str) -> Eligibility:
    return next(e for e in found if e.scheme == key)


def _condition(eligibility: Eligibility, name: str) -> Condition:
    return next(c for c in eligibility.conditions if c.name == name)


@pytest.mark.parametrize(
    ("distance_km", "status", "outcome"),
    [
        (10.0, "not_met", "not_eligible"),
        (10.04, "not_met", "not_eligible"),  # shown as 10.0 km: compared as shown
        (10.1, "met", "unknown_conditions"),
        (25.0, "met", "unknown_conditions"),
    ],
)
def test_driftstod_needs_more_than_10_km_to_a_full_range_shop(
    distance_km: float, status: str, outcome: str
) -> None:
    driftstod = _scheme(point_eligibility(_pair(distance_km), 0), "driftstod")
    distance = _condition(driftstod, "distance_full_range_km")
    assert distance.status == status
    assert distance.value == pytest.approx(round(distance_km, 1))
    assert distance.nearest == "Butik b"
    assert driftstod.status == outcome


def test_driftstod_is_never_eligible_since_turnover_and_hours_are_never_known() -> None:
    driftstod = _scheme(point_eligibility(_pair(30.0), 0), "driftstod")
    assert driftstod.status == "unknown_conditions"
    assert set(driftstod.unknown) == {"turnover_msek", "opening_hours"}
    assert all(c.value is None for c in driftstod.conditions if c.status == "unknown")


def test_a_shop_of_unknown_range_within_10_km_leaves_the_distance_unknown() -> None:
    places = [
        ("A", "tatort", 500.0, 0.0, 0.0, True),
        ("B", "tatort", 500.0, 4.0, 0.0, True),
        ("C", "tatort", 500.0, 15.0, 0.0, True),
    ]
    points = [
        ("a", "grocery", "full", "A", 0.0, 0.0, "at_risk"),
        ("b", "grocery", "small", "B", 4.0, 0.0, "secure"),
        ("c", "grocery", "full", "C", 15.0, 0.0, "secure"),
    ]
    found = point_eligibility(_dataset(places, points), 0)
    distance = _condition(_scheme(found, "driftstod"), "distance_full_range_km")
    assert (distance.status, distance.note, distance.value) == ("unknown", "range_unknown", 4.0)
    # the small shop is not known to lack a full range: not "not eligible"
    assert _scheme(found, "driftstod").status == "unknown_conditions"
    # a small shop's own range is unknown too; a chain's is known
    small_own = _condition(
        _scheme(point_eligibility(_dataset(places, points), 1), "driftstod"), "own_full_range"
    )
    assert small_own.status == "unknown"
    assert _condition(_scheme(found, "driftstod"), "own_full_range").status == "met"
    # the competitor rule counts every shop, whatever its range
    competitor = _condition(_scheme(found, "investment"), "distance_competitor_km")
    assert (competitor.status, competitor.value) == ("not_met", 4.0)


@pytest.mark.parametrize(
    ("people", "status"), [(2999.0, "met"), (3000.0, "not_met"), (150.0, "met")]
)
def test_investment_support_needs_a_place_under_3000(people: float, status: str) -> None:
    places = [("A", "tatort", people, 0.0, 0.0, True), ("B", "tatort", 500.0, 20.0, 0.0, True)]
    points = [
        ("a", "grocery", "full", "A", 0.0, 0.0, "secure"),
        ("b", "grocery", "full", "B", 20.0, 0.0, "secure"),
    ]
    investment = _scheme(point_eligibility(_dataset(places, points), 0), "investment")
    assert _condition(investment, "place_population").status == status
    assert _condition(investment, "place_population").value == people
    assert investment.status == ("eligible" if status == "met" else "not_eligible")


def test_investment_support_needs_the_last_shop_of_its_place() -> None:
    places = [("A", "tatort", 800.0, 0.0, 0.0, True), ("B", "tatort", 500.0, 20.0, 0.0, True)]
    last = [("a", "grocery", "full", "A", 0.0, 0.0, "secure")]
    far = [("b", "grocery", "full", "B", 20.0, 0.0, "secure")]
    second = [("a2", "grocery", "small", "A", 0.0, 0.3, "secure")]
    alone = _scheme(point_eligibility(_dataset(places, last + far), 0), "investment")
    assert _condition(alone, "shops_at_place").status == "met"
    assert alone.status == "eligible"
    two = _scheme(point_eligibility(_dataset(places, last + far + second), 0), "investment")
    shops = _condition(two, "shops_at_place")
    assert (shops.status, shops.value) == ("not_met", 2.0)
    assert two.status == "not_eligible"


@pytest.mark.parametrize(("distance_km", "status"), [(8.0, "met"), (7.9, "not_met")])
def test_investment_support_needs_at_least_8_km_to_a_competitor(
    distance_km: float, status: str
) -> None:
    investment = _scheme(point_eligibility(_pair(distance_km, "small"), 0), "investment")
    assert _condition(investment, "distance_competitor_km").status == status


@pytest.mark.parametrize(
    ("distance_km", "outcome"), [(20.0, "not_eligible"), (20.1, "unknown_conditions")]
)
def test_pharmacy_grant_needs_more_than_20_km_to_another_pharmacy(
    distance_km: float, outcome: str
) -> None:
    found = point_eligibility(_pair(distance_km, "Apoteket AB", "pharmacy"), 0)
    assert [e.scheme for e in found] == ["pharmacy_grant"]
    assert found[0].status == outcome
    assert set(found[0].unknown) >= {"prescription_sales_msek", "opening_hours"}


@pytest.mark.parametrize(
    ("service", "schemes"),
    [
        ("grocery", ["driftstod", "investment", "servicebidrag"]),
        ("fuel", ["servicebidrag"]),
        ("pharmacy", ["pharmacy_grant"]),
        ("parcel", []),
    ],
)
def test_each_service_gets_its_schemes(service: str, schemes: list[str]) -> None:
    found = point_eligibility(_pair(30.0, "x", service), 0)
    assert [e.scheme for e in found] == schemes


def test_servicebidrag_is_a_cap_with_conditions_never_in_the_data() -> None:
    scheme = SCHEME_BY_KEY["servicebidrag"]
    assert (scheme.max_sek_per_year, scheme.max_sek_per_year_broad, scheme.max_years) == (
        250_000.0,
        300_000.0,
        3,
    )
    found = _scheme(point_eligibility(_pair(30.0), 0), "servicebidrag")
    assert found.status == "unknown_conditions"
    assert all(s.source and s.rule_key for s in SCHEMES)


def test_a_place_without_population_is_under_3000_only_when_it_is_not_a_tatort() -> None:
    places = [
        ("R", "service_place", 0.0, 0.0, 0.0, True),
        ("O", "outside", 0.0, 30.0, 0.0, False),
    ]
    points = [
        ("r", "grocery", "small", "R", 0.0, 0.0, "at_risk"),
        ("o", "grocery", "full", "O", 30.0, 0.0, "secure"),
    ]
    dataset = _dataset(places, points)
    rural = _condition(_scheme(point_eligibility(dataset, 0), "investment"), "place_population")
    assert (rural.status, rural.value, rural.note) == ("met", None, "not_tatort")
    outside = _scheme(point_eligibility(dataset, 1), "investment")
    assert _condition(outside, "place_population").status == "unknown"
    # beyond the border the data does not hold every neighbour: "far" is not known
    far = _condition(outside, "distance_competitor_km")
    assert (far.status, far.note) == ("unknown", "outside_region")


def test_status_follows_the_conditions() -> None:
    met, failed, unknown = (Condition("x", s) for s in ("met", "not_met", "unknown"))
    assert judge((met, met)) == "eligible"
    assert judge((met, unknown)) == "unknown_conditions"
    assert judge((unknown, failed)) == "not_eligible"
    with pytest.raises(ValueError, match="contradicts"):
        Eligibility("driftstod", "eligible", (met, unknown), "source")


# ---- actions: "another shop" is what stays open in the scenario ---------------------------


def _line() -> Dataset:
    """A at 0 km (at-risk chain shop), Q at 6 km (at-risk shop), S at 5 km north (no shop),
    R at 12 km (secure chain shop)."""
    places = [
        ("A", "tatort", 400.0, 0.0, 0.0, True),
        ("Q", "tatort", 300.0, 6.0, 0.0, True),
        ("S", "service_place", 0.0, 0.0, 5.0, True),
        ("R", "tatort", 5000.0, 12.0, 0.0, True),
    ]
    points = [
        ("a", "grocery", "full", "A", 0.0, 0.0, "at_risk"),
        ("q", "grocery", "full", "Q", 6.0, 0.0, "at_risk"),
        ("r", "grocery", "full", "R", 12.0, 0.0, "secure"),
    ]
    return _dataset(places, points)


def _solution(actions: list[tuple[str, str]], scenario: Scenario | None = None) -> Solution:
    return Solution(
        scenario=scenario or Scenario(),
        status="optimal",
        gap=0.0,
        objective=0.0,
        timings=Timings(0.0, 0.0, 0.0),
        actions=tuple(
            Action(p, f"Ort {p}", "0001", "Testkommun", "grocery", kind, 100_000.0)
            for p, kind in actions
        ),
        cost_sek=0.0,
        saving_sek=0.0,
        covered=(),
        by_kommun=(),
        uncovered_demand={},
        place_status={},
        critical=(),
        model_size={},
    )


def _distance_of(dataset: Dataset, solution: Solution, place: str) -> Condition:
    action = next(a for a in solution.actions if a.place_id == place)
    found = action_eligibility(dataset, solution, action)
    return _condition(_scheme(found, "driftstod"), "distance_full_range_km")


def test_an_action_counts_only_the_shops_its_scenario_keeps_open() -> None:
    dataset = _line()
    alone = _solution([("A", "keep")])
    # Q's at-risk shop closes unless funded: the nearest open full-range shop is R's
    assert (_distance_of(dataset, alone, "A").value, _distance_of(dataset, alone, "A").status) == (
        12.0,
        "met",
    )
    both = _solution([("A", "keep"), ("Q", "keep")])
    assert _distance_of(dataset, both, "A").value == 6.0
    assert _distance_of(dataset, both, "A").status == "not_met"
    assert solution_eligibility(dataset, both)[1] == action_eligibility(
        dataset, both, both.actions[1]
    )


def test_a_new_shop_has_an_unknown_range_and_stands_at_its_place() -> None:
    dataset = _line()
    solution = _solution([("A", "keep"), ("S", "establish")])
    near_new = _distance_of(dataset, solution, "A")
    assert (near_new.status, near_new.note, near_new.value) == ("unknown", "range_unknown", 5.0)
    new = action_eligibility(dataset, solution, solution.actions[1])
    driftstod = _scheme(new, "driftstod")
    assert _condition(driftstod, "own_full_range").status == "unknown"
    assert _condition(driftstod, "distance_full_range_km").status == "not_met"  # A at 5 km
    investment = _scheme(new, "investment")
    assert _condition(investment, "shops_at_place").value == 1.0
    assert _condition(investment, "place_population").note == "not_tatort"


def test_a_closure_in_the_scenario_removes_the_shop() -> None:
    dataset = _line()
    closed = Scenario(corrections=(Correction("status", point_id="r", status="closed"),))
    solution = _solution([("A", "keep")], closed)
    distance = _distance_of(dataset, solution, "A")
    assert (distance.status, distance.value, distance.note) == ("met", None, "none_in_data")


# ---- the embedded Kronoberg data -----------------------------------------------------------


@pytest.fixture(scope="module")
def kronoberg() -> Dataset:
    return load_dataset(embedded_data_dir())


@pytest.fixture(scope="module")
def points_table() -> pd.DataFrame:
    """The service points file read here, with its own SWEREF99 TM coordinates."""
    return pd.read_csv(embedded_data_dir() / "service_points.csv", dtype={"place_id": str})


def _nearest_km(model: TravelModel, x_m: float, y_m: float, others: pd.DataFrame) -> float:
    straight_km = np.hypot(others["x_sweref99tm"] - x_m, others["y_sweref99tm"] - y_m) / 1000
    return float(model.road_km(straight_km.to_numpy()).min())


def _grocery_in_region(kronoberg: Dataset) -> list[int]:
    points, places = kronoberg.points, kronoberg.places
    return [
        k
        for k in range(len(points))
        if points.service[k] == "grocery" and places.in_region[points.place_index[k]]
    ]


def test_every_driftstod_outcome_agrees_with_the_distance_measured_here(
    kronoberg: Dataset, points_table: pd.DataFrame
) -> None:
    table = points_table.set_index("point_id")
    grocery = table[table["service"] == "grocery"]
    outcomes = {"not_eligible": 0, "unknown_conditions": 0}
    for k in _grocery_in_region(kronoberg):
        point_id = str(kronoberg.points.ids[k])
        row = table.loc[point_id]
        full = grocery[(grocery["subtype"] == "full") & (grocery.index != point_id)]
        nearest = _nearest_km(kronoberg.travel_model, row.x_sweref99tm, row.y_sweref99tm, full)
        driftstod = _scheme(point_eligibility(kronoberg, k), "driftstod")
        outcomes[driftstod.status] += 1
        if driftstod.status == "not_eligible":
            assert round(nearest, 1) <= 10.0
        else:
            assert round(nearest, 1) > 10.0
        assert driftstod.status != "eligible"
    assert outcomes["not_eligible"] > 0 and outcomes["unknown_conditions"] > 0


def test_an_isolated_village_shop_and_a_town_shop_differ(kronoberg: Dataset) -> None:
    points, places = kronoberg.points, kronoberg.places
    grocery = _grocery_in_region(kronoberg)
    distances = {
        k: _condition(
            _scheme(point_eligibility(kronoberg, k), "driftstod"), "distance_full_range_km"
        )
        for k in grocery
    }
    isolated = max(grocery, key=lambda k: distances[k].value or 0.0)
    per_place = np.bincount(points.place_index[grocery], minlength=len(places))
    town = next(k for k in grocery if per_place[points.place_index[k]] == per_place.max())
    isolated_found = point_eligibility(kronoberg, isolated)
    town_found = point_eligibility(kronoberg, town)
    assert _scheme(isolated_found, "driftstod").status == "unknown_conditions"
    assert _scheme(town_found, "driftstod").status == "not_eligible"
    town_investment = _scheme(town_found, "investment")
    assert _condition(town_investment, "shops_at_place").value == per_place.max() > 1
    assert _condition(town_investment, "place_population").status == (
        "not_met" if places.population[points.place_index[town]] >= 3000 else "met"
    )
    assert town_investment.status == "not_eligible"


def test_pharmacy_outcomes_agree_with_the_20_km_rule(kronoberg: Dataset) -> None:
    points, places = kronoberg.points, kronoberg.places
    pharmacies = [
        k
        for k in range(len(points))
        if points.service[k] == "pharmacy" and places.in_region[points.place_index[k]]
    ]
    for k in pharmacies:
        (grant,) = point_eligibility(kronoberg, k)
        distance = _condition(grant, "distance_pharmacy_km")
        assert distance.value is not None
        assert (grant.status == "not_eligible") == (distance.value <= 20.0)
        assert grant.status != "eligible"


def test_the_actions_of_a_kronoberg_plan(kronoberg: Dataset) -> None:
    scenario = replace(default_scenario(kronoberg.registry), budget_sek=3_000_000.0)
    solution = run_scenario(kronoberg, scenario)
    found = solution_eligibility(kronoberg, solution)
    assert len(found) == len(solution.actions) > 0
    open_full = [
        k
        for k in range(len(kronoberg.points))
        if kronoberg.points.service[k] == "grocery" and kronoberg.points.subtype[k] == "full"
    ]
    funded = {a.place_id for a in solution.actions if a.service == "grocery"}
    x_m, y_m = geo.to_sweref(kronoberg.points.lon_deg, kronoberg.points.lat_deg)
    for action, outcomes in zip(solution.actions, found, strict=True):
        if action.service != "grocery":
            assert all(e.scheme in ("servicebidrag", "pharmacy_grant") for e in outcomes)
            continue
        place = kronoberg.place_position()[action.place_id]
        own = [k for k in open_full if kronoberg.points.place_index[k] == place]
        others = [
            k
            for k in open_full
            if kronoberg.points.place_index[k] != place
            and (
                kronoberg.points.status[k] == "secure"
                or kronoberg.places.ids[kronoberg.points.place_index[k]] in funded
            )
        ]
        driftstod = _scheme(outcomes, "driftstod")
        if own and driftstod.status == "not_eligible":
            k = own[0]
            straight = np.hypot(x_m[others] - x_m[k], y_m[others] - y_m[k]) / 1000
            assert round(float(kronoberg.travel_model.road_km(straight).min()), 1) <= 10.0
        turnover = _condition(driftstod, "turnover_msek")
        assert (turnover.status, turnover.value) == ("unknown", None)
