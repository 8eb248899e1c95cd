"""The nulägesanalys and the follow-up: each renders from the embedded data, the PDF's text holds
the model's figures in Swedish formats, and a PNG of each first page goes to test-output/."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader

from dashapp.formats import number, percent
from dashapp.reports import ReportError, find_kommun, report_bytes
from dashapp.reports.current import current_html
from dashapp.reports.current_facts import current_state
from dashapp.reports.document import table
from dashapp.reports.svgmap import Marker, svg_map
from models.access import access_today
from models.border import border_dependence
from models.criticality import criticality
from models.dataset import Dataset, load_dataset
from models.eligibility import point_eligibility
from models.run import run_scenario
from models.scenario import default_scenario
from models.solution import Solution
from tests.conftest import OUTPUT
from tests.models.test_followup import NEW_SHOP, two_years

KOMMUN = "älmhult"  # asked in lower case, with a Swedish letter


@pytest.fixture(scope="module")
def solution(kronoberg: Dataset) -> Solution:
    return run_scenario(kronoberg, default_scenario(kronoberg.registry))


@pytest.fixture(scope="module")
def kommun_pdf(kronoberg: Dataset, solution: Solution) -> bytes:
    name, content = report_bytes("kommun", kronoberg, None, "sv", KOMMUN, solution=solution)
    assert name == "nulagesanalys-almhult.pdf"
    return content


@pytest.fixture(scope="module")
def county_pdf(kronoberg: Dataset, solution: Solution) -> bytes:
    name, content = report_bytes("county", kronoberg, solution=solution)
    assert name == "nulagesanalys-kronoberg.pdf"
    return content


def text_of(pdf: bytes) -> str:
    """The PDF's text with non-breaking spaces as spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages).replace("\xa0", " ")


def sv(text: str) -> str:
    return text.replace("\xa0", " ")


def first_page_png(pdf: bytes, stem: str) -> Path:
    """Page 1 as a PNG in test-output/ (poppler's pdftoppm: `make reports` installs it)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm missing: `make reports` installs poppler-utils")
    OUTPUT.mkdir(exist_ok=True)
    source = OUTPUT / f"{stem}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            source,
            OUTPUT / stem,
        ],
        check=True,
    )
    png = OUTPUT / f"{stem}.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return png


def test_the_kommun_report_holds_the_models_figures_in_swedish_formats(
    kronoberg: Dataset, solution: Solution, kommun_pdf: bytes
) -> None:
    text = text_of(kommun_pdf)
    code, name = find_kommun(kronoberg, KOMMUN)
    assert name == "Älmhult"
    assert "Nulägesanalys – Älmhult kommun" in text
    scenario = solution.scenario
    rows = [
        r for r in access_today(kronoberg, scenario, kronoberg.region.name) if r.kommun_kod == code
    ]
    assert rows and sv(f"Befolkning: {number(rows[0].population, 'sv')} personer") in text
    for row in rows:
        assert sv(percent(row.within_threshold, "sv")) in text
        assert sv(number(row.population * row.within_threshold, "sv")) in text
        for share in row.class_shares:
            assert sv(percent(share, "sv")) in text
    grocery = next(r for r in rows if r.key == "grocery")
    limit = number(scenario.settings("grocery").threshold_min, "sv")
    assert sv(
        f"Dagligvaror inom {limit} min: {percent(grocery.within_threshold, 'sv')} "
        f"({number(grocery.population * grocery.within_threshold, 'sv')} personer)"
    ) in " ".join(text.split())
    position = kronoberg.place_position()
    critical = [
        c
        for c in criticality(kronoberg, scenario)
        if c.in_region and kronoberg.places.kommun_kod[position[c.place_id]] == code
    ]
    top = critical[0]
    assert top.people_losing > 0
    assert top.name in text and sv(number(top.people_losing, "sv")) in text
    for border in border_dependence(kronoberg, scenario.service_names):
        if border.kommun_kod == code:
            assert sv(number(border.people, "sv")) in text
            assert sv(percent(border.share, "sv")) in text
    # support-scheme eligibility of the kommun's shops, as models/eligibility.py judges them
    assert "Möjligt stöd" in text
    targeted = [
        k
        for k in range(len(kronoberg.points))
        if kronoberg.places.kommun_kod[kronoberg.points.place_index[k]] == code
        and kronoberg.places.in_region[kronoberg.points.place_index[k]]
        and any(
            e.status == "eligible" and e.scheme == "investment"
            for e in point_eligibility(kronoberg, k)
        )
    ]
    for k in targeted:
        assert str(kronoberg.points.names[k]) in text
    # every section listed, pages numbered, no codes, no English or raw values leaking
    for heading in ("Innehåll", "Tillgång per tjänst", "Karta", "Orterna", "Källor och antaganden"):
        assert heading in text
    pages = len(PdfReader(io.BytesIO(kommun_pdf)).pages)
    assert f"Sida 1 av {pages}" in text and pages >= 3
    assert code not in text
    for leak in ("grocery", "at_risk", "service_place", "tatort", "nan", "None", "Whole"):
        assert leak not in text.split() and f"{leak}," not in text
    first_page_png(kommun_pdf, "report-kommun-almhult")


def test_the_county_report_compares_the_kommuner_and_names_every_place(
    kronoberg: Dataset, solution: Solution, county_pdf: bytes
) -> None:
    text = text_of(county_pdf)
    assert "Nulägesanalys – Kronoberg, hela länet" in text
    assert "Kommunerna jämförda" in text
    for kommun in kronoberg.kommun_names:
        assert kommun in text
    region = [
        r
        for r in access_today(kronoberg, solution.scenario, kronoberg.region.name)
        if r.kommun_kod == ""
    ]
    for row in region:
        assert sv(percent(row.within_threshold, "sv")) in text
    assert sv(number(region[0].population, "sv")) in text
    tatorter = kronoberg.places.in_region & (kronoberg.places.kind == "tatort")
    for name in kronoberg.places.names[tatorter]:
        assert name in text
    first_page_png(county_pdf, "report-county")


def test_english_on_request(kronoberg: Dataset, solution: Solution) -> None:
    name, content = report_bytes(
        "kommun", kronoberg, None, "en", "Växjö", fmt="html", solution=solution
    )
    page = content.decode("utf-8")
    assert name == "current-state-vaxjo.html"
    assert "Current-state analysis – Växjö municipality" in page
    for swedish in ("Nulägesanalys", "Tillgång per tjänst", "Innehåll", "personer", "Sida "):
        assert swedish not in page
    assert "Page " in page and "Groceries" in page


def test_unknown_kommun_lists_the_kommuner_in_both_languages(kronoberg: Dataset) -> None:
    with pytest.raises(ReportError) as raised:
        report_bytes("kommun", kronoberg, None, "sv", "Hultsfred", fmt="html")
    for kommun in kronoberg.kommun_names:
        assert kommun in raised.value.message_sv and kommun in raised.value.message_en
    assert "Okänd kommun: Hultsfred" in raised.value.message_sv
    assert find_kommun(kronoberg, "  VÄXJÖ kommun ")[1] == "Växjö"


def test_names_from_data_are_escaped(kronoberg: Dataset, solution: Solution) -> None:
    names = kronoberg.places.names.astype(object)
    names[kronoberg.place_position()[solution.critical[0].place_id]] = "<script>x</script>&"
    hostile = replace(kronoberg, places=replace(kronoberg.places, names=names.astype(str)))
    code = str(hostile.places.kommun_kod[hostile.place_position()[solution.critical[0].place_id]])
    page = current_html(current_state(hostile, solution, code), hostile, "sv")
    assert "<script>" not in page
    assert "&lt;script&gt;x&lt;/script&gt;&amp;" in page
    assert "<b>" not in table(["a"], [["<b>"]])
    drawn = svg_map(hostile, [Marker(4.4e5, 6.3e6, "#000", label='"><svg onload=x>')], "sv")
    assert "<svg onload" not in drawn


def test_the_kommun_map_holds_the_whole_kommun_and_its_names(
    kronoberg: Dataset, solution: Solution
) -> None:
    code, _ = find_kommun(kronoberg, KOMMUN)
    page = current_html(current_state(kronoberg, solution, code), kronoberg, "sv")
    svg = page[page.index("<svg") : page.index("</svg>")]
    width, height = (float(v) for v in svg.split('viewBox="0 0 ')[1].split('"')[0].split())
    paths = re.findall(r'<path d="([^"]+)" fill="#fbfbf4" stroke="#111"', svg)
    assert paths  # the kommun itself, drawn strongly
    xy = np.array(
        [
            [float(v) for v in point.split(",")]
            for path in paths
            for point in path.strip("MZ").replace("M", "L").replace("Z", "").split("L")
            if point
        ]
    )
    assert xy[:, 0].min() > 0 and xy[:, 0].max() < width
    assert xy[:, 1].min() > 0 and xy[:, 1].max() < height
    inside = kronoberg.places.in_region & (kronoberg.places.kommun_kod == code)
    for name in kronoberg.places.names[inside & (kronoberg.places.kind == "tatort")]:
        assert f">{name}</text>" in svg


def test_the_follow_up_report_shows_the_constructed_years_changes(tmp_path: Path) -> None:
    case = two_years(tmp_path)
    before, after = load_dataset(case.before), load_dataset(case.after)
    name, content = report_bytes(
        "follow-up", after, previous=before, labels=("2025", "2026"), fmt="pdf"
    )
    assert name == "uppfoljning-kronoberg.pdf"
    text = text_of(content)
    flat = " ".join(text.split())
    assert "Från: 2025. Till: 2026." in flat
    assert "Öppnade punkter: 1. Stängda punkter: 2." in flat
    for shop in case.closed:
        assert shop in text
    assert NEW_SHOP in text and case.opened_place in text
    from models.followup import reach_changes

    grocery = next(
        r
        for r in reach_changes(before, after, default_scenario(after.registry))
        if r.kommun_kod == "" and r.key == "grocery"
    )
    assert sv(number(grocery.lost, "sv")) in text and sv(number(grocery.gained, "sv")) in text
    first_page_png(content, "report-follow-up")
