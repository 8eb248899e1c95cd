"""Faults on one machine: SIGKILL of a gunicorn worker in the middle of concurrent saves and
solves, and of a Celery worker in the middle of background solves (when that path exists),
10 rounds each; see docs/reliability.md for what is checked and the figures.

    python -m benchmarks.bench_faults                     # both parts, 10 rounds each
    python -m benchmarks.bench_faults --part gunicorn --rounds 2 --clients 4   # a short trial

Everything runs on 127.0.0.1 from a temporary folder, removed after.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import requests

from benchmarks.load_stats import load_average, machine, percentile
from benchmarks.loopback import AppServer, gunicorn
from benchmarks.participant import Participant, Plan, Recorder
from benchmarks.save_audit import audit_saves, changed_rows, checksums, integrity
from dashapp.storage import ScenarioStorage

SAVES_PER_SCENARIO = 3
RECOVERY_LIMIT_S = 120.0  # a replacement worker not ready by then counts as "not recovered"


@dataclass
class Round:
    """One kill and what it did."""

    number: int
    acknowledged: int = 0
    found: int = 0
    told_not_saved: int = 0
    committed_anyway: int = 0
    cut_off: int = 0  # requests with no answer or an error status
    wrong_results: int = 0
    first_success_s: float = float("nan")  # kill → first request answered after it
    replacement_s: float = float("nan")  # kill → the master's new worker has loaded the app
    integrity: str = ""
    problems: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # what the cut-off requests got, by kind


class Clients:
    """``count`` participants saving and solving without pause until stopped."""

    def __init__(self, server: AppServer, count: int, prefix: str) -> None:
        self.recorder = Recorder()
        self.run = prefix
        self.plan = Plan(server.url, float("inf"), (0.0, 0.0), prefix)
        self.people = [Participant(n, None, self.plan, self.recorder) for n in range(count)]
        for person in self.people:
            person.load()
        self.stopped = threading.Event()
        self.threads: list[threading.Thread] = []

    def start(self) -> None:
        self.stopped.clear()
        self.threads = [threading.Thread(target=self._work, args=(p,)) for p in self.people]
        for thread in self.threads:
            thread.start()

    def _work(self, person: Participant) -> None:
        """A new scenario solved, then saved a few times under new names (the later saves
        find it solved when they reach the same worker, so many saves are in flight)."""
        while not self.stopped.is_set():
            if person.step("change", person.change):
                person.step("solve", person.solve)
            for _ in range(SAVES_PER_SCENARIO):
                if not self.stopped.is_set():
                    person.step("save", person.save)
            if not person.session.dependencies:
                person.step("page", person.load)

    def stop(self) -> None:
        self.stopped.set()
        for thread in self.threads:
            thread.join()


def first_success(url: str, since: float) -> float:
    """Seconds from ``since`` until a request to the app is answered (a light one: the
    dependency graph, served by whichever worker is up)."""
    while time.time() - since < RECOVERY_LIMIT_S:
        try:  # one long wait: the request queues behind the clients' solves
            if requests.get(url + "/_dash-dependencies", timeout=RECOVERY_LIMIT_S).ok:
                return time.time() - since
        except requests.RequestException:
            pass
        time.sleep(0.05)
    return float("nan")


def replacement(server: AppServer, before: set[int], since: float) -> float:
    """Seconds from ``since`` until a worker the master started after it had loaded the app."""
    while time.time() - since < RECOVERY_LIMIT_S:
        fresh = [t for p, t in server.ready_workers().items() if p not in before and t > since]
        if fresh:
            return min(fresh) - since
        time.sleep(0.1)
    return float("nan")


def kill_round(server: AppServer, clients: Clients, number: int, rng: random.Random) -> Round:
    result = Round(number)
    clients.plan.prefix = f"{clients.run}-r{number:02d}"  # this round's saves, by name
    before = checksums(server.database)
    start = len(clients.recorder.results), len(clients.recorder.attempts)
    clients.start()
    time.sleep(rng.uniform(1.5, 3.5))  # saves and solves are in flight on both workers
    workers = server.worker_pids()
    victim = rng.choice(workers)
    killed_at = time.time()
    os.kill(victim, signal.SIGKILL)
    result.first_success_s = first_success(server.url, killed_at)
    result.replacement_s = replacement(server, set(workers), killed_at)
    time.sleep(1.0)  # the new worker takes its share of the load
    clients.stop()
    attempts = clients.recorder.attempts[start[1] :]
    audit = audit_saves(
        ScenarioStorage(server.database).record().scenarios,
        attempts,
        f"{clients.plan.prefix}-",
    )
    outcomes = clients.recorder.results[start[0] :]
    result.acknowledged, result.found = audit.acknowledged, audit.found
    result.told_not_saved, result.committed_anyway = audit.told_not_saved, audit.committed_anyway
    result.cut_off = sum(1 for _, _, e in outcomes if "no answer" in e or "HTTP" in e)
    result.wrong_results = sum(1 for _, _, e in outcomes if "another scenario" in e)
    kinds = Counter(e for _, _, e in outcomes if e)
    result.errors = [f"{k} ×{n}" for k, n in kinds.most_common(3)]
    result.integrity = integrity(server.database)
    result.problems = changed_rows(before, checksums(server.database)) + audit.problems
    return result


def gunicorn_part(args: argparse.Namespace) -> list[Round]:
    rng = random.Random(13)
    rounds = []
    warm = {"BENCH_WARM_UP": "1"} if args.warm_up else None
    with gunicorn(args.workers, args.timeout, None, warm, args.threads, args.preload) as server:
        clients = Clients(server, args.clients, f"ft{int(time.time())}")
        for number in range(1, args.rounds + 1):
            done = kill_round(server, clients, number, rng)
            rounds.append(done)
            print(
                f"round {number}: acknowledged {done.acknowledged}, found {done.found}, "
                f"not told saved {done.told_not_saved} (committed anyway "
                f"{done.committed_anyway}), cut off {done.cut_off}, wrong {done.wrong_results}, "
                f"first success {done.first_success_s:.2f} s, replacement ready "
                f"{done.replacement_s:.1f} s, integrity {done.integrity}, "
                f"problems {done.problems or 'none'}; errors {done.errors or 'none'}",
                flush=True,
            )
        if server.process.poll() is not None:
            print("the gunicorn master itself ended during the rounds")
    return rounds


def spread(seconds: list[float], digits: int) -> str:
    return f"{percentile(seconds, 50):.{digits}f} / {max(seconds):.{digits}f}"


def table(rounds: list[Round]) -> str:
    """The totals over all rounds, as the Markdown table docs/reliability.md shows."""
    first = [r.first_success_s for r in rounds]
    ready = [r.replacement_s for r in rounds]
    acknowledged = sum(r.acknowledged for r in rounds)
    found = sum(r.found for r in rounds)
    problems = sum(len(r.problems) for r in rounds)
    lost = sum(r.told_not_saved for r in rounds)
    anyway = sum(r.committed_anyway for r in rounds)
    rows = [
        ("rounds (one SIGKILL each)", str(len(rounds))),
        ("saves acknowledged (HTTP 200, success message)", str(acknowledged)),
        ("acknowledged saves in the database, same content", str(found)),
        ("acknowledged saves lost or changed", str(acknowledged - found)),
        ("saves not acknowledged (error or no answer)", str(lost)),
        ("… of which written whole anyway (cut off after the commit)", str(anyway)),
        ("requests cut off (no answer or error status)", str(sum(r.cut_off for r in rounds))),
        ("results for another scenario than asked", str(sum(r.wrong_results for r in rounds))),
        ("earlier rows gone or changed (SHA-256), other problems", str(problems)),
        ("PRAGMA integrity_check", ", ".join(sorted({r.integrity for r in rounds}))),
        ("kill → first answered request, median / max s", spread(first, 2)),
        ("kill → replacement worker ready, median / max s", spread(ready, 1)),
    ]  # fmt: skip
    return "| measure | value |\n|---|---:|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=("gunicorn", "celery", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument(
        "--preload",
        action="store_true",
        help="gunicorn --preload: a replacement worker forks the master's loaded app",
    )
    parser.add_argument(
        "--warm-up",
        action="store_true",
        help="each new worker sends itself one request before serving (the wsgi.py change "
        "docs/reliability.md proposes)",
    )
    parser.add_argument(
        "--celery-kill",
        choices=("worker", "pool"),
        default="worker",
        help="part (b): kill the whole Celery worker (restarted as a supervisor would) or "
        "only the pool process running the job",
    )
    parser.add_argument("--clients", type=int, default=4, help="concurrent savers and solvers")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--threads", type=int, default=4, help="gunicorn threads per worker (as the Procfile)"
    )
    parser.add_argument(
        "--timeout", type=int, default=60, help="gunicorn worker timeout, s (as the Procfile)"
    )
    return parser.parse_args()


def main() -> None:
    from benchmarks.celery_faults import celery_part

    args = arguments()
    print(f"machine: {machine()}; load average at start {load_average()}", flush=True)
    if args.part in ("gunicorn", "both"):
        rounds = gunicorn_part(args)
        print(table(rounds))
    if args.part in ("celery", "both"):
        celery_part(args)
    print(f"load average at the end {load_average()}")


if __name__ == "__main__":
    main()
