"""How a scenario's data corrections read to a person and show on the map (pure, no Dash)."""

from __future__ import annotations

from dataclasses import dataclass

from dashapp.i18n import number, t
from models.corrections import Correction, added_point_id, apply_corrections
from models.dataset import Dataset
from models.scenario import Scenario


@dataclass(frozen=True)
class PointChanges:
    changed: dict[str, str]  # shipped point id → closed, moved, at_risk or secure
    drawn: list[str]  # ids of points to draw where the corrections put them (added or moved)


def point_changes(corrections: tuple[Correction, ...], shipped_ids: set[str]) -> PointChanges:
    changed: dict[str, str] = {}
    drawn: list[str] = []
    for position, c in enumerate(corrections):
        if c.action == "add":
            drawn.append(added_point_id(position))
        elif c.action == "move":
            drawn.append(c.point_id)
            if c.point_id in shipped_ids:
                changed[c.point_id] = "moved"
        elif c.action == "status" and c.point_id in shipped_ids:
            changed[c.point_id] = c.status
    return PointChanges(changed, list(dict.fromkeys(drawn)))


def _point_names(base: Dataset, corrections: tuple[Correction, ...]) -> dict[str, str]:
    names = dict(zip(base.points.ids.tolist(), base.points.names.tolist(), strict=True))
    for position, c in enumerate(corrections):
        if c.action == "add":
            names[added_point_id(position)] = c.name
    return names


def correction_texts(
    base: Dataset, corrections: tuple[Correction, ...], language: str
) -> list[str]:
    """One line per correction, e.g. "Stängd: Matöppet Urshult"."""
    names = _point_names(base, corrections)
    places = dict(zip(base.places.ids.tolist(), base.places.names.tolist(), strict=True))
    registry = base.registry
    lines = []
    for c in corrections:
        point = names.get(c.point_id, c.point_id)
        if c.action == "status":
            lines.append(f"{t(f'mark_{c.status}', language)}: {point}")
        elif c.action == "move":
            lines.append(f"{t('move_point', language)}: {point}")
        elif c.action == "add":
            service = registry.label(c.service, language)
            lines.append(f"{t('new_point', language)}: {c.name} ({service})")
        else:
            what = t("card_cost_keep" if c.cost_kind == "keep" else "card_cost_establish", language)
            amount = number(c.cost_sek or 0.0, language)
            service = registry.label(c.service, language)
            place = places.get(c.place_id, c.place_id)
            lines.append(f"{place}, {service}: {what} {amount} {t('sek_per_year', language)}")
    return lines


def corrections_count(count: int, language: str) -> str:
    """ "1 rättelse", "3 rättelser"."""
    if count == 1:
        return t("corrections_one", language)
    return t("corrections_many", language, count=number(count, language))


def revision_status(scenario: Scenario, language: str) -> str:
    """Which data the scenario uses: the shipped data, a saved revision, or unsaved edits."""
    if not scenario.corrections:
        return t("revision_shipped", language)
    count = corrections_count(len(scenario.corrections), language)
    if scenario.data_revision:
        return t("revision_named", language, name=scenario.data_revision, count=count)
    return t("revision_unsaved", language, count=count)


@dataclass(frozen=True)
class ClosedPoint:
    """A point a correction closed at a place: the card offers to open it again."""

    point_id: str
    name: str
    service: str
    was_at_risk: bool  # its status just before the correction closed it


def _before(base: Dataset, corrections: tuple[Correction, ...], index: int) -> Dataset:
    """The data as the corrections before ``index`` leave it; the shipped data itself when
    none of them touches the point (the usual case, and no tables are rebuilt)."""
    point_id = corrections[index].point_id
    earlier = corrections[:index]
    if point_id in _shipped_ids(base) and all(c.point_id != point_id for c in earlier):
        return base
    return apply_corrections(base, earlier)


def _shipped_ids(base: Dataset) -> set[str]:
    return set(base.points.ids.tolist())


def closed_points_at(
    base: Dataset, corrections: tuple[Correction, ...], place_id: str
) -> list[ClosedPoint]:
    """Points at ``place_id`` that the scenario's corrections closed, last closure first."""
    found: dict[str, ClosedPoint] = {}
    for index, c in enumerate(corrections):
        if c.action != "status" or c.status != "closed" or c.point_id in found:
            continue
        data = _before(base, corrections, index)
        position = {p: k for k, p in enumerate(data.points.ids.tolist())}
        k = position.get(c.point_id)
        if k is None or str(data.places.ids[data.points.place_index[k]]) != place_id:
            continue
        found[c.point_id] = ClosedPoint(
            c.point_id,
            str(data.points.names[k]),
            str(data.points.service[k]),
            str(data.points.status[k]) == "at_risk",
        )
    return list(reversed(found.values()))


def reopened(corrections: tuple[Correction, ...], point_id: str) -> int | None:
    """The index of the correction that closed ``point_id`` (the last one), to be removed."""
    closing = [
        k
        for k, c in enumerate(corrections)
        if c.action == "status" and c.status == "closed" and c.point_id == point_id
    ]
    return closing[-1] if closing else None


def closure_note(point: ClosedPoint, funded_before: bool, language: str) -> str:
    """Why closing the point did, or did not, change the plan's figures (docs/model.md: an
    at-risk point counts in a plan only when the plan funds it; unfunded, it is assumed to
    close, so closing it changes the plan's figures not at all, only "compared with today")."""
    if not point.was_at_risk:
        return t("closed_note_secure", language)
    return t("closed_note_funded" if funded_before else "closed_note_unfunded", language)
