"""Reading files as Excel writes them in Sweden."""

from __future__ import annotations

from models.tables import Column, TableSpec, coerce, parse_number
from models.textfile import decode, read_text_table

SPEC = TableSpec(
    "test.csv",
    (Column("id", "str"), Column("namn", "str"), Column("value", "float"), Column("n", "int")),
    id_column="id",
)


def test_excel_swedish_dialect_cp1252_semicolon_decimal_comma() -> None:
    raw = "id;namn;value;n\r\nA;Älmhult;12,5;1 200\r\nB;Växjö;-3,25;7\r\n".encode("cp1252")
    frame, separator = read_text_table(raw)
    typed, problems = coerce(frame, SPEC, decimal_comma=separator == ";")
    assert separator == ";"
    assert problems == []
    assert typed["namn"].tolist() == ["Älmhult", "Växjö"]
    assert typed["value"].tolist() == [12.5, -3.25]
    assert typed["n"].tolist() == [1200, 7]


def test_utf8_with_bom_and_comma_separator() -> None:
    raw = "\ufeffid,namn,value,n\nA,Ör,1.5,2\n".encode()
    frame, separator = read_text_table(raw)
    assert separator == ","
    assert list(frame.columns) == ["id", "namn", "value", "n"]
    assert frame["namn"].tolist() == ["Ör"]


def test_decode_prefers_utf8_and_falls_back_to_cp1252() -> None:
    assert decode("Tingsryd åäö".encode()) == "Tingsryd åäö"
    assert decode("Tingsryd åäö".encode("cp1252")) == "Tingsryd åäö"


def test_parse_number_accepts_spaces_and_non_breaking_spaces() -> None:
    assert parse_number("1\u00a0234,5", decimal_comma=True) == 1234.5
    assert parse_number("370 000", decimal_comma=True) == 370000.0


def test_bad_cells_are_located_by_row_and_column() -> None:
    frame, _ = read_text_table(b"id;namn;value;n\nA;x;abc;1,5\nA;y;;2\n")
    _, problems = coerce(frame, SPEC, decimal_comma=True)
    where = {(p.row, p.column) for p in problems}
    assert (2, "value") in where  # 'abc' is not a number
    assert (2, "n") in where  # 1,5 is not a whole number
    assert (3, "value") in where  # blank
    assert (3, "id") in where  # duplicate id
    assert all(p.message_sv and p.message_en for p in problems)


def test_excel_unicode_text_is_tab_separated_with_decimal_commas() -> None:
    from models.importers import read_population_grid

    raw = "Ruta\tBeftotalt\n5080006293000\t12,5\n".encode("utf-16")
    frame, problems = read_population_grid(raw)
    assert problems == [] and frame["population"].tolist() == [12.5]


def test_numbers_no_spreadsheet_writes_are_refused() -> None:
    import pytest

    with pytest.raises(ValueError):
        parse_number("1_000", decimal_comma=False)
    assert parse_number("1\u202f401", decimal_comma=True, whole=True) == 1401
