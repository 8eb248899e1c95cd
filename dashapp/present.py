"""Pure presentation: a Solution becomes compact JSON, and that JSON becomes KPI cards, table rows
and map ``hideout`` dicts. Nothing here touches Dash; every function is a plain function of data.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dashapp.components.map import PLACE_COLORS
from dashapp.i18n import number, percent, t
from models.analysis import criticality, why_chosen
from models.dataset import Dataset
from models.scenario import Scenario
from models.solution import Covered, Solution

Payload = dict[str, Any]
Row = dict[str, Any]


def _covered(covered: Covered) -> dict[str, Any]:
    return {
        "key": covered.key,
        "population": covered.population,
        "scenario": round(covered.scenario, 1),
        "baseline": round(covered.baseline, 1),
        "today": round(covered.today, 1),
    }


def solution_payload(dataset: Dataset, solution: Solution) -> Payload:
    """What the browser keeps of a result: small, JSON-safe, enough for every view."""
    reasons = {r.action: r for r in why_chosen(dataset, solution)}
    uncovered = {
        service: np.flatnonzero(solution.demand_value[:, k] < 1.0).tolist()
        for k, service in enumerate(solution.scenario.service_names)
    }
    if solution.demand_basket is not None:
        uncovered["basket"] = np.flatnonzero(solution.demand_basket < 1.0).tolist()
    return {
        "scenario": solution.scenario.to_dict(),
        "status": solution.status,
        "gap": solution.gap,
        "solve_seconds": round(solution.solve_seconds, 3),
        "budget_sek": solution.scenario.budget_sek,
        "cost_sek": solution.cost_sek,
        "saving_sek": solution.saving_sek,
        "covered": [_covered(c) for c in solution.covered],
        "by_kommun": [
            {
                "kommun_kod": k.kommun_kod,
                "kommun": k.kommun,
                "population": k.population,
                "cost_sek": k.cost_sek,
                "covered": [_covered(c) for c in k.covered],
            }
            for k in solution.by_kommun
        ],
        "actions": [
            {
                "place_id": a.place_id,
                "place_name": a.place_name,
                "kommun_kod": a.kommun_kod,
                "service": a.service,
                "action": a.action,
                "cost_sek": a.cost_sek,
                "people_only_it_covers": round(reasons[a].people_only_it_covers, 1),
                "people_per_msek": round(reasons[a].people_per_msek, 1),
            }
            for a in solution.actions
        ],
        "uncovered": uncovered,
    }


def service_label(key: str, language: str) -> str:
    return t(f"service_{key}", language)


def _figures(payload: Payload, kommun: str | None) -> tuple[list[dict[str, Any]], float]:
    """Coverage rows and the money spent, for the county or for one kommun."""
    if not kommun:
        return payload["covered"], payload["cost_sek"]
    entry = next(k for k in payload["by_kommun"] if k["kommun_kod"] == kommun)
    return entry["covered"], entry["cost_sek"]


def _service_card(covered: dict[str, Any], language: str) -> dict[str, str]:
    vs_baseline = _signed(covered["scenario"] - covered["baseline"], language)
    vs_today = _signed(covered["scenario"] - covered["today"], language)
    return {
        "key": covered["key"],
        "title": service_label(covered["key"], language),
        "value": f"{number(covered['scenario'], language)} ({percent(_share(covered), language)})",
        "vs_baseline": f"{vs_baseline} {t('kpi_vs_baseline', language)}",
        "vs_today": f"{vs_today} {t('kpi_vs_today', language)}",
    }


def _money_card(payload: Payload, cost: float, language: str) -> dict[str, str]:
    budget, gap = payload["budget_sek"], payload["gap"]
    used = f"{percent(cost / budget, language)} {t('of', language)} " if budget else ""
    optimality = (
        t("proven_optimal", language)
        if gap == 0
        else f"{t('gap_of', language)}: {'?' if gap is None else percent(gap, language)}"
    )
    return {
        "key": "cost",
        "title": t("kpi_cost", language),
        "value": f"{number(cost, language)} {t('sek', language)}",
        "vs_baseline": f"{used}{number(budget, language)} {t('sek', language)}",
        "vs_today": optimality,
    }


def kpi_cards(payload: Payload, kommun: str | None, language: str) -> list[dict[str, str]]:
    """One card per service and the basket, then money and optimality."""
    covered, cost = _figures(payload, kommun)
    return [*(_service_card(c, language) for c in covered), _money_card(payload, cost, language)]


def _share(covered: dict[str, Any]) -> float:
    return covered["scenario"] / covered["population"] if covered["population"] else 0.0


def _signed(value: float, language: str) -> str:
    return ("+" if value >= 0.5 else "") + number(value, language)


def actions_rows(payload: Payload, kommun: str | None, language: str) -> list[Row]:
    return [
        {
            "place_id": a["place_id"],
            "place": a["place_name"],
            "kommun": a["kommun_kod"],
            "service": service_label(a["service"], language),
            "action": t(f"action_{a['action']}", language),
            "cost": a["cost_sek"],
            "only_it": a["people_only_it_covers"],
            "per_msek": a["people_per_msek"],
        }
        for a in payload["actions"]
        if not kommun or a["kommun_kod"] == kommun
    ]


def kommun_rows(payload: Payload, service: str, language: str) -> list[Row]:
    rows = []
    for entry in payload["by_kommun"]:
        covered = next(c for c in entry["covered"] if c["key"] == service)
        rows.append(
            {
                "kommun_kod": entry["kommun_kod"],
                "kommun": entry["kommun"],
                "population": entry["population"],
                "covered": covered["scenario"],
                "share": round(100 * _share(covered), 1),
                "change": round(covered["scenario"] - covered["baseline"], 1),
                "cost": entry["cost_sek"],
            }
        )
    return rows


def place_status(dataset: Dataset, supported: set[str]) -> dict[str, str]:
    """Per place after the scenario: supported, secure, at_risk (closes) or none."""
    at_risk = dataset.points_at("at_risk").any(axis=1)
    secure = dataset.points_at("secure").any(axis=1)
    status = {}
    for j, place_id in enumerate(dataset.places.ids.tolist()):
        if place_id in supported:
            status[place_id] = "supported"
        elif at_risk[j]:
            status[place_id] = "at_risk"
        elif secure[j]:
            status[place_id] = "secure"
        else:
            status[place_id] = "none"
    return status


def place_hideout(dataset: Dataset, payload: Payload | None, kommun: str | None) -> dict[str, Any]:
    supported = {a["place_id"] for a in payload["actions"]} if payload else set()
    return {"status": place_status(dataset, supported), "colors": PLACE_COLORS, "kommun": kommun}


def demand_hideout(payload: Payload | None, service: str) -> dict[str, Any]:
    if not payload or service not in payload["uncovered"]:
        return {"uncovered": None}
    return {"uncovered": payload["uncovered"][service]}


def critical_rows(
    dataset: Dataset, scenario: Scenario, kommun: str | None, language: str, top: int = 50
) -> list[Row]:
    """Existing points inside the region whose closure leaves people without the service."""
    rows = []
    position = dataset.place_position()
    for c in criticality(dataset, scenario):
        place = position[c.place_id]
        if not c.in_region or c.people_losing <= 0:
            continue
        if kommun and dataset.places.kommun_kod[place] != kommun:
            continue
        minutes = scenario.settings(c.service).threshold_min
        rows.append(
            {
                "place_id": c.place_id,
                "point": c.name,
                "place": c.place_name,
                "service": service_label(c.service, language),
                "status": t(f"status_{c.status}", language),
                "losing": round(c.people_losing),
                "sentence": t(
                    "critical_sentence",
                    language,
                    name=c.name,
                    people=number(c.people_losing, language),
                    service=service_label(c.service, language).lower(),
                    minutes=number(minutes, language),
                ),
            }
        )
        if len(rows) == top:
            break
    return rows
