"""The handlingsplan: the Word file's action table and plan equal the model's actions and
run_plan's start years (expected figures computed here from models/), the PDF's text holds the
same figures, a saved scenario is read by id, errors are clear in both languages, and names
from data stay literal text. A PNG of the PDF's first page goes to test-output/."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from docx import Document
from docx.table import Table

from dashapp.cli import main
from dashapp.eligibility_text import eligibility_cell
from dashapp.formats import money, number, optional, signed
from dashapp.reports import ReportError, report_bytes
from dashapp.reports.plan import PlanReportError, saved_scenario
from dashapp.storage import ScenarioStorage
from models.dataset import Dataset
from models.eligibility import action_eligibility
from models.plan import Plan, run_plan
from models.run import run_scenario
from models.scenario import Scenario, default_scenario
from models.solution import Solution
from tests.dashapp.test_reports import first_page_png, text_of

KOMMUN, CODE = "växjö", "0780"
HOSTILE_PLACE = '=HYPERLINK("x") <b>Åryd</b>'
HOSTILE_SCENARIO = "<i>Plan</i> =SUM(1)"
WORDS = {"keep": "behåll", "establish": "etablera"}


@pytest.fixture(scope="module")
def hostile(kronoberg: Dataset) -> Dataset:
    """Kronoberg with the place of one of Växjö's actions renamed to markup and a formula."""
    names = np.array(kronoberg.places.names, dtype=object)
    names[list(kronoberg.places.ids).index("0780TB112")] = HOSTILE_PLACE
    return replace(kronoberg, places=replace(kronoberg.places, names=names))


@pytest.fixture(scope="module")
def scenario(hostile: Dataset) -> Scenario:
    return replace(default_scenario(hostile.registry), name=HOSTILE_SCENARIO)


@pytest.fixture(scope="module")
def solution(hostile: Dataset, scenario: Scenario) -> Solution:
    return run_scenario(hostile, scenario)


@pytest.fixture(scope="module")
def plan(hostile: Dataset, scenario: Scenario) -> Plan:
    return run_plan(hostile, scenario, [scenario.budget_sek] * 4, method="nested")


@pytest.fixture(scope="module")
def docx_bytes(hostile: Dataset, scenario: Scenario, solution: Solution) -> bytes:
    name, content = report_bytes(
        "plan", hostile, scenario, "sv", KOMMUN, fmt="docx", solution=solution
    )
    assert name == "handlingsplan-vaxjo.docx"
    return content


@pytest.fixture(scope="module")
def pdf_bytes(hostile: Dataset, scenario: Scenario, solution: Solution) -> bytes:
    name, content = report_bytes("plan", hostile, scenario, "sv", KOMMUN, solution=solution)
    assert name == "handlingsplan-vaxjo.pdf"
    return content


def sv(text: str) -> str:
    return text.replace("\xa0", " ")


def expected_rows(dataset: Dataset, solution: Solution, plan: Plan) -> set[tuple[str, ...]]:
    """The action table's rows (without the rank) from the model, formatted the Swedish way."""
    starts = {(a.place_id, a.service): a.start_year for a in plan.actions}
    rows = set()
    for a in solution.actions:
        if a.kommun_kod != CODE:
            continue
        start = starts.get((a.place_id, a.service))
        rows.add(
            tuple(
                sv(cell)
                for cell in (
                    a.place_name,
                    dataset.registry.label(a.service, "sv"),
                    WORDS[a.action],
                    money(a.cost_sek, "sv"),
                    number(a.people_only_here, "sv"),
                    number(a.people_gained, "sv"),
                    optional(a.people_per_msek, "sv"),
                    "ingår ej" if start is None else str(start),
                    eligibility_cell(action_eligibility(dataset, solution, a), "sv"),
                )
            )
        )
    return rows


def table_with(document: object, first: str, last: str) -> list[list[str]]:
    tables: list[Table] = document.tables  # type: ignore[attr-defined]
    for found in tables:
        header = [c.text for c in found.rows[0].cells]
        if header[0] == first and header[-1] == last:
            return [[sv(c.text) for c in row.cells] for row in found.rows]
    raise AssertionError(f"no table {first} … {last}")


def test_the_docx_holds_the_models_actions_for_the_kommun(
    hostile: Dataset, solution: Solution, plan: Plan, docx_bytes: bytes
) -> None:
    document = Document(io.BytesIO(docx_bytes))
    rows = table_with(document, "Nr", "Möjligt stöd")
    expected = expected_rows(hostile, solution, plan)
    assert len(expected) == 4  # Växjö: Rottne, Tolg ×2, Åryd (here: the hostile name)
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4"]
    assert {tuple(r[1:]) for r in rows[1:]} == expected
    # priority: earlier start first ("ingår ej" last), then more people per MSEK
    starts = [int(r[8]) if r[8].isdigit() else 99 for r in rows[1:]]
    assert starts == sorted(starts) and starts[-1] == 99
    # a real header row, repeated on each page
    assert 'w:tblHeader w:val="true"' in zipfile.ZipFile(io.BytesIO(docx_bytes)).read(
        "word/document.xml"
    ).decode("utf-8")
    cost = sum(a.cost_sek for a in solution.actions if a.kommun_kod == CODE)
    text = sv("\n".join(p.text for p in document.paragraphs))
    assert f"I kommunen: 4 åtgärder för {sv(money(cost, 'sv'))} per år." in text
    assert "Handlingsplan – Växjö kommun" in text and "0780" not in text


def test_start_years_equal_run_plan(docx_bytes: bytes, plan: Plan) -> None:
    rows = table_with(Document(io.BytesIO(docx_bytes)), "År", "I ettårsscenariot")
    mine = [a for a in plan.actions if a.kommun_kod == CODE]
    assert len(mine) >= 4
    assert [(r[0], r[1], r[4], r[5]) for r in rows[1:]] == [
        (
            str(a.start_year),
            a.place_name,
            sv(money(a.operate_sek_per_year, "sv")),
            sv(money(a.establish_once_sek, "sv")),
        )
        for a in mine
    ]


def test_the_mode_comparison_holds_the_kommuns_covered_people(
    hostile: Dataset, solution: Solution, docx_bytes: bytes
) -> None:
    rows = table_with(
        Document(io.BytesIO(docx_bytes)), "Tjänst", "Kompletterande minus självförsörjande"
    )
    here = solution.kommun(CODE)
    assert here is not None and solution.scenario.mode == "complementary"
    assert [r[1] for r in rows[1:-1]] == [sv(number(c.scenario, "sv")) for c in here.covered]
    for row in rows[1:-1]:  # the difference is the two columns' difference
        left, right = (int(v.replace(" ", "")) for v in row[1:3])
        assert row[3] == sv(signed(left - right, "sv"))
    assert rows[-1][0] == "Kostnad i kommunen"


def test_the_officials_sections_are_headed_and_marked_to_fill_in(docx_bytes: bytes) -> None:
    paragraphs = Document(io.BytesIO(docx_bytes)).paragraphs
    headings = [p.text for p in paragraphs if p.style is not None and p.style.name == "Heading 1"]
    for title in ("Bakgrund", "Prioriteringar och motivering", "Uppföljning"):
        position = next(i for i, p in enumerate(paragraphs) if p.text == title)
        assert paragraphs[position + 1].text.startswith("[Att fylla i]")
        assert title in headings
    assert "Källor och antaganden" in headings


def test_the_pdf_holds_the_same_figures(
    hostile: Dataset, solution: Solution, plan: Plan, pdf_bytes: bytes
) -> None:
    text = " ".join(text_of(pdf_bytes).split())
    assert "Handlingsplan – Växjö kommun" in text
    for row in expected_rows(hostile, solution, plan):
        for cell in row[:8]:
            assert cell in text, cell
    assert "Sida 1 av" in text
    png = first_page_png(pdf_bytes, "handlingsplan-vaxjo")
    assert png.stat().st_size > 10_000


def test_names_from_data_stay_literal_text(docx_bytes: bytes, pdf_bytes: bytes) -> None:
    document = Document(io.BytesIO(docx_bytes))
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"Scenario: {HOSTILE_SCENARIO}" in text
    assert HOSTILE_PLACE in text  # the "why" sentence
    xml = zipfile.ZipFile(io.BytesIO(docx_bytes)).read("word/document.xml").decode("utf-8")
    assert "fldSimple" not in xml and "instrText" not in xml  # never a field
    assert "<b>" not in xml and "&lt;b&gt;Åryd&lt;/b&gt;" in xml
    pdf_text = " ".join(text_of(pdf_bytes).split())
    assert HOSTILE_SCENARIO in pdf_text and HOSTILE_PLACE in pdf_text


def test_an_unknown_kommun_or_format_is_refused_in_both_languages(kronoberg: Dataset) -> None:
    with pytest.raises(ReportError) as error:
        report_bytes("plan", kronoberg, kommun="Hultsfred", fmt="docx")
    assert "Okänd kommun: Hultsfred" in error.value.message_sv
    assert "Unknown kommun: Hultsfred" in error.value.message_en
    with pytest.raises(ReportError) as wrong:
        report_bytes("plan", kronoberg, kommun="Älmhult", fmt="html")
    assert "docx, pdf" in wrong.value.message_sv and "Unknown format" in wrong.value.message_en


def test_a_saved_scenario_is_read_by_id(tmp_path: Path, kronoberg: Dataset) -> None:
    base = default_scenario(kronoberg.registry)
    storage = ScenarioStorage(tmp_path / "saved.sqlite3")
    json = replace(base, budget_sek=1_234_000.0, name="i filen").to_json()
    saved = storage.save("Workshop <b>B</b>", kronoberg.name, json, {})
    found = saved_scenario(saved, tmp_path / "saved.sqlite3", base)
    assert (found.name, found.budget_sek) == ("Workshop <b>B</b>", 1_234_000.0)
    with pytest.raises(PlanReportError) as error:
        saved_scenario(saved + 41, tmp_path / "saved.sqlite3", base)
    assert error.value.message_sv == f"Inget sparat scenario med id {saved + 41}"
    assert error.value.message_en == f"No saved scenario with id {saved + 41}"


def test_report_plan_from_a_saved_id_on_the_command_line(
    tmp_path: Path,
    kronoberg: Dataset,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    database = tmp_path / "app.sqlite3"
    monkeypatch.setenv("SERVICEKARTAN_DB", str(database))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    base = default_scenario(kronoberg.registry)
    json = replace(base, budget_sek=600_000.0).to_json()
    saved = ScenarioStorage(database).save("Lågbudget", kronoberg.name, json, {})
    out = tmp_path / "plan.docx"
    arguments = ["report", "plan", "ÄLMHULT", "--scenario", str(saved), "--format", "docx"]
    assert main([*arguments, "--out", str(out)]) == 0
    text = "\n".join(p.text for p in Document(str(out)).paragraphs).replace("\xa0", " ")
    assert "Handlingsplan – Älmhult kommun" in text and "Scenario: Lågbudget" in text
    assert "Budget för stöd i hela länet: 600 000 kr per år" in text
    missing = tmp_path / "missing.docx"
    assert main([*arguments[:4], "77", "--format", "docx", "--out", str(missing)]) == 1
    assert not missing.exists()
    error = capsys.readouterr().err
    assert "Inget sparat scenario med id 77" in error and "No saved scenario with id 77" in error
