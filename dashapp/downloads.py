"""Every export the app offers: kind → (file suffix, builder). The export buttons, the tests and
the region check all read this one table."""

from __future__ import annotations

from collections.abc import Callable

from dashapp import exports
from dashapp.report import html_report
from models.corrections_file import corrections_csv
from models.dataset import Dataset
from models.solution import Solution

Builder = Callable[[Solution, Dataset, str], bytes]


def _report(solution: Solution, dataset: Dataset, language: str) -> bytes:
    return html_report(solution, dataset, language).encode("utf-8")


def _corrections(solution: Solution, dataset: Dataset, language: str) -> bytes:
    """The scenario's data corrections as the CSV ``data build --corrections`` reads (no
    comment lines: it is an input file, not a report)."""
    del dataset, language
    return corrections_csv(solution.scenario.corrections).encode("utf-8")


EXPORTS: dict[str, tuple[str, Builder]] = {
    "csv": ("actions.csv", exports.actions_csv),
    "kpi_csv": ("kpi.csv", exports.kpi_csv),
    "xlsx": ("xlsx", exports.to_xlsx),
    "geojson": ("geojson", exports.to_geojson),
    "gpkg": ("gpkg", exports.to_geopackage),
    "json": ("json", exports.scenario_json),
    "result": ("result.json", exports.result_json),
    "report": ("html", _report),
    "corrections": ("corrections.csv", _corrections),
}
