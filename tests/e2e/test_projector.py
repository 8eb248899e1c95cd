"""The live surface on a projector (issue 9): bad budget text, stale and busy marks, the layout
at 1920×1080 and 1366×768, names at kommun zoom, the village card, "Begränsa stödet till"."""

from __future__ import annotations

import re

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


# A request that asks for a result (its output, not an input that reads one); a background
# job's polls (``cacheKey`` in the address) are the same solve, not another.
_COUNT_SOLVES = """
window.skSolves = 0;
const original = window.fetch;
window.fetch = function (url, options) {
  let output = '';
  try { output = JSON.parse(options.body).output; } catch (e) {}
  if (output.includes('result-store.data') && !String(url).includes('cacheKey=')) {
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
    # "Hela korgen" says what it is where it is read, above the fold (issue 9 items 6, 9)
    assert "Hela korgen: når dagligvaror" in app_duo.find_element(BASKET).text
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
    # zoom in toward a kommun (two steps from the county fit; a third or fourth if the page was
    # still fitting the county when the first click came, on a slow machine)
    for _ in range(4):
        click_when_settled(app_duo, ".leaflet-control-zoom-in")
        until(lambda: not app_duo.find_elements("#map.leaflet-zoom-anim"), timeout=10)
        if len(app_duo.find_elements("#map .sk-place-label")) > 3:
            break
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


_VIEW = "return document.querySelector('#map .leaflet-map-pane').style.transform"


def _mode(duo, mode: str) -> None:  # type: ignore[no-untyped-def]
    click_when_settled(duo, f"label[for='_dbcprivate_radioitems_mode_input_{mode}']")


def test_undo_walks_back_several_steps_and_leaves_the_map_alone(app_duo) -> None:  # type: ignore[no-untyped-def]
    """Issue 9 item 2: budget 3 → 4 → 5 mnkr and a mode switch, then four clicks on Ångra
    bring back each earlier scenario in turn; the map stays where the facilitator left it."""
    for _zoom in range(2):
        click_when_settled(app_duo, ".leaflet-control-zoom-in")
    until(lambda: not app_duo.find_elements("#map.leaflet-zoom-anim"), timeout=10)
    for budget in ("3 000 000", "4 000 000", "5 000 000"):
        type_budget(app_duo, budget)
        app_duo.wait_for_contains_text(COST, f"av {budget} kr", timeout=30)
    _mode(app_duo, "self_sufficient")
    app_duo.wait_for_contains_text("#kpi-help", "en och samma ort", timeout=30)
    view = app_duo.driver.execute_script(_VIEW)
    expected = ["5 000 000", "4 000 000", "3 000 000", "2 000 000"]
    for step, budget in enumerate(expected):
        click_when_settled(app_duo, "#undo")
        app_duo.wait_for_contains_text(COST, f"av {budget} kr", timeout=30)
        until(lambda budget=budget: field_value(app_duo) == budget, timeout=10)
        if step == 0:  # the first undo takes back the mode, not the budget
            app_duo.wait_for_contains_text("#kpi-help", "olika orter", timeout=30)
        assert app_duo.driver.execute_script(_VIEW) == view  # no zooming out
    screenshot(app_duo, "undo_four_steps")


def _text(duo) -> str:  # type: ignore[no-untyped-def]
    return str(duo.find_element("body").text).replace("\u00a0", " ")


# Issue 9 item 11: the words a room reads, and none of the old ones or of the other language.
WORDS = {
    "sv": {
        "page": [
            "jämfört med om inget görs",
            "Arbetssätt",
            "bästa möjliga plan (bevisat)",
            "Hela korgen: når",
            "Använd budget",
        ],
        "card": [
            "Uteslut",
            "Därför stöds orten",
            "i planen når",
            "räknat mot alla dagens servicepunkter",
        ],
        "actions": ["Personer som bara nås härifrån"],
        "never": [
            "mot att inget görs",
            "Lås ute",
            "Varför vald",
            "Modell",
            "Optimalitet",
            "bevisat optimal",
            "gap",
            "Viktade personer",
            "Från budget",
            "budget_sek",
            "place_id",
            "kommun_kod",
            "data build",
            "Search",
            "personer personer",
        ],
    },
    "en": {
        "page": [
            "compared with doing nothing",
            "Approach",
            "best possible plan (proven)",
            "Whole basket: reach",
            "Budget used",
        ],
        "card": [
            "Exclude",
            "Why the place is supported",
            "in the plan",
            "counted against all of today's service points",
        ],
        "actions": ["People reached only from here"],
        "never": [
            "jämfört",
            "Hela korgen",
            "personer",
            " kr",
            "mnkr",
            "gap 0",
            "budget_sek",
            "place_id",
            "kommun_kod",
            "Sök",
            "Lock out",
        ],
    },
}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_words_a_facilitator_reads(app_duo, language) -> None:  # type: ignore[no-untyped-def]
    words = WORDS[language]
    set_viewport(app_duo, 1366, 768)
    app_duo.driver.get(app_duo.server_url + f"/?lang={language}")
    app_duo.wait_for_element(".sk-kpi", timeout=30)
    until(lambda: all(w in _text(app_duo) for w in words["page"]), timeout=30)
    plan = run_scenario(load_dataset(embedded_data_dir()), Scenario())
    supported = next(a for a in plan.actions if a.action == "keep" and a.people_only_here > 0)
    marker = app_duo.find_element(f"#map .sk-id-{supported.place_id}")
    ActionChains(app_duo.driver).move_to_element(marker).click().perform()
    app_duo.wait_for_contains_text(".offcanvas-title", supported.place_name, timeout=30)
    card = app_duo.find_element(".offcanvas.sk-card")
    until(lambda: all(w in card.text for w in words["card"]), timeout=20)
    seen = _text(app_duo) + card.text
    click_when_settled(app_duo, ".offcanvas .btn-close")
    tab = {"sv": "Åtgärder", "en": "Actions"}[language]
    tab_link = app_duo.driver.find_element(
        "xpath", f"//a[contains(@class, 'nav-link') and text()='{tab}']"
    )
    app_duo.driver.execute_script("arguments[0].click();", tab_link)
    until(lambda: all(w in _text(app_duo) for w in words["actions"]), timeout=20)
    for other in ("Data", "Export"):
        link = app_duo.driver.find_element(
            "xpath", f"//a[contains(@class, 'nav-link') and text()='{other}']"
        )
        app_duo.driver.execute_script("arguments[0].click();", link)
        seen += _text(app_duo)
    leaks = [w for w in words["never"] if w in seen]
    assert leaks == []
    screenshot(app_duo, f"words_{language}_1366x768")


_SWATCHES = """
return [...document.querySelectorAll('.sk-diff-legend .sk-legend-swatch')]
  .map(s => [s.parentElement.textContent, getComputedStyle(s).backgroundColor]);
"""


def test_the_difference_map_has_a_legend_and_its_counts_units(app_duo) -> None:  # type: ignore[no-untyped-def]
    """Issue 9 item 8: one colour per scenario for places and people alike, said in a legend,
    and "Bara i A: 1 ort" with its unit."""
    tab = app_duo.driver.find_element(
        "xpath", "//a[contains(@class, 'nav-link') and text()='Scenarier']"
    )
    app_duo.driver.execute_script("arguments[0].click();", tab)
    for name, budget in (("Liten", "500 000"), ("Stor", "3 000 000")):
        type_budget(app_duo, budget)
        app_duo.wait_for_contains_text(COST, f"av {budget} kr", timeout=30)
        field = app_duo.find_element("#scenario-name")
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(name)
        app_duo.driver.execute_script("arguments[0].click();", app_duo.find_element("#save"))
        app_duo.wait_for_contains_text("#save-message", name, timeout=20)
    app_duo.wait_for_contains_text("#compare-pick", "Stor", timeout=20)
    for box in app_duo.find_elements("#compare-pick input"):
        app_duo.driver.execute_script("arguments[0].click();", box)
    app_duo.wait_for_element("#diff-map .sk-gained", timeout=40)
    summary = app_duo.find_element("#diff-summary").text.replace("\u00a0", " ")
    # each count says what it counts: "14 577 personer", "1 ort", "5 orter"
    counts = re.findall(r"Bara i (?:Liten|Stor) \(#\d\): ([\d ]+ \w+)", summary)
    assert len(counts) == 2 and all(c.split()[-1] in ("ort", "orter") for c in counts), summary
    assert re.search(r"Stor \(#2\) men inte i Liten \(#1\): [\d ]+ personer", summary)
    swatches = dict(app_duo.driver.execute_script(_SWATCHES))
    first = ("Ort stöds bara i första scenariot", "Befolkning som nås bara i första")
    second = ("Ort stöds bara i andra scenariot", "Befolkning som nås bara i andra")
    assert swatches[first[0]] == swatches[first[1]]
    assert swatches[second[0]] == swatches[second[1]]
    assert swatches[first[0]] != swatches[second[0]]
    legend = app_duo.find_element(".sk-diff-legend")
    app_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'end'});", legend)
    screenshot(app_duo, "difference_map_legend")
