"""Every text the UI shows, in Swedish (default) and English."""

from __future__ import annotations

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"

TEXT: dict[str, tuple[str, str]] = {
    "app_title": ("Servicekartan", "Servicekartan"),
    "app_subtitle": (
        "Var gör stödet mest nytta för service på landsbygden?",
        "Where does support for rural services do most good?",
    ),
    "language_toggle": ("In English", "På svenska"),
    "layer_base_osm": ("Bakgrundskarta (OpenStreetMap)", "Base map (OpenStreetMap)"),
    "layer_base_plain": ("Enkel bakgrund (fungerar utan internet)", "Plain (works offline)"),
    "layer_kommuner": ("Kommungränser", "Kommun boundaries"),
    "layer_places": ("Orter", "Places"),
    "layer_demand": ("Befolkning (rutor)", "Population (grid)"),
    "tile_note": (
        "Bakgrundskartan kunde inte laddas; orter, gränser och service visas ändå.",
        "The base map could not load; places, borders and services still show.",
    ),
    "service_grocery": ("Dagligvaror", "Groceries"),
    "service_fuel": ("Drivmedel", "Fuel"),
    "service_pharmacy": ("Apotek", "Pharmacy"),
    "service_parcel": ("Paket- och postombud", "Parcel and post agent"),
    "service_cash": ("Kontantuttag", "Cash withdrawal"),
    "kind_tatort": ("tätort", "locality"),
    "kind_smaort": ("småort", "small locality"),
    "kind_service_place": ("serviceort på landsbygden", "rural service place"),
    "kind_outside": ("utanför länet", "outside the county"),
    "population": ("Befolkning", "Population"),
    "modelled_note": (
        "Restider är modellerade (fågelvägsavstånd × omvägsfaktor, ej vägnät). Befolkningen "
        "utanför tätorter är en uppskattning utspridd jämnt per kommun.",
        "Travel times are modelled (straight-line distance × detour factor, not a road "
        "network). Population outside tätorter is an estimate spread evenly per kommun.",
    ),
    "sources": (
        "Källor: SCB (tätorter 2020, befolkning 2024, kommungränser; CC0), kedjornas "
        "butikslistor 2023 (se-poi), post- och paketombud 2021, © OpenStreetMap-bidragsgivare "
        "(ODbL).",
        "Sources: SCB (tätorter 2020, population 2024, kommun boundaries; CC0), chain store "
        "lists 2023 (se-poi), post and parcel agents 2021, © OpenStreetMap contributors (ODbL).",
    ),
}


def t(key: str, language: str) -> str:
    """The text for ``key`` in ``language`` (Swedish for anything but English)."""
    swedish, english = TEXT[key]
    return english if language == "en" else swedish
