"""The servicekartan command line as a region's analyst uses it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashapp.cli import main
from models.paths import EMBEDDED_DATA
from tests.conftest import FIXTURES


def test_data_check_passes_on_the_embedded_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "check", str(EMBEDDED_DATA)]) == 0
    assert "Inga fel" in capsys.readouterr().out


def test_data_check_lists_problems_and_fails(
    data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demand = pd.read_csv(data_copy / "demand.csv", dtype=str)
    demand.loc[0, "kommun_kod"] = "0999"
    demand.to_csv(data_copy / "demand.csv", index=False)
    assert main(["data", "check", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "demand.csv, rad/row 2, kolumn/column kommun_kod" in out
    assert "okänt värde '0999' / unknown value '0999'" in out


def test_data_build_from_a_source_folder(tmp_path: Path) -> None:
    out = tmp_path / "region"
    assert main(["data", "build", "--source", str(FIXTURES / "source"), "--out", str(out)]) == 0
    assert main(["data", "check", str(out)]) == 0


def test_data_build_reports_bad_imports_in_both_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = FIXTURES / "imports" / "service_points_bad.csv"
    args = ["data", "build", "--source", str(FIXTURES / "source"), "--out", str(tmp_path)]
    assert main([*args, "--service-points", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "utanför Sverige" in err and "outside Sweden" in err
