"""Servicekartan's model against spopt's MCLP (PuLP + CBC) on one single-service instance.

The instance is Kronoberg's grocery coverage as a classic MCLP: demand = the embedded demand
points, candidates = the places inside the county, threshold 10 minutes, p facilities, no existing
shops, unit costs. Both models are built and solved in the same process, side by side.

    pip install -e ".[bench]" && python -m benchmarks.bench_spopt
"""

from __future__ import annotations

import numpy as np
import pulp
from spopt.locate import MCLP

from benchmarks.common import summary, timed
from models.arrays import dataset_from_arrays
from models.dataset import load_dataset
from models.paths import EMBEDDED_DATA
from models.run import run_scenario
from models.scenario import Scenario, ServiceSettings

THRESHOLD_MIN = 10.0


def instance() -> tuple[np.ndarray, np.ndarray]:
    dataset = load_dataset(EMBEDDED_DATA)
    inside = dataset.places.in_region
    minutes = dataset.travel.dense_minutes()[:, inside]
    return minutes, dataset.demand.population


def spopt_run(minutes: np.ndarray, population: np.ndarray, p: int) -> float:
    cost = np.where(np.isfinite(minutes), minutes, 1e6)
    model = MCLP.from_cost_matrix(cost, population, THRESHOLD_MIN, p_facilities=p)
    model.solve(pulp.PULP_CBC_CMD(msg=False))
    return float(pulp.value(model.problem.objective))


def our_run(minutes: np.ndarray, population: np.ndarray, p: int) -> float:
    dataset = dataset_from_arrays(population, np.where(minutes <= THRESHOLD_MIN, minutes, np.inf))
    scenario = Scenario(
        services=(ServiceSettings("grocery", THRESHOLD_MIN, 1.0),),
        basket=(),
        basket_weight=0.0,
        budget_sek=p,
    )
    return run_scenario(dataset, scenario).objective


def main() -> None:
    minutes, population = instance()
    print("| p | spopt MCLP + CBC | Servicekartan + HiGHS | objective (both) | speed-up |")
    print("|---|---|---|---|---|")
    for p in (5, 10, 20):
        theirs_s, theirs = timed(lambda p=p: spopt_run(minutes, population, p), 3)
        ours_s, ours = timed(lambda p=p: our_run(minutes, population, p), 7)
        assert abs(theirs - ours) < 1e-6 * max(1.0, theirs), (theirs, ours)
        ratio = float(np.median(theirs_s) / np.median(ours_s))
        print(f"| {p} | {summary(theirs_s)} | {summary(ours_s)} | {ours:,.0f} | {ratio:.0f}× |")


if __name__ == "__main__":
    main()
