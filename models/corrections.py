"""Corrections a region makes to its data, as officials do by hand in Pipos today.

A correction marks a service point closed, at risk or secure, adds a point, moves one, or sets
what support costs at a place. Corrections never edit the shipped tables: a scenario carries the
list it uses (a named *data revision*), and ``apply_corrections`` returns a corrected copy of the
dataset. ``data build --corrections FILE`` applies the same list, read from the CSV the app
exports, through the same ``correct_tables``, so the app and the build cannot disagree.

A point added or moved joins the nearest place of the region within ``LINK_KM``: travel times
are known between people and places, not to arbitrary coordinates, so a point must belong to a
place to be reached by anyone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd

from models import geo
from models.dataset import Dataset, cost_notes_from_table, costs_from_table, points_from_table
from models.errors import DataError, Problem

Action = Literal["status", "add", "move", "cost"]
ACTIONS: tuple[str, ...] = ("status", "add", "move", "cost")
STATUSES: tuple[str, ...] = ("closed", "at_risk", "secure")
COST_KINDS: tuple[str, ...] = ("keep", "establish")
LINK_KM = 5.0  # an added or moved point joins a place at most this far away
USER = "user"  # status_reason and cost basis of what a correction set
MAX_CORRECTIONS = 500
MAX_COST_SEK = 100_000_000.0
MAX_NAME_CHARS = 200
SOURCE = "corrections"  # the "file" a problem names when the list did not come from a file


@dataclass(frozen=True)
class Correction:
    """One edit. Which fields matter depends on ``action``:

    - ``status``: ``point_id`` and ``status`` (``closed`` removes the point);
    - ``add``: ``service``, ``name``, ``status`` (at_risk or secure), ``lon_deg``, ``lat_deg``;
    - ``move``: ``point_id``, ``lon_deg``, ``lat_deg``;
    - ``cost``: ``place_id``, ``service``, ``cost_kind`` (keep or establish), ``cost_sek``.
    """

    action: str
    point_id: str = ""
    status: str = ""
    service: str = ""
    name: str = ""
    lon_deg: float | None = None
    lat_deg: float | None = None
    place_id: str = ""
    cost_kind: str = ""
    cost_sek: float | None = None


def added_point_id(position: int) -> str:
    """The id of the point the correction at ``position`` (0-based) adds; stable per list."""
    return f"user-{position + 1:03d}"


class _Editor:
    """Applies corrections in order to the point and cost tables, collecting problems."""

    def __init__(
        self,
        points: pd.DataFrame,
        costs: pd.DataFrame,
        places: pd.DataFrame,
        services: Sequence[str],
        source: str,
    ) -> None:
        self.points = points.set_index("point_id", drop=False)
        self.costs = costs.reset_index(drop=True)
        self.places = places[places["in_region"].astype(bool)]
        self.services = tuple(services)
        self.source = source
        self.problems: list[Problem] = []

    def fail(self, row: int, column: str, message_sv: str, message_en: str) -> None:
        self.problems.append(Problem(self.source, row, column, message_sv, message_en))

    def apply(self, position: int, correction: Correction) -> None:
        row = position + 2  # as a spreadsheet counts it: the header is row 1
        handlers = {
            "status": self._status,
            "add": self._add,
            "move": self._move,
            "cost": self._cost,
        }
        handler = handlers.get(correction.action)
        if handler is None:
            self.fail(
                row,
                "action",
                f"okänd åtgärd '{correction.action}' (status, add, move eller cost)",
                f"unknown action '{correction.action}' (status, add, move or cost)",
            )
            return
        handler(position, row, correction)

    def _known_point(self, row: int, point_id: str) -> bool:
        if point_id in self.points.index:
            return True
        self.fail(
            row,
            "point_id",
            f"servicepunkten '{point_id}' finns inte (eller är redan stängd)",
            f"service point '{point_id}' does not exist (or is already closed)",
        )
        return False

    def _status(self, _: int, row: int, correction: Correction) -> None:
        if correction.status not in STATUSES:
            self.fail(
                row,
                "status",
                f"status '{correction.status}' ska vara closed, at_risk eller secure",
                f"status '{correction.status}' must be closed, at_risk or secure",
            )
            return
        if not self._known_point(row, correction.point_id):
            return
        if correction.status == "closed":
            self.points = self.points.drop(index=correction.point_id)
            return
        self.points.loc[correction.point_id, ["status", "status_reason"]] = [
            correction.status,
            USER,
        ]

    def _place_near(self, row: int, correction: Correction) -> tuple[str, float, float] | None:
        """The nearest region place within LINK_KM of the correction's position, with the
        position in SWEREF 99 TM metres."""
        lon, lat = correction.lon_deg, correction.lat_deg
        if lon is None or lat is None or not (-180 <= lon <= 180 and -90 <= lat <= 90):
            self.fail(
                row,
                "lon",
                "läget saknas eller är ogiltigt (lon, lat i grader)",
                "the position is missing or invalid (lon, lat in degrees)",
            )
            return None
        x, y = geo.to_sweref(np.array([lon]), np.array([lat]))
        dx = self.places["x_sweref99tm"].to_numpy(float) - x[0]
        dy = self.places["y_sweref99tm"].to_numpy(float) - y[0]
        distance_km = np.hypot(dx, dy) / 1000
        if not len(distance_km) or distance_km.min() > LINK_KM:
            self.fail(
                row,
                "lon",
                f"ingen ort i regionen inom {LINK_KM:.0f} km från punkten",
                f"no place in the region within {LINK_KM:.0f} km of the point",
            )
            return None
        nearest = int(np.argmin(distance_km))
        return str(self.places["place_id"].iloc[nearest]), float(x[0]), float(y[0])

    def _add(self, position: int, row: int, correction: Correction) -> None:
        if correction.service not in self.services:
            self.fail(
                row,
                "service",
                f"okänd tjänst '{correction.service}'",
                f"unknown service '{correction.service}'",
            )
            return
        if correction.status not in ("at_risk", "secure"):
            self.fail(
                row,
                "status",
                "en ny punkt är at_risk eller secure",
                "a new point is at_risk or secure",
            )
            return
        if not correction.name.strip() or len(correction.name) > MAX_NAME_CHARS:
            self.fail(
                row,
                "name",
                f"namnet ska ha 1–{MAX_NAME_CHARS} tecken",
                f"the name must have 1–{MAX_NAME_CHARS} characters",
            )
            return
        found = self._place_near(row, correction)
        if found is None:
            return
        place_id, x_m, y_m = found
        point_id = added_point_id(position)
        new = {
            "point_id": point_id,
            "service": correction.service,
            "subtype": "",
            "name": correction.name.strip(),
            "place_id": place_id,
            "source": USER,
            "link": USER,
            "status": correction.status,
            "status_reason": USER,
            "x_sweref99tm": round(x_m, 1),
            "y_sweref99tm": round(y_m, 1),
            "lon": correction.lon_deg,
            "lat": correction.lat_deg,
        }
        added = pd.DataFrame([{c: new.get(c, "") for c in self.points.columns}])
        self.points = pd.concat([self.points, added.set_index("point_id", drop=False)])

    def _move(self, _: int, row: int, correction: Correction) -> None:
        if not self._known_point(row, correction.point_id):
            return
        found = self._place_near(row, correction)
        if found is None:
            return
        place_id, x_m, y_m = found
        self.points.loc[
            correction.point_id,
            ["place_id", "x_sweref99tm", "y_sweref99tm", "lon", "lat", "link"],
        ] = [place_id, round(x_m, 1), round(y_m, 1), correction.lon_deg, correction.lat_deg, USER]

    def _cost(self, _: int, row: int, correction: Correction) -> None:
        cost = correction.cost_sek
        checks = (
            (correction.service in self.services, "service", "okänd tjänst", "unknown service"),
            (
                correction.place_id in set(self.places["place_id"]),
                "place_id",
                "okänd ort eller ort utanför regionen",
                "unknown place or a place outside the region",
            ),
            (
                correction.cost_kind in COST_KINDS,
                "cost_kind",
                "ska vara keep eller establish",
                "must be keep or establish",
            ),
            (
                cost is not None and np.isfinite(cost) and 0 <= cost <= MAX_COST_SEK,
                "cost_sek",
                f"ska vara ett belopp mellan 0 och {MAX_COST_SEK:,.0f} kr".replace(",", " "),
                f"must be an amount between 0 and {MAX_COST_SEK:,.0f} SEK",
            ),
        )
        for passed, column, message_sv, message_en in checks:
            if not passed:
                self.fail(row, column, message_sv, message_en)
                return
        here = (self.costs["place_id"] == correction.place_id) & (
            self.costs["service"] == correction.service
        )
        if not here.any():
            blank = {"place_id": correction.place_id, "service": correction.service, "basis": ""}
            added = pd.DataFrame([blank]).reindex(columns=self.costs.columns)
            self.costs = pd.concat([self.costs, added], ignore_index=True)
            here = pd.Series(False, index=self.costs.index)
            here.iloc[-1] = True
        self.costs.loc[here, f"{correction.cost_kind}_cost_sek"] = float(cost or 0.0)
        self.costs.loc[here, "assumption"] = False
        self.costs.loc[here, "basis"] = USER


def correct_tables(
    points: pd.DataFrame,
    costs: pd.DataFrame,
    places: pd.DataFrame,
    services: Sequence[str],
    corrections: Sequence[Correction],
    source: str = SOURCE,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The point and cost tables with ``corrections`` applied in order; raises DataError naming
    each bad correction by row (the CSV's row, header = 1) and column. Nothing is returned
    when any correction fails, so a bad list changes nothing."""
    if len(corrections) > MAX_CORRECTIONS:
        raise DataError(
            [
                Problem(
                    source,
                    None,
                    None,
                    f"högst {MAX_CORRECTIONS} rättelser",
                    f"at most {MAX_CORRECTIONS} corrections",
                )
            ]
        )
    editor = _Editor(points.copy(), costs.copy(), places, services, source)
    for position, correction in enumerate(corrections):
        editor.apply(position, correction)
    if editor.problems:
        raise DataError(editor.problems)
    return editor.points.reset_index(drop=True), editor.costs.reset_index(drop=True)


def check_corrections(dataset: Dataset, corrections: Sequence[Correction]) -> list[Problem]:
    """Every problem ``corrections`` have against ``dataset`` (empty: they all apply)."""
    try:
        apply_corrections(dataset, tuple(corrections))
    except DataError as error:
        return error.problems
    return []


def apply_corrections(dataset: Dataset, corrections: tuple[Correction, ...]) -> Dataset:
    """``dataset`` as the corrections leave it; the same list on the same dataset gives the same
    object, so everything cached per dataset stays cached."""
    return _apply_cached(dataset, corrections) if corrections else dataset


@lru_cache(maxsize=16)
def _apply_cached(dataset: Dataset, corrections: tuple[Correction, ...]) -> Dataset:
    points, costs = correct_tables(
        _points_table(dataset),
        _costs_table(dataset),
        _places_table(dataset),
        dataset.services,
        corrections,
    )
    position = dataset.place_position()
    keep, establish = costs_from_table(costs, position, dataset.services)
    return replace(
        dataset,
        points=points_from_table(points, position),
        keep_cost_sek=keep,
        establish_cost_sek=establish,
        cost_notes={**dataset.cost_notes, **cost_notes_from_table(costs)},
    )


def _points_table(dataset: Dataset) -> pd.DataFrame:
    points = dataset.points
    x, y = geo.to_sweref(points.lon_deg, points.lat_deg)
    reasons = points.status_reason if points.status_reason is not None else ""
    return pd.DataFrame(
        {
            "point_id": points.ids,
            "service": points.service,
            "subtype": points.subtype,
            "name": points.names,
            "place_id": dataset.places.ids[points.place_index],
            "status": points.status,
            "status_reason": reasons,
            "link": "",
            "x_sweref99tm": x,
            "y_sweref99tm": y,
            "lon": points.lon_deg,
            "lat": points.lat_deg,
        }
    )


def _costs_table(dataset: Dataset) -> pd.DataFrame:
    rows, columns = np.nonzero(
        np.isfinite(dataset.keep_cost_sek) | np.isfinite(dataset.establish_cost_sek)
    )
    place_ids = dataset.places.ids[rows]
    services = np.array(dataset.services)[columns]
    notes = [
        dataset.cost_notes.get((str(p), str(s)), (False, ""))
        for p, s in zip(place_ids, services, strict=True)
    ]
    return pd.DataFrame(
        {
            "place_id": place_ids,
            "service": services,
            "keep_cost_sek": dataset.keep_cost_sek[rows, columns],
            "establish_cost_sek": dataset.establish_cost_sek[rows, columns],
            "assumption": [flag for flag, _ in notes],
            "basis": [basis for _, basis in notes],
        }
    )


def _places_table(dataset: Dataset) -> pd.DataFrame:
    places = dataset.places
    return pd.DataFrame(
        {
            "place_id": places.ids,
            "in_region": places.in_region,
            "x_sweref99tm": places.x_m,
            "y_sweref99tm": places.y_m,
        }
    )
