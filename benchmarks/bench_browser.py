"""What a facilitator waits for, measured in headless Chromium against gunicorn (2 workers):
cold load to KPIs, budget change to KPIs, village card, budget curve, a data correction.

    python -m benchmarks.bench_browser [--curve] [--celery]   (figures go into docs/benchmarks.md)

Each figure runs from the person's action (the Enter key, a click) until the first frame drawn
with the text they wait for, timed inside the page (benchmarks/page_clock.py), so it includes
every callback, request and render in between and nothing WebDriver adds; WebDriver's own view
is printed beside it.
"""

from __future__ import annotations

import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

from benchmarks.page_clock import CHOICE, CLICK, ENTER, Timing, install, loaded, watch, watched
from models.dataset import load_dataset
from models.paths import PROJECT_ROOT, embedded_data_dir

PORT = 8073
# Between reading the new figures and pressing the next button a person takes a moment; the
# script, without it, pressed the curve's button while the last budget's tables and map were
# still being redrawn, and timed that redraw as part of the curve (0.5–1 s).
PERSON_S = 1.0


def _wait(driver: Any, condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            driver.save_screenshot("/tmp/bench-browser-timeout.png")
            raise TimeoutError("the page never showed what was waited for (screenshot: /tmp)")
        time.sleep(0.01)


def _cold_load(driver: Any) -> Timing:
    driver.delete_all_cookies()
    started = time.perf_counter()
    driver.get(f"http://127.0.0.1:{PORT}/")
    return loaded(driver, started)


def _budget_change(driver: Any, budget: int) -> Timing:
    """Typed, then Enter (the field applies an amount on Enter or on leaving it): until the
    KPI cards show the amount, unmarked."""
    from selenium.webdriver.common.keys import Keys

    field = driver.find_element("id", "budget-input")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(str(budget))
    shown = f"{budget:,}".replace(",", " ")
    started = watch(driver, ENTER, [["#kpis", "includes", shown], ["#stale", "empty"]])
    field.send_keys(Keys.ENTER)
    return watched(driver, started, timeout=15)


def _village_card(driver: Any, place_id: str, name: str) -> Timing:
    from selenium.webdriver.common.action_chains import ActionChains

    _cold_load(driver)  # the county view again: the last card flew the map to its village
    time.sleep(1)
    marker = driver.find_element("css selector", f"#map .sk-id-{place_id}")
    started = watch(driver, CLICK, [[".offcanvas.show .offcanvas-title", "equals", name]])
    ActionChains(driver).move_to_element(marker).click().perform()
    return watched(driver, started, timeout=20)


def _budget_curve(driver: Any) -> Timing:
    driver.execute_script(
        "document.querySelector('a.nav-link[data-rr-ui-event-key=curve]')?.click()"
    )
    button = driver.find_element("id", "curve-button")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
    # drawn, and not the last curve: that one is marked out of date once the budget changes
    drawn = [["#curve-graph .scatterlayer .trace", "present"], ["#curve-stale", "empty"]]
    started = watch(driver, CLICK, drawn)
    driver.execute_script("arguments[0].click();", button)
    return watched(driver, started, timeout=120)


def _sharing_limit(driver: Any, mark: str) -> Timing:
    """ "Delningsgräns" (under "Fler inställningar") clicked on its track where ``mark`` is
    drawn (Dash 4's slider takes clicks on the track, not on the mark's label); until the new
    figures are on screen, unmarked. Until 2026-11-27 noon a background job, since then
    solved in the request (models/sharing.py)."""
    from selenium.webdriver.common.action_chains import ActionChains

    details = driver.find_element("css selector", "details.sk-advanced-wrap")
    if not details.get_attribute("open"):
        driver.find_element("css selector", ".sk-advanced-wrap summary").click()
    track = driver.find_element("css selector", "#share-limit .dash-slider-track")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", track)
    time.sleep(0.5)  # a click while the opened panel still settles can miss (measured: value 0)
    thumb = driver.find_element("css selector", "#share-limit [role='slider']")
    low, high = (float(thumb.get_attribute(f"aria-value{e}")) for e in ("min", "max"))
    value = 0.0 if mark == "av" else float(mark)
    # where the mark's value lies on the track (its label's box is wider than the point)
    width = track.rect["width"]
    offset = min(max(((value - low) / (high - low) - 0.5) * width, 2 - width / 2), width / 2 - 2)
    before = driver.execute_script(
        "return document.getElementById('kpis').textContent.replace(/\\u00a0/g, ' ')"
    )
    started = watch(driver, CLICK, [["#kpis", "differs", before], ["#stale", "empty"]])
    ActionChains(driver).move_to_element(track).move_by_offset(int(offset), 0).click().perform()
    return watched(driver, started, timeout=60)


def _celery(cache_dir: str) -> tuple[dict[str, str], list[subprocess.Popen[bytes]]]:
    """With ``--celery``, jobs as the Procfile deploys them: a Redis server on loopback and a
    Celery worker (one process, warm after its first job) instead of a fork per job."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    redis = subprocess.Popen(
        ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "",
         "--appendonly", "no", "--dir", cache_dir],
        stdout=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    env = {"REDIS_URL": f"redis://127.0.0.1:{port}/0"}
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "--app", "dashapp.worker:celery_app", "worker",
         "--loglevel", "WARNING", "--concurrency", "1"],
        cwd=PROJECT_ROOT, env=dict(os.environ, **env, SERVICEKARTAN_CACHE_DIR=cache_dir),
        start_new_session=True,
    )  # fmt: skip
    return env, [redis, worker]


def _server(cache_dir: str, extra: dict[str, str]) -> subprocess.Popen[bytes]:
    # a fresh cache folder: solutions cached by an earlier run would make every figure a read;
    # a fresh database: scenarios saved by earlier runs made the page heavier run by run
    env = dict(
        os.environ,
        SERVICEKARTAN_TILE_URL="none",
        SERVICEKARTAN_DB=f"{cache_dir}/saved.sqlite3",
        SERVICEKARTAN_CACHE_DIR=cache_dir,
        **extra,
    )
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--preload",
        "-w",
        "2",
        "--threads",
        "4",
        "-b",
        f"127.0.0.1:{PORT}",
        "--timeout",
        "120",
        "dashapp.wsgi:server",
    ]
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, start_new_session=True)
    time.sleep(6)
    return process


def _open_tab(driver: Any, label: str) -> None:
    tab = driver.find_element("xpath", f"//a[contains(@class, 'nav-link') and text()='{label}']")
    driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", tab
    )


def _save_as(driver: Any, name: str, budget: int) -> None:
    from selenium.webdriver.common.keys import Keys

    _budget_change(driver, budget)
    field = driver.find_element("id", "scenario-name")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", field)
    _wait(driver, field.is_displayed, timeout=10)
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(name)
    driver.execute_script("arguments[0].click();", driver.find_element("id", "save"))
    _wait(driver, lambda: name in driver.find_element("id", "save-message").text, timeout=30)


def _text_of(driver: Any, element_id: str) -> str:
    return str(driver.execute_script(f"return document.getElementById('{element_id}').innerText"))


def _comparison(driver: Any) -> tuple[list[Timing], list[Timing], list[Timing]]:
    """Four scenarios saved, then ticked for comparison one at a time: from the second tick on,
    seconds until the table shows the ticked one's column; then the difference map's service
    changed (seconds until its summary changes); then a budget typed with the comparison open."""
    from selenium.webdriver.support.ui import Select

    _cold_load(driver)
    _open_tab(driver, "Scenarier")
    run = time.strftime("%H%M%S")
    names = [f"Jämförelse {k} {run}" for k in range(1, 5)]
    for k, name in enumerate(names):
        _save_as(driver, name, 800_000 + 700_000 * k)
    _wait(driver, lambda: names[-1] in _text_of(driver, "compare-pick"), timeout=30)
    ticks = []
    for k, name in enumerate(names):
        label = driver.find_element(
            "xpath", f"//*[@id='compare-pick']//label[contains(., '{name}')]"
        )
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", label)
        if k == 0:
            driver.execute_script("arguments[0].click();", label)
            time.sleep(1)  # one scenario alone shows no comparison
            continue
        started = watch(driver, CLICK, [["#compare-table", "includes", name]])
        driver.execute_script("arguments[0].click();", label)
        ticks.append(watched(driver, started))
    keys = Select(driver.find_element("id", "diff-service"))
    services = []
    for option in ("parcel", "pharmacy", "parcel"):  # services whose summaries differ
        before = driver.execute_script("return document.getElementById('diff-summary').textContent")
        changed = [["#diff-summary", "differs", before], ["#diff-summary", "filled"]]
        started = watch(driver, CHOICE, changed)
        keys.select_by_value(option)
        services.append(watched(driver, started))
    budgets = [_budget_change(driver, 1_500_000 + 11_000 * k) for k in range(3)]
    return ticks, services, budgets


def _curves(driver: Any) -> None:
    """Three curves of 10 points, then budgets typed with one drawn; the same with 20."""
    curve = []
    for k in range(3):  # a new budget each time: a new scenario, nothing cached
        _budget_change(driver, 2_000_000 + 13_000 * (k + 1))
        time.sleep(PERSON_S)
        curve.append(_budget_curve(driver))
    print(_summary("budget curve button → curve drawn", curve), flush=True)
    drawn = [_budget_change(driver, 1_700_000 + 9_000 * k) for k in range(3)]
    print(_summary("budget typed → KPIs, curve drawn", drawn), flush=True)
    twenty = driver.find_element("css selector", "#curve-points input[value='20']")
    driver.execute_script("arguments[0].click();", twenty)
    time.sleep(PERSON_S)
    print(_summary("budget curve of 20 points → drawn", [_budget_curve(driver)]), flush=True)
    drawn = [_budget_change(driver, 1_800_000 + 9_000 * k) for k in range(3)]
    print(_summary("budget typed → KPIs, 20-point curve drawn", drawn), flush=True)


def _summary(name: str, timings: list[Timing]) -> str:
    seconds = [t.page_s for t in timings]
    webdriver = statistics.median(t.webdriver_s for t in timings)
    return (
        f"| {name} | median {statistics.median(seconds):.2f} s, min {min(seconds):.2f} s, "
        f"max {max(seconds):.2f} s (n={len(seconds)}) | {webdriver:.2f} s |"
    )


def main() -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options

    data = load_dataset(embedded_data_dir())
    places = data.places
    towns = [
        (str(places.ids[j]), str(places.names[j]))
        for j in range(len(places))
        if places.kind[j] == "tatort" and places.in_region[j] and places.population[j] > 2000
    ][:5]
    load_before = os.getloadavg()[0]  # other engineers' tests share the two cores
    cache_dir = tempfile.mkdtemp(prefix="servicekartan-bench-browser-")
    extra, helpers = _celery(cache_dir) if "--celery" in sys.argv else ({}, [])
    server = _server(cache_dir, extra)
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1920,1080"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options)
    install(driver)
    print("| action | in the page | WebDriver (median) |\n|---|---|---|", flush=True)
    try:
        print(_summary("cold load → KPIs", [_cold_load(driver) for _ in range(3)]), flush=True)
        budgets = [_budget_change(driver, 1_111_000 + 53_000 * k) for k in range(7)]
        print(_summary("budget typed → KPIs", budgets), flush=True)
        cards = [_village_card(driver, place_id, name) for place_id, name in towns]
        print(_summary("village clicked → card", cards), flush=True)
        _cold_load(driver)
        limits = []
        for k in range(3):  # on at 10 minutes, off again, a new budget: each a new scenario
            limits.append(_sharing_limit(driver, "10"))
            _sharing_limit(driver, "av")
            _budget_change(driver, 2_000_000 + 7_000 * (k + 1))
        print(_summary("sharing limit 10 min clicked → KPIs", limits), flush=True)
        # the curve runs as a background job (issue 13), which needs its workers running
        if "--curve" in sys.argv:
            _curves(driver)
        ticks, services, budgets = _comparison(driver)
        print(_summary("scenario ticked → comparison of 2–4 shown", ticks), flush=True)
        print(_summary("difference map service chosen → redrawn (4 compared)", services))
        print(_summary("budget typed → KPIs, 4 compared", budgets), flush=True)
    finally:
        driver.quit()
        for process in (server, *helpers):
            os.killpg(process.pid, signal.SIGTERM)
        shutil.rmtree(cache_dir, ignore_errors=True)
    load_after = os.getloadavg()[0]
    print(f"load average (1 min): {load_before:.2f} before, {load_after:.2f} after")


if __name__ == "__main__":
    main()
