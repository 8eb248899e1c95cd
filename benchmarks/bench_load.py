"""A workshop's load on one machine: simulated participants in rooms against gunicorn on
127.0.0.1, through Dash's own HTTP endpoints (see docs/reliability.md for the figures).

    python -m benchmarks.bench_load                      # 20 participants, 4 rooms, 60 s
    python -m benchmarks.bench_load --users 4 --duration 15     # a short trial
    python -m benchmarks.bench_load --think 0 0 --duration 30   # stress: no think time

The app runs from a temporary folder (its own SQLite file and cache), which is removed after.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.load_client import Session, find_callback, reads
from benchmarks.load_stats import (
    TABLE_HEAD,
    load_average,
    machine,
    summarise,
)
from benchmarks.loopback import AppServer, gunicorn
from benchmarks.participant import ACTIONS, ROOM_STORE, Participant, Plan, Recorder
from benchmarks.save_audit import audit_saves
from dashapp.callbacks.workspace import summary
from dashapp.data import solve_in
from dashapp.storage import ScenarioStorage
from models.dataset import load_dataset
from models.paths import embedded_data_dir
from models.scenario import Scenario
from models.scenario import default_scenario as models_default_scenario

TARGET_P95_S = 3.0
# The dataset the app serves (dashapp/settings.py), which saved scenarios are filed under
DATA_DIR = os.environ.get("SERVICEKARTAN_DATA") or str(embedded_data_dir())
STAGGER_S = 5.0  # participants open the link within a few seconds of the facilitator's word


SEEDED_BUDGETS = (1_000_000.0, 3_000_000.0)  # scenarios each room holds before the run


def open_rooms(
    server: AppServer, count: int, scenario: dict[str, Any], solved: bool = True
) -> list[str]:
    """``count`` rooms opened directly in the app's database (as a facilitator would in the
    rooms panel), each holding two scenarios saved earlier in the day; their codes.

    Each is saved as the app's save does it: solved (into the deployment's solution cache, a
    folder that outlives a restart) with its figures stored in the row. A comparison during the
    run then finds them solved, as it would after a morning's work on the same deployment.
    ``solved=False`` (``--cold-seeds``) stores them unsolved, as after a deploy that changed the
    model: the first comparison in each room then solves them."""
    storage = ScenarioStorage(server.database)
    defaults = models_default_scenario(load_dataset(Path(DATA_DIR)).registry)
    codes = [storage.open_room(f"Lasttest {k + 1}").code for k in range(count)]
    for code in codes:
        for budget in SEEDED_BUDGETS:
            seeded = {**scenario, "name": f"Förmiddag {budget / 1e6:g} mnkr", "budget_sek": budget}
            figures: dict[str, Any] = {}
            if solved:
                parsed = Scenario.from_dict(seeded, defaults)
                figures = summary(solve_in(DATA_DIR, parsed, server.cache_dir))
            storage.save(seeded["name"], DATA_DIR, json.dumps(seeded), figures, room=code)
    return codes


def default_scenario(url: str) -> dict[str, Any]:
    """The scenario a new page holds (its scenario store as served)."""
    session = Session(url)
    session.load_page()
    found = session.page.value("scenario-store", "data")
    assert isinstance(found, dict)
    return found


def saves_into_rooms(url: str) -> bool:
    """Whether the app's save callback takes the joined room (ids.ROOM_STORE)."""
    session = Session(url)
    session.load_page()
    save = find_callback(session.dependencies, "save-message.children", trigger="save.n_clicks")
    return reads(save, ROOM_STORE)


class LoadSampler:
    """The 1-minute load average every few seconds while the run lasts."""

    def __init__(self, every_s: float = 5.0) -> None:
        self.samples: list[float] = [load_average()[0]]
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._sample, args=(every_s,), daemon=True)
        self.thread.start()

    def _sample(self, every_s: float) -> None:
        while not self.stopped.wait(every_s):
            self.samples.append(load_average()[0])

    def stop(self) -> list[float]:
        self.stopped.set()
        self.thread.join()
        self.samples.append(load_average()[0])
        return self.samples


def run(server: AppServer, args: argparse.Namespace) -> tuple[Recorder, float, bool]:
    """Every participant for ``args.duration`` seconds; the wall time until the last ends."""
    codes = open_rooms(server, args.rooms, default_scenario(server.url), not args.cold_seeds)
    in_rooms = saves_into_rooms(server.url)
    recorder = Recorder()
    started = time.monotonic()
    prefix = f"lt{int(time.time())}"
    plan = Plan(
        server.url, started + args.duration, tuple(args.think), prefix, slow_share=args.slow
    )
    threads = []
    for number in range(args.users):
        room = codes[number % len(codes)] if in_rooms and codes else None
        participant = Participant(number, room, plan, recorder)
        delay = STAGGER_S * number / max(args.users, 1)
        thread = threading.Timer(delay, participant.run)
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    return recorder, time.monotonic() - started, in_rooms


def report(recorder: Recorder, server: AppServer, wall_s: float, loads: list[float]) -> str:
    rows = []
    for action in ACTIONS:
        done = [r for r in recorder.results if r[0] == action]
        ok = [s for _, s, error in done if not error]
        rows.append(summarise(action, ok, len(done) - len(ok)))
    every = [s for _, s, error in recorder.results if not error]
    errors = [e for _, _, e in recorder.results if e]
    overall = summarise("**all actions**", every, len(errors))
    rooms = {a.room for a in recorder.attempts}
    audit = audit_saves(
        ScenarioStorage(server.database).record().scenarios,
        recorder.attempts,
        recorder.attempts[0].name.rsplit("-", 2)[0] if recorder.attempts else "-",
    )
    lines = [
        TABLE_HEAD,
        *(r.row() for r in rows if r.count),
        overall.row(),
        "",
        f"requests: {recorder.requests} in {wall_s:.0f} s ({recorder.requests / wall_s:.1f}/s); "
        f"actions: {overall.count}; errors: {overall.errors}; solves in the background: "
        f"{recorder.background_solves}",
        f"p95 of all actions {overall.p95_s:.2f} s: target under {TARGET_P95_S:.0f} s "
        + ("met" if overall.p95_s < TARGET_P95_S and not errors else "NOT met"),
        f"saves acknowledged {audit.acknowledged}, found in the database with the content sent "
        f"{audit.found}, rooms used {len(rooms - {None})}; problems: {audit.problems or 'none'}",
        f"load average (1 min) during the run: start {loads[0]:.2f}, max {max(loads):.2f}, "
        f"mean {sum(loads) / len(loads):.2f}, end {loads[-1]:.2f}; machine: {machine()}",
    ]
    if errors:
        lines.append("first errors: " + "; ".join(sorted(set(errors))[:5]))
    return "\n".join(lines)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--rooms", type=int, default=4)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of new cycles")
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=(5.0, 15.0),
        metavar=("MIN", "MAX"),
        help="seconds a participant thinks between steps (uniform); 0 0 for a stress run",
    )
    parser.add_argument(
        "--slow",
        type=float,
        default=0.0,
        help="share of changes that choose maximin (a slow, background solve); workshop "
        "mode hides that setting, so 0 by default",
    )
    parser.add_argument(
        "--cold-seeds",
        action="store_true",
        help="the rooms' morning scenarios stored unsolved (as after a deploy of a new model)",
    )
    parser.add_argument(
        "--keep", metavar="FOLDER", help="run the app in FOLDER and keep its database and log"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--timeout", type=int, default=60, help="gunicorn worker timeout, s (as the Procfile)"
    )
    parser.add_argument(
        "--threads", type=int, default=4, help="gunicorn threads per worker (as the Procfile)"
    )
    return parser.parse_args()


def main() -> None:
    args = arguments()
    print(
        f"{args.users} participants in {args.rooms} rooms for {args.duration:.0f} s, think "
        f"{args.think[0]:g}–{args.think[1]:g} s, maximin {args.slow:g}, "
        f"gunicorn --preload -w {args.workers} --threads {args.threads} "
        f"--timeout {args.timeout}",
        flush=True,
    )
    folder = Path(args.keep) if args.keep else None
    with gunicorn(
        args.workers, args.timeout, folder=folder, threads=args.threads, preload=True
    ) as server:
        sampler = LoadSampler()
        cpu_before = resource.getrusage(resource.RUSAGE_SELF)
        recorder, wall_s, in_rooms = run(server, args)
        loads = sampler.stop()
        cpu = resource.getrusage(resource.RUSAGE_SELF)
        spent = cpu.ru_utime + cpu.ru_stime - cpu_before.ru_utime - cpu_before.ru_stime
        if not in_rooms:
            print("the save callback takes no room yet: saves went to the open workspace")
        print(report(recorder, server, wall_s, loads))
        print(f"the load generator itself used {spent / wall_s:.2f} of a core")


if __name__ == "__main__":
    main()
