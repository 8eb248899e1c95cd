"""``servicekartan report``: the nulägesanalys of a kommun or the county, and the follow-up
between two data revisions, as PDF or HTML.

    servicekartan report kommun NAME --format pdf|html --out FILE
    servicekartan report county --format pdf|html --out FILE
    servicekartan report follow-up --from REV --to REV --format pdf|html --out FILE
    servicekartan report plan NAME [--scenario ID|FILE] --format docx|pdf --out FILE

The handlingsplan's ``--scenario`` is the id of a scenario saved in the app
(``SERVICEKARTAN_DB`` / ``DATABASE_URL``) or a scenario JSON file; neither: the default.
A REV is a data folder (two builds, two years), ``revision:ID`` (a data revision saved in the
app, applied to ``--data``) or a corrections CSV exported from the app (applied to ``--data``).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

REVISION_PREFIX = "revision:"


def _scenario(args: argparse.Namespace, dataset: Any) -> Any:
    from models.scenario import Scenario, default_scenario

    base = default_scenario(dataset.registry)
    if args.scenario is None:
        return base
    return Scenario.from_json(Path(args.scenario).read_text(encoding="utf-8"), base)


def _write(args: argparse.Namespace, content: bytes) -> int:
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(content)
    print(f"Skrivet / written: {out}")
    return 0


def _current(args: argparse.Namespace) -> int:
    from dashapp.reports import report_bytes
    from models.dataset import load_dataset

    dataset = load_dataset(args.data)
    kind = "kommun" if args.report == "kommun" else "county"
    _, content = report_bytes(
        kind,
        dataset,
        _scenario(args, dataset),
        args.language,
        getattr(args, "name", None),
        fmt=args.format,
    )
    return _write(args, content)


def plan_scenario_arg(value: str | None, dataset: Any) -> Any:
    """The handlingsplan's scenario: a saved scenario's id, a scenario JSON file, or (None)
    the region's default."""
    from dashapp.reports.plan import PlanReportError, saved_scenario
    from models.scenario import Scenario, default_scenario

    base = default_scenario(dataset.registry)
    if value is None:
        return base
    path = Path(value)
    if path.is_file():
        return Scenario.from_json(path.read_text(encoding="utf-8"), base)
    if value.strip().isdigit():
        from dashapp.settings import Settings

        return saved_scenario(value, Settings.from_env().database, base)
    raise PlanReportError(
        f"{value}: varken ett sparat scenarios id eller en scenariofil (JSON)",
        f"{value}: neither a saved scenario's id nor a scenario file (JSON)",
    )


def _plan(args: argparse.Namespace) -> int:
    from dashapp.reports import report_bytes
    from models.dataset import load_dataset

    dataset = load_dataset(args.data)
    scenario = plan_scenario_arg(args.scenario, dataset)
    _, content = report_bytes("plan", dataset, scenario, args.language, args.name, fmt=args.format)
    return _write(args, content)


def read_revision(value: str, data: Path) -> tuple[Any, str]:
    """(dataset, label) for a REV: a data folder, ``revision:ID`` or a corrections CSV."""
    from dashapp.reports import ReportError
    from models.corrections import apply_corrections
    from models.corrections_file import read_corrections
    from models.dataset import load_dataset

    path = Path(value)
    if path.is_dir():
        return load_dataset(path), path.name
    if value.startswith(REVISION_PREFIX):
        from dashapp.corrections_form import corrections_from_json
        from dashapp.settings import Settings
        from dashapp.storage import ScenarioStorage

        number = value.removeprefix(REVISION_PREFIX)
        saved = (
            ScenarioStorage(Settings.from_env().database).get_revision(int(number))
            if number.isdigit()
            else None
        )
        if saved is None:
            raise ReportError(
                f"Ingen sparad datarevision {number}", f"No saved data revision {number}"
            )
        corrections = corrections_from_json(saved.corrections_json)
        return apply_corrections(load_dataset(data), corrections), f"{saved.name} ({number})"
    if path.is_file():
        return apply_corrections(load_dataset(data), read_corrections(path)), path.name
    raise ReportError(
        f"{value}: varken en datamapp, revision:ID eller en rättelsefil (CSV)",
        f"{value}: neither a data folder, revision:ID nor a corrections file (CSV)",
    )


def _follow_up(args: argparse.Namespace) -> int:
    from dashapp.reports import report_bytes

    before, before_label = read_revision(args.from_rev, args.data)
    after, after_label = read_revision(args.to_rev, args.data)
    _, content = report_bytes(
        "follow-up",
        after,
        _scenario(args, after),
        args.language,
        fmt=args.format,
        previous=before,
        labels=(before_label, after_label),
    )
    return _write(args, content)


def _common(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    parser.add_argument("--format", choices=formats, default=formats[0])
    parser.add_argument("--out", type=Path, required=True, help="file to write")
    parser.add_argument("--language", choices=("sv", "en"), default="sv")
    parser.add_argument(
        "--scenario", type=Path, help="scenario JSON: travel-time limits and basket"
    )


def add_report_commands(
    commands: Any, add_data_option: Callable[[argparse.ArgumentParser], None]
) -> None:
    """Register ``report kommun``, ``report county``, ``report follow-up`` and ``report plan``."""
    report = commands.add_parser("report", help="printable reports (PDF, HTML)")
    kinds = report.add_subparsers(dest="report", required=True)
    kommun = kinds.add_parser("kommun", help="nulägesanalys of one kommun")
    kommun.add_argument("name", help="the kommun's name (any case)")
    county = kinds.add_parser("county", help="nulägesanalys of the whole county")
    for parser in (kommun, county):
        _common(parser, ("pdf", "html"))
        add_data_option(parser)
        parser.set_defaults(run=_current)
    follow = kinds.add_parser("follow-up", help="what changed between two data revisions")
    follow.add_argument("--from", dest="from_rev", required=True, metavar="REV")
    follow.add_argument("--to", dest="to_rev", required=True, metavar="REV")
    _common(follow, ("pdf", "html"))
    add_data_option(follow)
    follow.set_defaults(run=_follow_up)
    plan = kinds.add_parser("plan", help="handlingsplan of one kommun (Word or PDF)")
    plan.add_argument("name", help="the kommun's name (any case)")
    plan.add_argument("--format", choices=("docx", "pdf"), default="docx")
    plan.add_argument("--out", type=Path, required=True, help="file to write")
    plan.add_argument("--language", choices=("sv", "en"), default="sv")
    plan.add_argument(
        "--scenario", metavar="ID|FILE", help="a saved scenario's id or a scenario JSON file"
    )
    add_data_option(plan)
    plan.set_defaults(run=_plan)
