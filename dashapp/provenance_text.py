"""Where each kind of figure comes from, as a reader sees it (pure, no Dash): rows for the Data
tab's table and lines for every export's notes."""

from __future__ import annotations

from dashapp.i18n import TEXT, t
from models.dataset import Dataset
from models.provenance import figure_origins
from models.scenario import Scenario

Row = dict[str, str]


def provenance_rows(dataset: Dataset, scenario: Scenario | None, language: str) -> list[Row]:
    """Figure, basis (measured, modelled, rule, assumption, corrected) and sources."""
    actions = {c.action for c in scenario.corrections} if scenario else set()
    rows = []
    for origin in figure_origins(dataset, actions):
        basis = t(f"basis_{origin.basis}", language)
        if origin.corrected:
            basis += f"; {t('basis_corrected', language)}"
        method = f"method_{origin.figure}"
        fallback = t(method, language) if method in TEXT else t("basis_no_source", language)
        sources = "; ".join(s.citation(language) for s in origin.sources) or fallback
        rows.append(
            {"figure": t(f"figure_{origin.figure}", language), "basis": basis, "sources": sources}
        )
    return rows


def provenance_lines(dataset: Dataset, scenario: Scenario | None, language: str) -> list[str]:
    return [
        f"{row['figure']}: {row['basis']} ({row['sources']})"
        for row in provenance_rows(dataset, scenario, language)
    ]
