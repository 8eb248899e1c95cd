"""The ``servicekartan`` command: serve the app, build and check data, solve scenarios, and move
saved scenarios in and out of the database (``scenarios``).

Start-up imports only the standard library; each command imports what it needs when it runs,
so ``servicekartan data check`` never loads Dash and ``solve`` never loads the build step.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def _serve(args: argparse.Namespace) -> int:
    from dashapp.app import create_app
    from dashapp.settings import Settings

    app = create_app(Settings.from_env(data_dir=args.data))
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


def _build(args: argparse.Namespace) -> int:
    from models.build.manifest import read_manifest
    from models.build.region import BuildOptions, build_folder
    from models.build.services import StatusRule

    options = BuildOptions(
        grid_km=args.grid_km,
        status_rule=StatusRule(args.at_risk_below),
        population_grid=args.population_grid,
        smaorter=args.smaorter,
        service_points=args.service_points,
        travel_matrix=args.travel_matrix,
        osm=args.osm,
        leave_out_categories=tuple(args.leave_out or ()),
        corrections=args.corrections,
    )
    out = build_folder(read_manifest(args.manifest, args.source), args.out, options)
    print(f"Byggt / built: {out}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from models.validate import check_folder, linking_report

    folder = args.folder or args.data
    problems = check_folder(folder)
    for problem in problems:
        print(problem.line())
    if problems:
        print(f"{len(problems)} fel / problems in {folder}")
        return 1
    print(f"Inga fel / no problems: {folder}")
    report = linking_report(folder)
    if report:
        print(
            "Servicepunkter kopplade via postort (postort) eller som egen ort på landsbygden "
            "(rural) / service points linked by postort or as a rural place of their own:"
        )
        print("\n".join(f"  {line}" for line in report))
    return 0


def data_folder(value: str | None) -> Path:
    """``--data``: the folder given, else ``SERVICEKARTAN_DATA``, else the embedded region."""
    from dashapp.settings import Settings

    return Settings.from_env(data_dir=Path(value) if value else None).data_dir


def add_data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data", type=data_folder, default=None, help="data folder (documented format)"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="servicekartan", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="start the web app on 127.0.0.1")
    add_data_option(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8050)
    serve.add_argument("--debug", action="store_true")
    serve.set_defaults(run=_serve)

    data = commands.add_parser("data", help="build or check a data folder")
    data_commands = data.add_subparsers(dest="data_command", required=True)
    build = data_commands.add_parser("build", help="build a data folder from source files")
    build.add_argument("--manifest", type=Path, required=True, help="the region's manifest")
    build.add_argument("--source", type=Path, help="source folder (default: the manifest's)")
    build.add_argument("--out", type=Path, required=True, help="data folder to write")
    build.add_argument("--grid-km", type=float, default=2.0, help="rural demand grid spacing")
    build.add_argument("--at-risk-below", type=int, default=1000, help="status rule population")
    build.add_argument("--population-grid", type=Path, help="SCB population per km square")
    build.add_argument("--smaorter", type=Path, help="SCB småorter file")
    build.add_argument("--service-points", type=Path, help="the region's own service points")
    build.add_argument("--travel-matrix", type=Path, help="origin_id;destination_id;minutes")
    build.add_argument("--osm", type=Path, help="OpenStreetMap extract for road travel times")
    build.add_argument(
        "--leave-out",
        action="append",
        metavar="CATEGORY",
        help="a source category not to count (repeatable), e.g. bank_branch for ATMs-only cash",
    )
    build.add_argument(
        "--corrections",
        type=Path,
        help="corrections CSV exported from the app (a data revision) to apply to the build",
    )
    build.set_defaults(run=_build)
    check = data_commands.add_parser("check", help="validate a data folder")
    check.add_argument("folder", type=Path, nargs="?")
    add_data_option(check)
    check.set_defaults(run=_check)

    from dashapp.cli_solve import add_solve_commands

    add_solve_commands(commands, add_data_option)
    from dashapp.cli_plan import add_plan_command

    add_plan_command(commands, add_data_option)
    from dashapp.cli_scenarios import add_scenario_commands

    add_scenario_commands(commands)
    from dashapp.cli_report import add_report_commands

    add_report_commands(commands, add_data_option)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if hasattr(args, "data") and args.data is None:
        args.data = data_folder(None)
    from models.errors import DataError, ServicekartanError

    try:
        return int(args.run(args))
    except DataError as error:
        for problem in error.problems:
            print(problem.line(), file=sys.stderr)
        return 1
    except ServicekartanError as error:
        print(f"{error.message_sv}\n{error.message_en}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
