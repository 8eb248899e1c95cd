"""Write the malformed-input corpus (run from the project root:
``python -m tests.data.bad.generate``). Each file is one way a careless or hostile user breaks
input; ``cases.csv`` says which command reads it and where the problem must be reported.

Targets: ``check:<file>`` replaces that file in a copy of the embedded data folder and runs
``servicekartan data check``; ``build:<option>`` passes the file to ``data build --<option>``;
``solve`` / ``critical`` / ``curve`` pass it as ``--scenario``.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[2] / "data" / "kronoberg"
CASES: list[dict[str, str]] = []


def case(
    name: str, content: bytes, target: str, file: str, row: str = "", column: str = ""
) -> None:
    (HERE / name).write_bytes(content)
    CASES.append({"name": name, "target": target, "file": file, "row": row, "column": column})


def table(frame: pd.DataFrame, sep: str = ",") -> bytes:
    return frame.to_csv(index=False, sep=sep).encode("utf-8")


def with_cell(file: str, row: int, column: str, value: str, rows: int | None = None) -> bytes:
    """The data folder's file (its first ``rows`` rows, if given) with one cell changed."""
    frame = pd.read_csv(DATA / file, dtype=str, keep_default_na=False)
    frame = frame.head(rows) if rows else frame
    frame.loc[row - 2, column] = value
    return table(frame)


def header_only(file: str) -> bytes:
    return (DATA / file).read_text(encoding="utf-8").splitlines()[0].encode() + b"\n"


def first_rows(file: str, count: int) -> pd.DataFrame:
    return pd.read_csv(DATA / file, dtype=str, keep_default_na=False).head(count)


def nested(depth: int) -> bytes:
    return ("[" * depth + "]" * depth).encode()


def xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


def data_folder_cases() -> None:
    case("places_header_only.csv", header_only("places.csv"), "check:places.csv", "places.csv")
    case(
        "places_nan_population.csv",
        with_cell("places.csv", 5, "population", "nan"),
        "check:places.csv",
        "places.csv",
        "5",
        "population",
    )
    case(
        "places_inf_population.csv",
        with_cell("places.csv", 6, "population", "inf"),
        "check:places.csv",
        "places.csv",
        "6",
        "population",
    )
    case(
        "places_huge_population.csv",
        with_cell("places.csv", 7, "population", "1000000000000000"),
        "check:places.csv",
        "places.csv",
        "7",
        "population",
    )
    case(
        "places_negative_population.csv",
        with_cell("places.csv", 8, "population", "-12"),
        "check:places.csv",
        "places.csv",
        "8",
        "population",
    )
    case(
        "places_bad_bool.csv",
        with_cell("places.csv", 9, "in_region", "kanske"),
        "check:places.csv",
        "places.csv",
        "9",
        "in_region",
    )
    case(
        "places_long_name.csv",
        with_cell("places.csv", 10, "name", "x" * 600),
        "check:places.csv",
        "places.csv",
        "10",
        "name",
    )
    case(
        "places_duplicate_id.csv",
        with_cell("places.csv", 11, "place_id", "0780TC110"),
        "check:places.csv",
        "places.csv",
        "11",
        "place_id",
    )
    case(
        "places_unterminated_quote.csv",
        with_cell("places.csv", 12, "name", "QUOTE").replace(b"QUOTE", b'"Lilla'),
        "check:places.csv",
        "places.csv",
        "12",
    )
    case("places_binary.csv", bytes(range(256)) * 8, "check:places.csv", "places.csv")
    case("places_excel_workbook.csv", xlsx(), "check:places.csv", "places.csv")
    demand = first_rows("demand.csv", 3)
    odd = demand.copy()
    odd.loc[1, "population"] = "71.282"
    case(
        "demand_dot_decimal_semicolon.csv",
        table(odd, ";"),
        "check:demand.csv",
        "demand.csv",
        "3",
        "population",
    )
    far = demand.copy()
    far.loc[2, "lat"] = "65.5"
    case(
        "demand_xy_latlon_apart.csv",
        table(far),
        "check:demand.csv",
        "demand.csv",
        "4",
        "x_sweref99tm/lat",
    )
    unknown = demand.copy()
    unknown.loc[0, "kommun_kod"] = "0999"
    case(
        "demand_unknown_kommun.csv",
        table(unknown),
        "check:demand.csv",
        "demand.csv",
        "2",
        "kommun_kod",
    )
    case("demand_header_only.csv", header_only("demand.csv"), "check:demand.csv", "demand.csv")
    missing = demand.drop(columns=["population"])
    case(
        "demand_missing_column.csv",
        table(missing),
        "check:demand.csv",
        "demand.csv",
        "",
        "population",
    )
    case(
        "service_points_header_only.csv",
        header_only("service_points.csv"),
        "check:service_points.csv",
        "service_points.csv",
    )
    case(
        "service_points_unknown_service.csv",
        with_cell("service_points.csv", 4, "service", "bank", 40),
        "check:service_points.csv",
        "service_points.csv",
        "4",
        "service",
    )
    case(
        "service_points_bad_status.csv",
        with_cell("service_points.csv", 5, "status", "closed", 40),
        "check:service_points.csv",
        "service_points.csv",
        "5",
        "status",
    )
    case("costs_header_only.csv", header_only("costs.csv"), "check:costs.csv", "costs.csv")
    costs = first_rows("costs.csv", 40)
    repeated = pd.concat([costs, costs.iloc[[0]].assign(keep_cost_sek="1")], ignore_index=True)
    case(
        "costs_duplicate_pair.csv",
        table(repeated),
        "check:costs.csv",
        "costs.csv",
        str(len(repeated) + 1),
        "place_id+service",
    )
    case(
        "costs_negative.csv",
        with_cell("costs.csv", 3, "keep_cost_sek", "-5", 40),
        "check:costs.csv",
        "costs.csv",
        "3",
        "keep_cost_sek",
    )
    kommuner = pd.read_csv(DATA / "kommuner.csv", dtype=str)
    utf16 = kommuner.drop(columns=["population"]).to_csv(index=False, sep=";").encode("utf-16")
    case(
        "kommuner_utf16_missing_column.csv",
        utf16,
        "check:kommuner.csv",
        "kommuner.csv",
        "",
        "population",
    )
    kommuner.loc[0, "population"] = "9 061,5"
    case(
        "kommuner_fraction.csv",
        table(kommuner, ";"),
        "check:kommuner.csv",
        "kommuner.csv",
        "2",
        "population",
    )
    travel = pd.DataFrame(
        {
            "origin_id": ["0780TC110", "0780TC110"],
            "destination_id": ["0780TC110", "0781TC106"],
            "minutes": ["nan", "12"],
        }
    )
    case(
        "travel_times_nan.csv",
        table(travel),
        "check:travel_times.csv",
        "travel_times.csv",
        "2",
        "minutes",
    )
    twice = travel.assign(minutes=["3", "4"], destination_id=["0780TC110", "0780TC110"])
    case(
        "travel_times_duplicate_pair.csv",
        table(twice),
        "check:travel_times.csv",
        "travel_times.csv",
        "3",
        "origin_id+destination_id",
    )
    for name, value in (
        ("region_empty_object.json", {}),
        ("region_travel_string.json", {"name": "X", "travel_model": "fast"}),
        ("region_travel_array.json", {"name": "X", "travel_model": [1, 2]}),
        ("region_travel_null.json", {"name": "X", "travel_model": None}),
    ):
        case(
            name, json.dumps(value).encode(), "check:region.json", "region.json", "", "travel_model"
        )
    case("region_not_json.json", b"{name: Kronoberg", "check:region.json", "region.json")
    case("region_deep.json", nested(5000), "check:region.json", "region.json")


def importer_cases() -> None:
    case(
        "matrix_nan_minutes.csv",
        b"origin_id;destination_id;minutes\n0761TB101;0761TB101;NaN\n",
        "build:travel-matrix",
        "matrix_nan_minutes.csv",
        "2",
        "minutes",
    )
    case(
        "matrix_header_only.csv",
        b"origin_id;destination_id;minutes\n",
        "build:travel-matrix",
        "matrix_header_only.csv",
    )
    case(
        "grid_header_only.csv", b"Ruta;Beftotalt\n", "build:population-grid", "grid_header_only.csv"
    )
    case(
        "grid_huge_population.csv",
        b"Ruta;Beftotalt\n5080006293000;1000000000000\n",
        "build:population-grid",
        "grid_huge_population.csv",
        "2",
        "population",
    )
    case("grid_binary.csv", b"\x00\x01\x02PK" * 200, "build:population-grid", "grid_binary.csv")
    case(
        "smaorter_clashing_id.csv",
        b"smortskod;smort;kommun_kod;befolkning;x;y\n0761TB101;Dubblett;0761;90;519500;6296500\n",
        "build:smaorter",
        "smaorter_clashing_id.csv",
        "2",
        "place_id",
    )
    case(
        "smaorter_unknown_kommun.csv",
        b"smortskod;smort;kommun_kod;befolkning;x;y\nS1;Ingenstans;0999;90;519500;6296500\n",
        "build:smaorter",
        "smaorter_unknown_kommun.csv",
        "2",
        "kommun_kod",
    )
    case("roads_not_osm.osm", b"<osm><way>", "build:osm", "roads_not_osm.osm")
    case(
        "roads_without_roads.osm",
        b"<?xml version='1.0'?><osm version='0.6'></osm>",
        "build:osm",
        "roads_without_roads.osm",
    )
    case(
        "points_header_only.csv",
        "tjänst;namn;lat;lon\n".encode(),
        "build:service-points",
        "points_header_only.csv",
    )
    case(
        "points_unknown_service.csv",
        "tjänst;namn;lat;lon\nbank;Banken;56,9;15,3\n".encode(),
        "build:service-points",
        "points_unknown_service.csv",
        "2",
        "service",
    )


def scenario_cases() -> None:
    for name, text, column in (
        ("scenario_budget_string.json", '{"budget_sek": "abc"}', "budget_sek"),
        ("scenario_budget_true.json", '{"budget_sek": true}', "budget_sek"),
        (
            "scenario_lock_string_false.json",
            '{"locks": [{"place_id": "0763TB103", "service": "grocery", "locked_in": "false"}]}',
            "locks.0.locked_in",
        ),
        (
            "scenario_nan_threshold.json",
            '{"services": [{"service": "grocery", "threshold_min": NaN}]}',
            "services.0.threshold_min",
        ),
        ("scenario_nan_sharing_limit.json", '{"max_share_min": NaN}', "max_share_min"),
        ("scenario_weight_nan.json", '{"basket_weight": NaN}', "basket_weight"),
        ("scenario_unknown_field.json", '{"budget": 5}', "budget"),
        (
            "scenario_threshold_string.json",
            '{"services": [{"service": "grocery", "threshold_min": "10"}]}',
            "services.0.threshold_min",
        ),
    ):
        case(name, text.encode(), "solve", name, "", column)
    case(
        "scenario_lock_in_and_out.json",
        json.dumps(
            {
                "locks": [
                    {"place_id": "0763TB103", "service": "grocery", "locked_in": True},
                    {"place_id": "0763TB103", "service": "grocery", "locked_in": False},
                ]
            }
        ).encode(),
        "solve",
        "scenario_lock_in_and_out.json",
    )
    case("scenario_deep.json", nested(5000), "solve", "scenario_deep.json")
    case("scenario_not_object.json", b"[1, 2, 3]", "solve", "scenario_not_object.json")
    case("scenario_binary.json", bytes(range(256)), "solve", "scenario_binary.json")
    case(
        "scenario_unknown_service.json",
        b'{"services": [{"service": "bank", "threshold_min": 10}], "basket": []}',
        "critical",
        "scenario_unknown_service.json",
    )
    case(
        "scenario_negative_budget_curve.json",
        b'{"budget_sek": -1}',
        "curve",
        "scenario_negative_budget_curve.json",
        "",
        "budget_sek",
    )


def main() -> None:
    for old in HERE.glob("*"):
        if old.suffix in (".csv", ".json", ".osm") and old.name != "cases.csv":
            old.unlink()
    data_folder_cases()
    importer_cases()
    scenario_cases()
    with (HERE / "cases.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["name", "target", "file", "row", "column"])
        writer.writeheader()
        writer.writerows(CASES)
    print(f"{len(CASES)} cases")


if __name__ == "__main__":
    main()
