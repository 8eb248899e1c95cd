"""Issue targets for today's picture, checked on the embedded data."""

from __future__ import annotations

import numpy as np

from models import geo
from models.dataset import load_dataset
from models.paths import embedded_data_dir
from models.travel import TravelModel


def test_every_point_inside_a_tatort_belongs_to_that_tatort() -> None:
    """A shop drawn inside a tätort is that tätort's shop (none becomes a zero-people place)."""
    data = load_dataset(embedded_data_dir())
    places, points = data.places, data.points
    x_m, y_m = geo.to_sweref(points.lon_deg, points.lat_deg)
    towns = np.flatnonzero((places.kind == "tatort") & places.in_region)
    inside_count = 0
    for k in range(len(points)):
        distance_km = np.hypot(places.x_m[towns] - x_m[k], places.y_m[towns] - y_m[k]) / 1000
        inside = distance_km <= np.maximum(places.urban_radius_km[towns], 0.5)
        if inside.any():
            inside_count += 1
            town = towns[np.argmin(np.where(inside, distance_km, np.inf))]
            assert points.place_index[k] == town, str(points.names[k])
    assert inside_count > 200  # the check looked at the county's town shops, not at nothing


def test_modelled_road_distances_match_the_published_town_pairs() -> None:
    """Published road distances between towns in and around Kronoberg run 1.0–1.25 times the
    straight line, median 1.13 (shared/data/README.md); town pairs lie 15–100 km apart."""
    straight_km = np.linspace(15, 100, 50)
    ratio = TravelModel().road_km(straight_km) / straight_km
    assert np.all((ratio >= 1.0) & (ratio <= 1.25))
    assert abs(np.median(ratio) / 1.13 - 1) < 0.10
