"""A stopwatch inside the page, for benchmarks/bench_browser.py.

It runs from the person's action (the event time of their Enter key, pointer press, click or
choice in a list) until the first frame drawn after the awaited text is in the page, so what
WebDriver adds is not counted as the app's: its commands and its polling added 0.1–0.3 s to
each figure (docs/benchmarks.md has both for every action). The script is installed before
every page load through the DevTools protocol, so the cold load is timed from the navigation's
start.
"""

from __future__ import annotations

import time
from typing import Any, NamedTuple

SCRIPT = r"""
(function () {
  window.__skWatch = null;
  window.__skLoaded = null;
  function text(selector) {
    const element = document.querySelector(selector);
    return element ? element.textContent.replace(/\u00a0/g, " ") : null;
  }
  function holds(check) {
    const shown = text(check[0]);
    const wanted = (check[2] || "").replace(/\u00a0/g, " ");  // as text() reads the page
    if (check[1] === "present") return shown !== null;
    if (shown === null) return false;
    if (check[1] === "includes") return shown.includes(wanted);
    if (check[1] === "equals") return shown.trim() === wanted;
    if (check[1] === "differs") return shown !== wanted;
    if (check[1] === "empty") return shown.trim() === "";
    if (check[1] === "filled") return shown.trim() !== "";
    return false;
  }
  function drawn(record, key) {
    requestAnimationFrame(function () { record[key] = performance.now(); });
  }
  function look() {
    const watch = window.__skWatch;
    if (watch && watch.start !== null && !watch.seen && watch.checks.every(holds)) {
      watch.seen = true;
      drawn(watch, "end");
    }
    if (window.__skLoaded === null && (text("#kpis") || "").includes(" kr")) {
      window.__skLoaded = -1;
      drawn(window, "__skLoaded");
    }
  }
  function starts(on, event) {
    const watch = window.__skWatch;
    if (!watch || watch.start !== null || watch.on.indexOf(on) < 0) return;
    if (on === "keydown" && event.key !== "Enter") return;
    watch.start = event.timeStamp;
    setTimeout(look, 0);
  }
  ["keydown", "pointerdown", "click", "change"].forEach(function (on) {
    document.addEventListener(on, function (event) { starts(on, event); }, true);
  });
  const all = {childList: true, subtree: true, characterData: true};
  new MutationObserver(look).observe(document, all);
})();
"""

ENTER = ["keydown"]
CLICK = ["pointerdown", "click"]  # a script's click() has no pointerdown
CHOICE = ["change"]


class Timing(NamedTuple):
    """Seconds in the page (the figure) and as WebDriver saw it (for comparison)."""

    page_s: float
    webdriver_s: float


def install(driver: Any) -> None:
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": SCRIPT})


def watch(driver: Any, on: list[str], checks: list[list[str]]) -> float:
    """Arms the stopwatch for the next action; ``checks`` ([selector, kind, text]) must all
    hold. Returns WebDriver's own start time."""
    driver.execute_script(
        "window.__skWatch = {on: arguments[0], checks: arguments[1], start: null, end: null,"
        " seen: false};",
        on,
        checks,
    )
    return time.perf_counter()


def _poll(driver: Any, script: str, timeout: float) -> float:
    deadline = time.monotonic() + timeout
    while True:
        value = driver.execute_script(script)
        if isinstance(value, int | float) and value > 0:
            return float(value)
        if time.monotonic() > deadline:
            driver.save_screenshot("/tmp/bench-browser-timeout.png")
            raise TimeoutError("the page never showed what was waited for (screenshot: /tmp)")
        time.sleep(0.01)


def watched(driver: Any, started: float, timeout: float = 60) -> Timing:
    script = "const w = window.__skWatch; return w && w.end !== null ? w.end - w.start : null;"
    page_ms = _poll(driver, script, timeout)
    return Timing(page_ms / 1000, time.perf_counter() - started)


def loaded(driver: Any, started: float, timeout: float = 60) -> Timing:
    """The cold load: from the navigation's start until the KPI cards are drawn."""
    page_ms = _poll(driver, "return window.__skLoaded;", timeout)
    return Timing(page_ms / 1000, time.perf_counter() - started)
