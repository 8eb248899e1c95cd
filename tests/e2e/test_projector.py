"""The live surface on a projector (issue 9): bad budget text, stale and busy marks, the layout
at 1920×1080 and 1366×768, names at kommun zoom, the village card, "Begränsa stödet till"."""

from __future__ import annotations

import pytest
from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from models.dataset import load_dataset
from models.paths import embedded_data_dir
from models.run import run_scenario
from models.scenario import Scenario
from tests.e2e.conftest import click_when_settled, kpi_text, screenshot

pytestmark = pytest.mark.e2e

COST = '[id=\'{"key":"cost","type":"kpi"}\']'
BASKET = '[id=\'{"key":"basket","type":"kpi"}\']'
SIZES = [(1920, 1080), (1366, 768)]

_RECT = """
const r = arguments[0].getBoundingClientRect();
return {left: r.left, top: r.top, right: r.right, bottom: r.bottom,
        width: window.innerWidth, height: window.innerHeight};
"""


def set_viewport(duo, width: int, height: int) -> None:  # type: ignore[no-untyped-def]
    """The page's own viewport (not the window, which includes the browser's frame)."""
    driver = duo.driver
    driver.set_window_size(width, height)
    inner_w, inner_h = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    driver.set_window_size(2 * width - inner_w, 2 * height - inner_h)


def rect(duo, selector: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    return duo.driver.execute_script(_RECT, duo.find_element(selector))  # type: ignore[no-any-return]


def in_view(box: dict[str, float]) -> bool:
    return (
        box["top"] >= 0
        and box["left"] >= 0
        and box["bottom"] <= box["height"] + 0.5
        and (box["right"] <= box["width"] + 0.5)
    )


def field_value(duo) -> str:  # type: ignore[no-untyped-def]
    """The budget field's text, thousands grouped by (non-breaking) spaces."""
    return str(duo.find_element("#budget-input").get_attribute("value")).replace("\xa0", " ")


def type_budget(duo, text: str) -> None:  # type: ignore[no-untyped-def]
    field = duo.find_element("#budget-input")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE, text, Keys.ENTER)


def test_bad_budget_text_is_refused_beside_the_field(app_duo) -> None:  # type: ignore[no-untyped-def]
    type_budget(app_duo, "-500000")
    app_duo.wait_for_contains_text("#budget-message", "kan inte vara negativ")
    assert "2 000 000 kr" in app_duo.find_element("#budget-message").text
    assert field_value(app_duo) == "2 000 000"
    assert "2 000 000" in kpi_text(app_duo, "cost")
    screenshot(app_duo, "budget_negative_refused")
    for text in ("abc", "2,5e6"):
        type_budget(app_duo, text)
        app_duo.wait_for_contains_text("#budget-message", f"”{text}” används inte")
        assert field_value(app_duo) == "2 000 000"
    type_budget(app_duo, "")
    app_duo.wait_for_contains_text("#budget-message", "Fältet är tomt")
    type_budget(app_duo, "2,5 mnkr")  # Swedish typing is understood
    app_duo.wait_for_contains_text(COST, "2 500 000")
    assert field_value(app_duo) == "2 500 000"
    assert app_duo.find_element("#budget-message").text == ""


def test_with_auto_solve_off_the_kpis_say_they_are_out_of_date(app_duo) -> None:  # type: ignore[no-untyped-def]
    assert app_duo.find_element("#stale").text == ""
    click_when_settled(app_duo, "label[for='auto-solve']")
    type_budget(app_duo, "500000")
    app_duo.wait_for_contains_text("#stale", "Inaktuellt")
    assert "sk-stale" in app_duo.find_element("#kpi-panel").get_attribute("class")
    assert "2 000 000" in kpi_text(app_duo, "cost")  # the old figures, marked
    screenshot(app_duo, "stale_kpis")
    click_when_settled(app_duo, "#solve")
    app_duo.wait_for_contains_text(COST, "500 000")
    until(lambda: app_duo.find_element("#stale").text == "", timeout=10)
    assert app_duo.find_element("#solving").get_attribute("hidden") is not None


_COUNT_SOLVES = """
window.skSolves = 0;
const original = window.fetch;
window.fetch = function (url, options) {
  if (options && typeof options.body === 'string' && options.body.includes('result-store.data')) {
    window.skSolves += 1;
  }
  return original.apply(this, arguments);
};
"""


def test_ten_arrow_presses_on_a_slider_solve_once(app_duo) -> None:  # type: ignore[no-untyped-def]
    click_when_settled(app_duo, ".sk-advanced-wrap summary")
    app_duo.driver.execute_script(_COUNT_SOLVES)
    thumb = app_duo.find_element("#colocation [role='slider']")
    thumb.send_keys(*([Keys.ARROW_RIGHT] * 10))
    until(lambda: app_duo.driver.execute_script("return window.skSolves") >= 1, timeout=20)
    until(lambda: app_duo.find_element("#stale").text == "", timeout=30)
    assert app_duo.driver.execute_script("return window.skSolves") <= 2
    assert thumb.get_attribute("aria-valuenow") == "50"


@pytest.mark.parametrize("workshop", [False, True], ids=["normal", "workshop"])
@pytest.mark.parametrize("size", SIZES, ids=["1920", "1366"])
def test_projector_layout(app_duo, size, workshop) -> None:  # type: ignore[no-untyped-def]
    set_viewport(app_duo, *size)
    app_duo.driver.get(app_duo.server_url + ("/?w=1" if workshop else "/"))  # opened at this size
    app_duo.wait_for_element(".sk-kpi", timeout=30)
    until(lambda: app_duo.find_elements(".sk-workshop") if workshop else True, timeout=10)
    for selector in (COST, BASKET, "#map-legend", "#map", "#budget-input"):
        box = rect(app_duo, selector)
        assert in_view(box), (selector, box)
    # the layer list is folded away, and the county fills the map
    assert not app_duo.find_elements(".leaflet-control-layers-expanded")
    county = app_duo.driver.execute_script(
        """const m = document.querySelector('#map').getBoundingClientRect();
        let l = 1e9, r = -1e9, t = 1e9, b = -1e9;
        document.querySelectorAll('#map .leaflet-overlay-pane path').forEach(p => {
          const x = p.getBoundingClientRect();
          l = Math.min(l, x.left); r = Math.max(r, x.right);
          t = Math.min(t, x.top); b = Math.max(b, x.bottom); });
        return Math.max((r - l) / m.width, (b - t) / m.height);"""
    )
    assert county > 0.75, county
    name = f"projector_{size[0]}x{size[1]}_{'workshop' if workshop else 'normal'}"
    screenshot(app_duo, name)


def test_map_layers_order_fade_and_names(app_duo) -> None:  # type: ignore[no-untyped-def]
    z = app_duo.driver.execute_script(
        """const z = n => +getComputedStyle(document.querySelector('#map .leaflet-' + n +
             '-pane')).zIndex;
        return [z('sk-demand'), z('overlay'), z('sk-places'), z('sk-points')];"""
    )
    assert z == sorted(z), z  # population under borders under places under service points
    assert app_duo.find_elements("#map .leaflet-sk-places-pane .sk-place-tatort")
    faded = app_duo.find_elements("#map .sk-point.sk-outside")
    assert faded and all(float(p.get_attribute("fill-opacity")) < 0.5 for p in faded)
    assert not app_duo.find_elements("#map .sk-place-label")  # no names at county zoom
    for _ in range(2):
        click_when_settled(app_duo, ".leaflet-control-zoom-in")
    until(lambda: len(app_duo.find_elements("#map .sk-place-label")) > 3, timeout=10)
    names = {e.get_attribute("textContent") for e in app_duo.find_elements("#map .sk-place-label")}
    data = load_dataset(embedded_data_dir())
    tatorter = {
        str(n) for n, k in zip(data.places.names, data.places.kind, strict=True) if k == "tatort"
    }
    assert names <= tatorter and names, names
    until(lambda: not app_duo.find_elements("#map.leaflet-zoom-anim"), timeout=10)
    screenshot(app_duo, "map_names_at_kommun_zoom")


def test_the_village_card_opens_beside_the_map(app_duo) -> None:  # type: ignore[no-untyped-def]
    set_viewport(app_duo, 1366, 768)
    data = load_dataset(embedded_data_dir())
    j = next(k for k in range(len(data.places)) if data.places.names[k] == "Lessebo")
    # a person clicks the village's centre, where its shop is drawn: the village's card opens
    place = app_duo.find_element(f"#map .sk-id-{data.places.ids[j]}")
    ActionChains(app_duo.driver).move_to_element(place).click().perform()
    app_duo.wait_for_contains_text(".offcanvas-title", "Lessebo")
    until(lambda: rect(app_duo, ".offcanvas.sk-card")["left"] >= -0.5, timeout=10)
    card, kpis = rect(app_duo, ".offcanvas.sk-card"), rect(app_duo, "#kpi-panel")
    assert card["right"] <= kpis["left"], (card, kpis)
    assert in_view(rect(app_duo, COST))
    screenshot(app_duo, "village_card_1366")


def test_restricting_support_keeps_the_county_view(app_duo) -> None:  # type: ignore[no-untyped-def]
    app_duo.find_element("#support-kommun option[value='0763']").click()
    app_duo.wait_for_contains_text("#support-note", "Tingsryd")
    expected = run_scenario(
        load_dataset(embedded_data_dir()), Scenario(candidate_kommuner=("0763",))
    )
    funded = {a.place_id for a in expected.actions}
    assert funded and all(a.kommun_kod == "0763" for a in expected.actions)

    def shown() -> set[str]:
        # one read in the page: the map redraws its markers while the plan arrives
        classes = app_duo.driver.execute_script(
            "return [...document.querySelectorAll('#map .sk-status-supported')]"
            ".map(e => e.getAttribute('class'))"
        )
        return {c.split("sk-id-")[1].split()[0] for c in classes}

    until(lambda: shown() == funded, timeout=30)
    assert app_duo.find_element("#kommun").get_attribute("value") == "all"  # the view: county
    cost = kpi_text(app_duo, "cost")
    assert "av 2 000 000 kr" in cost
    screenshot(app_duo, "support_restricted_tingsryd")


def test_figures_are_explained_and_settings_show_their_values(app_duo) -> None:  # type: ignore[no-untyped-def]
    app_duo.wait_for_contains_text("#kpi-help", "Hela korgen: personer som når alla tjänster")
    assert "Jämfört med i dag" in app_duo.find_element("#kpi-help").text
    click_when_settled(app_duo, "label[for='_dbcprivate_radioitems_mode_input_self_sufficient']")
    app_duo.wait_for_contains_text("#kpi-help", "en och samma ort")
    click_when_settled(app_duo, ".sk-advanced-wrap summary")
    values = app_duo.find_elements(".dash-slider-tooltip.always-visible")
    assert len([e for e in values if e.is_displayed()]) >= 14  # 5 services × 2, and four more
    assert any(e.text == "10 min" for e in values)
    assert not app_duo.find_element("#min-share-wrap").is_displayed()
    fairness = "label[for='_dbcprivate_radioitems_fairness_input_min_share']"
    app_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'});", app_duo.find_element(fairness)
    )
    click_when_settled(app_duo, fairness)
    until(lambda: app_duo.find_element("#min-share-wrap").is_displayed(), timeout=10)
    screenshot(app_duo, "settings_with_values")
