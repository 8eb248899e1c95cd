"""What a nulägesanalys says, gathered from the models for one kommun or the whole region: the
figures only, no text or formatting (that is ``current.py``), so tests compare them with the
models directly."""

from __future__ import annotations

from dataclasses import dataclass

from models.access import AccessRow, access_today
from models.border import BorderDependence, border_dependence
from models.corrections import Correction, apply_corrections
from models.criticality import Criticality, criticality
from models.dataset import Dataset
from models.eligibility import Eligibility, point_eligibility, schemes_for
from models.followup import reach_changes
from models.places import PlaceFacts, place_facts, place_status
from models.scenario import Scenario
from models.solution import Solution
from models.stress import stress_test

TOGETHER_K = 5  # the most critical points closed together
CRITICAL_ROWS_KOMMUN = 10
CRITICAL_ROWS_COUNTY = 15
PLACE_KINDS = ("tatort", "service_place")  # tätorter and rural service places


@dataclass(frozen=True)
class TogetherLoss:
    service: str
    people_losing: float  # in the region
    people_losing_here: float  # in the report's area (the region for the county)
    sum_of_single_losses: float


@dataclass(frozen=True)
class CurrentState:
    kommun_kod: str  # "" for the whole region
    area: str  # kommun name or the region's name
    scenario: Scenario
    access: tuple[AccessRow, ...]  # the area's rows: services, then the basket
    region_access: tuple[AccessRow, ...]  # the region's, for comparison
    kommun_access: tuple[AccessRow, ...]  # every kommun's (the county report compares them)
    places: tuple[PlaceFacts, ...]  # tätorter and rural service places, largest first
    status: dict[str, str]  # place id → secure, at_risk or none (today: nothing supported)
    critical: tuple[Criticality, ...]  # the area's points, most people losing first
    together: tuple[Criticality, ...]  # the points closed together
    together_losses: tuple[TogetherLoss, ...]
    border: tuple[BorderDependence, ...]  # the area's rows per service
    # the area's existing points a targeted scheme may pay for: (point index, outcomes)
    eligibility: tuple[tuple[int, tuple[Eligibility, ...]], ...] = ()

    @property
    def population(self) -> float:
        return self.access[0].population if self.access else 0.0

    def without_shop(self) -> tuple[PlaceFacts, ...]:
        """Places with no grocery point today that still have some other service."""
        return tuple(
            p
            for p in self.places
            if not any(point.service == "grocery" for point in p.points) and p.points
        )


def _in_area(dataset: Dataset, code: str, place_index: int) -> bool:
    places = dataset.places
    return bool(places.in_region[place_index]) and (
        not code or str(places.kommun_kod[place_index]) == code
    )


def _together_kommun(
    dataset: Dataset, scenario: Scenario, code: str, ranked: list[Criticality]
) -> tuple[tuple[Criticality, ...], tuple[TogetherLoss, ...]]:
    """The kommun's k most critical points closed together (as data corrections), and who
    loses each service, in the region and in the kommun."""
    closed = tuple(c for c in ranked if c.people_losing > 0)[:TOGETHER_K]
    after = apply_corrections(
        dataset, tuple(Correction("status", c.point_id, status="closed") for c in closed)
    )
    rows = {(r.kommun_kod, r.key): r for r in reach_changes(dataset, after, scenario)}
    losses = tuple(
        TogetherLoss(
            s.service,
            rows[("", s.service)].lost,
            rows[(code, s.service)].lost if (code, s.service) in rows else 0.0,
            sum(c.people_losing for c in closed if c.service == s.service),
        )
        for s in scenario.services
    )
    return closed, losses


def _together_county(
    dataset: Dataset, scenario: Scenario
) -> tuple[tuple[Criticality, ...], tuple[TogetherLoss, ...]]:
    result = stress_test(dataset, scenario, TOGETHER_K)
    losses = tuple(
        TogetherLoss(
            loss.service, loss.people_losing, loss.people_losing, loss.sum_of_single_losses
        )
        for loss in result.losses
    )
    return result.closed, losses


GENERAL_SCHEMES = ("servicebidrag",)  # open to every point; listed once, not per point


def _eligibility(dataset: Dataset, code: str) -> tuple[tuple[int, tuple[Eligibility, ...]], ...]:
    """Points in the area whose service has schemes, where a targeted scheme is not ruled out."""
    found = []
    for k in range(len(dataset.points)):
        if not schemes_for(str(dataset.points.service[k])):
            continue
        if not _in_area(dataset, code, int(dataset.points.place_index[k])):
            continue
        outcomes = point_eligibility(dataset, k)
        if any(e.status != "not_eligible" and e.scheme not in GENERAL_SCHEMES for e in outcomes):
            found.append((k, outcomes))
    return tuple(found)


def current_state(
    dataset: Dataset, solution: Solution, kommun_kod: str | None = None
) -> CurrentState:
    """Every figure of the nulägesanalys of ``kommun_kod`` (None: the whole region), today,
    with the travel-time limits and basket of ``solution``'s scenario. ``dataset`` is the data
    the scenario was solved on (its corrections applied)."""
    scenario = solution.scenario
    code = kommun_kod or ""
    rows = access_today(dataset, scenario, dataset.region.name)
    names = dict(zip(dataset.kommun_kod.tolist(), dataset.kommun_names.tolist(), strict=True))
    position = dataset.place_position()
    facts = [
        place_facts(dataset, solution, str(place_id))
        for j, (place_id, kind) in enumerate(
            zip(dataset.places.ids, dataset.places.kind, strict=True)
        )
        if str(kind) in PLACE_KINDS and _in_area(dataset, code, j)
    ]
    ranked = [
        c
        for c in criticality(dataset, scenario)
        if c.in_region and _in_area(dataset, code, position[c.place_id])
    ]
    together, losses = (
        _together_kommun(dataset, scenario, code, ranked)
        if code
        else _together_county(dataset, scenario)
    )
    rows_shown = CRITICAL_ROWS_KOMMUN if code else CRITICAL_ROWS_COUNTY
    return CurrentState(
        kommun_kod=code,
        area=names.get(code, dataset.region.name) if code else dataset.region.name,
        scenario=scenario,
        access=tuple(r for r in rows if r.kommun_kod == code),
        region_access=tuple(r for r in rows if r.kommun_kod == ""),
        kommun_access=tuple(r for r in rows if r.kommun_kod != ""),
        places=tuple(sorted(facts, key=lambda p: (-p.population, p.name))),
        status=place_status(dataset, ()),
        critical=tuple(c for c in ranked if c.people_losing > 0)[:rows_shown],
        together=together,
        together_losses=losses,
        border=tuple(
            b for b in border_dependence(dataset, scenario.service_names) if b.kommun_kod == code
        ),
        eligibility=_eligibility(dataset, code),
    )
