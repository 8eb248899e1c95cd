"""A new user's first look: the county map with its 50 tätorter, in headless Chromium."""

from __future__ import annotations

import pytest
from dash.testing.wait import until

from tests.conftest import OUTPUT

pytestmark = pytest.mark.e2e


def test_map_shows_kommuner_and_all_tatorter(dash_duo, monkeypatch) -> None:
    monkeypatch.setenv("SERVICEKARTAN_TILE_URL", "none")  # CI has no internet for tiles
    from dashapp.app import app

    dash_duo.start_server(app)
    dash_duo.wait_for_element(".leaflet-container", timeout=20)
    dash_duo.wait_for_element(".sk-place-tatort", timeout=20)
    tatorter = dash_duo.find_elements(".sk-place-tatort")
    assert len(tatorter) == 50
    # The kommun boundaries are a layer of their own and may draw a moment later.
    until(lambda: len(dash_duo.find_elements(".leaflet-overlay-pane path")) > 50 + 8, timeout=10)
    assert "SCB" in dash_duo.find_element("footer").text
    assert "OpenStreetMap" in dash_duo.find_element("footer").text
    OUTPUT.mkdir(exist_ok=True)
    dash_duo.driver.save_screenshot(str(OUTPUT / "first_page.png"))
