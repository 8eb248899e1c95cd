"""``servicekartan report``: the commands exactly as documented, in HTML for speed."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashapp.cli import main
from models.corrections import Correction
from models.corrections_file import corrections_csv
from models.dataset import load_dataset
from models.paths import embedded_data_dir


def test_report_kommun_takes_the_name_in_any_case(tmp_path: Path) -> None:
    out = tmp_path / "vaxjo.html"
    assert main(["report", "kommun", "VÄXJÖ", "--format", "html", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Nulägesanalys – Växjö kommun" in page and "0780" not in page


def test_report_county(tmp_path: Path) -> None:
    out = tmp_path / "county.html"
    assert main(["report", "county", "--format", "html", "--out", str(out)]) == 0
    assert "Kronoberg, hela länet" in out.read_text(encoding="utf-8")


def test_an_unknown_kommun_is_refused_with_the_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.html"
    code = main(["report", "kommun", "Hultsfred", "--format", "html", "--out", str(out)])
    assert code == 1 and not out.exists()
    error = capsys.readouterr().err
    assert "Okänd kommun: Hultsfred" in error and "Unknown kommun: Hultsfred" in error
    assert "Älmhult" in error and "Uppvidinge" in error


def test_follow_up_from_a_folder_to_a_corrections_file(tmp_path: Path) -> None:
    data = load_dataset(embedded_data_dir())
    shop = next(
        k
        for k in range(len(data.points))
        if data.points.service[k] == "grocery" and data.places.in_region[data.points.place_index[k]]
    )
    corrections = tmp_path / "closed.csv"
    corrections.write_text(
        corrections_csv([Correction("status", str(data.points.ids[shop]), "closed")]),
        encoding="utf-8",
    )
    out = tmp_path / "follow.html"
    folder = str(embedded_data_dir())
    arguments = ["--from", folder, "--to", str(corrections), "--format", "html"]
    assert main(["report", "follow-up", *arguments, "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Stängda punkter: 1." in page and "Öppnade punkter: 0." in page
    assert str(data.points.names[shop]) in page.replace("&amp;", "&")
    assert (
        main(["report", "follow-up", "--from", folder, "--to", "nowhere", "--out", str(out)]) == 1
    )
