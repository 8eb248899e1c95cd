"""Which support schemes actions and existing points may qualify for: the card's lines and the
actions table's cells (pure, no Dash)."""

from __future__ import annotations

from dataclasses import replace

from dashapp.eligibility_text import eligibility_cell, eligibility_line
from dashapp.i18n import t
from models.dataset import Dataset
from models.eligibility import action_eligibility, point_eligibility, solution_eligibility
from models.places import PlaceFacts
from models.solution import Solution


def support_lines(
    base: Dataset, corrected: Dataset, solution: Solution, facts: PlaceFacts, language: str
) -> list[tuple[str, str]]:
    """(what, line) per scheme: first the scenario's actions here, then the existing points.
    ``base`` is the data before the scenario's corrections, ``corrected`` after them."""
    registry = corrected.registry
    lines = [
        (
            f"{registry.label(a.service, language)}, {t(f'action_{a.action}', language).lower()}",
            line,
        )
        for a in facts.actions
        for line in (eligibility_line(e, language) for e in action_eligibility(base, solution, a))
    ]
    position = {p: k for k, p in enumerate(corrected.points.ids.tolist())}
    for point in facts.points:
        k = position.get(point.point_id)
        if k is None:
            continue
        what = point.name or registry.label(point.service, language)
        lines += [(what, eligibility_line(e, language)) for e in point_eligibility(corrected, k)]
    return lines


def eligibility_cells(corrected: Dataset, solution: Solution, language: str) -> list[str]:
    """A table cell per action of ``solution`` (in its order): each scheme and its outcome.
    ``corrected`` already carries the scenario's corrections, so they are not applied twice."""
    as_given = replace(solution, scenario=replace(solution.scenario, corrections=()))
    return [eligibility_cell(e, language) for e in solution_eligibility(corrected, as_given)]
