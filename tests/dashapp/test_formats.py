"""One formatting module for tables, cards, charts and exports: Swedish and English figures."""

from __future__ import annotations

import pytest

from dashapp import formats
from dashapp.components.results import SHOWN_TEXT, column_defs, grid, locale_text
from dashapp.i18n import number, percent

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("value", "swedish", "english"),
    [
        (1401, f"1{NBSP}401", "1,401"),
        (1_234_567.4, f"1{NBSP}234{NBSP}567", "1,234,567"),
        (12.5, "12", "12"),  # Python rounds half to even, as the exports do
        (999.6, f"1{NBSP}000", "1,000"),
        (-2500, f"-2{NBSP}500", "-2,500"),
        (-0.2, "0", "0"),  # never "-0"
        (0, "0", "0"),
    ],
)
def test_whole_numbers(value: float, swedish: str, english: str) -> None:
    assert formats.number(value, "sv") == swedish
    assert formats.number(value, "en") == english


def test_decimals_shares_money_and_millions() -> None:
    assert formats.number(12345.67, "sv", 1) == f"12{NBSP}345,7"
    assert formats.number(12345.67, "en", 1) == "12,345.7"
    assert formats.percent(0.802, "sv") == f"80,2{NBSP}%"
    assert formats.percent(0.802, "en") == "80.2%"
    assert formats.money(40_000, "sv") == f"40{NBSP}000 kr"
    assert formats.money(40_000, "en") == "40,000 SEK"
    assert formats.money(-250_000, "sv", sign=True) == f"-250{NBSP}000 kr"
    assert formats.money(250_000, "en", sign=True) == "+250,000 SEK"
    assert formats.msek(2_000_000, "sv") == "2,0 mnkr"
    assert formats.msek(2_000_000, "en") == "SEK 2.0m"


def test_signs_and_missing_figures() -> None:
    assert formats.signed(1401, "sv") == f"+1{NBSP}401"
    assert formats.signed(0.4, "sv") == "0"  # shows as 0, so no plus
    assert formats.signed(-12, "en") == "-12"
    assert formats.optional(None, "sv") == "–"
    assert formats.optional(3.25, "sv", 1) == "3,2"


def test_i18n_number_and_percent_are_the_same_functions() -> None:
    assert number(1401, "sv") == formats.number(1401, "sv")
    assert percent(0.802, "en") == formats.percent(0.802, "en")


def test_csv_and_chart_settings() -> None:
    assert formats.csv_dialect("sv") == (";", ",")
    assert formats.csv_dialect("en") == (",", ".")
    layout = formats.chart_layout("sv", yaxis=formats.axis(0, 1))
    assert layout["separators"] == f",{NBSP}"  # decimal comma, non-breaking thousands
    assert layout["yaxis"] == {"tickformat": ",.0f", "hoverformat": ",.1f"}  # never "10k"
    assert formats.chart_layout("en")["separators"] == ".,"


def test_grid_columns_sort_numbers_and_show_their_text() -> None:
    defs = column_defs([("place", "Ort", "text"), ("cost", "Kostnad", "number")])
    assert "valueFormatter" not in defs[0]
    assert defs[1]["valueFormatter"] == SHOWN_TEXT and defs[1]["type"] == "rightAligned"
    # CSP: an expression dash-ag-grid evaluates without eval(), not a function literal
    assert "function" not in SHOWN_TEXT["function"] and "=>" not in SHOWN_TEXT["function"]


def test_grid_speaks_the_page_language() -> None:
    assert locale_text("sv")["noRowsToShow"] == "Inga rader att visa"
    assert locale_text("sv")["thousandSeparator"] == NBSP
    assert locale_text("en")["next" + "Page"] == "Next page"
    table = grid("t", [("place", "Ort", "text")], "sv", row_id="row_id", clickable=True)
    assert table.getRowId == "params.data.row_id" and "sk-grid-clickable" in table.className
    assert table.dashGridOptions["paginationPageSize"] == 15
    assert not hasattr(grid("u", [], "sv"), "getRowId")


def test_saved_times_read_as_swedish_local_time() -> None:
    # the database keeps UTC; a Swedish reader sees winter (+1) and summer (+2) time
    assert formats.local_time("2026-11-27T07:05:09+00:00") == "2026-11-27 08:05"
    assert formats.local_time("2026-07-01T22:30:00+00:00") == "2026-07-02 00:30"
    assert formats.local_time("2026-07-01T22:30:00") == "2026-07-02 00:30"  # naive: UTC
    assert formats.local_time("inte en tid") == "inte en tid"
