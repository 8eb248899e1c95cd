"""Linking service points to places: by distance, by postort, or as a new rural place."""

from __future__ import annotations

import pandas as pd
import shapely

from models.build.places import build_places
from models.build.services import one_spelling

URSHULT = pd.DataFrame(
    {
        "place_id": ["T1"],
        "name": ["Urshult"],
        "kommun_kod": ["0763"],
        "kind": ["tatort"],
        "population": [967],
        "urban_radius_km": [0.5],
        "in_region": [True],
        "x_sweref99tm": [488_000.0],
        "y_sweref99tm": [6_265_000.0],
    }
)


def _points(*rows: tuple[str, str, float]) -> pd.DataFrame:
    """(name, postort, metres east of Urshult's point), all inside the region."""
    return pd.DataFrame(
        {
            "name": [r[0] for r in rows],
            "city": [r[1] for r in rows],
            "x_sweref99tm": [488_000.0 + r[2] for r in rows],
            "y_sweref99tm": [6_265_000.0] * len(rows),
            "in_region": [True] * len(rows),
        }
    )


def test_a_point_near_the_locality_links_by_distance() -> None:
    _, place, how = build_places(URSHULT, _points(("Mack", "Urshult", 1_200)), {}, link_km=1.0)
    assert place.tolist() == ["T1"] and how.tolist() == ["distance"]


def test_a_point_whose_postort_names_the_locality_links_by_name() -> None:
    points = _points(("Matöppet Urshult", "URSHULT", 2_300))
    places, place, how = build_places(URSHULT, points, {}, link_km=1.0)
    assert place.tolist() == ["T1"] and how.tolist() == ["postort"]
    assert len(places) == 1  # no zero-population place beside Urshult


def test_a_namesake_too_far_away_becomes_a_rural_place() -> None:
    points = _points(("Gården", "Urshult", 9_000))
    tingsryd = {"0763": shapely.box(470_000, 6_250_000, 510_000, 6_280_000)}
    places, place, how = build_places(URSHULT, points, tingsryd, link_km=1.0, postort_km=5.0)
    assert how.tolist() == ["rural"] and place.iloc[0] != "T1"
    assert len(places) == 2 and places["kommun_kod"].iloc[1] == "0763"


def test_one_host_keeps_one_spelling() -> None:
    names = pd.Series(["ICA Nära Norrhult", "Ica Nära Norrhult", "ICA NÄRA NORRHULT", "Preem"])
    assert one_spelling(names).tolist()[:3] == ["ICA Nära Norrhult"] * 3
    assert one_spelling(names).iloc[3] == "Preem"
