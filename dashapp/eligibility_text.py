"""Support-scheme eligibility as people read it (pure, no Dash): one short line per scheme for
the actions table, every condition for the village card, and rows for the exports.

    Särskilt driftstöd: möjligt – villkor okända: eget sortiment, omsättning, öppettider
    Särskilt driftstöd: ej aktuellt – 6,2 km till närmaste fullsortimentsbutik (krav > 10 km)

The words live here (``ELIGIBILITY_TEXT``, Swedish then English); the rules, limits and
sources come from models/eligibility.py, and every figure is written by dashapp/formats.py.
"""

from __future__ import annotations

from collections.abc import Callable

from dashapp import formats
from dashapp.i18n import pick
from models import eligibility as rules
from models.eligibility import SCHEME_BY_KEY, Condition, Eligibility

Row = dict[str, str]

ELIGIBILITY_TEXT: dict[str, tuple[str, str]] = {
    # outcomes
    "status_eligible": ("villkoren uppfyllda", "conditions met"),
    "status_not_eligible": ("ej aktuellt", "not eligible"),
    "status_unknown_conditions": ("möjligt", "possible"),
    "unknown_list": ("villkor okända: {names}", "unknown conditions: {names}"),
    "no_schemes": ("inget stöd för den här tjänsten", "no scheme for this service"),
    # what a condition is called when it is unknown
    "label_range_unknown": ("sortiment hos butik i närheten", "range of a nearby shop"),
    "label_outside_region": ("omgivning utanför data", "surroundings outside the data"),
    "label_own_full_range": ("eget sortiment", "own range"),
    "label_turnover_msek": ("omsättning", "turnover"),
    "label_opening_hours": ("öppettider", "opening hours"),
    "label_prescription_sales_msek": ("receptförsäljning", "prescription sales"),
    "label_place_population": ("invånare", "inhabitants"),
    "label_shops_at_place": ("butiker i orten", "shops in the place"),
    "label_scheme_conditions": ("regionens prövning", "the region's assessment"),
    # conditions, as measured
    "distance_full_range_km": (
        "{km} km till närmaste fullsortimentsbutik (krav > {limit} km)",
        "{km} km to the nearest full-range shop (rule: > {limit} km)",
    ),
    "distance_full_range_km_range_unknown": (
        "{km} km till en butik med okänt sortiment (krav > {limit} km till fullsortiment)",
        "{km} km to a shop of unknown range (rule: > {limit} km to a full-range shop)",
    ),
    "distance_pharmacy_km": (
        "{km} km till närmaste apotek (krav > {limit} km)",
        "{km} km to the nearest pharmacy (rule: > {limit} km)",
    ),
    "distance_competitor_km": (
        "{km} km till närmaste konkurrerande butik (krav minst {limit} km)",
        "{km} km to the nearest competing shop (rule: at least {limit} km)",
    ),
    "distance_none_in_data": (
        "ingen annan i data (krav > {limit} km)",
        "no other in the data (rule: > {limit} km)",
    ),
    "distance_outside_region": (
        "utanför regionen: omgivningen finns inte helt i data",
        "outside the region: its surroundings are not fully in the data",
    ),
    "own_full_range_met": ("fullsortiment (kedjeformat)", "full range (chain format)"),
    "own_full_range_unknown": (
        "eget sortiment okänt (krav minst 1 000 artiklar)",
        "own range unknown (rule: at least 1,000 articles)",
    ),
    "turnover_msek": (
        "omsättning okänd (krav {low}–{high} mnkr i dagligvaror)",
        "turnover unknown (rule: SEK {low}–{high}m in groceries)",
    ),
    "opening_hours_driftstod": (
        "öppettider okända (krav öppet året runt, minst {hours} h/vecka; {small_hours} h under "
        "{small_msek} mnkr)",
        "opening hours unknown (rule: open all year, at least {hours} h/week; {small_hours} h "
        "below SEK {small_msek}m)",
    ),
    "opening_hours_pharmacy_grant": (
        "öppettider okända (krav minst {hours} h/vecka)",
        "opening hours unknown (rule: at least {hours} h/week)",
    ),
    "prescription_sales_msek": (
        "receptförsäljning okänd (krav högst {limit} mnkr)",
        "prescription sales unknown (rule: at most SEK {limit}m)",
    ),
    "shops_at_place_met": ("ortens enda butik", "the only shop of its place"),
    "shops_at_place_not_met": (
        "{count} butiker i orten (krav: ortens sista butik)",
        "{count} shops in the place (rule: the last shop of its place)",
    ),
    "place_population": (
        "{people} invånare (krav under {limit})",
        "{people} inhabitants (rule: under {limit})",
    ),
    "place_population_not_tatort": (
        "ingen tätort, alltså under 200 invånare (krav under {limit})",
        "not a tätort, so under 200 inhabitants (rule: under {limit})",
    ),
    "place_population_unknown": (
        "invånare okända (krav under {limit})",
        "inhabitants unknown (rule: under {limit})",
    ),
    "scheme_conditions": (
        "villkoren (tillfälliga lönsamhetsproblem, andra åtgärder prövade, kommunens plan för "
        "varuförsörjningen) finns inte i data",
        "its conditions (temporary profitability problems, other measures tried, the kommun's "
        "supply plan) are not in the data",
    ),
    "nearest": ("närmast: {name}", "nearest: {name}"),
    # caps and rules
    "cap_per_year": ("högst {sek}/år", "at most {sek} a year"),
    "cap_broad": (
        "{sek} för brett utbud eller strategisk punkt",
        "{sek} for a broad offer or a strategic point",
    ),
    "cap_years": ("i högst {years} år", "for at most {years} years"),
    "cap_share": ("högst {share} av kostnaden", "at most {share} of the costs"),
    "rule_driftstod": (
        "Butik med fullsortiment mer än {km} km från annan butik med fullsortiment (minst 1 000 "
        "artiklar) eller på ö utan fast landförbindelse; omsättning i dagligvaror {low}–{high} "
        "mnkr; öppet året runt, minst {hours} h/vecka ({small_hours} h under {small_msek} mnkr).",
        "A full-range shop more than {km} km from another full-range shop (at least 1,000 "
        "articles) or on an island without a fixed road link; grocery turnover SEK {low}–{high}m; "
        "open all year, at least {hours} h/week ({small_hours} h below SEK {small_msek}m).",
    ),
    "rule_investment": (
        "Ortens sista butik, i en ort med under {people} invånare, minst {km} km till en "
        "konkurrerande butik.",
        "The last shop of its place, in a place under {people} inhabitants, at least {km} km to "
        "a competing shop.",
    ),
    "rule_pharmacy_grant": (
        "Mer än {km} km till annat apotek; receptförsäljning högst {msek} mnkr; öppet minst "
        "{hours} h/vecka.",
        "More than {km} km to another pharmacy; prescription sales at most SEK {msek}m; open at "
        "least {hours} h/week.",
    ),
    "rule_servicebidrag": (
        "Tillfälligt driftbidrag till butik eller drivmedel i serviceglest område; regionen "
        "prövar villkoren.",
        "Temporary operating aid to a grocery or fuel point where service is sparse; the region "
        "assesses the conditions.",
    ),
    "source": ("Källa: {source} ({year})", "Source: {source} ({year})"),
    "source_no_year": ("Källa: {source}", "Source: {source}"),
    "distances_note": (
        "Avstånd: modellerad väg-km mellan butikerna, avrundat till 0,1 km.",
        "Distances: modelled road km between the shops, rounded to 0.1 km.",
    ),
}


def text(key: str, language: str, **values: object) -> str:
    """The text for ``key`` in ``language`` (Swedish for anything but English)."""
    return pick(ELIGIBILITY_TEXT, key, language, **values)


def _figure(value: float, language: str) -> str:
    """A limit or count: whole numbers without decimals, others with one."""
    return formats.number(value, language, 0 if float(value).is_integer() else 1)


def scheme_name(scheme_key: str, language: str) -> str:
    scheme = SCHEME_BY_KEY[scheme_key]
    return scheme.name_en if language == "en" else scheme.name_sv


def _limit_values(language: str) -> dict[str, str]:
    """The model's limits, written as figures (so the words never disagree with the rules)."""
    low, high = rules.DRIFTSTOD_TURNOVER_MSEK
    return {
        "low": _figure(low, language),
        "high": _figure(high, language),
        "hours": _figure(rules.DRIFTSTOD_HOURS_PER_WEEK, language),
        "small_hours": _figure(rules.DRIFTSTOD_HOURS_SMALL_PER_WEEK, language),
        "small_msek": _figure(rules.DRIFTSTOD_SMALL_TURNOVER_MSEK, language),
    }


def rule_text(scheme_key: str, language: str) -> str:
    """The scheme's rule in words, with its caps (and the year of its levels)."""
    scheme = SCHEME_BY_KEY[scheme_key]
    values: dict[str, str] = {}
    if scheme_key == "driftstod":
        values = {**_limit_values(language), "km": _figure(rules.DRIFTSTOD_DISTANCE_KM, language)}
    elif scheme_key == "investment":
        values = {
            "people": _figure(rules.INVESTMENT_POPULATION, language),
            "km": _figure(rules.INVESTMENT_COMPETITOR_KM, language),
        }
    elif scheme_key == "pharmacy_grant":
        values = {
            "km": _figure(rules.PHARMACY_DISTANCE_KM, language),
            "msek": _figure(rules.PHARMACY_SALES_MSEK, language),
            "hours": _figure(rules.PHARMACY_HOURS_PER_WEEK, language),
        }
    rule = text(scheme.rule_key, language, **values)
    cap = cap_text(scheme_key, language)
    if not cap:
        return rule
    year = f" ({scheme.year})" if scheme.year is not None else ""
    return f"{rule} {cap[0].upper()}{cap[1:]}{year}."


def cap_text(scheme_key: str, language: str) -> str:
    """What the scheme pays at most, or an empty string where the table gives no cap."""
    scheme = SCHEME_BY_KEY[scheme_key]
    parts = []
    if scheme.max_sek_per_year is not None:
        cap = text("cap_per_year", language, sek=formats.money(scheme.max_sek_per_year, language))
        if scheme.max_sek_per_year_broad is not None:
            broad = formats.money(scheme.max_sek_per_year_broad, language)
            cap += f" ({text('cap_broad', language, sek=broad)})"
        parts.append(cap)
    if scheme.max_years is not None:
        parts.append(text("cap_years", language, years=scheme.max_years))
    if scheme.max_share_of_costs is not None:
        share = formats.percent(scheme.max_share_of_costs, language, 0)
        parts.append(text("cap_share", language, share=share))
    return " ".join(parts)


def source_text(scheme_key: str, language: str) -> str:
    scheme = SCHEME_BY_KEY[scheme_key]
    if scheme.year is None:
        return text("source_no_year", language, source=scheme.source)
    return text("source", language, source=scheme.source, year=scheme.year)


def _distance_text(condition: Condition, language: str) -> str:
    limit = _figure(condition.limit or 0.0, language)
    if condition.note == "outside_region":
        return text("distance_outside_region", language)
    if condition.value is None:
        return text("distance_none_in_data", language, limit=limit)
    key = condition.name
    if condition.note == "range_unknown":
        key += "_range_unknown"
    return text(key, language, km=formats.number(condition.value, language, 1), limit=limit)


def _own_range_text(condition: Condition, language: str, scheme_key: str) -> str:
    return text(f"own_full_range_{condition.status}", language)


def _turnover_text(condition: Condition, language: str, scheme_key: str) -> str:
    return text("turnover_msek", language, **_limit_values(language))


def _hours_text(condition: Condition, language: str, scheme_key: str) -> str:
    if scheme_key == "pharmacy_grant":
        hours = _figure(rules.PHARMACY_HOURS_PER_WEEK, language)
        return text("opening_hours_pharmacy_grant", language, hours=hours)
    return text("opening_hours_driftstod", language, **_limit_values(language))


def _sales_text(condition: Condition, language: str, scheme_key: str) -> str:
    limit = _figure(condition.limit or 0.0, language)
    return text("prescription_sales_msek", language, limit=limit)


def _shops_text(condition: Condition, language: str, scheme_key: str) -> str:
    count = _figure(condition.value or 0.0, language)
    return text(f"shops_at_place_{condition.status}", language, count=count)


def _population_text(condition: Condition, language: str, scheme_key: str) -> str:
    limit = _figure(condition.limit or 0.0, language)
    if condition.value is not None:
        people = _figure(condition.value, language)
        return text("place_population", language, people=people, limit=limit)
    suffix = "_not_tatort" if condition.note == "not_tatort" else "_unknown"
    return text("place_population" + suffix, language, limit=limit)


_CONDITION_TEXT: dict[str, Callable[[Condition, str, str], str]] = {
    "own_full_range": _own_range_text,
    "turnover_msek": _turnover_text,
    "opening_hours": _hours_text,
    "prescription_sales_msek": _sales_text,
    "shops_at_place": _shops_text,
    "place_population": _population_text,
}


def condition_text(
    condition: Condition, language: str, scheme_key: str = "", with_nearest: bool = False
) -> str:
    """One condition with its measured value and the rule it is held to."""
    if condition.name.startswith("distance_"):
        shown = _distance_text(condition, language)
        if with_nearest and condition.nearest:
            shown += f"; {text('nearest', language, name=condition.nearest)}"
        return shown
    writer = _CONDITION_TEXT.get(condition.name)
    return writer(condition, language, scheme_key) if writer else text(condition.name, language)


def _label(condition: Condition) -> str:
    """The text key naming an unknown condition (a distance is unknown for its note's reason)."""
    if condition.note in ("range_unknown", "outside_region"):
        return f"label_{condition.note}"
    return f"label_{condition.name}"


def _unknown_labels(eligibility: Eligibility, language: str) -> str:
    unknown = (c for c in eligibility.conditions if c.status == "unknown")
    return ", ".join(dict.fromkeys(text(_label(c), language) for c in unknown))


def eligibility_line(eligibility: Eligibility, language: str) -> str:
    """One short line: the scheme, its outcome and why (failed rules, or what is unknown)."""
    scheme = eligibility.scheme
    head = f"{scheme_name(scheme, language)}: {text(f'status_{eligibility.status}', language)}"
    if eligibility.status == "not_eligible":
        why = "; ".join(condition_text(c, language, scheme) for c in eligibility.failed)
    elif eligibility.status == "unknown_conditions":
        why = text("unknown_list", language, names=_unknown_labels(eligibility, language))
        cap = cap_text(scheme, language)
        why = f"{cap}; {why}" if cap and scheme == "servicebidrag" else why
    else:
        why = "; ".join(condition_text(c, language, scheme) for c in eligibility.conditions)
    return f"{head} – {why}"


def eligibility_cell(eligibilities: tuple[Eligibility, ...], language: str) -> str:
    """A table cell: each scheme and its outcome, without the reasons."""
    if not eligibilities:
        return text("no_schemes", language)
    return "; ".join(
        f"{scheme_name(e.scheme, language)}: {text(f'status_{e.status}', language)}"
        for e in eligibilities
    )


def eligibility_details(eligibility: Eligibility, language: str) -> list[str]:
    """The card: the outcome line, then every condition (nearest shop named), rule, source."""
    return [
        eligibility_line(eligibility, language),
        *(
            condition_text(c, language, eligibility.scheme, with_nearest=True)
            for c in eligibility.conditions
        ),
        rule_text(eligibility.scheme, language),
        source_text(eligibility.scheme, language),
    ]


def eligibility_rows(eligibilities: tuple[Eligibility, ...], language: str) -> list[Row]:
    """Export rows: scheme, status key and words, the conditions, the rule and the source."""
    return [
        {
            "scheme": scheme_name(e.scheme, language),
            "status": e.status,
            "status_text": text(f"status_{e.status}", language),
            "conditions": "; ".join(
                condition_text(c, language, e.scheme, with_nearest=True) for c in e.conditions
            ),
            "unknown": _unknown_labels(e, language),
            "rule": rule_text(e.scheme, language),
            "source": source_text(e.scheme, language),
        }
        for e in eligibilities
    ]
