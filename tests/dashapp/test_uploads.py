"""Uploaded files as Swedish offices send them: problems listed, the app unharmed."""

from __future__ import annotations

import base64

import dash

from dashapp.callbacks.exports import check_uploaded
from tests.conftest import FIXTURES


def _data_url(raw: bytes) -> str:
    return "data:text/csv;base64," + base64.b64encode(raw).decode()


def test_a_good_excel_file_passes() -> None:
    raw = (FIXTURES / "imports" / "service_points.csv").read_bytes()
    alert = check_uploaded(_data_url(raw), "ombud.csv", "service_points", "sv")
    assert "ombud.csv: inga fel (rader: 3)." in str(alert)


def test_bad_rows_are_listed_in_both_languages() -> None:
    raw = (FIXTURES / "imports" / "service_points_bad.csv").read_bytes()
    text = str(check_uploaded(_data_url(raw), "lista.csv", "service_points", "en"))
    assert "lista.csv: problems found: 2." in text
    assert "rad/row 4, kolumn/column lat" in text and "outside Sweden" in text
    assert "utanför Sverige" in text and "okänt värde 'bakery'" in text


def test_missing_columns_and_broken_files_are_reported() -> None:
    grid = "Ruta;Rutstorl\r\n4870006304000;1000\r\n".encode("cp1252")
    text = str(check_uploaded(_data_url(grid), "rutor.csv", "population_grid", "sv"))
    assert "kolumnen 'population' saknas" in text
    matrix = b"origin_id;destination_id;minutes\nX;0780TC110;7,5\n"
    text = str(check_uploaded(_data_url(matrix), "restider.csv", "travel_matrix", "sv"))
    assert "rutor" not in text and "okänt värde 'X'" in text
    assert "kunde inte tas emot" in str(check_uploaded("garbage", "x.csv", "smaorter", "sv"))


def test_a_junk_file_lists_200_problems_and_counts_the_rest() -> None:
    line = b"bakery;X;abc;99;weird"
    raw = b"service;name;lat;lon;status\n" + b"\n".join([line] * 5000)
    alert = check_uploaded(_data_url(raw), "skräp.csv", "service_points", "en")
    items = alert.children[1].children
    summary = alert.children[0].children
    assert len(items) == 201
    total = int(summary.rsplit(": ", 1)[1].rstrip("."))
    assert total >= 5000  # every bad row counts, not just the ones listed
    assert items[-1].children.endswith(f"and {total - 200} more problems")


def test_a_crafted_upload_never_raises_and_its_name_stays_text() -> None:
    hostile = '<img src=x onerror="alert(1)">.csv'
    for contents in ("data:,", "data:text/csv;base64," + "A" * 20_000_000, "x,\x00\xff"):
        alert = check_uploaded(contents, hostile, "service_points", "sv")
        assert alert.children[0].children.startswith(hostile)  # a text child, not markup
    odd = check_uploaded(_data_url(b"a;b\n1;2\n"), ["a", "b"], {"x": 1}, None)  # type: ignore[arg-type]
    assert "okänd sorts fil" in str(odd)
    assert check_uploaded(None, "x.csv", "smaorter", "sv") is dash.no_update
