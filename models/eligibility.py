"""Support-scheme eligibility of a funded action or an existing service point.

Each scheme's conditions are checked against what the data says; a condition the data cannot
answer (turnover, opening hours, prescription sales, a region's own assessment) is ``unknown``,
never guessed. A scheme is

- ``eligible`` when every condition is known and met,
- ``not_eligible`` when any known condition fails,
- ``unknown_conditions`` otherwise (none fails, at least one is unknown).

The rules (``SCHEMES``; ../shared/data/support_levels.md unless said otherwise):

- **Särskilt driftstöd** (grocery): the shop has a full range and lies more than 10 km from
  another shop with a full range (at least 1,000 articles); grocery net turnover 0.5–11 MSEK;
  open all year, at least 40 h/week (20 h below 2 MSEK). Förordning (2000:284), amended by SFS
  2018:150; Tillväxtverket. The island alternative (no fixed road link) is not in the data.
- **Glesbygd pharmacy grant** (pharmacy): more than 20 km to another pharmacy; prescription
  sales at most 15 MSEK; open at least 20 h/week. TLV.
- **Investment support** (grocery): the last shop of its place, a place under 3,000
  inhabitants, at least 8 km to a competing shop. The regional programme's rule (issue 10);
  the county administrative board's Landsbygdsprogrammet pays up to 50 % of the costs.
- **Servicebidrag** (grocery, fuel): a cap only, at most 250,000 SEK a year (300,000 for a
  broad or strategic point) for at most 3 years; its conditions are a region's assessment and
  never in the data. Tillväxtverket, "Olika stöd till service".

Distances are road km as the project models them: ``TravelModel.road_km`` of the straight-line
SWEREF99 TM distance between the two shops, rounded to 0.1 km (the precision shown) before the
comparison, so "10.0 km" never passes "more than 10 km".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from models import geo
from models.corrections import apply_corrections
from models.dataset import Dataset
from models.solution import Action, Solution
from models.travel import TravelModel

FloatArray = NDArray[np.float64]
ConditionStatus = Literal["met", "not_met", "unknown"]
EligibilityStatus = Literal["eligible", "not_eligible", "unknown_conditions"]
Range = Literal["full", "unknown"]

DRIFTSTOD_DISTANCE_KM = 10.0  # more than this to another full-range shop
DRIFTSTOD_TURNOVER_MSEK = (0.5, 11.0)  # grocery net turnover, both ends included
DRIFTSTOD_HOURS_PER_WEEK = 40.0  # open all year; 20 h below 2 MSEK turnover
DRIFTSTOD_HOURS_SMALL_PER_WEEK = 20.0
DRIFTSTOD_SMALL_TURNOVER_MSEK = 2.0
PHARMACY_DISTANCE_KM = 20.0  # more than this to another pharmacy
PHARMACY_SALES_MSEK = 15.0  # prescription sales, at most
PHARMACY_HOURS_PER_WEEK = 20.0  # at least
INVESTMENT_POPULATION = 3000.0  # the place has fewer inhabitants than this
INVESTMENT_COMPETITOR_KM = 8.0  # at least this to a competing shop
DISTANCE_DECIMALS = 1  # distances are compared as shown: rounded to 0.1 km
# Known full range: the chain formats (data/README.md). Any other subtype ("small": Tempo,
# Direkten, village shops) may or may not carry the 1,000 articles the ordinance asks for.
FULL_RANGE_SUBTYPES = frozenset({"full"})


@dataclass(frozen=True)
class Scheme:
    """One support scheme: names, services it applies to, the text key of its rule (the words
    live in dashapp/eligibility_text.py), source, the year of its levels and its caps."""

    key: str
    name_sv: str
    name_en: str
    services: tuple[str, ...]
    rule_key: str
    source: str
    year: int | None  # the year of the levels; None where the source gives none
    max_sek_per_year: float | None = None
    max_sek_per_year_broad: float | None = None  # broad service offer or strategic point
    max_years: int | None = None
    max_share_of_costs: float | None = None


SCHEMES: tuple[Scheme, ...] = (
    Scheme(
        "driftstod",
        "Särskilt driftstöd",
        "Special operating support",
        ("grocery",),
        "rule_driftstod",
        "Förordning (2000:284), ändrad SFS 2018:150; Tillväxtverket",
        2026,
        max_sek_per_year=370_000.0,
    ),
    Scheme(
        "investment",
        "Investeringsstöd",
        "Investment support",
        ("grocery",),
        "rule_investment",
        "Regionala serviceprogrammets regel; Länsstyrelsen, Landsbygdsprogrammet 2015–2023",
        2023,
        max_share_of_costs=0.5,
    ),
    Scheme(
        "pharmacy_grant",
        "Glesbygdsbidrag till apotek",
        "Sparsely populated area pharmacy grant",
        ("pharmacy",),
        "rule_pharmacy_grant",
        "TLV; Svensk Farmaci 2022",
        2021,
    ),
    Scheme(
        "servicebidrag",
        "Servicebidrag",
        "Service grant",
        ("grocery", "fuel"),
        "rule_servicebidrag",
        'Tillväxtverket, "Olika stöd till service"; Förordning (2000:284)',
        None,
        max_sek_per_year=250_000.0,
        max_sek_per_year_broad=300_000.0,
        max_years=3,
    ),
)
SCHEME_BY_KEY: dict[str, Scheme] = {scheme.key: scheme for scheme in SCHEMES}


@dataclass(frozen=True)
class Condition:
    """One condition of a scheme as the data answers it.

    ``value`` and ``limit`` are in ``unit`` (``km``, ``people``, ``shops``, ``msek``,
    ``hours_per_week``; empty for a yes/no condition); ``nearest`` names the other shop a
    distance was measured to; ``note`` says why a value is as it is: ``not_tatort`` (a place
    without a population that is not a tätort), ``range_unknown`` (a shop of unknown range lies
    within the limit), ``outside_region`` (the data does not cover the shop's surroundings) or
    ``none_in_data`` (no other shop of the kind in the data).
    """

    name: str
    status: ConditionStatus
    value: float | None = None
    limit: float | None = None
    unit: str = ""
    nearest: str = ""
    note: str = ""


def judge(conditions: tuple[Condition, ...]) -> EligibilityStatus:
    """not_eligible if any condition fails, eligible if all are met, else unknown_conditions."""
    if any(c.status == "not_met" for c in conditions):
        return "not_eligible"
    if all(c.status == "met" for c in conditions):
        return "eligible"
    return "unknown_conditions"


@dataclass(frozen=True)
class Eligibility:
    """A scheme's outcome for one action or point; ``status`` always equals ``judge``."""

    scheme: str
    status: EligibilityStatus
    conditions: tuple[Condition, ...]
    source: str

    def __post_init__(self) -> None:
        if self.status != judge(self.conditions):
            raise ValueError(f"{self.scheme}: status {self.status} contradicts its conditions")

    @property
    def unknown(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.conditions if c.status == "unknown")

    @property
    def failed(self) -> tuple[Condition, ...]:
        return tuple(c for c in self.conditions if c.status == "not_met")


def _outcome(scheme_key: str, conditions: tuple[Condition, ...]) -> Eligibility:
    return Eligibility(scheme_key, judge(conditions), conditions, SCHEME_BY_KEY[scheme_key].source)


def schemes_for(service: str) -> tuple[Scheme, ...]:
    return tuple(s for s in SCHEMES if service in s.services)


@dataclass(frozen=True, eq=False)
class _Shops:
    """Shops of one service: positions (SWEREF99 TM metres), range and name."""

    xy_m: FloatArray
    ranges: tuple[Range, ...]
    names: tuple[str, ...]

    def only(self, wanted: Range) -> _Shops:
        keep = [k for k, r in enumerate(self.ranges) if r == wanted]
        return _Shops(
            self.xy_m[keep].reshape(-1, 2),
            tuple(self.ranges[k] for k in keep),
            tuple(self.names[k] for k in keep),
        )


def _range(subtype: str) -> Range:
    return "full" if subtype in FULL_RANGE_SUBTYPES else "unknown"


@lru_cache(maxsize=8)
def _points_xy_m(dataset: Dataset) -> FloatArray:
    x_m, y_m = geo.to_sweref(dataset.points.lon_deg, dataset.points.lat_deg)
    return np.column_stack([x_m, y_m])


def _point_shops(dataset: Dataset, rows: list[int]) -> _Shops:
    points = dataset.points
    return _Shops(
        _points_xy_m(dataset)[rows].reshape(-1, 2),
        tuple(_range(str(points.subtype[k])) for k in rows),
        tuple(str(points.names[k]) for k in rows),
    )


def _joined(*parts: _Shops) -> _Shops:
    return _Shops(
        np.vstack([p.xy_m for p in parts]),
        tuple(r for p in parts for r in p.ranges),
        tuple(n for p in parts for n in p.names),
    )


def _nearest(model: TravelModel, own: _Shops, others: _Shops) -> tuple[float | None, str]:
    """Road km (modelled, rounded to 0.1) from the nearest own shop to the nearest other."""
    if not own.names or not others.names:
        return None, ""
    delta = own.xy_m[:, None, :] - others.xy_m[None, :, :]
    straight_km = np.sqrt((delta**2).sum(axis=2)).min(axis=0) / 1000.0
    road_km = model.road_km(straight_km)
    k = int(np.argmin(road_km))
    return round(float(road_km[k]), DISTANCE_DECIMALS), others.names[k]


def _population(dataset: Dataset, place: int) -> Condition:
    """Under 3,000 inhabitants. A region place without a population that is not a tätort has
    fewer than 200 (SCB: a built-up area of 200 or more is a tätort), so the rule is met."""
    places = dataset.places
    people = float(places.population[place])
    name, limit = "place_population", INVESTMENT_POPULATION
    if np.isfinite(people) and people > 0:
        status: ConditionStatus = "met" if people < limit else "not_met"
        return Condition(name, status, people, limit, "people")
    if bool(places.in_region[place]) and str(places.kind[place]) != "tatort":
        return Condition(name, "met", None, limit, "people", note="not_tatort")
    return Condition(name, "unknown", None, limit, "people")


@dataclass(frozen=True, eq=False)
class _Situation:
    """One shop (or the shops one action keeps) and the shops around it, for one service."""

    model: TravelModel
    service: str
    own: _Shops
    others: _Shops  # every other shop of the service open in the situation
    shops_at_place: int  # shops of the service open at the place, own included
    population: Condition  # the place's inhabitants against investment support's limit
    covered: bool  # the data covers the shop's surroundings (a region place)

    def distance(
        self, name: str, limit_km: float, strictly_more: bool, full_range_only: bool = False
    ) -> Condition:
        """The nearest other shop must lie more than (``strictly_more``) or at least
        ``limit_km`` away. With ``full_range_only`` only full-range shops count, and one of
        unknown range within the limit makes the condition unknown; so does a shop whose
        surroundings the data does not cover when no shop is found within the limit."""

        def fails(km: float | None) -> bool:
            return km is not None and (km <= limit_km if strictly_more else km < limit_km)

        counted = self.others.only("full") if full_range_only else self.others
        km, who = _nearest(self.model, self.own, counted)
        if fails(km):
            return Condition(name, "not_met", km, limit_km, "km", who)
        if full_range_only:
            maybe_km, maybe_who = _nearest(self.model, self.own, self.others.only("unknown"))
            if fails(maybe_km):
                return Condition(
                    name, "unknown", maybe_km, limit_km, "km", maybe_who, "range_unknown"
                )
        if not self.covered:
            return Condition(name, "unknown", km, limit_km, "km", who, "outside_region")
        note = "" if km is not None else "none_in_data"
        return Condition(name, "met", km, limit_km, "km", who, note)


def _driftstod(s: _Situation) -> tuple[Condition, ...]:
    own_full = bool(s.own.ranges) and all(r == "full" for r in s.own.ranges)
    distance = s.distance("distance_full_range_km", DRIFTSTOD_DISTANCE_KM, True, True)
    own_range = Condition("own_full_range", "met" if own_full else "unknown")
    turnover = Condition("turnover_msek", "unknown", None, DRIFTSTOD_TURNOVER_MSEK[0], "msek")
    hours = Condition("opening_hours", "unknown", None, DRIFTSTOD_HOURS_PER_WEEK, "hours_per_week")
    return (distance, own_range, turnover, hours)


def _investment(s: _Situation) -> tuple[Condition, ...]:
    last: ConditionStatus = "met" if s.shops_at_place <= 1 else "not_met"
    return (
        Condition("shops_at_place", last, float(s.shops_at_place), 1.0, "shops"),
        s.population,
        s.distance("distance_competitor_km", INVESTMENT_COMPETITOR_KM, strictly_more=False),
    )


def _pharmacy_grant(s: _Situation) -> tuple[Condition, ...]:
    distance = s.distance("distance_pharmacy_km", PHARMACY_DISTANCE_KM, strictly_more=True)
    sales = Condition("prescription_sales_msek", "unknown", None, PHARMACY_SALES_MSEK, "msek")
    hours = Condition("opening_hours", "unknown", None, PHARMACY_HOURS_PER_WEEK, "hours_per_week")
    return (distance, sales, hours)


def _servicebidrag(s: _Situation) -> tuple[Condition, ...]:
    """Only a cap: the conditions are the region's assessment, never in the data."""
    return (Condition("scheme_conditions", "unknown"),)


_RULES: dict[str, Callable[[_Situation], tuple[Condition, ...]]] = {
    "driftstod": _driftstod,
    "investment": _investment,
    "pharmacy_grant": _pharmacy_grant,
    "servicebidrag": _servicebidrag,
}


def _evaluate(s: _Situation) -> tuple[Eligibility, ...]:
    return tuple(_outcome(scheme.key, _RULES[scheme.key](s)) for scheme in schemes_for(s.service))


def point_eligibility(dataset: Dataset, point_index: int) -> tuple[Eligibility, ...]:
    """Every scheme of an existing point's service, measured against the nearest *other*
    existing point of that service (any status, inside the region or beyond its border).
    Investment support's "last shop" counts the existing points of the service at its place."""
    points = dataset.points
    service = str(points.service[point_index])
    same = np.flatnonzero(points.service == service)
    others = [int(k) for k in same if k != point_index]
    place = int(points.place_index[point_index])
    situation = _Situation(
        dataset.travel_model,
        service,
        _point_shops(dataset, [point_index]),
        _point_shops(dataset, others),
        int((points.place_index[same] == place).sum()),
        _population(dataset, place),
        bool(dataset.places.in_region[place]),
    )
    return _evaluate(situation)


def _funded_shops(dataset: Dataset, place: int, service: str) -> _Shops:
    """The shops a funded (place, service) keeps open: its at-risk points, or, where it has
    none, one new shop of unknown range at the place's own position."""
    points = dataset.points
    at_risk = np.flatnonzero(
        (points.service == service) & (points.place_index == place) & (points.status == "at_risk")
    )
    if len(at_risk):
        return _point_shops(dataset, [int(k) for k in at_risk])
    places = dataset.places
    xy_m = np.array([[places.x_m[place], places.y_m[place]]], dtype=float)
    return _Shops(xy_m, ("unknown",), (str(places.names[place]),))


def action_eligibility(
    dataset: Dataset, solution: Solution, action: Action
) -> tuple[Eligibility, ...]:
    """Every scheme of the action's service, in the scenario the solution solves.

    ``dataset`` is the one the scenario was solved on, before its corrections (as for
    ``run_scenario``): the scenario's corrections (closures included) are applied here. The
    action's shop is its place's at-risk point of the service (keep), or a new shop of unknown
    range at the place (establish). "Another shop" is the nearest other shop of the service
    open in the scenario: every secure point, and the shops of the solution's other funded
    places of the service (their at-risk points, or a new shop of unknown range). A new shop
    of unknown range within 10 km leaves the driftstöd distance unknown.
    """
    dataset = apply_corrections(dataset, solution.scenario.corrections)
    position = dataset.place_position()
    place = position[action.place_id]
    service = action.service
    points = dataset.points
    secure = np.flatnonzero((points.service == service) & (points.status == "secure"))
    funded = {position[a.place_id] for a in solution.actions if a.service == service}
    others = _joined(
        _point_shops(dataset, [int(k) for k in secure]),
        *(_funded_shops(dataset, j, service) for j in sorted(funded - {place})),
    )
    own = _funded_shops(dataset, place, service)
    secure_here = int((points.place_index[secure] == place).sum())
    situation = _Situation(
        dataset.travel_model,
        service,
        own,
        others,
        secure_here + len(own.names),
        _population(dataset, place),
        bool(dataset.places.in_region[place]),
    )
    return _evaluate(situation)


def solution_eligibility(
    dataset: Dataset, solution: Solution
) -> tuple[tuple[Eligibility, ...], ...]:
    """``action_eligibility`` of every action, in the order of ``solution.actions``."""
    return tuple(action_eligibility(dataset, solution, a) for a in solution.actions)
