"""One entry point for the command line and the app: a report as a file name and its bytes.
No Dash here; the app's Export tab and ``servicekartan report`` both call ``report_bytes``."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from dashapp.reports.current import current_html
from dashapp.reports.current_facts import current_state
from dashapp.reports.document import to_pdf
from dashapp.reports.followup import follow_up, followup_html
from dashapp.reports.plan import PLAN_FORMATS, plan_report_bytes
from dashapp.reports.texts import tr
from models.corrections import apply_corrections
from models.dataset import Dataset
from models.errors import ServicekartanError
from models.run import run_scenario
from models.scenario import Scenario, default_scenario
from models.solution import Solution

ReportKind = Literal["kommun", "county", "follow-up", "plan"]
Format = Literal["pdf", "html", "docx"]
KINDS: tuple[str, ...] = ("kommun", "county", "follow-up", "plan")
FORMATS: tuple[str, ...] = ("pdf", "html")  # "plan" (the handlingsplan): PLAN_FORMATS


class ReportError(ServicekartanError):
    """A report that cannot be made from what was asked (an unknown kommun, a missing input)."""


def find_kommun(dataset: Dataset, name: str) -> tuple[str, str]:
    """(code, name) of the kommun called ``name``, ignoring case, spacing and a trailing
    "kommun"; an unknown name raises ReportError listing the kommuner."""
    wanted = re.sub(r"\s+kommun$", "", " ".join(name.split()).casefold())
    for code, known in zip(dataset.kommun_kod.tolist(), dataset.kommun_names.tolist(), strict=True):
        if known.casefold() == wanted:
            return str(code), str(known)
    names = ", ".join(sorted(dataset.kommun_names.tolist()))
    raise ReportError(
        tr("unknown_kommun", "sv", name=name, names=names),
        tr("unknown_kommun", "en", name=name, names=names),
    )


def slug(text: str) -> str:
    """A file-name part: ``Älmhult`` → ``almhult``."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "rapport"


def _page(
    kind: str,
    dataset: Dataset,
    scenario: Scenario,
    language: str,
    kommun: str | None,
    solution: Solution | None,
    previous: Dataset | None,
    labels: tuple[str, str],
) -> tuple[str, str]:
    """(file stem, HTML)."""
    if kind == "follow-up":
        if previous is None:
            raise ReportError(
                "Uppföljningen behöver två dataversioner", "The follow-up needs two data versions"
            )
        found = follow_up(previous, dataset, scenario, *labels)
        stem = "uppfoljning" if language != "en" else "follow-up"
        return f"{stem}-{slug(dataset.region.name or dataset.name)}", followup_html(found, language)
    if kind not in ("kommun", "county"):
        raise ReportError(f"Okänd rapport: {kind}", f"Unknown report: {kind}")
    code, name = find_kommun(dataset, kommun or "") if kind == "kommun" else ("", "")
    solved = solution if solution is not None else run_scenario(dataset, scenario)
    data = apply_corrections(dataset, solved.scenario.corrections)
    state = current_state(data, solved, code or None)
    stem = "nulagesanalys" if language != "en" else "current-state"
    return f"{stem}-{slug(name or dataset.region.name or dataset.name)}", current_html(
        state, data, language
    )


def report_bytes(
    kind: str,
    dataset: Dataset,
    scenario: Scenario | None = None,
    language: str = "sv",
    kommun: str | None = None,
    *,
    fmt: str = "pdf",
    solution: Solution | None = None,
    previous: Dataset | None = None,
    labels: tuple[str, str] = ("", ""),
) -> tuple[str, bytes]:
    """A report as (file name, bytes).

    ``kind``: "kommun" (``kommun`` is its name, any case), "county", "follow-up" (from
    ``previous`` to ``dataset``, named by ``labels``) or "plan" (the handlingsplan of the kommun
    ``kommun`` from ``scenario``). ``scenario`` gives the travel-time limits and basket
    (default: the region's); ``solution``, when the caller has solved it already, saves a
    solve. ``fmt``: "pdf" or "html" ("docx" or "pdf" for "plan"); ``language``: "sv" or "en".
    """
    if kind == "plan":
        chosen = scenario or (solution.scenario if solution else default_scenario(dataset.registry))
        code, name = find_kommun(dataset, kommun or "")
        stem = "handlingsplan" if language != "en" else "action-plan"
        if fmt not in PLAN_FORMATS:
            raise ReportError(
                f"Okänt format: {fmt} (docx, pdf)", f"Unknown format: {fmt} (docx, pdf)"
            )
        return plan_report_bytes(
            dataset, chosen, (code, name), language, fmt, f"{stem}-{slug(name)}", solution
        )
    if fmt not in FORMATS:
        raise ReportError(f"Okänt format: {fmt} (pdf, html)", f"Unknown format: {fmt} (pdf, html)")
    chosen = scenario or (solution.scenario if solution else default_scenario(dataset.registry))
    names = labels if any(labels) else (previous.name if previous else "", dataset.name)
    stem, page = _page(kind, dataset, chosen, language, kommun, solution, previous, names)
    if fmt == "html":
        return f"{stem}.html", page.encode("utf-8")
    return f"{stem}.pdf", to_pdf(page)
