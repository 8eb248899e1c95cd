"""Background work in the browser, on the default manager (local processes and a disk cache):
the budget curve with its progress and "Avbryt", a slow solve, and the robustness run."""

from __future__ import annotations

import time
from collections.abc import Callable

import psutil
import pytest
from selenium.webdriver.common.keys import Keys

from dashapp.i18n import number as formatted
from models.dataset import load_dataset
from models.paths import embedded_data_dir
from models.scenario import default_scenario
from models.stress import stress_test
from tests.e2e.conftest import kpi_text, screenshot

pytestmark = pytest.mark.e2e

PROGRESS = "#curve-progress"
LIMIT_S = 90  # waiting for the page, not a test assertion


def _until(condition: Callable[[], bool], timeout: float = LIMIT_S) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("the page never got there")


def _click(duo, selector: str) -> None:  # type: ignore[no-untyped-def]
    element = duo.find_element(selector)
    duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    duo.driver.execute_script("arguments[0].click();", element)


def _open_tab(duo, label: str) -> None:  # type: ignore[no-untyped-def]
    xpath = f"//a[contains(@class, 'nav-link') and text()='{label}']"
    tab = duo.driver.find_element("xpath", xpath)
    duo.driver.execute_script("arguments[0].click();", tab)


def _shown(duo, selector: str) -> bool:  # type: ignore[no-untyped-def]
    found = duo.find_elements(selector)
    return bool(found) and found[0].is_displayed()


def _points(duo, selector: str) -> int:  # type: ignore[no-untyped-def]
    """How many points the Plotly curve inside ``selector`` draws."""
    script = (
        "const g = document.querySelector(arguments[0] + ' .js-plotly-plot');"
        "return g && g.data ? g.data[0].x.length : 0;"
    )
    return int(duo.driver.execute_script(script, selector))


def _jobs() -> list[psutil.Process]:
    """The background jobs running now: processes forked from this one (the test server runs
    in this process), which share its command line."""
    me = psutil.Process()
    return [c for c in me.children() if c.is_running() and c.cmdline() == me.cmdline()]


def _size(duo, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    duo.driver.set_window_size(width, height)


# What the page showed while the curve ran, recorded in the page at every change: the default
# curve takes about a second in this process, over before WebDriver has looked twice.
RECORD = """
window.__seen = {points: [], cancel: [], progress: []};
new MutationObserver(function () {
  const graph = document.querySelector('#curve-progress .js-plotly-plot');
  if (graph && graph.data && graph.data.length) window.__seen.points.push(graph.data[0].x.length);
  const cancel = document.getElementById('curve-cancel');
  if (cancel && !cancel.hidden) window.__seen.cancel.push(cancel.textContent);
  window.__seen.progress.push(document.getElementById('curve-progress').textContent);
}).observe(document.body, {subtree: true, childList: true, attributes: true});
"""


def _open_slow_curve(duo) -> None:  # type: ignore[no-untyped-def]
    """The default scenario with a 20-minute sharing limit: its curve takes several seconds,
    so a person (and the test) can watch it run and press "Avbryt"."""
    from dataclasses import replace

    from dashapp.scenario_form import url_query

    data = load_dataset(embedded_data_dir())
    slow = replace(default_scenario(data.registry), max_share_min=20.0)
    duo.driver.get(f"{duo.server_url}/{url_query(slow, 'sv', False)}")
    duo.wait_for_element(".sk-kpi", timeout=LIMIT_S)
    _until(lambda: duo.find_element("#stale").text == "" and not _shown(duo, "#solving"))


def test_the_curve_shows_its_progress_and_draws_its_points(app_duo) -> None:  # type: ignore[no-untyped-def]
    _open_slow_curve(app_duo)
    _open_tab(app_duo, "Budgetkurva")
    app_duo.driver.execute_script(RECORD)
    _click(app_duo, "#curve-button")
    app_duo.wait_for_contains_text(PROGRESS, "Beräknar budget", timeout=LIMIT_S)
    for width, height in ((1920, 1080), (1366, 768)):
        _size(app_duo, width, height)
        screenshot(app_duo, f"curve_progress_{width}")
    _until(lambda: _points(app_duo, "#curve-graph") == 10)
    seen = app_duo.driver.execute_script("return window.__seen")
    # "Avbryt" and the count showed while it ran, and the points arrived while it ran: part
    # of the curve was drawn before the whole
    assert "Avbryt" in seen["cancel"]
    assert any(" av 10 …" in text for text in seen["progress"])
    assert any(1 <= n < 10 for n in seen["points"]), seen["points"]
    # done: the progress and "Avbryt" are gone, the priority list is filled
    _until(lambda: app_duo.find_element(PROGRESS).text == "")
    assert not _shown(app_duo, "#curve-cancel")
    _until(lambda: len(app_duo.find_elements("#priority-table .ag-cell[col-id='place']")) > 0)
    screenshot(app_duo, "curve_done")


def test_a_curve_of_twenty_points_on_request(app_duo) -> None:  # type: ignore[no-untyped-def]
    _open_tab(app_duo, "Budgetkurva")
    app_duo.driver.execute_script(RECORD)
    label = app_duo.driver.find_element(
        "xpath", "//*[@id='curve-points']//label[normalize-space()='20']"
    )
    app_duo.driver.execute_script("arguments[0].click();", label)
    _click(app_duo, "#curve-button")
    _until(lambda: _points(app_duo, "#curve-graph") == 20)
    seen = app_duo.driver.execute_script("return window.__seen")
    assert any(" av 20 …" in text for text in seen["progress"])
    screenshot(app_duo, "curve_20_points")


def test_avbryt_and_a_new_budget_cancel_the_curve(app_duo) -> None:  # type: ignore[no-untyped-def]
    _open_slow_curve(app_duo)
    _open_tab(app_duo, "Budgetkurva")
    _click(app_duo, "#curve-button")
    app_duo.wait_for_contains_text(PROGRESS, "Beräknar budget", timeout=LIMIT_S)
    assert len(_jobs()) == 1
    _click(app_duo, "#curve-cancel")
    # the run ends: its progress goes at once, "Avbryt" when the page hears it has stopped
    _until(lambda: app_duo.find_element(PROGRESS).text == "")
    _until(lambda: not _shown(app_duo, "#curve-cancel"))
    assert _points(app_duo, "#curve-graph") == 0  # nothing drawn from the cancelled run
    _until(lambda: not _jobs())  # and its process is gone, not left solving
    # a changed scenario cancels a running curve too
    _click(app_duo, "#curve-button")
    app_duo.wait_for_contains_text(PROGRESS, "Beräknar budget", timeout=LIMIT_S)
    field = app_duo.find_element("#budget-input")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("900000", Keys.ENTER)
    _until(lambda: app_duo.find_element(PROGRESS).text == "")
    _until(lambda: not _shown(app_duo, "#curve-cancel"))
    assert _points(app_duo, "#curve-graph") == 0
    _until(lambda: not _jobs())
    app_duo.wait_for_contains_text('[id=\'{"key":"cost","type":"kpi"}\']', "900", timeout=LIMIT_S)


def test_lift_the_worst_kommun_solves_in_the_background(app_duo) -> None:  # type: ignore[no-untyped-def]
    before = kpi_text(app_duo, "grocery")
    app_duo.driver.execute_script("document.querySelector('.sk-advanced-wrap').open = true;")
    _click(app_duo, "label[for='_dbcprivate_radioitems_fairness_input_maximin']")
    # while it solves: "Beräknar …" and the old figures marked as out of date
    _until(lambda: _shown(app_duo, "#solving"))
    assert "Beräknar" in app_duo.find_element("#solving").text
    assert "Inaktuellt" in app_duo.find_element("#stale").text
    screenshot(app_duo, "maximin_solving")
    _until(lambda: not _shown(app_duo, "#solving") and app_duo.find_element("#stale").text == "")
    assert kpi_text(app_duo, "grocery") != before


def test_robustness_closes_the_most_critical_points(app_duo) -> None:  # type: ignore[no-untyped-def]
    data = load_dataset(embedded_data_dir())
    expected = stress_test(data, default_scenario(data.registry), 3)
    _open_tab(app_duo, "Kritiska punkter")
    field = app_duo.find_element("#robust-k")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("3")
    app_duo.wait_for_text_to_equal(
        "#robust-button", "Robusthet: stäng de 3 mest kritiska punkterna"
    )
    _click(app_duo, "#robust-button")
    cell = "#robust-service-table .ag-row .ag-cell[col-id='losing']"
    _until(lambda: len(app_duo.find_elements(cell)) == len(expected.losses))
    shown = {c.text for c in app_duo.find_elements(cell)}
    wanted = {formatted(x.people_losing, "sv").replace("\u00a0", " ") for x in expected.losses}
    assert shown == wanted
    kommuner = {
        c.text for c in app_duo.find_elements("#robust-kommun-table .ag-cell[col-id='kommun']")
    }
    names = dict(zip(data.kommun_kod, data.kommun_names, strict=True))
    assert kommuner and kommuner <= {str(names[code]) for code, _, _ in expected.losses_by_kommun}
    assert app_duo.find_element("#robust-closed").text.startswith("Stängda punkter: ")
    for width, height in ((1920, 1080), (1366, 768)):
        _size(app_duo, width, height)
        app_duo.driver.execute_script(
            "document.querySelector('.sk-robustness').scrollIntoView({block: 'start'});"
        )
        screenshot(app_duo, f"robustness_{width}")
