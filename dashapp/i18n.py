"""Every text the UI shows, in Swedish (default) and English (the tables: dashapp/texts/)."""

from __future__ import annotations

from collections.abc import Mapping

from dashapp import formats, texts

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"

TEXT = texts.TEXT


def pick(table: Mapping[str, tuple[str, str]], key: str, language: str, **values: object) -> str:
    """``table[key]`` in ``language`` (Swedish for anything but English), filled with
    ``values``; every text table of the app (this one, the reports', eligibility's, the
    plan's) is read through it."""
    swedish, english = table[key]
    text = english if language == "en" else swedish
    return text.format(**values) if values else text


def t(key: str, language: str, **values: object) -> str:
    """The app's text for ``key`` in ``language``."""
    return pick(TEXT, key, language, **values)


def number(value: float, language: str, decimals: int = 0) -> str:
    """12 345,6 in Swedish, 12,345.6 in English (``formats.number``; new code imports that)."""
    return formats.number(value, language, decimals)


def percent(share: float, language: str) -> str:
    """80,2 % in Swedish, 80.2% in English (``formats.percent``)."""
    return formats.percent(share, language)
