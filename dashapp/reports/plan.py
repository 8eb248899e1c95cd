"""The handlingsplan of one kommun from a scenario: ``plan_report_bytes`` for ``report_bytes``
(kind "plan", Word or PDF) and ``saved_scenario`` to read a scenario saved in the app."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from dashapp.reports.document import to_pdf
from dashapp.reports.plan_content import plan_report
from dashapp.reports.plan_facts import plan_facts
from dashapp.reports.plan_render import plan_docx, plan_html
from dashapp.reports.plan_texts import pt
from models.dataset import Dataset
from models.errors import ServicekartanError
from models.scenario import Scenario
from models.solution import Solution

PLAN_FORMATS: tuple[str, ...] = ("docx", "pdf")


class PlanReportError(ServicekartanError):
    """A handlingsplan that cannot be made from what was asked."""


def saved_scenario(scenario_id: str | int, database: Path | str, base: Scenario) -> Scenario:
    """The scenario saved in the app's database under ``scenario_id`` (any version), named as
    the app lists it, its missing fields from ``base``; an unknown id raises PlanReportError
    in both languages."""
    from dashapp.storage import ScenarioStorage

    text = str(scenario_id).strip()
    saved = ScenarioStorage(database).get(int(text)) if text.isdigit() else None
    if saved is None:
        raise PlanReportError(
            pt("unknown_scenario", "sv", id=text), pt("unknown_scenario", "en", id=text)
        )
    found = Scenario.from_json(saved.scenario_json, base)
    # the name the app lists it under (a rename is a new version with a new name)
    return replace(found, name=saved.name) if saved.name.strip() else found


def plan_report_bytes(
    dataset: Dataset,
    scenario: Scenario,
    kommun: tuple[str, str],
    language: str,
    fmt: str,
    stem: str,
    solution: Solution | None = None,
) -> tuple[str, bytes]:
    """(file name, bytes) of the handlingsplan of ``kommun`` (code, name) as "docx" or "pdf"."""
    if fmt not in PLAN_FORMATS:
        raise PlanReportError(
            f"Okänt format för handlingsplanen: {fmt} (docx, pdf)",
            f"Unknown format for the action plan: {fmt} (docx, pdf)",
        )
    code, name = kommun
    facts = plan_facts(dataset, scenario, code, name, solution)
    report = plan_report(facts, dataset, language)
    if fmt == "docx":
        return f"{stem}.docx", plan_docx(report, language)
    return f"{stem}.pdf", to_pdf(plan_html(report, language))
