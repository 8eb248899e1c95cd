"""Workshop rooms in headless Chromium: a facilitator's tab and a participant's tab (each its own
session storage, so each its own room), and a save the server never acknowledges."""

from __future__ import annotations

import re
import time

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.keys import Keys

from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.e2e

ROOM_NAME = "Grupp <b>Ljungby</b> & Co"  # a name from a user is shown as text, never HTML


def _click(duo, element) -> None:  # type: ignore[no-untyped-def]
    duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    duo.driver.execute_script("arguments[0].click();", element)


def _open_tab(duo, label: str) -> None:  # type: ignore[no-untyped-def]
    xpath = f"//a[contains(@class, 'nav-link') and text()='{label}']"
    _click(duo, duo.driver.find_element("xpath", xpath))


def _button(duo, text: str, within: str = "") -> None:  # type: ignore[no-untyped-def]
    """Click the button a person reads as ``text``."""
    scope = f"//*[@id='{within}']" if within else ""
    _click(duo, duo.driver.find_element("xpath", f"{scope}//button[normalize-space()='{text}']"))


def _type(duo, selector: str, text: str) -> None:  # type: ignore[no-untyped-def]
    field = duo.find_element(selector)
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    field.send_keys(text)


def _until(condition, timeout: float = 20) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not _holds(condition):
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.1)


def _holds(condition) -> bool:  # type: ignore[no-untyped-def]
    try:
        return bool(condition())
    except StaleElementReferenceException:  # the list re-rendered while it was read
        return False


def _set_budget(duo, typed: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    """Type a budget until the field shows it: a panel rebuilt meanwhile takes it again."""

    def typed_in() -> bool:
        try:
            field = duo.find_element("#budget-input")
            if str(field.get_attribute("value")).replace("\xa0", " ") == shown:
                return True
            field.send_keys(Keys.CONTROL, "a")
            field.send_keys(typed, Keys.ENTER)
        except StaleElementReferenceException:
            pass
        return False

    _until(typed_in)


def _save(duo, name: str) -> None:  # type: ignore[no-untyped-def]
    _type(duo, "#scenario-name", name)
    _click(duo, duo.find_element("#save"))


def _names(duo) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.text for e in duo.find_elements("#saved-list .sk-saved-name")]


def _row(duo, name: str) -> str:  # type: ignore[no-untyped-def]
    """The xpath of the saved row that shows ``name``."""
    return f"//li[contains(@class,'sk-saved-row')][.//strong[normalize-space()='{name}']]"


def _open_room(duo, name: str) -> str:  # type: ignore[no-untyped-def]
    _type(duo, "#room-name", name)
    _button(duo, "Öppna nytt rum")
    duo.wait_for_contains_text("#room-message", "är öppnat", timeout=20)
    return str(duo.find_element(".sk-room-code").text)


def test_two_rooms_each_see_their_own_scenarios(app_duo) -> None:  # type: ignore[no-untyped-def]
    duo, driver = app_duo, app_duo.driver
    driver.set_window_size(1920, 1080)
    facilitator = driver.current_window_handle
    _open_tab(duo, "Scenarier")
    code = _open_room(duo, ROOM_NAME)
    assert re.fullmatch(r"[2-9A-Z]{3}-[2-9A-Z]{3}", code), code
    assert ROOM_NAME in duo.find_element("#room-badge").text  # as typed, not as markup
    assert driver.find_elements("css selector", "#room-badge b") == []
    _until(lambda: f"rum={code.replace('-', '')}" in driver.current_url)
    screenshot(duo, "rooms_facilitator_1920")

    # The participant: a tab of their own, in the open workspace until they join
    driver.switch_to.new_window("tab")
    driver.get(duo.server_url)
    duo.wait_for_element(".sk-kpi", timeout=30)
    duo.wait_for_text_to_equal("#room-badge", "Öppen arbetsyta")
    _open_tab(duo, "Scenarier")
    _type(duo, "#room-code", "abc")
    _button(duo, "Gå med")
    duo.wait_for_contains_text("#room-message", "”abc” är ingen rumskod")
    _type(duo, "#room-code", "222-222")
    _button(duo, "Gå med")
    duo.wait_for_contains_text("#room-message", "Det finns inget rum med koden 222-222")
    assert duo.find_element("#room-badge").text == "Öppen arbetsyta"  # nothing changed
    _type(duo, "#room-code", code.lower())  # as a person types it: k7m-pqr
    _button(duo, "Gå med")
    duo.wait_for_contains_text("#room-badge", code)
    _save(duo, "Deltagarnas plan")
    duo.wait_for_contains_text("#save-message", "Sparat: Deltagarnas plan", timeout=30)
    duo.wait_for_text_to_equal("#save-pending", "")  # the acknowledgement replaced "Sparar …"
    assert "alert" not in str(duo.find_element("#save-pending").get_attribute("class"))
    # Opened and saved again under its name: a new version of it, still one row
    _until(lambda: _names(duo) == ["Deltagarnas plan"])
    _click(duo, driver.find_element("xpath", _row(duo, "Deltagarnas plan") + "//button[.='Öppna']"))
    _until(lambda: duo.find_element("#scenario-name").get_attribute("value") == "Deltagarnas plan")
    _set_budget(duo, "750000", "750 000")  # the control panel is rebuilt as it opens
    duo.wait_for_contains_text('[id=\'{"key":"cost","type":"kpi"}\']', "7", timeout=30)
    _click(duo, duo.find_element("#save"))
    duo.wait_for_contains_text("#save-message", "en ny version av #1", timeout=30)
    _until(lambda: _names(duo) == ["Deltagarnas plan"])
    duo.wait_for_contains_text("#saved-list", "Versioner (2)")

    # The facilitator's list, after a reload (the tab stays in its room), shows it
    driver.switch_to.window(facilitator)
    driver.refresh()
    duo.wait_for_element(".sk-kpi", timeout=30)
    duo.wait_for_contains_text("#room-badge", code, timeout=20)
    _open_tab(duo, "Scenarier")
    _until(lambda: _names(duo) == ["Deltagarnas plan"])

    # Rename and hide from the row: new versions, nothing removed
    _click(duo, driver.find_element("xpath", _row(duo, "Deltagarnas plan") + "//summary[1]"))
    rename = driver.find_element("xpath", _row(duo, "Deltagarnas plan") + "//input")
    rename.send_keys(Keys.CONTROL, "a", Keys.DELETE)
    rename.send_keys("Plan för Ljungby")
    _button(duo, "Spara namnet")
    _until(lambda: _names(duo) == ["Plan för Ljungby"])
    duo.wait_for_contains_text("#saved-list", "Versioner (3)")
    driver.set_window_size(1366, 768)
    screenshot(duo, "rooms_list_1366")
    _click(duo, driver.find_element("xpath", _row(duo, "Plan för Ljungby") + "//button[.='Dölj']"))
    duo.wait_for_contains_text("#saved-row-message", "är dold")
    _until(lambda: _names(duo) == [])
    _click(duo, duo.find_element("#show-hidden"))
    duo.wait_for_contains_text("#saved-list", "(dold)")
    _button(duo, "Visa igen", within="saved-list")
    duo.wait_for_contains_text("#saved-row-message", "visas igen")
    _click(duo, duo.find_element("#show-hidden"))
    _until(lambda: _names(duo) == ["Plan för Ljungby"])
    duo.wait_for_contains_text("#saved-list", "Versioner (5)")

    # A second room sees none of it; the projector shows which room is in use
    _open_room(duo, "Grupp 2")
    duo.wait_for_contains_text("#saved-list", "Inga sparade scenarier ännu")
    _click(duo, duo.find_element("#workshop"))
    duo.wait_for_element(".sk-workshop #room-badge")
    assert "Grupp 2" in duo.find_element("#room-badge").text
    driver.set_window_size(1920, 1080)
    screenshot(duo, "rooms_second_room_workshop_1920")
    _button(duo, "Lämna rummet")
    duo.wait_for_text_to_equal("#room-badge", "Öppen arbetsyta")
    duo.wait_for_contains_text("#saved-list", "Inga sparade scenarier ännu")
    _until(lambda: "rum=" not in driver.current_url)


def test_a_save_cut_off_says_it_was_not_confirmed(app_duo) -> None:  # type: ignore[no-untyped-def]
    duo, driver = app_duo, app_duo.driver
    driver.set_window_size(1366, 768)
    _open_tab(duo, "Scenarier")
    # The connection breaks: the browser's request to save fails for real, no server reply
    offline = {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", offline)
    _save(duo, "Avbruten")
    duo.wait_for_text_to_equal(
        "#save-pending", "Sparandet bekräftades inte – kontrollera listan och spara igen.", 20
    )
    assert duo.find_element("#save-message").text == ""  # no success shown for it
    assert "alert-warning" in str(duo.find_element("#save-pending").get_attribute("class"))
    screenshot(duo, "rooms_save_unconfirmed_1366")
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {**offline, "offline": False})
    _save(duo, "Sparad igen")
    duo.wait_for_contains_text("#save-message", "Sparat: Sparad igen", timeout=30)
    duo.wait_for_text_to_equal("#save-pending", "")
    _until(lambda: _names(duo) == ["Sparad igen"])
