"""Browser-test fixtures: the app on the embedded data, offline tiles, a fresh SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import OUTPUT


@pytest.fixture
def app_duo(dash_duo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SERVICEKARTAN_TILE_URL", "none")  # CI has no internet for tiles
    monkeypatch.setenv("SERVICEKARTAN_DB", str(tmp_path / "saved.sqlite3"))
    from dashapp.app import app

    dash_duo.start_server(app)
    try:
        dash_duo.wait_for_element(".sk-kpi", timeout=30)
    except Exception:
        screenshot(dash_duo, "startup_failure")
        print(dash_duo.get_logs())
        raise
    return dash_duo


def screenshot(duo, name: str) -> None:  # type: ignore[no-untyped-def]
    OUTPUT.mkdir(exist_ok=True)
    duo.driver.save_screenshot(str(OUTPUT / f"{name}.png"))


def kpi_text(duo, key: str) -> str:  # type: ignore[no-untyped-def]
    return duo.find_element(f'[id=\'{{"key":"{key}","type":"kpi"}}\']').text
