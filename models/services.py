"""The service registry: one entry per service type, read by every layer.

Schema, validation, importers, the build step, scenario defaults, the map, the legend, the labels,
the comparison and the exports all read a service's facts from its ``ServiceType``. A region adds
a service (say a health centre) by listing one more entry under ``service_types`` in its
``region.json`` (or its build manifest); no code changes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from models.errors import Problem


@dataclass(frozen=True)
class ServiceType:
    """One kind of everyday service and its documented defaults.

    Costs are yearly support in SEK: ``keep_cost_sek`` keeps an at-risk point open,
    ``establish_cost_sek`` starts a new one. ``source_categories`` are the ``category`` values
    of the build's combined source table that supply this service; ``aliases`` are the names
    (lower case, Swedish or English) a region's own service-point list may use for it.
    """

    key: str
    label_sv: str
    label_en: str
    threshold_min: float
    weight: float
    keep_cost_sek: float
    establish_cost_sek: float
    cost_is_assumption: bool
    cost_basis: str
    colour: str
    source_categories: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    in_basket: bool = False
    # viability: the fewest people within ``threshold_min`` of a place for support there to
    # be worth paying (0: no minimum); ``min_customers_basis`` says where the figure comes from
    min_customers: float = 0.0
    min_customers_basis: str = ""
    cost_basis_sv: str = ""  # ``cost_basis`` in Swedish, for the Swedish UI ("" = as given)

    def label(self, language: str) -> str:
        return self.label_en if language == "en" else self.label_sv

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_REQUIRED = ("key", "label_sv", "label_en", "threshold_min", "weight")
_TUPLES = ("source_categories", "aliases")


def service_type_from_dict(data: object, file: str) -> tuple[ServiceType | None, list[Problem]]:
    """A registry entry from a region file, or the problems that stop it (never raises)."""
    if not isinstance(data, Mapping):
        return None, [
            _problem(
                file, "service_types", "posten är inte ett objekt", "the entry is not an object"
            )
        ]
    missing = [name for name in _REQUIRED if name not in data]
    if missing:
        return None, [
            _problem(file, f"service_types.{name}", "fältet saknas", "the field is missing")
            for name in missing
        ]
    known = {f.name for f in fields(ServiceType)}
    values: dict[str, Any] = {
        "keep_cost_sek": float("nan"),
        "establish_cost_sek": float("nan"),
        "cost_is_assumption": True,
        "cost_basis": "",
        "colour": "#666666",
        "min_customers": 0.0,
    }
    values.update({k: v for k, v in data.items() if k in known})
    try:
        for name in _TUPLES:
            values[name] = tuple(str(v).lower() for v in values.get(name, ()))
        for name in (
            "threshold_min",
            "weight",
            "keep_cost_sek",
            "establish_cost_sek",
            "min_customers",
        ):
            values[name] = float(values[name])
        values["key"] = str(values["key"])
        return ServiceType(**values), []
    except (TypeError, ValueError) as error:
        key = data.get("key", "?")
        return None, [
            _problem(
                file,
                f"service_types.{key}",
                f"ogiltigt värde ({error})",
                f"invalid value ({error})",
            )
        ]


def _problem(file: str, column: str, sv: str, en: str) -> Problem:
    return Problem(file, None, column, sv, en)


@dataclass(frozen=True)
class ServiceRegistry:
    """The service types of one region, in display order."""

    types: tuple[ServiceType, ...]

    def __iter__(self) -> Iterator[ServiceType]:
        return iter(self.types)

    def __len__(self) -> int:
        return len(self.types)

    def __contains__(self, key: object) -> bool:
        return any(t.key == key for t in self.types)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.types)

    def get(self, key: str) -> ServiceType:
        for service_type in self.types:
            if service_type.key == key:
                return service_type
        raise KeyError(key)

    def label(self, key: str, language: str) -> str:
        """A service's name for people; an unknown key is shown as it is."""
        return self.get(key).label(language) if key in self else key

    def colours(self) -> dict[str, str]:
        return {t.key: t.colour for t in self.types}

    def basket(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.types if t.in_basket)

    def by_alias(self) -> dict[str, str]:
        """Lower-case name → key, for a region's own service list (keys and labels included)."""
        found: dict[str, str] = {}
        for t in self.types:
            for name in (t.key, t.label_sv, t.label_en, *t.aliases):
                found[name.lower()] = t.key
        return found

    def by_source_category(self) -> dict[str, str]:
        return {category: t.key for t in self.types for category in t.source_categories}

    def extended(self, extra: tuple[ServiceType, ...]) -> ServiceRegistry:
        """This registry with ``extra`` added; an entry with an existing key replaces it."""
        replaced = {t.key: t for t in extra}
        kept = tuple(replaced.pop(t.key, t) for t in self.types)
        return ServiceRegistry(kept + tuple(t for t in extra if t.key in replaced))


def registry_from_settings(
    settings: Mapping[str, Any], file: str
) -> tuple[ServiceRegistry, list[Problem]]:
    """The default registry extended by the ``service_types`` a region file lists."""
    listed = settings.get("service_types", [])
    if not isinstance(listed, list):
        return DEFAULT_REGISTRY, [
            _problem(file, "service_types", "ska vara en lista", "must be a list")
        ]
    extra: list[ServiceType] = []
    problems: list[Problem] = []
    for entry in listed:
        service_type, found = service_type_from_dict(entry, file)
        problems += found
        if service_type is not None:
            extra.append(service_type)
    return DEFAULT_REGISTRY.extended(tuple(extra)), problems


# Okabe–Ito colours: distinguishable with the common forms of colour blindness.
DEFAULT_REGISTRY = ServiceRegistry(
    (
        ServiceType(
            key="grocery",
            label_sv="Dagligvaror",
            label_en="Groceries",
            threshold_min=10.0,
            weight=1.0,
            keep_cost_sek=260_000,
            establish_cost_sek=470_000,
            cost_is_assumption=False,
            cost_basis=(
                "keep: särskilt driftstöd 2025 average (about 70 MSEK / 272 shops); establish: "
                "the 2026 maximum 370,000 plus 100,000 a year of investment grant (assumption: "
                "1 MSEK at 50 % over 5 years)"
            ),
            cost_basis_sv=(
                "behålla: särskilt driftstöd, genomsnitt 2025 (cirka 70 mnkr / 272 butiker); "
                "etablera: 2026 års maximum 370 000 plus 100 000 kr om året i investeringsstöd "
                "(antagande: 1 mnkr till 50 % över 5 år)"
            ),
            colour="#E69F00",
            source_categories=("grocery", "grocery_candidate"),
            aliases=("dagligvaror", "livsmedel", "dagligvarubutik", "butik", "lanthandel"),
            in_basket=True,
            min_customers=100.0,
            min_customers_basis=(
                "assumption: särskilt driftstöd needs at least 0.5 MSEK grocery turnover a "
                "year; at about 5,000 SEK a year per resident within reach spent in the "
                "village shop (a sixth of a person's grocery spending; the rest goes to "
                "town supermarkets) that takes about 100 people"
            ),
        ),
        ServiceType(
            key="fuel",
            label_sv="Drivmedel",
            label_en="Fuel",
            threshold_min=15.0,
            weight=0.5,
            keep_cost_sek=150_000,
            establish_cost_sek=250_000,
            cost_is_assumption=True,
            cost_basis=(
                "assumption: no national operating support for fuel; keep = regional "
                "servicebidrag level below its 250,000 cap, establish adds an annualised "
                "investment grant"
            ),
            cost_basis_sv=(
                "inget nationellt driftstöd för drivmedel; behålla = regionalt servicebidrag "
                "under taket 250 000, etablera lägger till ett årligt investeringsstöd"
            ),
            colour="#56B4E9",
            source_categories=("fuel",),
            aliases=("drivmedel", "bensin", "tankstation", "bensinstation"),
        ),
        ServiceType(
            key="pharmacy",
            label_sv="Apotek",
            label_en="Pharmacy",
            threshold_min=20.0,
            weight=0.7,
            keep_cost_sek=280_000,
            establish_cost_sek=300_000,
            cost_is_assumption=False,
            cost_basis=(
                "keep: TLV glesbygd pharmacy grant 2021 average (about 280,000); establish: "
                "servicebidrag for a broad or strategic service point (300,000 cap)"
            ),
            cost_basis_sv=(
                "behålla: TLV:s glesbygdsbidrag till apotek, genomsnitt 2021 (cirka 280 000); "
                "etablera: servicebidrag för en bred eller strategisk servicepunkt (tak 300 000)"
            ),
            colour="#009E73",
            source_categories=("pharmacy", "pharmacy_osm"),
            aliases=("apotek", "apoteksombud"),
        ),
        ServiceType(
            key="parcel",
            label_sv="Paket- och postombud",
            label_en="Parcel and post agent",
            threshold_min=10.0,
            weight=0.5,
            keep_cost_sek=40_000,
            establish_cost_sek=60_000,
            cost_is_assumption=True,
            cost_basis=(
                "assumption: compensation to a host shop for a parcel agent; establish adds "
                "set-up costs"
            ),
            cost_basis_sv=(
                "ersättning till en värdbutik för ett ombud; etablera lägger till startkostnader"
            ),
            colour="#CC79A7",
            source_categories=("parcel_agent", "parcel_locker"),
            aliases=("paket", "ombud", "postombud", "paketombud", "post"),
            in_basket=True,
        ),
        ServiceType(
            key="cash",
            label_sv="Kontantuttag (betaltjänst)",
            label_en="Cash withdrawal (payment service)",
            threshold_min=20.0,
            weight=0.3,
            keep_cost_sek=150_000,
            establish_cost_sek=250_000,
            cost_is_assumption=True,
            cost_basis=(
                "assumption: yearly operating cost of a cash machine borne by support; "
                "establish adds an annualised installation"
            ),
            cost_basis_sv=(
                "årlig driftkostnad för en uttagsautomat som stödet bär; etablera lägger till "
                "en årlig installationskostnad"
            ),
            colour="#0072B2",
            # as PTS counts withdrawal points: ATMs and bank branches (a region's own list
            # can add shops that pay out cash at the till)
            source_categories=("atm", "bank_branch"),
            aliases=(
                "kontanter",
                "kontantuttag",
                "bankomat",
                "uttagsautomat",
                "atm",
                "uttag",
                "betaltjänst",
                "betaltjänster",
                "bankkontor",
                "uttag i kassa",
            ),
            in_basket=True,
        ),
    )
)
