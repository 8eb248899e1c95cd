"""Exports of a solved scenario: CSV, Excel, GeoJSON, GeoPackage and the scenario JSON.

Every export carries the notes a reader needs: which figures are modelled and where the data
comes from. CSV follows the UI language: Swedish Excel's dialect (``;``, decimal comma, UTF-8
with BOM) in Swedish, plain comma-separated in English.
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

from dashapp.i18n import t
from dashapp.present import place_status
from models.dataset import Dataset
from models.scenario import Scenario

Payload = dict[str, Any]


def notes(dataset: Dataset, language: str) -> list[str]:
    found = [t("sources", language)]
    if dataset.demand_is_modelled or dataset.travel.method == "modelled":
        found.insert(0, t("modelled_note", language))
    return found


def actions_frame(payload: Payload, language: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "place_id": [a["place_id"] for a in payload["actions"]],
            t("col_place", language): [a["place_name"] for a in payload["actions"]],
            t("col_kommun", language): [a["kommun_kod"] for a in payload["actions"]],
            t("col_service", language): [
                t(f"service_{a['service']}", language) for a in payload["actions"]
            ],
            t("col_action", language): [
                t(f"action_{a['action']}", language) for a in payload["actions"]
            ],
            t("col_cost", language): [a["cost_sek"] for a in payload["actions"]],
            t("col_only_it", language): [a["people_only_it_covers"] for a in payload["actions"]],
            t("col_per_msek", language): [a["people_per_msek"] for a in payload["actions"]],
        }
    )


def kpi_frame(payload: Payload, language: str) -> pd.DataFrame:
    rows = []
    areas = [("", t("all_kommuner", language), payload["covered"])] + [
        (k["kommun_kod"], k["kommun"], k["covered"]) for k in payload["by_kommun"]
    ]
    for code, name, covered in areas:
        for c in covered:
            rows.append(
                {
                    "kommun_kod": code,
                    t("col_kommun", language): name,
                    t("col_service", language): t(f"service_{c['key']}", language),
                    t("col_population", language): c["population"],
                    t("kpi_covered", language): c["scenario"],
                    t("col_share", language): round(c["scenario"] / c["population"], 4)
                    if c["population"]
                    else 0.0,
                    t("kpi_vs_baseline", language): c["scenario"] - c["baseline"],
                    t("kpi_vs_today", language): c["scenario"] - c["today"],
                }
            )
    return pd.DataFrame(rows)


def to_csv(frame: pd.DataFrame, dataset: Dataset, language: str) -> bytes:
    swedish = language != "en"
    header = "".join(f"# {line}\n" for line in notes(dataset, language))
    body = frame.to_csv(index=False, sep=";" if swedish else ",", decimal="," if swedish else ".")
    return (header + body).encode("utf-8-sig")


def to_xlsx(payload: Payload, dataset: Dataset, language: str) -> bytes:
    scenario = Scenario.from_dict(payload["scenario"])
    parameters = pd.DataFrame(
        [
            {"field": k, "value": json.dumps(v, ensure_ascii=False)}
            for k, v in scenario.to_dict().items()
        ]
    )
    sources = pd.DataFrame({t("report_sources", language): notes(dataset, language)})
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        actions_frame(payload, language).to_excel(
            writer, sheet_name=t("tab_actions", language)[:31], index=False
        )
        kpi_frame(payload, language).to_excel(writer, sheet_name="KPI", index=False)
        parameters.to_excel(writer, sheet_name=t("report_parameters", language)[:31], index=False)
        sources.to_excel(writer, sheet_name=t("report_sources", language)[:31], index=False)
    return buffer.getvalue()


def places_table(payload: Payload, dataset: Dataset) -> pd.DataFrame:
    """Every place with its result: status after the scenario, supported services, cost."""
    supported: dict[str, list[str]] = {}
    cost: dict[str, float] = {}
    for a in payload["actions"]:
        supported.setdefault(a["place_id"], []).append(a["service"])
        cost[a["place_id"]] = cost.get(a["place_id"], 0.0) + a["cost_sek"]
    status = place_status(dataset, set(supported))
    places = dataset.places
    return pd.DataFrame(
        {
            "place_id": places.ids,
            "name": places.names,
            "kommun_kod": places.kommun_kod,
            "kind": places.kind,
            "population": places.population,
            "status": [status[p] for p in places.ids],
            "supported": [",".join(supported.get(p, [])) for p in places.ids],
            "cost_sek": [cost.get(p, 0.0) for p in places.ids],
            "lon": places.lon_deg,
            "lat": places.lat_deg,
        }
    )


def to_geojson(payload: Payload, dataset: Dataset, language: str) -> bytes:
    table = places_table(payload, dataset)
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row.lon, row.lat]},
            "properties": {
                k: v for k, v in row._asdict().items() if k not in ("Index", "lon", "lat")
            },
        }
        for row in table.itertuples()
    ]
    collection = {
        "type": "FeatureCollection",
        "notes": notes(dataset, language),
        "features": features,
    }
    return json.dumps(collection, ensure_ascii=False, default=float).encode("utf-8")


def to_geopackage(payload: Payload, dataset: Dataset, language: str) -> bytes:
    table = places_table(payload, dataset)
    geometry = shapely.to_wkb(shapely.points(table["lon"], table["lat"]))
    fields = [
        "place_id",
        "name",
        "kommun_kod",
        "kind",
        "population",
        "status",
        "supported",
        "cost_sek",
    ]
    data = [
        table[f].to_numpy(dtype=float if f in ("population", "cost_sek") else object)
        for f in fields
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "servicekartan.gpkg"
        pyogrio.raw.write(
            str(path),
            np.asarray(geometry, dtype=object),
            data,
            fields,
            layer="places",
            driver="GPKG",
            geometry_type="Point",
            crs="EPSG:4326",
            layer_metadata={"notes": " | ".join(notes(dataset, language))},
        )
        return path.read_bytes()
