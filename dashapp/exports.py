"""Exports of a solved scenario: CSV, Excel, GeoJSON and GeoPackage.

Every export carries the notes a reader needs: which figures are modelled and where the data
comes from (the data folder's own sources). CSV follows the UI language: Swedish Excel's dialect
(``;``, decimal comma, UTF-8 with BOM) in Swedish, plain comma-separated in English. Text that
came from a data file or a user is written so no spreadsheet runs it as a formula.
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyogrio.raw
import shapely

from dashapp.card_support import eligibility_cells
from dashapp.formats import csv_dialect
from dashapp.i18n import t
from dashapp.present import label
from dashapp.present_corrections import revision_status
from dashapp.provenance_text import provenance_lines
from models.dataset import Dataset
from models.scenario import Scenario
from models.solution import Solution

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """A cell that a spreadsheet shows as text: a leading formula character gets an
    apostrophe, as Excel itself does for text typed that way."""
    return "'" + value if value.startswith(FORMULA_START) else value


def notes(dataset: Dataset, language: str, scenario: Scenario | None = None) -> list[str]:
    """Modelled-figure warning, the region's own notes, which data revision the figures use,
    then the sources."""
    found = [*dataset.region.notes(language)]
    if dataset.demand_is_modelled or dataset.travel.method == "modelled":
        found.insert(0, t("modelled_note", language))
    if scenario is not None:
        revision = safe_text(revision_status(scenario, language))
        found.append(t("revision_note", language, revision=revision))
    found += provenance_lines(dataset, scenario, language)
    found.append(f"{t('sources_title', language)}: {dataset.region.citations(language)}")
    return found


def actions_frame(solution: Solution, dataset: Dataset, language: str) -> pd.DataFrame:
    """One row per action; ``dataset`` is the one the scenario's corrections left (the app
    passes ``dataset_for(scenario)``), which the support-scheme cells are measured on."""
    actions = solution.actions
    return pd.DataFrame(
        {
            t("col_place", language): [safe_text(a.place_name) for a in actions],
            t("col_kommun", language): [safe_text(a.kommun) for a in actions],
            t("col_service", language): [
                label(dataset.registry, a.service, language) for a in actions
            ],
            t("col_action", language): [t(f"action_{a.action}", language) for a in actions],
            t("col_cost", language): [a.cost_sek for a in actions],
            t("col_only_it", language): [round(a.people_only_here, 1) for a in actions],
            t("col_gained", language): [round(a.people_gained, 1) for a in actions],
            t("col_per_msek", language): [a.people_per_msek for a in actions],
            t("col_support", language): eligibility_cells(dataset, solution, language),
        }
    )


def kpi_frame(solution: Solution, dataset: Dataset, language: str) -> pd.DataFrame:
    areas = [(t("all_kommuner", language), solution.covered)] + [
        (k.kommun, k.covered) for k in solution.by_kommun
    ]
    rows = [
        {
            t("col_kommun", language): safe_text(name),
            t("col_service", language): label(dataset.registry, c.key, language),
            t("col_population", language): c.population,
            t("kpi_covered", language): c.scenario,
            t("col_share", language): round(c.share(), 4),
            t("kpi_vs_baseline", language): c.gain_vs_baseline,
            t("kpi_vs_today", language): c.change_vs_today,
        }
        for name, covered in areas
        for c in covered
    ]
    return pd.DataFrame(rows)


def to_csv(
    frame: pd.DataFrame, dataset: Dataset, language: str, scenario: Scenario | None = None
) -> bytes:
    separator, decimal = csv_dialect(language)
    header = "".join(f"# {line}\n" for line in notes(dataset, language, scenario))
    body = frame.to_csv(index=False, sep=separator, decimal=decimal)
    return (header + body).encode("utf-8-sig")


def actions_csv(solution: Solution, dataset: Dataset, language: str) -> bytes:
    frame = actions_frame(solution, dataset, language)
    return to_csv(frame, dataset, language, solution.scenario)


def kpi_csv(solution: Solution, dataset: Dataset, language: str) -> bytes:
    return to_csv(kpi_frame(solution, dataset, language), dataset, language, solution.scenario)


def parameters_frame(solution: Solution, language: str) -> pd.DataFrame:
    settings = solution.scenario.to_dict()
    return pd.DataFrame(
        [
            {
                t("col_setting", language): key,
                t("col_value", language): safe_text(json.dumps(value, ensure_ascii=False)),
            }
            for key, value in settings.items()
        ]
    )


def to_xlsx(solution: Solution, dataset: Dataset, language: str) -> bytes:
    sources = pd.DataFrame(
        {t("report_sources", language): notes(dataset, language, solution.scenario)}
    )
    buffer = io.BytesIO()
    sheets = (
        (t("tab_actions", language), actions_frame(solution, dataset, language)),
        ("KPI", kpi_frame(solution, dataset, language)),
        (t("report_parameters", language), parameters_frame(solution, language)),
        (t("report_sources", language), sources),
    )
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets:
            frame.to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()


def places_table(solution: Solution, dataset: Dataset) -> pd.DataFrame:
    """Every place with its result: status after the scenario, supported services, cost."""
    supported: dict[str, list[str]] = {}
    cost: dict[str, float] = {}
    for a in solution.actions:
        supported.setdefault(a.place_id, []).append(a.service)
        cost[a.place_id] = cost.get(a.place_id, 0.0) + a.cost_sek
    places = dataset.places
    names = dict(zip(dataset.kommun_kod.tolist(), dataset.kommun_names.tolist(), strict=True))
    return pd.DataFrame(
        {
            "place_id": places.ids,
            "name": places.names,
            "kommun": [names.get(code, "") for code in places.kommun_kod.tolist()],
            "kind": places.kind,
            "population": places.population,
            "status": [solution.place_status.get(p, "none") for p in places.ids.tolist()],
            "supported": [",".join(supported.get(p, [])) for p in places.ids.tolist()],
            "cost_sek": [cost.get(p, 0.0) for p in places.ids.tolist()],
            "lon": places.lon_deg,
            "lat": places.lat_deg,
        }
    )


def to_geojson(solution: Solution, dataset: Dataset, language: str) -> bytes:
    table = places_table(solution, dataset)
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": {k: v for k, v in row.items() if k not in ("lon", "lat")},
        }
        for row in table.to_dict("records")
    ]
    collection = {
        "type": "FeatureCollection",
        "notes": notes(dataset, language, solution.scenario),
        "features": features,
    }
    return json.dumps(collection, ensure_ascii=False, default=float).encode("utf-8")


GPKG_FIELDS = (
    "place_id",
    "name",
    "kommun",
    "kind",
    "population",
    "status",
    "supported",
    "cost_sek",
)


def to_geopackage(solution: Solution, dataset: Dataset, language: str) -> bytes:
    table = places_table(solution, dataset)
    geometry = shapely.to_wkb(shapely.points(table["lon"], table["lat"]))
    data = [
        table[f].to_numpy(dtype=float if f in ("population", "cost_sek") else object)
        for f in GPKG_FIELDS
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "servicekartan.gpkg"
        pyogrio.raw.write(
            str(path),
            np.asarray(geometry, dtype=object),
            data,
            list(GPKG_FIELDS),
            layer="places",
            driver="GPKG",
            geometry_type="Point",
            crs="EPSG:4326",
            layer_metadata={"notes": " | ".join(notes(dataset, language, solution.scenario))},
        )
        return path.read_bytes()


def scenario_json(solution: Solution, dataset: Dataset, language: str) -> bytes:
    del dataset, language  # the scenario file is the same in every language
    return solution.scenario.to_json().encode("utf-8")


def result_json(solution: Solution, dataset: Dataset, language: str) -> bytes:
    """The whole typed result, as ``servicekartan solve --json`` writes it."""
    data: dict[str, Any] = {
        **solution.to_dict(),
        "notes": notes(dataset, language, solution.scenario),
    }
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
