"""The tables as a reader sees them: cell text written the Swedish way, numeric sorting, and a
row that opens its place's card (AG Grid, under the app's CSP)."""

from __future__ import annotations

import time

import pytest
from selenium.common.exceptions import StaleElementReferenceException

from dashapp import formats
from models.access import access_today
from models.dataset import load_dataset
from models.paths import embedded_data_dir
from models.run import run_scenario
from models.scenario import Scenario
from tests.e2e.conftest import click_when_settled, screenshot

pytestmark = pytest.mark.e2e

SIZES = ((1920, 1080), (1366, 768))


def _seen(text: str) -> str:
    """A figure as WebDriver reports it (non-breaking spaces become spaces)."""
    return text.replace("\u00a0", " ")


def _cell(table: str, row_id: str, column: str) -> str:
    return f"#{table} .ag-row[row-id='{row_id}'] .ag-cell[col-id='{column}']"


def _column(duo, table: str, column: str) -> list[str]:  # type: ignore[no-untyped-def]
    """A column's cell texts in the order the grid shows its rows (the DOM order of AG Grid's
    rows is not their visual order; ``row-index`` is)."""
    rows = duo.find_elements(f"#{table} .ag-center-cols-container .ag-row")
    ordered = sorted(rows, key=lambda r: int(r.get_attribute("row-index")))
    return [r.find_element("css selector", f".ag-cell[col-id='{column}']").text for r in ordered]


def _into_view(duo, selector: str) -> None:  # type: ignore[no-untyped-def]
    """Tables sit below the map: scroll there as a person would before clicking."""
    element = duo.wait_for_element(selector, timeout=20)
    duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)


def _until(condition, timeout: float = 20) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
        except StaleElementReferenceException:  # the grid re-rendered while we read it
            pass
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.1)


def _open_tab(duo, label: str) -> None:  # type: ignore[no-untyped-def]
    tab = duo.driver.find_element(
        "xpath", f"//a[contains(@class, 'nav-link') and text()='{label}']"
    )
    duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", tab)
    duo.driver.execute_script("arguments[0].click();", tab)


def _shoot(duo, element_selector: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """The tab at both projector sizes, scrolled so the table is in view."""
    for width, height in SIZES:
        duo.driver.set_window_size(width, height)
        element = duo.find_element(element_selector)
        duo.driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", element)
        time.sleep(0.5)  # the grid refits its columns to the new width (a picture, not a check)
        screenshot(duo, f"{name}_{width}x{height}")


def test_actions_table_reads_swedish_sorts_numbers_and_opens_the_card(app_duo) -> None:  # type: ignore[no-untyped-def]
    actions = run_scenario(load_dataset(embedded_data_dir()), Scenario()).actions
    first = actions[0]
    row_id = f"{first.place_id}/{first.service}"
    cost = _cell("actions-table", row_id, "cost")
    app_duo.wait_for_element(cost, timeout=30)
    # the cell's text is the model's figure written the Swedish way
    assert app_duo.find_element(cost).text == _seen(formats.money(first.cost_sek, "sv"))
    only = app_duo.find_element(_cell("actions-table", row_id, "only_it")).text
    assert only == _seen(formats.number(first.people_only_here, "sv"))
    assert app_duo.find_element(_cell("actions-table", row_id, "kommun")).text == first.kommun
    assert not app_duo.find_elements("#actions-table [col-id='place_id']")  # ids stay hidden

    # sorting the cost column sorts by the number, not the text ("95 000" < "260 000")
    page = min(len(actions), 15)
    header = "#actions-table .ag-header-cell[col-id='cost'] .ag-header-cell-label"
    costs = sorted(a.cost_sek for a in actions)
    ascending = [_seen(formats.money(c, "sv")) for c in costs[:page]]
    descending = [_seen(formats.money(c, "sv")) for c in costs[::-1][:page]]
    _into_view(app_duo, header)
    click_when_settled(app_duo, header)
    _until(lambda: _column(app_duo, "actions-table", "cost") == ascending)
    click_when_settled(app_duo, header)
    _until(lambda: _column(app_duo, "actions-table", "cost") == descending)

    _shoot(app_duo, ".nav-tabs", "actions_tab")
    # a click on the top row, after sorting, opens that row's place
    app_duo.driver.set_window_size(1366, 768)
    top = "#actions-table .ag-row[row-index='0'] .ag-cell[col-id='place']"
    _into_view(app_duo, top)
    name = app_duo.find_element(top).text
    assert name in {a.place_name for a in actions if a.cost_sek == costs[-1]}
    click_when_settled(app_duo, top)
    app_duo.wait_for_contains_text(".offcanvas-title", name, timeout=20)
    screenshot(app_duo, "actions_row_opens_card_1366x768")


def test_nulage_table_reads_swedish(app_duo) -> None:  # type: ignore[no-untyped-def]
    data = load_dataset(embedded_data_dir())
    grocery = access_today(data, Scenario(), data.region.name)[0]  # the county, first service
    _open_tab(app_duo, "Nuläge")
    first_row = "#access-table .ag-row[row-index='0']"
    app_duo.wait_for_element(f"{first_row} .ag-cell[col-id='c0']", timeout=30)
    cells = {
        column: app_duo.find_element(f"{first_row} .ag-cell[col-id='{column}']").text
        for column in ("service", "population", "c0", "within")
    }
    assert cells == {
        "service": "Dagligvaror",
        "population": _seen(formats.number(grocery.population, "sv")),
        "c0": _seen(formats.percent(grocery.class_shares[0], "sv")),
        "within": _seen(formats.percent(grocery.within_threshold, "sv")),
    }
    app_duo.wait_for_element("#access-graph .js-plotly-plot", timeout=30)
    # the chart's ticks use the same separators: a decimal comma, never "10k"
    ticks = [t.text for t in app_duo.find_elements("#access-graph .ytick text")]
    assert ticks and not any(t.endswith("k") for t in ticks)
    _shoot(app_duo, ".nav-tabs", "nulage_tab")

    # "Mina orter" for Tingsryd: a place's population as the model has it, the Swedish way
    app_duo.find_element("#kommun option[value='0763']").click()
    j = list(data.places.names).index("Urshult")
    row = f"#my-places-table .ag-row[row-id='{data.places.ids[j]}']"
    app_duo.wait_for_element(row, timeout=30)
    population = app_duo.find_element(f"{row} .ag-cell[col-id='population']").text
    assert population == _seen(formats.number(float(data.places.population[j]), "sv"))
    _shoot(app_duo, "#my-places-table", "nulage_my_places")
