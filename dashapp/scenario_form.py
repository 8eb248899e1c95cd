"""Between the control panel and a Scenario, and between a Scenario and the URL (pure)."""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qs

from models.errors import ScenarioError
from models.scenario import Lock, Scenario, ServiceSettings


def kommun_code(selected: str | None) -> str | None:
    """The kommun filter's value as a kommun code, or None for the whole county."""
    return selected if selected and selected != "all" else None


def _share_limit(minutes: Any) -> float | None:
    """The sharing-limit slider's 0 means "no limit"."""
    return float(minutes) if minutes else None


def _kommuner(selected: Any) -> tuple[str, ...]:
    code = kommun_code(selected)
    return (code,) if code else ()


# Scenario field → how a control's value becomes that field's value
_CONVERT: dict[str, Callable[[Any], Any]] = {
    "budget_sek": float,
    "mode": str,
    "candidate_kommuner": _kommuner,
    "basket_weight": float,
    "elderly_weight": float,
    "fairness": str,
    "min_kommun_share": float,
    "max_share_min": _share_limit,
    "colocation_saving_share": float,
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
    """``base`` with the named Scenario fields set from control values (a control left empty
    keeps the field), and per-service settings from ``per_service``."""
    changes = {name: _CONVERT[name](v) for name, v in values.items() if v is not None}
    if per_service:
        changes["services"] = _services(base, per_service)
    return replace(base, **changes)


def encode(scenario: Scenario) -> str:
    """The whole scenario, compressed, as URL-safe text (a shared link opens exactly it)."""
    packed = zlib.compress(json.dumps(scenario.to_dict(), separators=(",", ":")).encode(), 9)
    return base64.urlsafe_b64encode(packed).decode().rstrip("=")


def url_query(scenario: Scenario, language: str, workshop: bool) -> str:
    workshop_part = "&w=1" if workshop else ""
    return f"?lang={language}{workshop_part}&s={encode(scenario)}"


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
