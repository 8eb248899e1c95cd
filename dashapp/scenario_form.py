"""Between the control panel and a Scenario, and between a Scenario and the URL (pure)."""

from __future__ import annotations

import base64
import json
import math
import re
import zlib
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qs

from dashapp.i18n import number, t
from models.errors import ScenarioError
from models.scenario import Lock, Scenario, ServiceSettings
from models.scenario_schema import MAX_BUDGET_SEK


def kommun_code(selected: str | None) -> str | None:
    """The kommun filter's value as a kommun code, or None for the whole county."""
    return selected if selected and selected != "all" else None


def _share_limit(minutes: Any) -> float | None:
    """The sharing-limit slider's 0 means "no limit"."""
    return float(minutes) if minutes else None


def _per_cent(value: Any) -> float:
    """Share sliders run from 0 to 100 (the tooltip shows "80 %"); the scenario keeps 0.8."""
    return float(value) / 100


def _kommuner(selected: Any) -> tuple[str, ...]:
    code = kommun_code(selected)
    return (code,) if code else ()


# A budget as a person types it (docs/decisions.md): whole kronor, grouped by spaces in Swedish
# ("2 500 000") and by commas in English ("2,500,000"), or a decimal amount with its unit
# ("2,5 mnkr", "500 tkr", "2.5 MSEK"). Nothing else is guessed: "2,5e6" and "2,5" are refused.
_BUDGET_UNITS = {
    "": 1.0,
    "kr": 1.0,
    "sek": 1.0,
    "tkr": 1e3,
    "ksek": 1e3,
    "mnkr": 1e6,
    "mkr": 1e6,
    "msek": 1e6,
    "milj": 1e6,
    "miljoner": 1e6,
    "million": 1e6,
}
_GROUPS = {"sv": "[ \u00a0\u202f]", "en": "[, \u00a0\u202f]"}
_DECIMALS = {"sv": "[,.]", "en": "[.]"}
_MINUS = ("-", "\u2212", "\u2013")


class BudgetProblem(ValueError):  # noqa: N818 - a problem to report, not a failure
    """Typed text that is not a budget; ``key`` names the i18n message saying why."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _budget_pattern(language: str) -> re.Pattern[str]:
    group, decimal = _GROUPS.get(language, _GROUPS["sv"]), _DECIMALS.get(language, _DECIMALS["sv"])
    whole = rf"\d{{1,3}}(?:{group}\d{{3}})+|\d+"
    return re.compile(rf"(?P<whole>{whole})(?P<fraction>{decimal}\d+)?\s*(?P<unit>[a-z]*)\.?")


def parse_budget(typed: Any, language: str = "sv") -> float:
    """The budget in SEK that ``typed`` (the field's text, or a number) stands for; raises
    BudgetProblem for anything that is not a non-negative amount."""
    if isinstance(typed, bool):
        raise BudgetProblem("budget_not_number")
    if isinstance(typed, int | float):
        value = float(typed)
    else:
        text = str(typed or "").strip().lower()
        if not text:
            raise BudgetProblem("budget_empty")
        if text.startswith(_MINUS):
            raise BudgetProblem("budget_negative")
        found = _budget_pattern(language).fullmatch(text)
        if not found or found["unit"] not in _BUDGET_UNITS:
            raise BudgetProblem("budget_not_number")
        unit = _BUDGET_UNITS[found["unit"]]
        if found["fraction"] and unit == 1.0:
            raise BudgetProblem("budget_whole_kronor")
        digits = re.sub(r"\D", "", found["whole"]) + "." + (found["fraction"] or ".0")[1:]
        value = float(digits) * unit
    if not math.isfinite(value):
        raise BudgetProblem("budget_not_number")
    if value < 0:
        raise BudgetProblem("budget_negative")
    if value > MAX_BUDGET_SEK:
        raise BudgetProblem("budget_too_large")
    return float(round(value))


def budget_text(budget_sek: float, language: str) -> str:
    """What the budget field shows: the amount in use, as the reader writes it."""
    return number(budget_sek, language)


def budget_message(problem: BudgetProblem, typed: Any, used: float, language: str) -> str:
    """Why the typed text was not used, and which budget still is."""
    shown = str(typed or "").strip()
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    return t(
        problem.key,
        language,
        text=shown,
        used=number(used, language),
        most=number(MAX_BUDGET_SEK, language),
    )


def _budget(value: Any) -> float:
    return parse_budget(value)


# Scenario field → how a control's value becomes that field's value
_CONVERT: dict[str, Callable[[Any], Any]] = {
    "budget_sek": _budget,
    "mode": str,
    "candidate_kommuner": _kommuner,
    "basket_weight": float,
    "elderly_weight": float,
    "fairness": str,
    "min_kommun_share": _per_cent,
    "max_share_min": _share_limit,
    "colocation_saving_share": _per_cent,
}


def _service_changes(service: str, per_service: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    return {
        name: float(values[service])
        for name, values in per_service.items()
        if values.get(service) is not None
    }


def _services(
    base: Scenario, per_service: Mapping[str, Mapping[str, Any]]
) -> tuple[ServiceSettings, ...]:
    """``per_service`` maps a ServiceSettings field to {service: value}."""
    return tuple(replace(s, **_service_changes(s.service, per_service)) for s in base.services)


def patch_scenario(
    base: Scenario,
    values: Mapping[str, Any],
    per_service: Mapping[str, Mapping[str, Any]] | None = None,
) -> Scenario:
    """``base`` with the named Scenario fields set from control values, and per-service
    settings from ``per_service``. A control left empty, or holding a value its field cannot
    take (a negative or unreadable budget), keeps the field: the control itself says why
    (``callbacks/scenario.py::sync_budget``)."""
    changes = {}
    for name, value in values.items():
        try:
            if value is not None:
                changes[name] = _CONVERT[name](value)
        except (TypeError, ValueError):
            continue
    if per_service:
        changes["services"] = _services(base, per_service)
    return replace(base, **changes)


def encode(scenario: Scenario) -> str:
    """The whole scenario, compressed, as URL-safe text (a shared link opens exactly it)."""
    packed = zlib.compress(json.dumps(scenario.to_dict(), separators=(",", ":")).encode(), 9)
    return base64.urlsafe_b64encode(packed).decode().rstrip("=")


ROOM_PARAMETER = "rum"  # a workshop room's code in a link (layout.py reads it)


def url_query(scenario: Scenario, language: str, workshop: bool, room: str | None = None) -> str:
    """The page address's query: language, workshop mode, the scenario and the room, so the
    link people copy opens exactly what they see, where they see it."""
    workshop_part = "&w=1" if workshop else ""
    room_part = f"&{ROOM_PARAMETER}={room}" if room else ""
    return f"?lang={language}{workshop_part}&s={encode(scenario)}{room_part}"


def decode(search: str | None, defaults: Scenario | None = None) -> Scenario | None:
    """The scenario in a URL query string, or None when there is none; a damaged one raises."""
    values = parse_qs((search or "").lstrip("?")).get("s")
    return decode_scenario(values[0], defaults) if values else None


MAX_SAVED_NAME_CHARS = 80  # a saved scenario's name: the input's maxLength and the save check
# A link's scenario. The page reads it from the Referer of Dash's layout request, and Chromium
# and Firefox cut a Referer longer than 4,096 bytes down to the bare origin (the scenario would
# be lost without a word), so the whole address must stay under that: the default scenario
# takes about 400 characters, a hundred locks about 800.
MAX_LINK_CHARS = 4_000
MAX_LINK_SCENARIO_BYTES = 64_000  # what it may expand to: no zip bomb reaches the page


def _inflate(packed: bytes) -> bytes:
    inflater = zlib.decompressobj()
    raw = inflater.decompress(packed, MAX_LINK_SCENARIO_BYTES)
    if inflater.unconsumed_tail:
        raise ScenarioError(
            f"Länkens scenario är större än gränsen {MAX_LINK_SCENARIO_BYTES // 1000} kB",
            f"The link's scenario is larger than the limit of {MAX_LINK_SCENARIO_BYTES // 1000} kB",
        )
    return raw


def decode_scenario(text: str | None, defaults: Scenario | None = None) -> Scenario | None:
    """The scenario a link carries; fields it lacks come from ``defaults``."""
    if not text:
        return None
    if len(text) > MAX_LINK_CHARS:
        raise ScenarioError(
            f"Länken är längre än gränsen {MAX_LINK_CHARS:,} tecken".replace(",", " "),
            f"The link is longer than the limit of {MAX_LINK_CHARS:,} characters",
        )
    try:
        raw = _inflate(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        decoded = raw.decode("utf-8")
    except (ValueError, zlib.error) as error:  # UnicodeDecodeError is a ValueError
        raise ScenarioError(
            "Länken innehåller inget läsbart scenario", "The link holds no readable scenario"
        ) from error
    return Scenario.from_json(decoded, defaults)


def toggle_lock(scenario: Scenario, place_id: str, service: str, action: str) -> Scenario:
    """Lock in, lock out or unlock one (place, service); at most one lock per pair."""
    kept = tuple(k for k in scenario.locks if (k.place_id, k.service) != (place_id, service))
    if action != "unlock":
        kept += (Lock(place_id, service, locked_in=action == "in"),)
    return replace(scenario, locks=kept)


def push_history(
    history: list[dict[str, Any]] | None, current: dict[str, Any] | None, length: int
) -> list[dict[str, Any]]:
    """The undo stack with ``current`` on top, at most ``length`` deep."""
    stack = list(history or [])
    return [*stack, current][-length:] if current else stack
