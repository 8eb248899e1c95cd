"""A scenario: everything a user sets, as a frozen value that round-trips to JSON.

The JSON schema is documented in docs/scenario.md. ``validate_scenario`` turns every invalid
value into one ScenarioError with a Swedish and an English message, before any solver runs.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

import numpy as np

from models.corrections import Correction, check_corrections
from models.dataset import Dataset
from models.errors import ScenarioError
from models.scenario_schema import MAX_SCENARIO_CHARS, ScenarioFields, parse_scenario_fields
from models.services import DEFAULT_REGISTRY, ServiceRegistry

Mode = Literal["complementary", "self_sufficient"]
Fairness = Literal["none", "min_share", "maximin"]
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class ServiceSettings:
    """One service's travel-time threshold (minutes) and weight in the objective.

    ``soft_limit_min`` switches on soft coverage: full value within ``threshold_min``, falling
    linearly to zero at ``soft_limit_min``.
    """

    service: str
    threshold_min: float
    weight: float = 1.0
    soft_limit_min: float | None = None
    min_customers: float = 0.0  # viability: fewest people within threshold_min of a place


def default_services(registry: ServiceRegistry) -> tuple[ServiceSettings, ...]:
    """Every service of the registry at its documented default threshold and weight."""
    return tuple(
        ServiceSettings(t.key, t.threshold_min, t.weight, min_customers=t.min_customers)
        for t in registry
    )


DEFAULT_SERVICES = default_services(DEFAULT_REGISTRY)


@dataclass(frozen=True)
class Lock:
    """Force support of ``service`` at ``place_id`` (``locked_in``) or forbid it."""

    place_id: str
    service: str
    locked_in: bool = True


@dataclass(frozen=True)
class Scenario:
    name: str = "Scenario"
    budget_sek: float = 2_000_000.0
    services: tuple[ServiceSettings, ...] = DEFAULT_SERVICES
    basket: tuple[str, ...] = DEFAULT_REGISTRY.basket()
    basket_weight: float = 0.5
    elderly_weight: float = 0.0  # extra weight per person aged 70+ (needs age data)
    mode: Mode = "complementary"
    max_share_min: float | None = None  # complementary: basket places within this of an anchor
    colocation_saving_share: float = 0.0  # share of support saved at a place with ≥ 2 services
    fairness: Fairness = "none"
    min_kommun_share: float = 0.0  # with fairness "min_share", per kommun and weighted service
    kommun_budget_cap_sek: tuple[tuple[str, float], ...] = ()
    candidate_kommuner: tuple[str, ...] = ()  # empty: every kommun
    locks: tuple[Lock, ...] = ()
    # corrections to the data this scenario uses, and the name of the data revision they came
    # from ("" with no corrections: the shipped data)
    corrections: tuple[Correction, ...] = ()
    data_revision: str = ""

    def settings(self, service: str) -> ServiceSettings:
        return next(s for s in self.services if s.service == service)

    @property
    def service_names(self) -> tuple[str, ...]:
        return tuple(s.service for s in self.services)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (lists, not tuples), so it equals what a browser store sends back."""
        data = asdict(self)
        data["schema_version"] = SCHEMA_VERSION
        data["kommun_budget_cap_sek"] = dict(self.kommun_budget_cap_sek)
        native: dict[str, Any] = json.loads(json.dumps(data))
        return native

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: dict[str, Any], defaults: Scenario | None = None) -> Scenario:
        """A scenario from its JSON form; fields it lacks come from ``defaults`` (a region's
        ``default_scenario``) or, without one, from the class defaults."""
        return _from_fields(parse_scenario_fields(data), defaults)

    @classmethod
    def from_json(cls, text: str, defaults: Scenario | None = None) -> Scenario:
        if len(text) > MAX_SCENARIO_CHARS:
            raise ScenarioError(
                f"Scenariot är större än gränsen {MAX_SCENARIO_CHARS:,} tecken".replace(",", " "),
                f"The scenario is larger than the limit of {MAX_SCENARIO_CHARS:,} characters",
            )
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as error:
            reason = error if isinstance(error, json.JSONDecodeError) else "nested too deeply"
            raise ScenarioError(
                f"Scenariofilen är inte giltig JSON ({reason})",
                f"The scenario file is not valid JSON ({reason})",
            ) from error
        return cls.from_dict(data, defaults)


def default_scenario(registry: ServiceRegistry = DEFAULT_REGISTRY) -> Scenario:
    """The scenario a region starts from: every registry service at its defaults."""
    return Scenario(services=default_services(registry), basket=registry.basket())


# null in these fields means "no limit" and is kept; in every other field it means the default
_NULL_IS_A_VALUE = ("max_share_min",)


def _from_fields(fields: ScenarioFields, defaults: Scenario | None) -> Scenario:
    """A Scenario from checked fields; the fields a file left out (or set to null) keep
    ``defaults``. Services given without a basket keep the default basket's services that
    are among them."""
    base = defaults or Scenario()
    given = {
        name
        for name in fields.model_fields_set - {"schema_version"}
        if getattr(fields, name) is not None or name in _NULL_IS_A_VALUE
    }
    values: dict[str, Any] = {name: getattr(fields, name) for name in given}
    if "services" in values:
        values["services"] = tuple(_service(s.model_dump(), base) for s in fields.services or [])
        if "basket" not in values:
            names = {s.service for s in values["services"]}
            values["basket"] = tuple(b for b in base.basket if b in names)
    if "locks" in values:
        values["locks"] = tuple(Lock(**lock.model_dump()) for lock in fields.locks or [])
    if "corrections" in values:
        values["corrections"] = tuple(
            Correction(**item.model_dump()) for item in fields.corrections or []
        )
    if "kommun_budget_cap_sek" in values:
        caps = fields.kommun_budget_cap_sek or {}
        values["kommun_budget_cap_sek"] = tuple((str(k), float(v)) for k, v in caps.items())
    for key in ("basket", "candidate_kommuner"):
        if key in values:
            values[key] = tuple(values[key])
    return replace(base, **values)


def _service(given: dict[str, Any], base: Scenario) -> ServiceSettings:
    """A service's settings; a file written before viability existed (no ``min_customers``)
    keeps the region's default for that service."""
    if given.get("min_customers") is None:
        known = {s.service: s.min_customers for s in base.services}
        given["min_customers"] = known.get(given["service"], 0.0)
    return ServiceSettings(**given)


def _fail(message_sv: str, message_en: str) -> None:
    raise ScenarioError(message_sv, message_en)


def _check_numbers(scenario: Scenario) -> None:
    if not np.isfinite(scenario.budget_sek) or scenario.budget_sek < 0:
        _fail(
            f"Budgeten får inte vara negativ ({scenario.budget_sek:,.0f} kr)",
            f"The budget must not be negative ({scenario.budget_sek:,.0f} SEK)",
        )
    for settings in scenario.services:
        if settings.threshold_min <= 0 or settings.weight < 0 or settings.min_customers < 0:
            _fail(
                f"Ogiltig restid eller vikt för {settings.service}",
                f"Invalid threshold or weight for {settings.service}",
            )
        if (
            settings.soft_limit_min is not None
            and settings.soft_limit_min <= settings.threshold_min
        ):
            _fail(
                f"Den mjuka gränsen för {settings.service} måste vara större än restidsgränsen",
                f"The soft limit for {settings.service} must exceed its threshold",
            )
    if not 0 <= scenario.colocation_saving_share < 1 or not 0 <= scenario.min_kommun_share <= 1:
        _fail("Andelar ska ligga mellan 0 och 1", "Shares must lie between 0 and 1")
    if scenario.basket_weight < 0 or scenario.elderly_weight < 0:
        _fail("Vikter får inte vara negativa", "Weights must not be negative")
    if scenario.mode not in ("complementary", "self_sufficient"):
        _fail(f"Okänt läge '{scenario.mode}'", f"Unknown mode '{scenario.mode}'")
    if scenario.fairness not in ("none", "min_share", "maximin"):
        _fail(f"Okänt rättviseval '{scenario.fairness}'", f"Unknown fairness '{scenario.fairness}'")
    if scenario.fairness == "maximin" and not any(s.weight > 0 for s in scenario.services):
        _fail(
            "Att lyfta den sämsta kommunen kräver minst en tjänst med vikt över 0",
            "Raising the worst-off kommun needs at least one service weighted above 0",
        )


def _check_names(scenario: Scenario, dataset: Dataset) -> None:
    known = set(dataset.services)
    for service in (
        *scenario.service_names,
        *scenario.basket,
        *(k.service for k in scenario.locks),
    ):
        if service not in known:
            _fail(f"Okänd tjänst '{service}'", f"Unknown service '{service}'")
    if len(set(scenario.service_names)) != len(scenario.service_names):
        _fail("En tjänst förekommer två gånger", "A service appears twice")
    if not set(scenario.basket) <= set(scenario.service_names):
        _fail("Korgen innehåller en tjänst som saknas", "The basket holds a service not modelled")
    kommuner = set(dataset.kommun_kod)
    named = [*scenario.candidate_kommuner, *(k for k, _ in scenario.kommun_budget_cap_sek)]
    for code in named:
        if code not in kommuner:
            _fail(f"Okänd kommun '{code}'", f"Unknown kommun '{code}'")
    pairs = [(lock.place_id, lock.service) for lock in scenario.locks]
    if len(set(pairs)) != len(pairs):
        _fail(
            "Samma ort och tjänst är låst två gånger (in och ut?); behåll en låsning",
            "The same place and service is locked twice (in and out?); keep one lock",
        )
    places = set(dataset.places.ids)
    for lock in scenario.locks:
        if lock.place_id not in places:
            _fail(
                f"Låsning på okänd ort '{lock.place_id}'",
                f"Lock on an unknown place '{lock.place_id}'",
            )


def validate_scenario(scenario: Scenario, dataset: Dataset) -> None:
    """Raise ScenarioError for the first invalid value; locks' costs are checked by the model."""
    _check_numbers(scenario)
    _check_names(scenario, dataset)
    problems = check_corrections(dataset, scenario.corrections)
    if problems:
        _fail(
            "Datarättelserna går inte att använda: " + problems[0].line(),
            "The data corrections cannot be applied: " + problems[0].line(),
        )
    if scenario.elderly_weight > 0 and dataset.demand.population_70plus is None:
        _fail(
            "Vikt för 70+ kräver åldersdata (SCB:s befolkningsrutor)",
            "A 70+ weight needs age data (SCB's population grid)",
        )
