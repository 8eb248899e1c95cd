"""``servicekartan plan``: a plan over several years from the command line.

    servicekartan plan --budget-per-year 2000000 [--years 4]
    servicekartan plan --budgets 2e6,2.5e6,2.5e6,3e6 [--scenario FILE] [--json]

One budget per year (``--budgets``), or the same each year (``--budget-per-year``, default the
scenario's budget, for ``--years`` years, default 4). ``--method nested`` (the default) plans
year by year; ``--method exact`` solves one model over all years (slow on a whole region: see
docs/model.md). Text is Swedish (``--language en`` for English), numbers as ``1 401``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def _budgets(args: argparse.Namespace, scenario_budget_sek: float) -> list[float]:
    """The yearly budgets the flags ask for; ScenarioError when they disagree."""
    from models.errors import ScenarioError

    if args.budgets is not None:
        if args.budget_per_year is not None or (
            args.years is not None and args.years != len(args.budgets)
        ):
            raise ScenarioError(
                "Ange antingen --budgets eller --budget-per-year (med --years), inte båda",
                "Give either --budgets or --budget-per-year (with --years), not both",
            )
        return list(args.budgets)
    per_year = scenario_budget_sek if args.budget_per_year is None else args.budget_per_year
    from models.plan import DEFAULT_YEARS

    return [per_year] * (DEFAULT_YEARS if args.years is None else args.years)


def _plan(args: argparse.Namespace) -> int:
    from dashapp.cli_solve import _print_json, _scenario, _solver
    from dashapp.plan_text import action_table, summary_lines, text_table, year_table
    from models.dataset import load_dataset
    from models.plan import run_plan

    dataset = load_dataset(args.data)
    scenario = _scenario(args, dataset)
    budgets = _budgets(args, scenario.budget_sek)
    plan = run_plan(dataset, scenario, budgets, _solver(args), method=args.method)
    if args.json:
        _print_json(plan.to_dict())
        return 0
    language, registry = args.language, dataset.registry
    print("\n".join(summary_lines(plan, language)))
    print()
    print(text_table(*year_table(plan, language, registry)))
    if plan.actions:
        print()
        print(text_table(*action_table(plan, language, registry)))
    return 0


def years(text: str) -> int:
    """``--years``: 1–10."""
    from models.plan import MAX_YEARS

    try:
        count = int(text)
    except ValueError:
        count = 0
    if not 1 <= count <= MAX_YEARS:
        raise argparse.ArgumentTypeError(f"ange 1–{MAX_YEARS} år / give 1–{MAX_YEARS} years")
    return count


def budget_sek(text: str) -> float:
    """``--budget-per-year``: SEK, finite and not negative."""
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value < 1e12:
        raise argparse.ArgumentTypeError("ange en budget i kr / give a budget in SEK")
    return value


def add_plan_command(
    commands: Any, add_data_option: Callable[[argparse.ArgumentParser], None]
) -> None:
    from dashapp.cli_solve import add_solver_options, budget_list

    parser = commands.add_parser("plan", help="multi-year plan: what starts in which year")
    add_data_option(parser)
    parser.add_argument("--scenario", help="scenario JSON (docs/scenario.md)")
    parser.add_argument(
        "--budget-per-year", type=budget_sek, help="SEK every year (default: the scenario's)"
    )
    parser.add_argument("--years", type=years, help="how many years (default 4)")
    parser.add_argument(
        "--budgets", type=budget_list, help="comma-separated SEK, one per year (sets the years)"
    )
    parser.add_argument("--method", choices=("nested", "exact"), default="nested")
    parser.add_argument("--language", choices=("sv", "en"), default="sv")
    add_solver_options(parser)
    parser.set_defaults(run=_plan)
