"""The malformed-input corpus (tests/data/bad, see generate.py there): every file gets a clear
Swedish and English message naming file, row and column, a non-zero exit, no traceback, and
nothing is written."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest

from dashapp.cli import main
from models.build.manifest import read_manifest
from models.build.region import BuildOptions, build_folder
from models.paths import embedded_data_dir
from tests.conftest import FIXTURES

BAD = FIXTURES / "bad"
CASES = list(csv.DictReader((BAD / "cases.csv").open(encoding="utf-8")))
MANIFEST = FIXTURES / "source" / "manifest.json"


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("base") / "region"
    return build_folder(read_manifest(MANIFEST), out, BuildOptions())


def _located(text: str, case: dict[str, str]) -> bool:
    """Some line names the file, and the row and column where the case says they are known."""
    for line in text.splitlines():
        if case["file"] not in line:
            continue
        if case["row"] and f"rad/row {case['row']}" not in line:
            continue
        if case["column"] and case["column"] not in line:
            continue
        return True
    return False


def test_the_corpus_covers_every_class() -> None:
    targets = {c["target"].split(":")[0] for c in CASES}
    assert len(CASES) >= 40 and targets == {"check", "build", "solve", "critical", "curve"}
    assert all((BAD / c["name"]).exists() for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input_is_refused_clearly_and_changes_nothing(
    case: dict[str, str], tmp_path: Path, built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kind, _, detail = case["target"].partition(":")
    source = BAD / case["name"]
    if kind == "check":
        folder = tmp_path / "data"
        shutil.copytree(embedded_data_dir(), folder)
        shutil.copyfile(source, folder / detail)
        before = _digest(folder)
        code = main(["data", "check", str(folder)])
        assert _digest(folder) == before
    elif kind == "build":
        out = tmp_path / "out"
        shutil.copytree(built, out)
        before = _digest(out)
        code = main(
            [
                "data",
                "build",
                "--manifest",
                str(MANIFEST),
                "--out",
                str(out),
                f"--{detail}",
                str(source),
            ]
        )
        assert _digest(out) == before  # the earlier build is untouched
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging left behind
    else:
        extra = ["--budgets", "0,100000"] if kind == "curve" else []
        code = main([kind, "--scenario", str(source), *extra])
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert code != 0
    assert "Traceback" not in text
    assert _located(text, case), text[-2000:]
    assert " / " in text or "\n" in captured.err  # both languages
    assert len(text.splitlines()) <= 2 * 205  # capped, never millions of lines
