"""The scenario file's schema (pydantic, strict): types, ranges, finiteness and sizes.

Every way a scenario arrives — a file for ``servicekartan solve``, a shared link, the browser's
store, a saved scenario — goes through ``parse_scenario_fields`` before a ``Scenario`` is built.
A string where a number belongs, ``"false"`` for a lock, ``true`` as a budget, NaN or an
unknown field is refused with one message per problem, in Swedish and English. Checks against
the data (known services, places, kommuner) follow in ``models.scenario.validate_scenario``.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, ValidationError

from models.errors import ScenarioError

MAX_NAME_CHARS = 200
MAX_SCENARIO_CHARS = 1_000_000  # a scenario file or store larger than this is refused unread
MAX_LIST_ITEMS = 10_000  # locks, services, kommuner
MAX_BUDGET_SEK = 1e12
MAX_CORRECTIONS = 500  # equals models.corrections.MAX_CORRECTIONS (a test keeps them equal)

Minutes = Annotated[float, Field(allow_inf_nan=False, gt=0, le=600)]
Share = Annotated[float, Field(allow_inf_nan=False, ge=0, le=1)]
Weight = Annotated[float, Field(allow_inf_nan=False, ge=0, le=1000)]
Key = Annotated[str, Field(min_length=1, max_length=100)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ServiceSettingsFields(_Strict):
    service: Key
    threshold_min: Minutes
    weight: Weight = 1.0
    soft_limit_min: Minutes | None = None
    min_customers: Annotated[float, Field(allow_inf_nan=False, ge=0, le=1e7)] | None = None


class LockFields(_Strict):
    place_id: Key
    service: Key
    locked_in: StrictBool = True


class CorrectionFields(_Strict):
    """A data correction (models/corrections.py checks it against the data)."""

    action: Key
    point_id: Annotated[str, Field(max_length=100)] = ""
    status: Annotated[str, Field(max_length=20)] = ""
    service: Annotated[str, Field(max_length=100)] = ""
    name: Annotated[str, Field(max_length=MAX_NAME_CHARS)] = ""
    lon_deg: Annotated[float, Field(allow_inf_nan=False, ge=-180, le=180)] | None = None
    lat_deg: Annotated[float, Field(allow_inf_nan=False, ge=-90, le=90)] | None = None
    place_id: Annotated[str, Field(max_length=100)] = ""
    cost_kind: Annotated[str, Field(max_length=20)] = ""
    cost_sek: Annotated[float, Field(allow_inf_nan=False, ge=0, le=MAX_BUDGET_SEK)] | None = None


class ScenarioFields(_Strict):
    """Every field optional: what a file leaves out comes from the region's defaults."""

    schema_version: Annotated[int, Field(ge=1, le=1)] | None = None
    name: Annotated[str, Field(max_length=MAX_NAME_CHARS)] | None = None
    budget_sek: Annotated[float, Field(allow_inf_nan=False, ge=0, le=MAX_BUDGET_SEK)] | None = None
    services: Annotated[list[ServiceSettingsFields], Field(max_length=100)] | None = None
    basket: Annotated[list[Key], Field(max_length=100)] | None = None
    basket_weight: Weight | None = None
    elderly_weight: Weight | None = None
    mode: Key | None = None
    max_share_min: Minutes | None = None
    colocation_saving_share: Share | None = None
    fairness: Key | None = None
    min_kommun_share: Share | None = None
    kommun_budget_cap_sek: dict[Key, Annotated[float, Field(allow_inf_nan=False, ge=0)]] | None = (
        None
    )
    candidate_kommuner: Annotated[list[Key], Field(max_length=MAX_LIST_ITEMS)] | None = None
    locks: Annotated[list[LockFields], Field(max_length=MAX_LIST_ITEMS)] | None = None
    corrections: Annotated[list[CorrectionFields], Field(max_length=MAX_CORRECTIONS)] | None = None
    data_revision: Annotated[str, Field(max_length=MAX_NAME_CHARS)] | None = None


_SWEDISH = {
    "float_type": "ska vara ett tal",
    "float_parsing": "ska vara ett tal",
    "int_type": "ska vara ett heltal",
    "bool_type": "ska vara true eller false (utan citattecken)",
    "string_type": "ska vara text",
    "list_type": "ska vara en lista",
    "dict_type": "ska vara ett objekt",
    "model_type": "ska vara ett objekt",
    "missing": "saknas",
    "extra_forbidden": "okänt fält",
    "finite_number": "ska vara ett ändligt tal (inte NaN eller oändligt)",
    "greater_than": "är för litet",
    "greater_than_equal": "är för litet",
    "less_than": "är för stort",
    "less_than_equal": "är för stort",
    "string_too_long": "är för lång",
    "string_too_short": "får inte vara tomt",
    "too_long": "har för många poster",
    "tuple_type": "ska vara ett par",
}


def _where(location: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in location) or "scenario"


def _texts(found: Any) -> tuple[str, str]:
    """One problem in both languages; a lower bound of zero reads as "not negative"."""
    bound = (found.get("ctx") or {}).get("ge")
    if found["type"] == "greater_than_equal" and bound == 0:
        return "får inte vara negativt", "must not be negative"
    limit = next(iter((found.get("ctx") or {}).values()), None)
    swedish = _SWEDISH.get(found["type"], found["msg"])
    return (f"{swedish} (gräns {limit})" if limit is not None else swedish), found["msg"]


def _messages(error: ValidationError) -> tuple[str, str]:
    found = error.errors(include_url=False, include_input=False)
    pairs = [(_where(e["loc"]), *_texts(e)) for e in found[:20]]
    swedish = [f"{where}: {sv}" for where, sv, _ in pairs]
    english = [f"{where}: {en}" for where, _, en in pairs]
    more = len(found) - 20
    if more > 0:
        english.append(f"and {more} more")
        swedish.append(f"och {more} till")
    return "; ".join(swedish), "; ".join(english)


def parse_scenario_fields(data: Any) -> ScenarioFields:
    """The checked fields of a scenario's JSON form; raises ScenarioError naming each problem."""
    if not isinstance(data, dict):
        raise ScenarioError(
            "Scenariot ska vara ett JSON-objekt", "The scenario must be a JSON object"
        )
    try:
        return ScenarioFields.model_validate(data)
    except ValidationError as error:
        swedish, english = _messages(error)
        raise ScenarioError(
            f"Scenariot är ogiltigt: {swedish}", f"The scenario is invalid: {english}"
        ) from error
