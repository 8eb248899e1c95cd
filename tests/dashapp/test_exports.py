"""Every export format, read back as its users' tools would read it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pyogrio.raw
import pytest

from dashapp import exports
from dashapp.callbacks.exports import export_file
from dashapp.data import dataset
from dashapp.report import html_report
from models.scenario import Scenario


def test_actions_csv_in_swedish_excel_dialect(payload) -> None:  # type: ignore[no-untyped-def]
    raw = exports.to_csv(exports.actions_frame(payload, "sv"), dataset(), "sv")
    assert raw.startswith(b"\xef\xbb\xbf# Restider")  # UTF-8 BOM, then the modelled-data note
    frame = pd.read_csv(io.BytesIO(raw), sep=";", decimal=",", comment="#", encoding="utf-8-sig")
    assert len(frame) == len(payload["actions"])
    assert frame["Kostnad (kr/år)"].sum() == pytest.approx(
        sum(a["cost_sek"] for a in payload["actions"])
    )


def test_kpi_csv_in_english_has_county_and_kommun_rows(payload) -> None:  # type: ignore[no-untyped-def]
    raw = exports.to_csv(exports.kpi_frame(payload, "en"), dataset(), "en")
    assert b"# Travel times are modelled" in raw
    frame = pd.read_csv(
        io.BytesIO(raw), comment="#", encoding="utf-8-sig", dtype={"kommun_kod": str}
    )
    county = frame[frame["kommun_kod"].isna()]
    assert len(county) == len(payload["covered"])
    assert county["Population"].iloc[0] == 203_351


def test_excel_workbook_has_actions_kpis_parameters_and_sources(payload) -> None:  # type: ignore[no-untyped-def]
    sheets = pd.read_excel(io.BytesIO(exports.to_xlsx(payload, dataset(), "sv")), sheet_name=None)
    assert list(sheets) == ["Åtgärder", "KPI", "Inställningar", "Källor och antaganden"]
    assert len(sheets["Åtgärder"]) == len(payload["actions"])
    assert "OpenStreetMap" in " ".join(sheets["Källor och antaganden"].iloc[:, 0])


def test_geojson_and_geopackage_hold_every_place_with_its_status(payload, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    places = len(dataset().places)
    collection = json.loads(exports.to_geojson(payload, dataset(), "sv"))
    assert len(collection["features"]) == places
    supported = {
        f["properties"]["place_id"]
        for f in collection["features"]
        if f["properties"]["status"] == "supported"
    }
    assert supported == {a["place_id"] for a in payload["actions"]}
    path = tmp_path / "places.gpkg"
    path.write_bytes(exports.to_geopackage(payload, dataset(), "en"))
    meta, _, geometry, fields = pyogrio.raw.read(str(path))
    assert meta["crs"] == "EPSG:4326" and len(geometry) == places
    status = fields[list(meta["fields"]).index("status")]
    assert sorted(set(status)) <= ["at_risk", "none", "secure", "supported"]
    assert (status == "supported").sum() == len(supported)


def test_report_is_a_standalone_page_with_map_kpis_and_sources(payload) -> None:  # type: ignore[no-untyped-def]
    page = html_report(payload, dataset(), "sv")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<script" not in page
    assert "Dagligvaror" in page and "OpenStreetMap" in page and "modellerade" in page
    assert page.count("<circle") >= 50


def test_every_button_gives_a_named_file(payload) -> None:  # type: ignore[no-untyped-def]
    payload = {**payload, "scenario": {**payload["scenario"], "name": "Workshop Ljungby"}}
    names = {
        kind: export_file(kind, payload, "sv")["filename"]
        for kind in ("csv", "kpi_csv", "xlsx", "geojson", "gpkg", "json", "report")
    }
    assert names["csv"] == "servicekartan-workshop-ljungby-actions.csv"
    assert names["gpkg"].endswith(".gpkg") and names["report"].endswith(".html")
    scenario = export_file("json", payload, "sv")
    import base64

    assert (
        Scenario.from_json(base64.b64decode(scenario["content"]).decode()).name
        == "Workshop Ljungby"
    )
