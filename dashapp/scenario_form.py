"""Between the control panel and a Scenario, and between a Scenario and the URL (pure)."""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qs

from models.errors import ScenarioError
from models.scenario import Lock, Scenario, ServiceSettings


def kommun_code(selected: str | None) -> str | None:
    """The kommun filter's value as a kommun code, or None for the whole county."""
    return selected if selected and selected != "all" else None


def _share_limit(minutes: float | None) -> float | None:
    """The sharing-limit slider's 0 means "no limit"."""
    return float(minutes) if minutes else None


def scenario_from_controls(
    base: Scenario,
    budget_sek: float | None,
    mode: str,
    kommun: str | None,
    thresholds: dict[str, float],
    weights: dict[str, float],
    advanced: dict[str, Any],
    locks: list[dict[str, Any]],
) -> Scenario:
    """The scenario the controls describe; fields without a control keep ``base``'s values."""
    services = tuple(
        ServiceSettings(
            s.service,
            float(thresholds.get(s.service, s.threshold_min)),
            float(weights.get(s.service, s.weight)),
            s.soft_limit_min,
        )
        for s in base.services
    )
    return replace(
        base,
        budget_sek=float(budget_sek if budget_sek is not None else base.budget_sek),
        mode=mode,  # type: ignore[arg-type]
        candidate_kommuner=(code,) if (code := kommun_code(kommun)) else (),
        services=services,
        basket_weight=float(advanced.get("basket_weight", base.basket_weight)),
        elderly_weight=float(advanced.get("elderly_weight", base.elderly_weight)),
        fairness=advanced.get("fairness", base.fairness),
        min_kommun_share=float(advanced.get("min_kommun_share", base.min_kommun_share)),
        max_share_min=_share_limit(advanced.get("max_share_min", base.max_share_min)),
        colocation_saving_share=float(
            advanced.get("colocation_saving_share", base.colocation_saving_share)
        ),
        locks=tuple(Lock(**lock) for lock in locks),
    )


def encode(scenario: Scenario) -> str:
    """The whole scenario, compressed, as URL-safe text (a shared link opens exactly it)."""
    packed = zlib.compress(json.dumps(scenario.to_dict(), separators=(",", ":")).encode(), 9)
    return base64.urlsafe_b64encode(packed).decode().rstrip("=")


def url_query(scenario: Scenario, language: str, workshop: bool) -> str:
    workshop_part = "&w=1" if workshop else ""
    return f"?lang={language}{workshop_part}&s={encode(scenario)}"


def decode(search: str | None) -> Scenario | None:
    """The scenario in a URL query string, or None when there is none; a damaged one raises."""
    values = parse_qs((search or "").lstrip("?")).get("s")
    return decode_scenario(values[0]) if values else None


def decode_scenario(text: str | None) -> Scenario | None:
    if not text:
        return None
    try:
        raw = zlib.decompress(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (ValueError, zlib.error) as error:
        raise ScenarioError(
            "Länken innehåller inget läsbart scenario", "The link holds no readable scenario"
        ) from error
    return Scenario.from_json(raw.decode("utf-8"))


def toggle_lock(
    locks: list[dict[str, Any]], place_id: str, service: str, action: str
) -> list[dict[str, Any]]:
    """Lock in, lock out or unlock one (place, service); at most one lock per pair."""
    kept = [k for k in locks if (k["place_id"], k["service"]) != (place_id, service)]
    if action == "unlock":
        return kept
    return [*kept, {"place_id": place_id, "service": service, "locked_in": action == "in"}]
