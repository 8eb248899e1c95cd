"""The app's speed as a workshop feels it: re-solve latency through Dash's HTTP endpoint, and
the size of what a first page load downloads.

    python -m benchmarks.bench_app
"""

from __future__ import annotations

import logging
import statistics
import threading
import time
from typing import Any

import dash

from dashapp.app import create_app
from dashapp.settings import Settings
from models.scenario import Scenario

SOLVE_OUTPUT = "..result-store.data...error.children...error.is_open.."


def _solve_request(scenario: Scenario) -> dict[str, Any]:
    return {
        "output": SOLVE_OUTPUT,
        "outputs": [
            {"id": "result-store", "property": "data"},
            {"id": "error", "property": "children"},
            {"id": "error", "property": "is_open"},
        ],
        "inputs": [
            {"id": "scenario-store", "property": "data", "value": scenario.to_dict()},
            {"id": "solve", "property": "n_clicks", "value": None},
        ],
        "state": [
            {"id": "auto-solve", "property": "value", "value": True},
            {"id": "language-store", "property": "data", "value": "sv"},
        ],
        "changedPropIds": ["scenario-store.data"],
    }


def resolve_latency(app: dash.Dash, repeats: int = 11) -> list[float]:
    """Each request carries a budget never solved before, so no cache helps."""
    client = app.server.test_client()
    seconds = []
    for k in range(repeats):
        scenario = Scenario(budget_sek=1_000_000 + 37_000 * k)
        started = time.perf_counter()
        response = client.post("/_dash-update-component", json=_solve_request(scenario))
        seconds.append(time.perf_counter() - started)
        assert response.status_code == 200, response.data[:300]
    return seconds


def _budget_change_seconds(driver: Any, budgets: list[int]) -> list[float]:
    """From typing a new budget to the KPI card showing it: the whole callback chain."""
    from selenium.webdriver.common.keys import Keys

    seconds = []
    for budget in budgets:
        field = driver.find_element("id", "budget-input")
        field.send_keys(Keys.CONTROL, "a")
        started = time.perf_counter()
        field.send_keys(str(budget), Keys.ENTER)
        shown = f"{budget:,}".replace(",", " ")
        script = "return document.querySelector('#kpis').innerText.replace(/\\u00a0/g, ' ')"
        while shown not in driver.execute_script(script):
            time.sleep(0.01)
        seconds.append(time.perf_counter() - started)
    return seconds


def in_chromium(app: dash.Dash, port: int = 8069) -> tuple[int, int, list[float]]:
    """Bytes a real first page load transfers (gzip) and decodes, by headless Chromium's
    resource timing (lazy chunks and the first result included), then budget-change latency."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", port, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options)
    try:
        driver.get(f"http://127.0.0.1:{port}/")
        time.sleep(8)  # the first solve and every lazy chunk
        entries = driver.execute_script(
            "return performance.getEntriesByType('navigation')"
            ".concat(performance.getEntriesByType('resource'))"
            ".map(e => [e.transferSize, e.decodedBodySize])"
        )
        latency = _budget_change_seconds(driver, [1_111_000 + 53_000 * k for k in range(9)])
    finally:
        driver.quit()
        server.shutdown()
    return sum(e[0] for e in entries), sum(e[1] for e in entries), latency


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = create_app(Settings.from_env(tile_url="none"))
    app.server.test_client().post(  # warm the dataset and reach-matrix caches
        "/_dash-update-component", json=_solve_request(Scenario(budget_sek=123_000))
    )
    seconds = resolve_latency(app)
    print(
        f"re-solve through /_dash-update-component: median {statistics.median(seconds):.3f} s, "
        f"min {min(seconds):.3f} s, max {max(seconds):.3f} s (n={len(seconds)})"
    )
    transferred, decoded, latency = in_chromium(app)
    print(
        f"first page load: {transferred / 1e6:.2f} MB transferred, {decoded / 1e6:.2f} MB decoded"
    )
    print(
        f"budget typed → KPI shown in Chromium: median {statistics.median(latency):.3f} s, "
        f"min {min(latency):.3f} s, max {max(latency):.3f} s (n={len(latency)})"
    )


if __name__ == "__main__":
    main()
