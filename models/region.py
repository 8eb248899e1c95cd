"""Who a data folder describes and where its figures come from (``region.json``).

Footers, exports and reports cite these sources, so another region's output cites its own data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Source:
    """One source of a data folder: what it gave, who publishes it, its year and licence."""

    what: str
    source: str
    year: str
    licence: str
    link: str = ""
    feeds: tuple[str, ...] = ()  # the kinds of figure it feeds (models/provenance.py FIGURES)
    source_sv: str = ""  # the source and licence in Swedish, for Swedish readers ("": as given)
    licence_sv: str = ""

    def citation(self, language: str = "sv") -> str:
        """``SCB, Tätorter 2020 (2020, CC0)``: short enough for a footer, in the reader's
        language where the region gives a Swedish text."""
        swedish = language != "en"
        source = self.source_sv if swedish and self.source_sv else self.source
        licence = self.licence_sv if swedish and self.licence_sv else self.licence
        return f"{source} ({self.year}, {licence})"


@dataclass(frozen=True)
class Reference:
    """An official access figure to set beside the modelled one (a row of the region's
    reference table): e.g. grocery, Sweden, 2014, 84.6 %, "< 5 min", Tillväxtanalys."""

    measure: str
    service: str
    geography: str
    year: str
    value: str
    unit: str
    threshold: str
    source: str


@dataclass(frozen=True)
class RegionInfo:
    """The region's name, its sources and any notes the data folder adds (Swedish, English)."""

    name: str
    sources: tuple[Source, ...]
    notes_sv: tuple[str, ...] = ()
    notes_en: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()

    def references_for(self, service: str) -> tuple[Reference, ...]:
        return tuple(r for r in self.references if r.service == service)

    def notes(self, language: str) -> tuple[str, ...]:
        return self.notes_en if language == "en" else self.notes_sv

    def citations(self, language: str = "sv") -> str:
        return "; ".join(s.citation(language) for s in self.sources)


NO_REGION = RegionInfo("", ())  # arrays built in a notebook cite no sources


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(_text(v) for v in value) if isinstance(value, list) else ()


def region_from_settings(settings: Mapping[str, Any], default_name: str) -> RegionInfo:
    """Read leniently: a missing field is an empty text (the checks report bad types)."""
    listed = settings.get("sources", [])
    sources = tuple(
        Source(
            what=_text(entry.get("what")),
            source=_text(entry.get("source")),
            year=_text(entry.get("year")),
            licence=_text(entry.get("licence")),
            link=_text(entry.get("link")),
            feeds=_texts(entry.get("feeds")),
            source_sv=_text(entry.get("source_sv")),
            licence_sv=_text(entry.get("licence_sv")),
        )
        for entry in (listed if isinstance(listed, list) else [])
        if isinstance(entry, Mapping)
    )
    notes = settings.get("notes", {})
    notes = notes if isinstance(notes, Mapping) else {}
    listed = settings.get("reference_figures", [])
    references = tuple(
        Reference(**{name: _text(entry.get(name)) for name in Reference.__dataclass_fields__})
        for entry in (listed if isinstance(listed, list) else [])
        if isinstance(entry, Mapping)
    )
    return RegionInfo(
        name=_text(settings.get("name") or default_name),
        sources=sources,
        notes_sv=tuple(_text(n) for n in notes.get("sv", [])),
        notes_en=tuple(_text(n) for n in notes.get("en", [])),
        references=references,
    )
