"""Model speed on the embedded Kronoberg data and at national scale.

python -m benchmarks.bench_model        (or `make bench`)
"""

from __future__ import annotations

import platform
from importlib.metadata import version

from benchmarks.common import national_tatorter, solve_seconds, summary, timed
from models.analysis import budget_curve
from models.dataset import load_dataset
from models.optimise import default_solver
from models.paths import EMBEDDED_DATA
from models.run import run_scenario
from models.scenario import Scenario, ServiceSettings

CURVE_BUDGETS = [0, 250_000, 500_000, 1e6, 1.5e6, 2e6, 3e6, 4e6, 6e6, 8e6]


def kronoberg() -> list[str]:
    dataset = load_dataset(EMBEDDED_DATA)
    lines = []
    for label, scenario in (
        ("complementary, all five services, 2 MSEK", Scenario()),
        ("self-sufficient, all five services, 2 MSEK", Scenario(mode="self_sufficient")),
        ("complementary + maximin fairness", Scenario(fairness="maximin")),
        ("complementary + sharing limit 10 min", Scenario(max_share_min=10.0)),
    ):
        run_scenario(dataset, scenario)  # warm caches (reach matrices, imports)
        seconds, solution = timed(lambda s=scenario: run_scenario(dataset, s), 9)
        size = solution.model_size
        lines.append(
            f"| Kronoberg: {label} | {summary(seconds)} | solver {solve_seconds(solution):.3f} s | "
            f"{solution.status}, gap {solution.gap} | {size['demand_groups']} groups, "
            f"{size['columns']} columns |"
        )
    seconds, curve = timed(lambda: budget_curve(dataset, Scenario(), CURVE_BUDGETS), 3)
    statuses = {s.solution.status for s in curve.steps}
    lines.append(
        f"| Kronoberg: nested budget curve, 10 budgets 0–8 MSEK | {summary(seconds)} | – | "
        f"{sorted(statuses)} | – |"
    )
    return lines


def national() -> list[str]:
    """SCB's 2,017 tätorter as demand and candidates, the project's modelled car minutes with a
    30-minute cut-off (``benchmarks.common.national_tatorter``), grocery within 15 minutes,
    p = 200 (unit costs). bench_engine splits where this instance's time goes."""
    dataset = national_tatorter()
    scenario = Scenario(
        services=(ServiceSettings("grocery", 15.0, 1.0),),
        basket=(),
        basket_weight=0.0,
        budget_sek=200,
    )
    seconds, solution = timed(lambda: run_scenario(dataset, scenario, default_solver(10.0)), 3)
    covered = solution.covered_for("grocery")
    return [
        f"| Sweden: 2,017 tätorter, modelled 30-min matrix, 15 min, p = 200 | {summary(seconds)} | "
        f"solver {solve_seconds(solution):.3f} s | {solution.status}, gap {solution.gap} | "
        f"{covered.scenario:,.0f} of {covered.population:,.0f} people covered |"
    ]


def main() -> None:
    print(
        f"Machine: {platform.processor() or platform.machine()}, Python "
        f"{platform.python_version()}, highspy {version('highspy')}, PuLP {version('pulp')}"
    )
    print("| case | wall clock (build + solve) | solver | status | size |")
    print("|---|---|---|---|---|")
    for line in [*kronoberg(), *national()]:
        print(line)


if __name__ == "__main__":
    main()
