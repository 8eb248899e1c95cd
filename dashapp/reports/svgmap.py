"""Maps for printed reports, drawn server-side as inline SVG: kommun borders, markers and place
names, fitted to one kommun (or the whole region) without cropping it, and a scale bar.

Coordinates are SWEREF99 TM metres, so distances are true and no latitude correction is needed.
Names are placed greedily, the highest priority first, at the first of four spots (right, left,
above, below) where they overlap no name already placed; a name with no free spot is left out
rather than drawn over another (its place is still in the tables).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from dashapp.reports.document import esc
from dashapp.reports.texts import tr
from models import geo
from models.dataset import Dataset

WIDTH = 1000.0
MAX_RATIO = 1.3  # height / width; a taller area is shown with room beside it, never cut
PAD = 0.05
FONT = 16.0
Box = tuple[float, float, float, float]
SIGNS = ("cross", "plus")


@dataclass(frozen=True)
class Marker:
    x_m: float
    y_m: float
    fill: str
    radius: float = 5.0
    shape: str = "circle"  # circle, square, cross (closed) or plus (opened)
    stroke: str = "#222"
    stroke_width: float = 0.8
    label: str = ""
    priority: float = 0.0  # names of higher priority are placed first
    faint: bool = False
    blocks_labels: bool = True  # False for background marks (population squares)


def _rings(dataset: Dataset) -> Iterator[tuple[str, np.ndarray]]:
    """(kommun code, ring as an n × 2 array of SWEREF metres) for every boundary ring."""
    for feature in dataset.boundaries.get("features", []):
        code = str(feature.get("properties", {}).get("kommun_kod", ""))
        geometry: dict[str, Any] = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        for polygon in polygons:
            for ring in polygon:
                lonlat = np.asarray(ring, dtype=float)
                x, y = geo.to_sweref(lonlat[:, 0], lonlat[:, 1])
                yield code, np.column_stack([x, y])


def _bounds(dataset: Dataset, kommun_kod: str | None) -> Box:
    rings = [r for code, r in _rings(dataset) if not kommun_kod or code == kommun_kod]
    if rings:
        xy = np.vstack(rings)
    else:  # no borders in the data: the region's places
        inside = dataset.places.in_region
        xy = np.column_stack([dataset.places.x_m[inside], dataset.places.y_m[inside]])
    x0, y0 = xy.min(axis=0)
    x1, y1 = xy.max(axis=0)
    pad = PAD * max(x1 - x0, y1 - y0, 1000.0)
    x0, x1, y0, y1 = x0 - pad, x1 + pad, y0 - pad, y1 + pad
    if (y1 - y0) > MAX_RATIO * (x1 - x0):
        grow = ((y1 - y0) / MAX_RATIO - (x1 - x0)) / 2
        x0, x1 = x0 - grow, x1 + grow
    return float(x0), float(y0), float(x1), float(y1)


class _View:
    def __init__(self, bounds: Box) -> None:
        self.x0, self.y0, self.x1, self.y1 = bounds
        self.scale = WIDTH / (self.x1 - self.x0)
        self.height = (self.y1 - self.y0) * self.scale

    def point(self, x_m: float, y_m: float) -> tuple[float, float]:
        return (x_m - self.x0) * self.scale, (self.y1 - y_m) * self.scale

    def inside(self, x: float, y: float) -> bool:
        return 0 <= x <= WIDTH and 0 <= y <= self.height


def _marker(m: Marker, x: float, y: float) -> str:
    opacity = ' opacity="0.45"' if m.faint else ""
    stroke = f'stroke="{m.stroke}" stroke-width="{m.stroke_width:.1f}"'
    r = m.radius
    if m.shape == "square":
        return (
            f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" '
            f'fill="{m.fill}" {stroke}{opacity}/>'
        )
    if m.shape in SIGNS:
        d = (
            f"M{x - r:.1f},{y - r:.1f}L{x + r:.1f},{y + r:.1f}M{x - r:.1f},{y + r:.1f}"
            f"L{x + r:.1f},{y - r:.1f}"
            if m.shape == "cross"
            else f"M{x - r:.1f},{y:.1f}L{x + r:.1f},{y:.1f}M{x:.1f},{y - r:.1f}L{x:.1f},{y + r:.1f}"
        )
        return (
            f'<path d="{d}" stroke="#fff" stroke-width="{m.stroke_width + 3:.1f}" fill="none"/>'
            f'<path d="{d}" stroke="{m.fill}" stroke-width="{m.stroke_width:.1f}" fill="none"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{m.fill}" {stroke}{opacity}/>'


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _label(m: Marker, x: float, y: float, placed: list[Box], height: float) -> str:
    width = 0.6 * FONT * len(m.label)
    gap = m.radius + 2
    spots = (
        (x + gap, y + FONT / 3, "start"),
        (x - gap, y + FONT / 3, "end"),
        (x, y - gap - 2, "middle"),
        (x, y + gap + FONT, "middle"),
    )
    for tx, ty, anchor in spots:
        left = tx if anchor == "start" else tx - width if anchor == "end" else tx - width / 2
        box = (left, ty - FONT, left + width, ty + 2)
        if box[0] < 0 or box[2] > WIDTH or box[1] < 0 or box[3] > height:
            continue
        if any(_overlaps(box, other) for other in placed):
            continue
        placed.append(box)
        colour = "#666" if m.faint else "#111"
        text = esc(m.label)
        common = f'x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}" font-size="{FONT:.0f}"'
        return (
            f'<text {common} fill="#fff" stroke="#fff" stroke-width="3">{text}</text>'
            f'<text {common} fill="{colour}">{text}</text>'
        )
    return ""


def _scale_bar(view: _View, language: str) -> str:
    target_m = (view.x1 - view.x0) / 5
    km = next((k for k in (50, 20, 10, 5, 2, 1) if k * 1000 <= target_m), 1)
    length = km * 1000 * view.scale
    x, y = 20.0, view.height - 20.0
    return (
        f'<rect x="{x - 6:.1f}" y="{y - 22:.1f}" width="{length + 60:.1f}" height="32" '
        f'fill="#fff" opacity="0.8"/>'
        f'<path d="M{x:.1f},{y - 6:.1f}V{y:.1f}H{x + length:.1f}V{y - 6:.1f}" stroke="#111" '
        f'stroke-width="2" fill="none"/>'
        f'<text x="{x + length + 6:.1f}" y="{y:.1f}" font-size="{FONT:.0f}">'
        f"{esc(tr('scale_km', language, km=km))}</text>"
    )


def svg_map(
    dataset: Dataset,
    markers: Sequence[Marker],
    language: str,
    kommun_kod: str | None = None,
    map_id: str = "map",
) -> str:
    """The region's borders (``kommun_kod``'s drawn strongly and fitted whole) and the markers
    inside the view, with names where they fit."""
    view = _View(_bounds(dataset, kommun_kod))
    borders, focus = [], []
    for code, ring in _rings(dataset):
        d = "M" + "L".join("{:.1f},{:.1f}".format(*view.point(x, y)) for x, y in ring) + "Z"
        if kommun_kod and code == kommun_kod:
            focus.append(f'<path d="{d}" fill="#fbfbf4" stroke="#111" stroke-width="2.5"/>')
        else:
            fill = "none" if kommun_kod else "#fbfbf4"
            borders.append(f'<path d="{d}" fill="{fill}" stroke="#888" stroke-width="1"/>')
    shown = [
        (m, *view.point(m.x_m, m.y_m)) for m in markers if view.inside(*view.point(m.x_m, m.y_m))
    ]
    # background marks first, then circles (large under small), crosses and plus signs on top
    order = sorted(shown, key=lambda s: (s[0].blocks_labels, s[0].shape in SIGNS, -s[0].radius))
    shapes = [_marker(m, x, y) for m, x, y in order]
    placed = [
        (x - m.radius, y - m.radius, x + m.radius, y + m.radius)
        for m, x, y in shown
        if m.blocks_labels
    ]
    labels, named = [], set()
    for m, x, y in sorted(shown, key=lambda s: -s[0].priority):
        if m.label and m.label not in named:  # two points of one town outside: one name
            labels.append(_label(m, x, y, placed, view.height))
            named.add(m.label)
    clip = f"{esc(map_id)}-clip"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {view.height:.0f}" '
        f'width="{WIDTH:.0f}" height="{view.height:.0f}" role="img" '
        f'font-family="DejaVu Sans, Liberation Sans, sans-serif">'
        f'<defs><clipPath id="{clip}"><rect width="{WIDTH:.0f}" height="{view.height:.0f}"/>'
        f'</clipPath></defs><g clip-path="url(#{clip})">'
        + "".join(borders + focus + shapes + labels)
        + _scale_bar(view, language)
        + "</g></svg>"
    )


def legend(entries: Sequence[tuple[str, str, str]]) -> str:
    """(colour, shape, text) entries drawn as small symbols beside their text."""
    parts = []
    for colour, shape, text in entries:
        symbol = _marker(Marker(7, 7, colour, 5, shape), 7, 7)
        parts.append(f'<span><svg width="14" height="14">{symbol}</svg> {esc(text)}</span>')
    return '<p class="legend">' + "".join(parts) + "</p>"
