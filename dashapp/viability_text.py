"""Which places fall below the scenario's minimum customer base, and by how much (no Dash)."""

from __future__ import annotations

from dashapp.i18n import number, t
from models.dataset import Dataset
from models.scenario import Scenario
from models.viability import shortfalls


def viability_lines(dataset: Dataset, scenario: Scenario, language: str) -> list[str]:
    """A headline stating each service's minimum, then one line per place below it."""
    registry = dataset.registry
    minimums = [
        t(
            "viability_minimum",
            language,
            service=registry.label(s.service, language),
            people=number(s.min_customers, language),
            minutes=number(s.threshold_min, language),
        )
        for s in scenario.services
        if s.min_customers > 0
    ]
    if not minimums:
        return [t("viability_none_set", language)]
    names = dict(zip(dataset.places.ids.tolist(), dataset.places.names.tolist(), strict=True))
    found = shortfalls(dataset, scenario)
    head = t("viability_head", language, minimums="; ".join(minimums), count=len(found))
    return [
        head,
        *(
            t(
                "viability_line",
                language,
                place=names.get(s.place_id, s.place_id),
                service=registry.label(s.service, language),
                people=number(s.customers, language),
                missing=number(s.missing, language),
            )
            for s in found
        ),
    ]
