"""An official corrects the data in the browser: closes a shop, sees the figures move, takes it
back; adds a point by clicking the map; saves the corrections as a named data revision."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from selenium.webdriver.common.action_chains import ActionChains

from models.corrections import Correction
from models.scenario import Scenario
from tests.e2e.conftest import click_when_settled, kpi_text, screenshot
from tests.e2e.test_workshop_flows import _open_tab, _until, _wait_text, dataset, number, solve

pytestmark = pytest.mark.e2e


def _urshult() -> tuple[str, str]:
    data = dataset()
    k = next(
        k
        for k, name in enumerate(data.points.names.tolist())
        if "Urshult" in name and data.points.service[k] == "grocery"
    )
    return str(data.places.ids[data.points.place_index[k]]), str(data.points.ids[k])


def _open_card(duo, place_id: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """Click the village where it is drawn."""
    marker = duo.wait_for_element(f"#map .sk-id-{place_id}", timeout=20)
    ActionChains(duo.driver).move_to_element(marker).click().perform()
    _wait_text(duo, ".offcanvas-title", name)


def _click_in_card(duo, selector: str) -> None:  # type: ignore[no-untyped-def]
    """The card (and the page) scroll; bring the control into view, then click it like a
    person."""
    element = duo.wait_for_element(selector, timeout=10)
    duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    click_when_settled(duo, selector)


def test_closing_a_shop_changes_the_figures_and_undo_takes_it_back(app_duo) -> None:  # type: ignore[no-untyped-def]
    place_id, shop = _urshult()
    before = kpi_text(app_duo, "grocery")
    _open_card(app_duo, place_id, "Urshult")
    button = json.dumps(
        {"point": shop, "status": "closed", "type": "point-status"}, separators=(",", ":")
    )
    _click_in_card(app_duo, f"[id='{button}']")
    closed = solve(replace(Scenario(), corrections=(Correction("status", shop, "closed"),)))
    change = closed.covered_for("grocery").change_vs_today
    _until(lambda: kpi_text(app_duo, "grocery") != before, timeout=30)
    after = kpi_text(app_duo, "grocery")
    assert number(closed.covered_for("grocery").scenario, "sv") in after
    assert number(abs(change), "sv") in after
    # the shop is drawn faded and the card no longer lists it as open
    app_duo.wait_for_element(f"#map .sk-pid-{shop}.sk-gone", timeout=10)
    screenshot(app_duo, "correction_shop_closed")
    click_when_settled(app_duo, "#undo")
    _until(lambda: kpi_text(app_duo, "grocery") == before, timeout=30)
    _until(lambda: not app_duo.find_elements(f"#map .sk-pid-{shop}.sk-gone"))


def test_adding_a_point_on_the_map_and_saving_the_revision(app_duo) -> None:  # type: ignore[no-untyped-def]
    place_id, _ = _urshult()
    _open_card(app_duo, place_id, "Urshult")
    name_field = app_duo.find_element(
        f"[id='{json.dumps({'place': place_id, 'type': 'new-point-name'}, separators=(',', ':'))}']"
    )
    name_field.send_keys("Ombud <b>Urshult</b>")
    place_button = json.dumps({"place": place_id, "type": "new-point"}, separators=(",", ":"))
    _click_in_card(app_duo, f"[id='{place_button}']")
    app_duo.wait_for_element("#pick-banner:not([hidden])", timeout=10)
    marker = app_duo.find_element(f"#map .sk-id-{place_id}")
    ActionChains(app_duo.driver).move_to_element_with_offset(marker, 12, 12).click().perform()
    edit = app_duo.wait_for_element("#map .sk-edit", timeout=20)
    assert "sk-point-grocery" in edit.get_attribute("class")  # the first service is the default
    _until(lambda: app_duo.find_element("#pick-banner").get_attribute("hidden") is not None)
    click_when_settled(app_duo, ".offcanvas .btn-close")  # the card covers the page's right side
    _open_tab(app_duo, "Data")
    _wait_text(app_duo, "#correction-list", "Ny servicepunkt: Ombud <b>Urshult</b>")
    app_duo.find_element("#revision-name").send_keys("Nytt ombud i Urshult")
    _click_in_card(app_duo, "#revision-save")
    _wait_text(app_duo, "#revision-message", "Datarevisionen ”Nytt ombud i Urshult” är sparad.")
    _wait_text(app_duo, "#revision-status", "Datarevision ”Nytt ombud i Urshult”: 1 rättelse.")
    screenshot(app_duo, "correction_revision_saved")
