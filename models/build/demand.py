"""Demand points: where the region's people live.

Default (no grid file): each tätort's population at its SCB point, plus each kommun's population
outside tätorter over a regular grid clipped to the kommun polygon, leaving out the tätorter's
own footprint, weighted towards settlements (models/build/settlement.py). The spread is an
estimate and every row says so (``modelled`` = true). A user's SCB population grid replaces all
of it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from models import geo
from models.build.settlement import RuralSpread, settlement_shares, whole_people


def tatort_demand(places: pd.DataFrame) -> pd.DataFrame:
    """Counted population at each tätort (and småort) point; ids equal the place ids."""
    localities = places[places["kind"].isin(["tatort", "smaort"]) & places["in_region"]]
    return pd.DataFrame(
        {
            "demand_id": localities["place_id"],
            "kommun_kod": localities["kommun_kod"],
            "kind": localities["kind"],
            "population": localities["population"].astype(float),
            "modelled": False,
            "x_sweref99tm": localities["x_sweref99tm"],
            "y_sweref99tm": localities["y_sweref99tm"],
        }
    )


def grid_centres(shape: shapely.Geometry, grid_km: float) -> np.ndarray:
    """Centres of the grid cells (aligned to multiples of ``grid_km``) inside ``shape``."""
    step_m = grid_km * 1000.0
    min_x, min_y, max_x, max_y = shape.bounds
    xs = (np.floor(min_x / step_m) + 0.5 + np.arange(int((max_x - min_x) / step_m) + 2)) * step_m
    ys = (np.floor(min_y / step_m) + 0.5 + np.arange(int((max_y - min_y) / step_m) + 2)) * step_m
    grid_x, grid_y = np.meshgrid(xs, ys)
    points = shapely.points(grid_x.ravel(), grid_y.ravel())
    shapely.prepare(shape)
    inside = shapely.contains(shape, points)
    return np.column_stack([grid_x.ravel()[inside], grid_y.ravel()[inside]])


def outside_footprints(xy_m: np.ndarray, localities: pd.DataFrame) -> np.ndarray:
    centre = localities[["x_sweref99tm", "y_sweref99tm"]].to_numpy(float)
    radius_m = localities["urban_radius_km"].fillna(0.0).to_numpy(float) * 1000.0
    if len(centre) == 0 or len(xy_m) == 0:
        return np.ones(len(xy_m), dtype=bool)
    distance = np.sqrt(((xy_m[:, None, :] - centre[None, :, :]) ** 2).sum(axis=2))
    return np.asarray((distance > radius_m[None, :]).all(axis=1))


def _xy(frame: pd.DataFrame) -> np.ndarray:
    return frame[["x_sweref99tm", "y_sweref99tm"]].to_numpy(float).reshape(-1, 2)


def rural_demand(
    kommuner: pd.DataFrame,
    kommun_shapes: dict[str, shapely.Geometry],
    localities: pd.DataFrame,
    villages: pd.DataFrame,
    grid_km: float,
    spread: RuralSpread,
) -> pd.DataFrame:
    """Each kommun's population outside localities over its grid points, weighted towards
    settlements (models/build/settlement.py)."""
    frames = []
    for code, people in zip(
        kommuner["kommun_kod"], kommuner["population_outside_localities"], strict=True
    ):
        xy = grid_centres(kommun_shapes[code], grid_km)
        xy = xy[outside_footprints(xy, localities)]
        if int(people) == 0 or len(xy) == 0:
            continue
        shares = settlement_shares(
            xy,
            _xy(localities),
            localities["urban_radius_km"].fillna(0.0).to_numpy(float),
            localities["population"].to_numpy(float),
            _xy(villages),
            spread,
        )
        frames.append(
            pd.DataFrame(
                {
                    "demand_id": [f"R{int(x)}_{int(y)}" for x, y in xy],
                    "kommun_kod": code,
                    "kind": "rural_approx",
                    "population": whole_people(int(people), shares).astype(float),
                    "modelled": True,
                    "x_sweref99tm": xy[:, 0],
                    "y_sweref99tm": xy[:, 1],
                }
            )
        )
    frame = pd.concat(frames, ignore_index=True)
    return frame[frame["population"] > 0].reset_index(drop=True)


def grid_demand(grid: pd.DataFrame, kommun_shapes: dict[str, shapely.Geometry]) -> pd.DataFrame:
    """Demand from a standardised population grid (see importers.read_population_grid).

    Cells whose centre lies outside every kommun polygon are dropped: the model serves the
    region's residents only.
    """
    x = grid["x_sweref99tm"].to_numpy(float)
    y = grid["y_sweref99tm"].to_numpy(float)
    kommun = geo.locate(kommun_shapes, x, y)
    keep = (kommun != None) & (grid["population"].to_numpy(float) > 0)  # noqa: E711
    frame = pd.DataFrame(
        {
            "demand_id": [f"G{int(a)}_{int(b)}" for a, b in zip(x[keep], y[keep], strict=True)],
            "kommun_kod": kommun[keep].astype(str),
            "kind": "grid",
            "population": grid["population"].to_numpy(float)[keep],
            "modelled": False,
            "x_sweref99tm": x[keep],
            "y_sweref99tm": y[keep],
        }
    )
    if "population_70plus" in grid:
        frame["population_70plus"] = grid["population_70plus"].to_numpy(float)[keep]
    return frame
