"""Existing service points from the public sources, mapped to the model's five services."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from models.services import ServiceRegistry

# Small formats: the village-shop candidates and convenience-style chains. Everything else in
# the chain lists carries a full range (at least 1,000 articles including fresh food), the
# threshold Förordning (2000:284) uses for "a shop with a full range".
SMALL_GROCERY_SUBTYPES = frozenset({"Tempo", "Direkten", "shop hosting post agent (name match)"})


@dataclass(frozen=True)
class StatusRule:
    """Default rule for a point's status (users override it in service_points.csv).

    A point inside the region is ``at_risk`` when it is the only point of its service at its
    place and the place has fewer than ``max_population_at_risk`` inhabitants; otherwise
    ``secure``. Points outside the region are supply the region cannot fund: always ``secure``.
    """

    max_population_at_risk: int = 1000


def _subtype(row: pd.Series) -> str:
    if row["service"] == "grocery":
        return "small" if row["subtype"] in SMALL_GROCERY_SUBTYPES else "full"
    if row["category"] == "pharmacy_osm":
        return "osm"
    if row["category"] == "bank_branch":
        return f"bank branch ({row['subtype']})"
    return str(row["subtype"])


def _near_any(xy: np.ndarray, other_xy: np.ndarray, radius_m: float) -> np.ndarray:
    if len(other_xy) == 0 or len(xy) == 0:
        return np.zeros(len(xy), dtype=bool)
    distance, _ = cKDTree(other_xy).query(xy, k=1)
    return np.asarray(distance <= radius_m)


def name_key(name: str) -> str:
    """'TOLG LANTHANDEL' and 'Tolgs Lanthandel', '59ans Livs' and '59:ans Livs' match."""
    words = re.sub(r"[^0-9a-zåäöéü ]", "", str(name).lower()).split()
    return " ".join(w.removesuffix("s") for w in words if w != "ab")


def _drop_near_duplicates(frame: pd.DataFrame, radius_m: float, same_name: bool) -> pd.DataFrame:
    """Within one service, a point within ``radius_m`` of an earlier one (and, with
    ``same_name``, under the same name) is the same point listed twice."""
    if frame.empty:
        return frame
    kept = []
    for _, group in frame.groupby("service", sort=False):
        xy = group[["x_sweref99tm", "y_sweref99tm"]].to_numpy(float)
        keys = group["name"].map(name_key).to_numpy()
        keep = np.ones(len(group), dtype=bool)
        for i, j in sorted(cKDTree(xy).query_pairs(radius_m)):
            if keep[i] and keep[j] and (not same_name or keys[i] == keys[j]):
                keep[j] = False
        kept.append(group[keep])
    return pd.concat(kept)


def select_service_points(
    combined: pd.DataFrame, registry: ServiceRegistry, leave_out: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Rows of the combined source table whose ``category`` supplies a registry service.

    - ATMs: only the current ``Bankomat`` layer (the ``Uttagsautomater`` layer is outdated).
    - OpenStreetMap pharmacies (2020) count only when over 500 m from every chain pharmacy
      (2023); the others duplicate a chain pharmacy.
    - Village-shop candidates closer than 300 m to each other are one shop, and so are two
      points of one service with the same name within 5 km (the two Tolg rows, 2.4 km apart).
    """
    category_to_service = {
        category: service
        for category, service in registry.by_source_category().items()
        if category not in leave_out
    }
    frame = combined[combined["category"].isin(category_to_service)].copy()
    frame = frame[~((frame["category"] == "atm") & (frame["subtype"] != "Bankomat"))]
    frame["service"] = frame["category"].map(category_to_service)
    chain = frame[frame["category"] == "pharmacy"][["x_sweref99tm", "y_sweref99tm"]].to_numpy()
    osm = frame["category"] == "pharmacy_osm"
    duplicate = _near_any(
        frame.loc[osm, ["x_sweref99tm", "y_sweref99tm"]].to_numpy(float), chain, 500.0
    )
    frame = frame.drop(index=frame.index[osm.to_numpy()][duplicate])
    candidates = _drop_near_duplicates(
        frame[frame["category"] == "grocery_candidate"], 300.0, same_name=False
    )
    frame = pd.concat([frame[frame["category"] != "grocery_candidate"], candidates])
    frame = _drop_near_duplicates(frame, 5000.0, same_name=True)
    frame["subtype"] = frame.apply(_subtype, axis=1)
    frame["name"] = one_spelling(frame["name"])
    return frame.reset_index(drop=True)


def one_spelling(names: pd.Series) -> pd.Series:
    """One host, one name: "ICA NÄRA NORRHULT" (an agent list) and "Ica Nära Norrhult" become
    the spelling most rows use that is not all capitals (the chain's own, as a rule)."""
    keys = names.fillna("").map(name_key)
    chosen: dict[str, str] = {}
    for key, group in names.fillna("").groupby(keys, sort=False):
        mixed = group[~group.str.isupper()]
        chosen[str(key)] = str((mixed if len(mixed) else group).mode().iloc[0])
    return keys.map(chosen).where(keys != "", names)


def apply_status_rule(
    points: pd.DataFrame, place_population: pd.Series, place_in_region: pd.Series, rule: StatusRule
) -> pd.DataFrame:
    """Add ``status`` and ``status_reason`` per the documented default rule."""
    points = points.copy()
    count_at_place = points.groupby(["place_id", "service"])["point_id"].transform("count")
    population = points["place_id"].map(place_population)
    in_region = points["place_id"].map(place_in_region).astype(bool)
    at_risk = in_region & (count_at_place == 1) & (population < rule.max_population_at_risk)
    points["status"] = np.where(at_risk, "at_risk", "secure")
    points["status_reason"] = np.select(
        [~in_region, at_risk],
        ["outside region: supply only", f"only one at a place under {rule.max_population_at_risk}"],
        default="several points or a larger place",
    )
    return points
