"""The follow-up from the shipped data to the scenario's data revision, as rows people read
(no Dash): points opened and closed, and who gained or lost reach per service and kommun."""

from __future__ import annotations

from dashapp.i18n import number, t
from models.dataset import Dataset
from models.followup import match_points, reach_changes
from models.scenario import Scenario
from models.solution import BASKET

Row = dict[str, str]
COLUMNS: tuple[str, ...] = ("area", "service", "before", "after", "gained", "lost")


def followup_summary(before: Dataset, after: Dataset, language: str) -> str:
    changes = match_points(before, after)
    return t(
        "followup_points",
        language,
        opened=number(len(changes.opened), language),
        closed=number(len(changes.closed), language),
        changed=number(len(changes.status_changed), language),
    )


def followup_rows(before: Dataset, after: Dataset, scenario: Scenario, language: str) -> list[Row]:
    """The region's rows for every service, then each kommun's rows where someone's reach
    changed."""
    registry = after.registry
    rows = []
    for change in reach_changes(before, after, scenario):
        if change.kommun_kod and not (change.gained or change.lost):
            continue
        service = (
            t("service_basket", language)
            if change.key == BASKET
            else registry.label(change.key, language)
        )
        rows.append(
            {
                "area": change.kommun or after.region.name,
                "service": service,
                "before": number(change.reached_before, language),
                "after": number(change.reached_after, language),
                "gained": number(change.gained, language),
                "lost": number(change.lost, language),
            }
        )
    return rows
