"""One simulated workshop participant: loads the page, changes the scenario, solves (and the
page shows the result), saves into the room, refreshes the list and compares two saved
scenarios, thinking between the steps. Every step goes through Dash's own HTTP endpoints
(``benchmarks/load_client.py``); nothing is called inside the app."""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from benchmarks.load_client import (
    CallbackError,
    Session,
    alert_colors,
    callbacks_reading,
    input_props,
    output_props,
    reads,
    writes,
)
from benchmarks.save_audit import Attempt

ACTIONS = ("page", "change", "solve", "show", "save", "list", "compare")
SETTLE_S = 0.0  # assets/controls.js passes a change after a quiet spell on at once
BROWSER_CONNECTIONS = 6  # parallel requests a browser makes to one host
ROOM_STORE = "room-store.data"  # dashapp/ids.py ROOM_STORE: the joined room
ROOM_LINK = "room-link-store.data"  # the ?rum= code of the page address
RESULT = "result-store.data"
SOLVE_REQUEST = "solve-request-store.data"


class WrongResultError(ValueError):
    """An answer that is not for the request sent: never acceptable, even under faults."""


class StepSkippedError(Exception):
    """A step a person would not take now (nothing to compare yet); not recorded."""


@dataclass
class Recorder:
    """Every action's outcome, from every participant thread."""

    results: list[tuple[str, float, str]] = field(default_factory=list)  # action, s, error
    attempts: list[Attempt] = field(default_factory=list)
    requests: int = 0
    background_solves: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, action: str, seconds: float, error: str = "") -> None:
        with self.lock:
            self.results.append((action, seconds, error))

    def attempt(self, attempt: Attempt) -> None:
        with self.lock:
            self.attempts.append(attempt)


@dataclass
class Plan:
    """What every participant shares: the server, the time box, the think time."""

    url: str
    deadline: float  # time.monotonic() after which no new cycle starts
    think_s: tuple[float, float]
    prefix: str  # every save's name starts with it (the audit finds the run's rows by it)
    reload_every: int = 3  # cycles between page loads (opening a shared link again)
    slow_share: float = 0.0  # changes that choose "Lyft sämsta kommunen" (a background solve)


class Participant:
    def __init__(self, number: int, room: str | None, plan: Plan, recorder: Recorder) -> None:
        self.number, self.room, self.plan, self.recorder = number, room, plan, recorder
        self.random = random.Random(number)
        self.session = Session(plan.url)
        self.saves = 0
        self.background_solves = 0
        self.pool = ThreadPoolExecutor(BROWSER_CONNECTIONS)

    def run(self) -> None:
        """Cycles until the deadline (a request in flight then is waited for, at most the
        request timeout)."""
        try:
            cycle = 0
            while time.monotonic() < self.plan.deadline:
                if cycle % self.plan.reload_every == 0 or not self.session.dependencies:
                    self.step("page", self.load)
                if self.session.dependencies:
                    self.cycle()
                cycle += 1
        finally:
            self.pool.shutdown()
            with self.recorder.lock:
                self.recorder.requests += self.session.requests_made
                self.recorder.background_solves += self.background_solves

    def cycle(self) -> None:
        """Change and solve, compare, save, with a think before each; no step starts after
        the deadline, so the run ends with the last steps in flight."""
        if not self.think():
            return
        if self.step("change", self.change):
            time.sleep(SETTLE_S)
            if self.step("solve", self.solve):
                self.step("show", self.show)
        if not self.think():
            return
        self.step("compare", self.compare)
        if self.think() and self.step("save", self.save):
            self.step("list", self.list_saved)

    def think(self) -> bool:
        """Think (never past the deadline); whether there is time left for a step."""
        low, high = self.plan.think_s
        left = self.plan.deadline - time.monotonic()
        if high > 0 and left > 0:
            time.sleep(min(self.random.uniform(low, high), left))
        return time.monotonic() < self.plan.deadline

    def step(self, action: str, run: Callable[[], None]) -> bool:
        started = time.perf_counter()
        try:
            run()
        except StepSkippedError:
            return False
        except (CallbackError, LookupError, ValueError, KeyError, TypeError) as error:
            self.recorder.add(action, time.perf_counter() - started, f"{action}: {error}")
            return False
        self.recorder.add(action, time.perf_counter() - started)
        return True

    # The steps

    def load(self) -> None:
        """The room's link (``?rum=CODE``): the page joins the room by itself; an app without
        that link gets the room store set as its join button would."""
        query = f"?lang=sv&rum={self.room}" if self.room else "?lang=sv"
        self.session.load_page(query)
        if self.room is None:
            return
        deps = self.session.dependencies
        if any(writes(d, ROOM_STORE) and reads(d, ROOM_LINK) for d in deps):
            self.session.call((ROOM_STORE,), [ROOM_LINK])
            joined = self.session.page.value("room-store", "data") or {}
            if joined.get("code") != self.room:
                raise ValueError(f"the link did not join room {self.room}")
        else:
            self.session.page.values[ROOM_STORE] = {"code": self.room, "name": self.room}
        self.list_saved()  # the room's saved list, filled as the page opens

    def change(self) -> None:
        """One control moved: a new budget (60 %), a travel-time limit (30 %) or the mode; with
        ``slow_share``, that share of changes chooses "Lyft sämsta kommunen" instead (until
        2026-11-27 a sharing limit, which now solves in the request)."""
        page, pick = self.session.page, self.random.random()
        lifted = page.value("fairness", "value") == "maximin"
        if lifted or pick < self.plan.slow_share:
            # a background solve, off again at the next change
            key = "fairness.value"
            page.values[key] = "none" if lifted else "maximin"
        elif pick < 0.6:
            key = "budget-value-store.data"
            page.values[key] = float(self.random.randrange(10, 120) * 50_000)
        elif pick < 0.9:
            services = page.matching('{"service":["ALL"],"type":"threshold"}')
            service = self.random.choice(services)
            key = f"{json.dumps(service, sort_keys=True, separators=(',', ':'))}.value"
            page.values[key] = float(self.random.choice((5, 10, 15, 20, 25, 30)))
        else:
            key = "mode.value"
            options = [o["value"] for o in page.value("mode", "options")]
            page.values[key] = self.random.choice(options)
        self.session.call(("scenario-store.data",), [key])

    def solve(self) -> None:
        """What assets/controls.js does once the scenario is still: the solve request, and
        every callback it fires on the way to the result (for a slow scenario, the hand-over
        to the background solver and its job), as the browser runs them."""
        page = self.session.page
        page.values[SOLVE_REQUEST] = page.value("scenario-store", "data")
        result = self._follow(SOLVE_REQUEST)
        if page.values.get("error.is_open"):
            raise ValueError("the solve answered with an error message")
        if not result:
            raise ValueError("the solve gave no result")
        if result.get("scenario") != page.values[SOLVE_REQUEST]:
            raise WrongResultError("the result is for another scenario than the one sent")

    def _follow(self, changed: str) -> dict[str, Any] | None:
        """Run what ``changed`` fires toward the result store, and on from what they write;
        the result that came back, if any."""
        deps = self.session.dependencies
        writers = [d for d in deps if writes(d, RESULT)]
        feeds = {p for d in writers for p in input_props(d)}
        toward = [d for d in deps if writes(d, RESULT) or feeds & set(output_props(d["output"]))]
        result, frontier = None, [changed]
        while frontier:
            prop = frontier.pop(0)
            for dependency in callbacks_reading(toward, prop):
                answer = self.session.run(dependency, [prop])
                self.background_solves += bool(dependency.get("background"))
                result = answer.get("result-store", {}).get("data") or result
                frontier += [f"{c}.{p}" for c, props in answer.items() for p in props]
                frontier = [f for f in frontier if f != RESULT]
        return result

    def show(self) -> None:
        """Every server callback the new result fires (KPIs, tables, map colours), in
        parallel like the browser."""
        fired = callbacks_reading(self.session.dependencies, "result-store.data")
        outputs = [tuple(output_props(d["output"])) for d in fired]
        calls = [self.pool.submit(self.session.call, o, ["result-store.data"]) for o in outputs]
        for call in calls:
            call.result()

    def save(self) -> None:
        self.saves += 1
        name = f"{self.plan.prefix}-{self.number:02d}-{self.saves:03d}"
        page = self.session.page
        page.values["scenario-name.value"] = name
        page.values["save.n_clicks"] = self.saves
        sent = page.value("scenario-store", "data")
        try:
            answer = self.session.call(("save-message.children",), ["save.n_clicks"])
        except CallbackError:
            self.recorder.attempt(Attempt(name, sent, acknowledged=False, room=self.room))
            raise
        saved = "success" in alert_colors(answer.get("save-message", {}).get("children"))
        self.recorder.attempt(Attempt(name, sent, acknowledged=saved, room=self.room))
        if not saved:
            raise ValueError("the save was refused")

    def list_saved(self) -> None:
        """The saved list refreshes after a save (the version store changed)."""
        self.session.call(("compare-pick.options",), ["saved-version-store.data"])

    def compare(self) -> None:
        """The participant's latest save (or one of the room's) against another of the room."""
        options: list[dict[str, Any]] = self.session.page.value("compare-pick", "options") or []
        mine = [o["value"] for o in options if str(o["label"]).startswith(self.own_prefix)]
        others = [o["value"] for o in options if o["value"] not in mine[-1:]]
        if len(mine[-1:] + others) < 2:
            raise StepSkippedError
        first = mine[-1] if mine else others.pop(self.random.randrange(len(others)))
        picked = [first, self.random.choice(others)]
        self.session.page.values["compare-pick.value"] = picked
        answer = self.session.call(("compare-table.rowData",), ["compare-pick.value"])
        if not answer.get("compare-table", {}).get("rowData"):
            raise ValueError("the comparison came back empty")

    @property
    def own_prefix(self) -> str:
        return f"{self.plan.prefix}-{self.number:02d}-"
