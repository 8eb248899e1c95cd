"""A one-page printable HTML report of a scenario, with its map drawn as inline SVG (no tiles,
no scripts: it prints and archives as it is)."""

from __future__ import annotations

import html
from typing import Any

from dashapp.exports import actions_frame, kpi_frame, notes, places_table
from dashapp.formats import money, number, percent
from dashapp.i18n import t
from dashapp.present import label
from dashapp.style import PLACE_COLORS
from models.dataset import Dataset
from models.solution import Solution

WIDTH, HEIGHT = 520, 560
CSS = """
body { font-family: system-ui, sans-serif; margin: 1.5cm; font-size: 10pt; color: #111; }
table { border-collapse: collapse; margin: 0.5em 0; }
td, th { border: 1px solid #999; padding: 2px 6px; }
.cols { display: flex; gap: 1.5em; } .note { font-weight: 600; }
@media print { body { margin: 1cm; } }
"""


def _projector(dataset: Dataset) -> Any:
    lon, lat = (
        dataset.places.lon_deg[dataset.places.in_region],
        dataset.places.lat_deg[dataset.places.in_region],
    )
    west, east, south, north = lon.min() - 0.1, lon.max() + 0.1, lat.min() - 0.05, lat.max() + 0.05
    scale = min(WIDTH / ((east - west) * 0.55), HEIGHT / (north - south))  # cos(57°) ≈ 0.55

    def project(x: float, y: float) -> tuple[float, float]:
        return (x - west) * 0.55 * scale, (north - y) * scale

    return project


def svg_map(solution: Solution, dataset: Dataset) -> str:
    project = _projector(dataset)
    shapes = []
    for feature in dataset.boundaries["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"]
            if geometry["type"] == "MultiPolygon"
            else [geometry["coordinates"]]
        )
        for polygon in polygons:
            points = " ".join("{:.1f},{:.1f}".format(*project(x, y)) for x, y in polygon[0])
            shapes.append(
                f'<polygon points="{points}" fill="none" stroke="#333" stroke-width="1"/>'
            )
    table = places_table(solution, dataset)
    for row in table[dataset.places.in_region].to_dict("records"):
        x, y = project(row["lon"], row["lat"])
        radius = 2.5 + (max(row["population"], 0) ** 0.5) / 25
        status = str(row["status"])
        shapes.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="{PLACE_COLORS[status]}" '
            f'stroke="#222" stroke-width="{2 if status == "supported" else 0.5}">'
            f"<title>{html.escape(str(row['name']))}</title></circle>"
        )
    opening = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" role="img">'
    )
    return opening + "".join(shapes) + "</svg>"


def _legend(language: str) -> str:
    return " ".join(
        f'<span><svg width="12" height="12"><circle cx="6" cy="6" r="5" fill="{color}"/></svg> '
        f"{html.escape(t(f'legend_{key}', language))}</span>"
        for key, color in PLACE_COLORS.items()
    )


def html_report(solution: Solution, dataset: Dataset, language: str) -> str:
    scenario = solution.scenario
    kpis = kpi_frame(solution, dataset, language)
    county = kpis[kpis[t("col_kommun", language)] == t("all_kommuner", language)]
    parameters = "".join(
        f"<li><b>{html.escape(label(dataset.registry, s.service, language))}</b>: "
        f"{number(s.threshold_min, language)} min, "
        f"{t('weight', language).lower()} {number(s.weight, language, 1)}</li>"
        for s in scenario.services
    )
    title = html.escape(scenario.name)

    def figure(value: float) -> str:
        return number(value, language)

    actions_table = actions_frame(solution, dataset, language).to_html(
        index=False, float_format=figure, na_rep="–"
    )
    share = t("col_share", language)
    county = county.assign(**{share: county[share].map(lambda v: percent(v, language))})
    county_table = county.to_html(index=False, float_format=figure)
    sources = "".join(
        f'<p class="note">{html.escape(n)}</p>' for n in notes(dataset, language, solution.scenario)
    )
    summary = (
        f"{t('budget', language)}: {money(scenario.budget_sek, language)} · "
        f"{t('kpi_cost', language)}: {money(solution.cost_sek, language)} · "
        f"{t('mode', language)}: {t('mode_' + scenario.mode, language)} · "
        f"{solution.status}, gap {solution.gap}"
    )
    return f"""<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8"><title>Servicekartan – {title}</title>
<style>{CSS}</style></head><body>
<h1>Servicekartan: {title}</h1>
<p>{summary}</p>
<div class="cols"><div>{svg_map(solution, dataset)}<div>{_legend(language)}</div></div>
<div><h2>{t("kpi_covered", language)}</h2>{county_table}
<h2>{t("report_parameters", language)}</h2><ul>{parameters}</ul></div></div>
<h2>{t("tab_actions", language)}</h2>{actions_table}
<h2>{t("report_sources", language)}</h2>{sources}
</body></html>"""
