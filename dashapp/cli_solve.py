"""``servicekartan solve``, ``curve``, ``critical`` and ``stress``: the optimisation from the
command line. ``--close POINT_ID`` (repeatable) closes existing points in any of them, as data
corrections added to the scenario."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models.dataset import Dataset
    from models.scenario import Scenario


def _scenario(args: argparse.Namespace, dataset: Dataset) -> Scenario:
    """The scenario file, with the region's defaults for what it leaves out, checked against
    the data; any problem names the file."""
    from models.errors import ScenarioError
    from models.scenario import Scenario, default_scenario, validate_scenario

    defaults = default_scenario(dataset.registry)
    if args.scenario is None:
        return _closing(defaults, args, dataset)
    path = Path(args.scenario)
    try:
        scenario = Scenario.from_json(_read_text(path), defaults)
        validate_scenario(scenario, dataset)
        return _closing(scenario, args, dataset)
    except ScenarioError as error:  # name the file, as every data message does
        raise ScenarioError(
            f"{path.name}: {error.message_sv}", f"{path.name}: {error.message_en}"
        ) from error


def _closing(scenario: Scenario, args: argparse.Namespace, dataset: Dataset) -> Scenario:
    """The scenario with ``--close`` points closed, checked against the data."""
    from dataclasses import replace

    from models.corrections import Correction
    from models.scenario import validate_scenario

    closures = tuple(Correction("status", point_id, "closed") for point_id in args.close or ())
    if not closures:
        return scenario
    closed = replace(scenario, corrections=(*scenario.corrections, *closures))
    validate_scenario(closed, dataset)
    return closed


def _read_text(path: Path) -> str:
    """A scenario file's text, or a ScenarioError naming the file (never a traceback)."""
    from models.errors import ScenarioError
    from models.scenario_schema import MAX_SCENARIO_CHARS

    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_SCENARIO_CHARS + 1)
        if len(raw) > MAX_SCENARIO_CHARS:
            raise ScenarioError(
                f"filen är större än gränsen {MAX_SCENARIO_CHARS:,} byte".replace(",", " "),
                f"the file is larger than the limit of {MAX_SCENARIO_CHARS:,} bytes",
            )
        return raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ScenarioError(
            f"filen kan inte läsas som UTF-8-text ({error})",
            f"the file cannot be read as UTF-8 text ({error})",
        ) from error


def _solver(args: argparse.Namespace, probing: bool = True) -> Any:
    """The solver asked for; ``probing=False`` as the app's budget curve uses HiGHS."""
    if args.solver == "cbc":
        import pulp

        return pulp.PULP_CBC_CMD(msg=False, timeLimit=args.time_limit)
    from models.optimise import default_solver

    return default_solver(args.time_limit, probing)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=float))


def _solve(args: argparse.Namespace) -> int:
    from models.dataset import load_dataset
    from models.run import run_scenario

    dataset = load_dataset(args.data)
    solution = run_scenario(dataset, _scenario(args, dataset), _solver(args))
    if args.json:
        _print_json(solution.to_dict())
        return 0
    gap = "–" if solution.gap is None else f"{solution.gap:.2%}"
    print(
        f"{solution.status}, gap {gap}, {solution.timings.solve_seconds:.2f} s; "
        f"{solution.cost_sek:,.0f} SEK of {solution.scenario.budget_sek:,.0f}"
    )
    for covered in solution.covered:
        gain, change = covered.gain_vs_baseline, covered.change_vs_today
        print(
            f"  {covered.key:<9} {covered.scenario:>9,.0f} ({covered.share():.1%})  "
            f"vs do-nothing {gain:+,.0f}, vs today {change:+,.0f}"
        )
    for action in solution.actions:
        print(
            f"  {action.action:<9} {action.service:<8} {action.place_name} ({action.kommun}) "
            f"{action.cost_sek:,.0f} SEK"
        )
    return 0


def _curve(args: argparse.Namespace) -> int:
    from models.analysis import budget_curve
    from models.dataset import load_dataset

    dataset = load_dataset(args.data)
    solver = _solver(args, probing=False)
    curve = budget_curve(dataset, _scenario(args, dataset), args.budgets, solver)
    if args.json:
        _print_json(curve.to_dict())
        return 0
    for step in curve.steps:
        people = step.solution.objective
        print(f"{step.budget_sek:>12,.0f} SEK  objective {people:>10,.0f}  {step.solution.status}")
    for priority in curve.priorities():
        action = priority.action
        print(
            f"{priority.rank:>3}. {action.action} {action.service} {action.place_name} "
            f"({action.cost_sek:,.0f} SEK, from budget {priority.from_budget_sek:,.0f})"
        )
    return 0


def _critical(args: argparse.Namespace) -> int:
    from models.criticality import criticality
    from models.dataset import load_dataset

    dataset = load_dataset(args.data)
    ranked = criticality(dataset, _scenario(args, dataset))
    if args.service:
        ranked = [c for c in ranked if c.service == args.service]
    ranked = ranked[: args.top]
    if args.json:
        _print_json([asdict(c) for c in ranked])
        return 0
    for c in ranked:
        print(f"{c.people_losing:>8,.0f}  {c.service:<8} {c.name} ({c.place_name}, {c.status})")
    return 0


def _stress(args: argparse.Namespace) -> int:
    from dashapp.formats import number
    from models.dataset import load_dataset
    from models.stress import stress_test

    dataset = load_dataset(args.data)
    result = stress_test(dataset, _scenario(args, dataset), args.k)
    if args.json:
        _print_json(
            {
                "closed": [asdict(c) for c in result.closed],
                "losses": [{**asdict(x), "people_losing": x.people_losing} for x in result.losses],
                "losses_by_kommun": [list(row) for row in result.losses_by_kommun],
            }
        )
        return 0
    print(f"Stänger / closing {len(result.closed)}:")
    for c in result.closed:
        print(f"  {c.point_id}  {c.service:<8} {c.name} ({c.place_name})")
    for loss in result.losses:
        together, apart = (number(v, "sv") for v in (loss.people_losing, loss.sum_of_single_losses))
        print(
            f"  {loss.service:<9} {together:>9} förlorar / lose "
            f"(en i taget / one at a time: {apart})"
        )
    return 0


def time_limit(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 1 <= seconds <= 3600:
        raise argparse.ArgumentTypeError("ange 1–3600 sekunder / give 1–3600 seconds")
    return seconds


def budget_list(text: str) -> list[float]:
    """``--budgets``: comma-separated, finite, not negative, at most 50 of them."""
    try:
        budgets = [float(part) for part in text.split(",")]
    except ValueError:
        budgets = []
    if not budgets or len(budgets) > 50 or not all(0 <= b < 1e12 for b in budgets):
        raise argparse.ArgumentTypeError(
            "ange 1–50 budgetar i kr, kommaseparerade / give 1–50 budgets in SEK, comma-separated"
        )
    return budgets


def add_solver_options(parser: argparse.ArgumentParser) -> None:
    """The options every solving command shares: output, solver, time limit, closures."""
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--solver", choices=("highs", "cbc"), default="highs")
    parser.add_argument(
        "--time-limit", type=time_limit, default=30.0, help="seconds per solve (1–3600)"
    )
    parser.add_argument(
        "--close",
        action="append",
        metavar="POINT_ID",
        help="close this existing point (repeatable), as a data correction",
    )


def add_solve_commands(
    commands: Any, add_data_option: Callable[[argparse.ArgumentParser], None]
) -> None:
    for name, run, text in (
        ("solve", _solve, "solve a scenario"),
        ("curve", _curve, "nested budget–coverage curve"),
        ("critical", _critical, "people losing access if each existing point closes"),
        ("stress", _stress, "close the k most critical points together: who loses what"),
    ):
        parser = commands.add_parser(name, help=text)
        add_data_option(parser)
        parser.add_argument("--scenario", type=Path, help="scenario JSON (docs/scenario.md)")
        add_solver_options(parser)
        parser.set_defaults(run=run)
        if name == "stress":
            parser.add_argument("--k", type=int, default=5, help="how many points close")
        if name == "curve":
            parser.add_argument(
                "--budgets",
                type=budget_list,
                default="0,250000,500000,1000000,1500000,2000000,3000000,4000000,6000000,8000000",
                help="comma-separated budgets in SEK",
            )
        if name == "critical":
            parser.add_argument("--service", help="only this service")
            parser.add_argument("--top", type=int, default=20)
