"""Every export format, read back as its users' tools would read it."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pyogrio.raw
import pytest

from dashapp import exports
from dashapp.callbacks.exports import export_file
from dashapp.data import dataset
from dashapp.downloads import EXPORTS
from dashapp.report import html_report
from models.scenario import Scenario
from models.solution import Solution


def test_actions_csv_in_swedish_excel_dialect(solution: Solution) -> None:
    raw = exports.actions_csv(solution, dataset(), "sv")
    assert raw.startswith(b"\xef\xbb\xbf# Restider")  # UTF-8 BOM, then the modelled-data note
    frame = pd.read_csv(io.BytesIO(raw), sep=";", decimal=",", comment="#", encoding="utf-8-sig")
    assert len(frame) == len(solution.actions)
    assert frame["Kostnad (kr/år)"].sum() == pytest.approx(
        sum(a.cost_sek for a in solution.actions)
    )
    assert set(frame["Kommun"]) <= set(dataset().kommun_names)  # names, not codes


def test_kpi_csv_in_english_has_county_and_kommun_rows(solution: Solution) -> None:
    raw = exports.kpi_csv(solution, dataset(), "en")
    assert b"# Travel times are modelled" in raw
    frame = pd.read_csv(io.BytesIO(raw), comment="#", encoding="utf-8-sig")
    county = frame[frame["Kommun"] == "Whole county"]
    assert len(county) == len(solution.covered)
    assert county["Population"].iloc[0] == 203_351


def test_excel_workbook_has_actions_kpis_parameters_and_sources(solution: Solution) -> None:
    sheets = pd.read_excel(io.BytesIO(exports.to_xlsx(solution, dataset(), "sv")), sheet_name=None)
    assert list(sheets) == ["Åtgärder", "KPI", "Inställningar", "Källor och antaganden"]
    assert len(sheets["Åtgärder"]) == len(solution.actions)
    assert "OpenStreetMap" in " ".join(sheets["Källor och antaganden"].iloc[:, 0])


def test_names_from_data_never_become_spreadsheet_formulas(solution: Solution) -> None:
    hostile = replace(solution.actions[0], place_name='=HYPERLINK("http://x","y")', kommun="+1")
    tampered = replace(solution, actions=(hostile,))
    frame = exports.actions_frame(tampered, dataset(), "sv")
    assert frame["Ort"].iloc[0] == '\'=HYPERLINK("http://x","y")'
    assert frame["Kommun"].iloc[0] == "'+1"
    sheets = pd.read_excel(io.BytesIO(exports.to_xlsx(tampered, dataset(), "sv")), sheet_name=None)
    assert str(sheets["Åtgärder"]["Ort"].iloc[0]).startswith("'=")


def test_geojson_and_geopackage_hold_every_place_with_its_status(
    solution: Solution, tmp_path: Path
) -> None:
    payload = solution
    places = len(dataset().places)
    collection = json.loads(exports.to_geojson(payload, dataset(), "sv"))
    assert len(collection["features"]) == places
    supported = {
        f["properties"]["place_id"]
        for f in collection["features"]
        if f["properties"]["status"] == "supported"
    }
    assert supported == {a.place_id for a in solution.actions}
    path = tmp_path / "places.gpkg"
    path.write_bytes(exports.to_geopackage(payload, dataset(), "en"))
    meta, _, geometry, fields = pyogrio.raw.read(str(path))
    assert meta["crs"] == "EPSG:4326" and len(geometry) == places
    status = fields[list(meta["fields"]).index("status")]
    assert sorted(set(status)) <= ["at_risk", "none", "secure", "supported"]
    assert (status == "supported").sum() == len(supported)


def test_report_is_a_standalone_page_with_map_kpis_and_sources(solution: Solution) -> None:
    page = html_report(solution, dataset(), "sv")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<script" not in page
    assert "Dagligvaror" in page and "OpenStreetMap" in page and "modellerade" in page
    assert page.count("<circle") >= 50


def test_every_button_gives_a_named_file(solution: Solution) -> None:
    named = replace(solution, scenario=replace(solution.scenario, name="Workshop Ljungby"))
    names = {kind: export_file(kind, named, dataset(), "sv")["filename"] for kind in EXPORTS}
    assert names["csv"] == "servicekartan-workshop-ljungby-actions.csv"
    assert names["gpkg"].endswith(".gpkg") and names["report"].endswith(".html")
    result = export_file("result", named, dataset(), "sv")
    import base64

    assert Solution.from_dict(json.loads(base64.b64decode(result["content"]))).cost_sek == (
        pytest.approx(solution.cost_sek)
    )
    scenario = export_file("json", named, dataset(), "sv")
    import base64

    assert (
        Scenario.from_json(base64.b64decode(scenario["content"]).decode()).name
        == "Workshop Ljungby"
    )


def test_the_reports_share_column_is_a_percentage(solution: Solution) -> None:
    from dashapp.i18n import percent

    page = html_report(solution, dataset(), "sv")
    assert percent(solution.covered_for("grocery").share(), "sv") in page
