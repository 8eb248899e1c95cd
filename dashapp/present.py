"""Pure presentation: a Solution becomes KPI cards, table rows and map ``hideout`` dicts.

Nothing here imports Dash or calls the model: every figure is read from the typed result, and
only formatted (labels, Swedish or English numbers through ``formats.py``) or picked (one
kommun's rows). A table row carries each figure as a number that sorts and as the text a reader
sees (``shown``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from dashapp import style
from dashapp.formats import money, number, optional, percent, signed
from dashapp.i18n import t
from models.access import AccessRow
from models.criticality import Criticality
from models.places import PlaceFacts, ServiceFacts
from models.region import Reference, RegionInfo
from models.services import ServiceRegistry
from models.solution import BASKET, Covered, Solution

Row = dict[str, Any]
TEXT_SUFFIX = "_text"  # a table's field "cost" is shown as the row's "cost_text"


def shown(field: str, value: float | None, text: str) -> Row:
    """A table cell that sorts as ``value`` and reads as ``text``."""
    return {field: value, field + TEXT_SUFFIX: text}


def label(registry: ServiceRegistry, key: str, language: str) -> str:
    """A service's name, or the basket's."""
    return t("service_basket", language) if key == BASKET else registry.label(key, language)


def _figures(solution: Solution, kommun: str | None) -> tuple[tuple[Covered, ...], float]:
    """Coverage rows and the money spent, for the county or for one kommun."""
    entry = solution.kommun(kommun) if kommun else None
    if entry is None:
        return solution.covered, solution.cost_sek
    return entry.covered, entry.cost_sek


def _service_card(covered: Covered, registry: ServiceRegistry, language: str) -> dict[str, str]:
    vs_baseline = signed(covered.gain_vs_baseline, language)
    vs_today = signed(covered.change_vs_today, language)
    return {
        "key": covered.key,
        "title": label(registry, covered.key, language),
        "value": f"{number(covered.scenario, language)} ({percent(covered.share(), language)})",
        "vs_baseline": f"{vs_baseline} {t('kpi_vs_baseline', language)}",
        "vs_today": f"{vs_today} {t('kpi_vs_today', language)}",
    }


def _money_card(solution: Solution, cost: float, language: str) -> dict[str, str]:
    budget, gap = solution.budget_sek, solution.gap
    used = f"{percent(cost / budget, language)} {t('of', language)} " if budget else ""
    optimality = (
        t("proven_optimal", language)
        if gap == 0
        else f"{t('gap_of', language)}: {'?' if gap is None else percent(gap, language)}"
    )
    return {
        "key": "cost",
        "title": t("kpi_cost", language),
        "value": money(cost, language),
        "vs_baseline": f"{used}{money(budget, language)}",
        "vs_today": optimality,
    }


def basket_title(solution: Solution, registry: ServiceRegistry, language: str) -> str:
    """The basket card's title defines it where it is read (the full note under the cards
    falls below the fold on a projector): "Hela korgen: når dagligvaror, … och kontantuttag"."""
    names = [registry.label(s, language).lower() for s in solution.scenario.basket]
    joined = f" {t('and', language)} ".join(
        [", ".join(names[:-1]), names[-1]] if len(names) > 1 else names
    )
    return t(f"kpi_basket_{solution.scenario.mode}", language, services=joined)


def kpi_cards(
    solution: Solution, registry: ServiceRegistry, kommun: str | None, language: str
) -> list[dict[str, str]]:
    """One card per service and the basket, then money and optimality."""
    covered, cost = _figures(solution, kommun)
    cards = [_service_card(c, registry, language) for c in covered]
    for card in cards:
        if card["key"] == BASKET and solution.scenario.basket:
            card["title"] = basket_title(solution, registry, language)
    return [*cards, _money_card(solution, cost, language)]


def people_count(value: float, language: str) -> str:
    """ "1 person", "794 personer": the noun agrees with the number as it is written."""
    text = number(value, language)
    return t("people_one", language) if text == "1" else t("people_many", language, count=text)


def _people(field: str, value: float, language: str) -> Row:
    return shown(field, round(value, 1), number(value, language))


def actions_rows(
    solution: Solution,
    registry: ServiceRegistry,
    kommun: str | None,
    language: str,
    support: Sequence[str] | None = None,
) -> list[Row]:
    """One row per funded action; ``row_id`` (place and service) is what a click reports;
    ``support`` holds each action's support-scheme cell, in the solution's order."""
    cells = list(support) if support is not None else [""] * len(solution.actions)
    return [
        {
            "row_id": f"{a.place_id}/{a.service}",
            "place_id": a.place_id,
            "place": a.place_name,
            "kommun": a.kommun,
            "service": label(registry, a.service, language),
            "action": t(f"action_{a.action}", language),
            **shown("cost", a.cost_sek, money(a.cost_sek, language)),
            **_people("only_it", a.people_only_here, language),
            **_people("gained", a.people_gained, language),
            **shown("per_msek", a.people_per_msek, optional(a.people_per_msek, language)),
            "support": cell,
        }
        for a, cell in zip(solution.actions, cells, strict=True)
        if not kommun or a.kommun_kod == kommun
    ]


def kommun_rows(solution: Solution, key: str, language: str) -> list[Row]:
    rows = []
    for entry in solution.by_kommun:
        covered = entry.covered_for(key)
        if covered is None:
            continue
        rows.append(
            {
                "kommun_kod": entry.kommun_kod,
                "kommun": entry.kommun,
                **shown("population", entry.population, number(entry.population, language)),
                **_people("covered", covered.scenario, language),
                **shown("share", covered.share(), percent(covered.share(), language)),
                **shown(
                    "change", covered.gain_vs_baseline, signed(covered.gain_vs_baseline, language)
                ),
                **shown("cost", entry.cost_sek, money(entry.cost_sek, language)),
            }
        )
    return rows


def place_hideout(
    solution: Solution | None, today: dict[str, str], kommun: str | None
) -> dict[str, Any]:
    """Places coloured by their status after the scenario (today's before a result exists)."""
    status = dict(solution.place_status) if solution is not None else today
    return style.place_hideout(status, kommun)


def demand_hideout(solution: Solution | None, key: str) -> dict[str, Any]:
    if solution is None or key not in solution.uncovered_demand:
        return style.demand_hideout(None)
    return style.demand_hideout(list(solution.uncovered_demand[key]))


def _critical_row(
    critical: Criticality, minutes: float, registry: ServiceRegistry, language: str
) -> Row:
    service = label(registry, critical.service, language)
    return {
        "row_id": critical.point_id,
        "place_id": critical.place_id,
        "point": critical.name,
        "place": critical.place_name,
        "service": service,
        "status": t(f"status_{critical.status}", language),
        **_people("losing", critical.people_losing, language),
        "sentence": t(
            "critical_sentence",
            language,
            name=critical.name,
            people=people_count(critical.people_losing, language),
            service=service.lower(),
            minutes=number(minutes, language),
        ),
    }


def critical_rows(
    solution: Solution,
    registry: ServiceRegistry,
    kommun: str | None,
    language: str,
    top: int = 50,
) -> list[Row]:
    """Existing points inside the region whose closure leaves people without the service."""
    rows = [
        _critical_row(c, solution.scenario.settings(c.service).threshold_min, registry, language)
        for c in solution.critical
        if c.in_region and c.people_losing > 0 and (not kommun or c.kommun_kod == kommun)
    ]
    return rows[:top]


_REASON = re.compile(r"only one at a place under (\d+)")


def status_reason_text(reason: str, language: str) -> str:
    """The build's recorded reason for a status, in the reader's language (a region's own text
    is shown as it is)."""
    only_one = _REASON.fullmatch(reason)
    if only_one:
        limit = number(float(only_one.group(1)), language)
        return t("reason_only_one", language, limit=limit)
    known = {
        "outside region: supply only": "reason_outside",
        "several points or a larger place": "reason_several",
        "given in the imported list": "reason_given",
        "user": "reason_user",
    }
    return t(known[reason], language) if reason in known else reason


def customer_base_text(facts: ServiceFacts, language: str) -> str:
    """ "Kundunderlag: 640 personer inom 10 min (minst 100)", and a warning below it."""
    text = t("card_customers", language, people=people_count(facts.customers, language))
    if facts.min_customers > 0:
        least = number(facts.min_customers, language)
        key = (
            "card_customers_short"
            if facts.customers < facts.min_customers
            else "card_customers_min"
        )
        text += " " + t(key, language, least=least)
    return text


def cost_text(cost_sek: float, at_risk: bool, assumption: bool, basis: str, language: str) -> str:
    """ "Att behålla: 260 000 kr/år (antagande: …)": what support costs here and where the
    figure comes from."""
    what = t("card_cost_keep" if at_risk else "card_cost_establish", language)
    kind = t("cost_assumption" if assumption else "cost_source", language)
    shown = t("reason_user", language) if basis == "user" else basis
    origin = f" ({kind}: {shown})" if basis else ""
    return f"{what}: {number(cost_sek, language)} {t('sek_per_year', language)}{origin}"


# the reference table's English words, as a Swedish reader reads them
_SWEDISH_WORDS = (
    ("Sweden: population in tätorter", "Sverige: befolkningen i tätorter"),
    ("Sweden: population outside tätorter", "Sverige: befolkningen utanför tätorter"),
    ("Sweden: total population", "Sverige: hela befolkningen"),
    ("Sweden", "Sverige"),
    ("persons", "personer"),
)


def _in_swedish(text: str, language: str) -> str:
    if language == "en":
        return text
    for english, swedish in _SWEDISH_WORDS:
        text = text.replace(english, swedish)
    return text


def _reference_text(reference: Reference, language: str) -> str:
    try:
        value = number(float(reference.value), language, 1 if "." in reference.value else 0)
    except ValueError:
        value = reference.value
    unit = "\u00a0%" if reference.unit == "%" and language != "en" else reference.unit
    if reference.unit not in ("%", ""):
        unit = f" {_in_swedish(reference.unit, language)}"
    place = _in_swedish(reference.geography, language)
    return f"{place} {reference.year}, {reference.threshold}: {value}{unit}"


def _shares(class_shares: tuple[float, ...], language: str) -> Row:
    """Shares by time class, fields c0, c1, …"""
    cells: Row = {}
    for k, share in enumerate(class_shares):
        cells |= shown(f"c{k}", round(share, 4), percent(share, language))
    return cells


def access_rows(
    rows: tuple[AccessRow, ...],
    region: RegionInfo,
    registry: ServiceRegistry,
    kommun: str | None,
    language: str,
) -> list[Row]:
    """Today's access for the county or one kommun: shares by time class, within the
    threshold, and the official figures beside them (source and year)."""
    chosen = [r for r in rows if r.kommun_kod == (kommun or "")]
    return [
        {
            "service": label(registry, r.key, language),
            **shown("population", r.population, number(r.population, language)),
            **_shares(r.class_shares, language),
            **shown("within", r.within_threshold, percent(r.within_threshold, language)),
            "reference": "; ".join(
                _reference_text(ref, language) for ref in region.references_for(r.key)[:6]
            ),
        }
        for r in chosen
    ]


def my_places_rows(places: list[PlaceFacts], registry: ServiceRegistry, language: str) -> list[Row]:
    """ "Mina orter": each place of a kommun, what it has today and what closing it would cost."""
    rows = []
    for facts in places:
        present_here = [s for s in facts.services if s.today != "none"]
        losing = max((s.people_losing for s in facts.services), default=0.0)
        nearest: Row = {}
        for s in facts.services:
            minutes = None if s.nearest_min is None else round(s.nearest_min, 1)
            nearest |= shown(f"min_{s.service}", minutes, optional(minutes, language, 1))
        rows.append(
            {
                "place_id": facts.place_id,
                "place": facts.name,
                "kind": t(f"kind_{facts.kind}", language),
                **shown("population", facts.population, number(facts.population, language)),
                "services": ", ".join(
                    f"{registry.label(s.service, language)} ({t(f'status_{s.today}', language)})"
                    for s in present_here
                )
                or t("card_none", language),
                **nearest,
                **_people("losing", losing, language),
            }
        )
    return rows


def _official(region: RegionInfo, service: str, words: tuple[str, ...]) -> str:
    """The first official figure whose measure and geography mention ``words``, as
    "90,9 % (SCB, 2006)", or "" when the data folder has none."""
    for reference in region.references_for(service):
        text = f"{reference.measure} {reference.geography}".lower()
        if all(word in text for word in words):
            value = _reference_text(reference, "sv").rsplit(": ", 1)[-1]
            return f"{value} ({reference.source}, {reference.year})"
    return ""


def distance_notes(
    rural_grocery_10km: float, cash_beyond_25km: float, region: RegionInfo, language: str
) -> list[str]:
    """The two distance measures SCB and PTS publish, beside the official figures."""
    rural = _official(region, "grocery", ("within 10 km", "outside"))
    legal = _official(region, "cash", ("legal maximum",))
    return [
        t("access_rural", language, share=percent(rural_grocery_10km, language), official=rural),
        t("access_cash", language, share=percent(cash_beyond_25km, language), official=legal),
    ]
