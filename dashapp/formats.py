"""Numbers as people read them, in Swedish or English: the one place that decides how a figure
looks in tables, KPI cards, charts, the report and the exports.

Swedish groups thousands with a non-breaking space and writes a decimal comma (1 401 personer,
80,2 %, 40 000 kr, 2,0 mnkr); English writes 1,401 people, 80.2%, 40,000 SEK, SEK 2.0m. Charts
get the same separators through Plotly's ``separators`` and a fixed ``tickformat`` (never
"10k"). No Dash here: ``present.py``, ``compare.py``, ``exports.py`` and ``report.py`` use it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

GROUP_SV = "\u00a0"  # non-breaking: a figure never wraps inside a table cell
DASH = "–"  # a figure that does not exist (a free action's people per MSEK, a missing service)


def _english(language: str) -> bool:
    return language == "en"


def number(value: float, language: str, decimals: int = 0) -> str:
    """12 345,6 in Swedish, 12,345.6 in English; never "-0"."""
    text = f"{value:,.{decimals}f}"
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")
    if _english(language):
        return text
    return text.replace(",", GROUP_SV).replace(".", ",")


def optional(value: float | None, language: str, decimals: int = 0) -> str:
    """A number, or a dash where there is none."""
    return DASH if value is None else number(value, language, decimals)


def signed(value: float, language: str, decimals: int = 0) -> str:
    """A change: +1 401, -12, 0 (a plus sign only where the shown figure is above zero)."""
    text = number(value, language, decimals)
    return "+" + text if value > 0 and text.strip("0.,") else text


def percent(share: float, language: str, decimals: int = 1) -> str:
    """A share (0.802) as 80,2 % in Swedish and 80.2% in English."""
    return number(100 * share, language, decimals) + ("%" if _english(language) else "\u00a0%")


def money(sek: float, language: str, sign: bool = False) -> str:
    """Whole kronor: 40 000 kr, or 40,000 SEK (+40 000 kr for a change, with ``sign``)."""
    text = signed(sek, language) if sign else number(sek, language)
    return text + (" SEK" if _english(language) else " kr")


def msek(sek: float, language: str) -> str:
    """Millions of kronor with one decimal: 2,0 mnkr, or SEK 2.0m."""
    shown = number(sek / 1e6, language, 1)
    return f"SEK {shown}m" if _english(language) else f"{shown} mnkr"


def csv_dialect(language: str) -> tuple[str, str]:
    """(field separator, decimal mark) of a CSV file: Swedish Excel's ``;`` and ``,``."""
    return (",", ".") if _english(language) else (";", ",")


def separators(language: str) -> str:
    """Plotly's ``layout.separators``: the decimal mark, then the thousands separator."""
    return ".," if _english(language) else "," + GROUP_SV


def axis(decimals: int = 0, hover_decimals: int | None = None) -> dict[str, str]:
    """A Plotly axis that writes every figure in full with fixed decimals (never "10k")."""
    hover = decimals if hover_decimals is None else hover_decimals
    return {"tickformat": f",.{decimals}f", "hoverformat": f",.{hover}f"}


def chart_layout(language: str, **axes: dict[str, Any]) -> dict[str, Any]:
    """Layout settings for a chart: ``chart_layout("sv", yaxis=axis(0))``."""
    return {"separators": separators(language), **axes}


LOCAL_TIME = "Europe/Stockholm"  # the time Swedish readers read; the database keeps UTC


def local_time(iso_utc: str) -> str:
    """A stored UTC time (ISO 8601) as Swedish local time, "2026-11-27 08:05"; a text that is
    no time is shown as it is, cut to the minute."""
    try:
        moment = datetime.fromisoformat(iso_utc)
    except ValueError:
        return iso_utc[:16].replace("T", " ")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo(LOCAL_TIME)).strftime("%Y-%m-%d %H:%M")
