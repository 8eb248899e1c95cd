"""A new user's first look: the county map with its 50 tätorter, in headless Chromium."""

from __future__ import annotations

import pytest
from dash.testing.wait import until

from tests.conftest import OUTPUT

pytestmark = pytest.mark.e2e


def test_map_shows_kommuner_and_all_tatorter(dash_duo, browser_app) -> None:  # type: ignore[no-untyped-def]
    dash_duo.start_server(browser_app)
    dash_duo.wait_for_element(".leaflet-container", timeout=20)
    dash_duo.wait_for_element("#map .sk-place-tatort", timeout=20)
    tatorter = dash_duo.find_elements("#map .sk-place-tatort")
    assert len(tatorter) == 50
    # The kommun boundaries are a layer of their own and may draw a moment later.
    until(lambda: len(dash_duo.find_elements("#map .leaflet-overlay-pane path")) >= 8, timeout=10)
    # the first service type's points are on from the start, in the registry's colour
    from models.dataset import load_dataset
    from models.paths import embedded_data_dir

    shops = (load_dataset(embedded_data_dir()).points.service == "grocery").sum()
    until(lambda: len(dash_duo.find_elements("#map .sk-point-grocery")) == shops, timeout=10)
    assert "SCB" in dash_duo.find_element("footer").text
    assert "OpenStreetMap" in dash_duo.find_element("footer").text
    OUTPUT.mkdir(exist_ok=True)
    dash_duo.driver.save_screenshot(str(OUTPUT / "first_page.png"))
