"""Another region's page and exports cite its own sources and show its sixth service; no
product code names the embedded region."""

from __future__ import annotations

import html
import io
import json
import re
import zipfile

import pytest
from plotly.utils import PlotlyJSONEncoder

from dashapp.downloads import EXPORTS
from dashapp.layout import page
from models.build.manifest import read_manifest
from models.build.region import BuildOptions, build_folder
from models.dataset import Dataset, load_dataset
from models.paths import PROJECT_ROOT
from models.run import run_scenario
from models.scenario import default_scenario
from models.solution import Solution
from tests.models.other_region import write_other_region


@pytest.fixture(scope="module")
def other_region(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    manifest = write_other_region(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("built") / "fjallange"
    return load_dataset(build_folder(read_manifest(manifest), out, BuildOptions()))


@pytest.fixture(scope="module")
def other_solution(other_region: Dataset) -> Solution:
    return run_scenario(other_region, default_scenario(other_region.registry))


def _text(content: bytes) -> str:
    """What a reader of the file sees: an xlsx is a zip of XML parts."""
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = (archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
            return html.unescape(" ".join(parts))
    return content.decode("utf-8", "replace")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_page_shows_the_sixth_service_and_the_regions_own_sources(
    other_region: Dataset, language: str
) -> None:
    scenario = default_scenario(other_region.registry)
    built = page(other_region, language, scenario, False, "none")
    layout = json.dumps(built, cls=PlotlyJSONEncoder, ensure_ascii=False)
    assert ("Vårdcentral" if language == "sv" else "Health centre") in layout
    assert "Fjällänge testdata" in layout and "#999933" in layout
    assert "kronoberg" not in layout.lower() and "OpenStreetMap" not in layout


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_every_export_cites_the_regions_own_sources(
    other_region: Dataset, other_solution: Solution, kind: str
) -> None:
    _, build = EXPORTS[kind]
    text = _text(build(other_solution, other_region, "sv"))
    assert "kronoberg" not in text.lower()
    if kind in ("kpi_csv", "xlsx", "report", "result"):  # the ones with a row per service
        assert "vardcentral" in text or "Vårdcentral" in text
    if kind not in ("json", "corrections"):  # settings and an input file, no figures
        assert "Fjällänge testdata" in text


def test_no_product_code_names_the_embedded_region() -> None:
    named = [
        str(path.relative_to(PROJECT_ROOT))
        for folder in ("models", "dashapp", "assets")
        for path in (PROJECT_ROOT / folder).rglob("*")
        if path.suffix in (".py", ".js", ".css")
        and re.search("kronoberg", path.read_text(encoding="utf-8"), re.IGNORECASE)
    ]
    assert named == []
