"""A scenario's result: one typed value holding everything the app, the CLI and exports show.

``Solution.to_dict`` / ``Solution.from_dict`` are the only serialisation: the app's result store,
``servicekartan solve --json`` and every export read it. Units are in the names (``_sek`` yearly
SEK, ``_seconds``, people as counts); field meanings are listed in docs/result.md.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from models.criticality import Criticality
from models.errors import ResultError
from models.scenario import Scenario

RESULT_VERSION = 1
BASKET = "basket"  # the key of the whole-basket figures beside the service keys


@dataclass(frozen=True)
class Action:
    """One funded action: ``keep`` an at-risk point or ``establish`` a new one.

    Two actions are equal when place, service, kind and cost agree; the reasons below are the
    figures that explain the choice within one scenario and take no part in equality.
    """

    place_id: str
    place_name: str
    kommun_kod: str
    kommun: str
    service: str
    action: str  # "keep" or "establish"
    cost_sek: float
    people_only_here: float = field(default=0.0, compare=False)  # no other open place in T_s
    people_gained: float = field(default=0.0, compare=False)  # in T_s, unserved if nothing done

    @property
    def people_per_msek(self) -> float | None:
        """People only this action reaches per million SEK a year (None when it is free)."""
        return self.people_only_here / (self.cost_sek / 1e6) if self.cost_sek > 0 else None


@dataclass(frozen=True)
class Covered:
    """People within reach of one service (or the basket): scenario, do-nothing and today."""

    key: str
    population: float
    scenario: float
    baseline: float  # do nothing: at-risk points close, secure ones stay
    today: float  # every existing point open

    def share(self, which: str = "scenario") -> float:
        value: float = getattr(self, which)
        return value / self.population if self.population else 0.0

    @property
    def gain_vs_baseline(self) -> float:
        return self.scenario - self.baseline

    @property
    def change_vs_today(self) -> float:
        return self.scenario - self.today


@dataclass(frozen=True)
class KommunResult:
    kommun_kod: str
    kommun: str
    population: float
    covered: tuple[Covered, ...]
    cost_sek: float  # before any co-location saving

    def covered_for(self, key: str) -> Covered | None:
        return next((c for c in self.covered if c.key == key), None)


@dataclass(frozen=True)
class Timings:
    build_seconds: float  # validation, reach matrices, reduction, model construction
    solve_seconds: float  # the solver's own time (both passes with maximin)
    summary_seconds: float  # evaluating scenario, do-nothing and today


@dataclass(frozen=True, eq=False)
class Solution:
    scenario: Scenario
    status: str  # "optimal", "time_limit" (with a solution) or "feasible"
    gap: float | None  # relative MIP gap; None where the solver does not say
    objective: float  # weighted people, the model's objective
    timings: Timings
    actions: tuple[Action, ...]
    cost_sek: float  # after any co-location saving
    saving_sek: float
    covered: tuple[Covered, ...]  # per scenario service, then the basket
    by_kommun: tuple[KommunResult, ...]
    uncovered_demand: Mapping[str, tuple[int, ...]]  # key → demand rows not fully covered
    place_status: Mapping[str, str]  # place_id → supported, at_risk, secure or none
    critical: tuple[Criticality, ...]  # existing points whose closure leaves people without
    model_size: Mapping[str, int]

    @property
    def budget_sek(self) -> float:
        return self.scenario.budget_sek

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.covered)

    def covered_for(self, key: str) -> Covered:
        return next(c for c in self.covered if c.key == key)

    def kommun(self, kommun_kod: str) -> KommunResult | None:
        return next((k for k in self.by_kommun if k.kommun_kod == kommun_kod), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": RESULT_VERSION,
            "scenario": self.scenario.to_dict(),
            "status": self.status,
            "gap": self.gap,
            "objective": self.objective,
            "timings": {k: round(v, 4) for k, v in asdict(self.timings).items()},
            "cost_sek": self.cost_sek,
            "saving_sek": self.saving_sek,
            "actions": [_action_dict(a) for a in self.actions],
            "covered": [_covered_dict(c) for c in self.covered],
            "by_kommun": [
                {**asdict(k), "covered": [_covered_dict(c) for c in k.covered]}
                for k in self.by_kommun
            ],
            "uncovered_demand": {k: list(v) for k, v in self.uncovered_demand.items()},
            "place_status": dict(self.place_status),
            "critical": [asdict(c) for c in self.critical],
            "model_size": dict(self.model_size),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Solution:
        """Read what ``to_dict`` wrote; raises ResultError for another version or damage."""
        if not isinstance(data, Mapping) or data.get("version") != RESULT_VERSION:
            found = data.get("version") if isinstance(data, Mapping) else None
            raise ResultError(
                f"Resultatet har en okänd version ({found}); räkna om scenariot",
                f"The result has an unknown version ({found}); solve the scenario again",
            )
        try:
            return _from_dict(data)
        except (KeyError, TypeError, ValueError) as error:
            raise ResultError(
                f"Resultatet kan inte läsas ({error})", f"The result cannot be read ({error})"
            ) from error


def _round(value: float) -> float:
    return round(value, 1) if math.isfinite(value) else value


def _covered_dict(covered: Covered) -> dict[str, Any]:
    figures = {k: _round(v) for k, v in asdict(covered).items() if k != "key"}
    shares = {f"share_{w}": round(covered.share(w), 5) for w in ("scenario", "baseline", "today")}
    return {"key": covered.key, **figures, **shares}


def _action_dict(action: Action) -> dict[str, Any]:
    per_msek = action.people_per_msek
    return {
        **asdict(action),
        "people_only_here": _round(action.people_only_here),
        "people_gained": _round(action.people_gained),
        "people_per_msek": None if per_msek is None else _round(per_msek),
    }


def _pick(kind: type, data: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of dataclass ``kind`` from ``data``; derived extras are dropped."""
    return {f.name: data[f.name] for f in fields(kind) if f.name in data}


def _covered_tuple(items: list[Mapping[str, Any]]) -> tuple[Covered, ...]:
    return tuple(Covered(**_pick(Covered, c)) for c in items)


def _from_dict(data: Mapping[str, Any]) -> Solution:
    return Solution(
        scenario=Scenario.from_dict(data["scenario"]),
        status=str(data["status"]),
        gap=None if data["gap"] is None else float(data["gap"]),
        objective=float(data["objective"]),
        timings=Timings(**_pick(Timings, data["timings"])),
        actions=tuple(Action(**_pick(Action, a)) for a in data["actions"]),
        cost_sek=float(data["cost_sek"]),
        saving_sek=float(data["saving_sek"]),
        covered=_covered_tuple(data["covered"]),
        by_kommun=tuple(
            KommunResult(**{**_pick(KommunResult, k), "covered": _covered_tuple(k["covered"])})
            for k in data["by_kommun"]
        ),
        uncovered_demand={
            str(k): tuple(int(i) for i in v) for k, v in data["uncovered_demand"].items()
        },
        place_status={str(k): str(v) for k, v in data["place_status"].items()},
        critical=tuple(Criticality(**_pick(Criticality, c)) for c in data["critical"]),
        model_size={str(k): int(v) for k, v in data["model_size"].items()},
    )
