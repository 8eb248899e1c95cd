"""Costs for a plan over several years: what recurs every year and what is paid once.

The one-year model's ``costs.csv`` holds two *yearly* figures per place and service (their
meaning is unchanged here): ``keep_cost_sek`` keeps an at-risk point open, and
``establish_cost_sek`` starts a new one — the operating support plus an *annualised* investment.
A plan over years needs the investment where it is paid, in the year a point starts. For each
place j and service s:

- ``keep_sek_per_year``      k_js = keep_cost_sek: recurring, no one-off (the shop exists);
- ``operate_sek_per_year``   o_js = (1 − a_s) · establish_cost_sek: recurring support of a new
                             point, from the year it starts;
- ``establish_once_sek``     f_js = a_s · establish_cost_sek · L: the one-off set-up/investment,
                             paid in full in the starting year, L = ``ANNUALISATION_YEARS`` = 5.

a_s is the share of the yearly establish figure that is an annualised investment, from the
basis the service registry documents (models/services.py), without interest, as that basis
annualised it:

- grocery: a = 100,000 / 470,000. The figure is särskilt driftstöd's 2026 maximum 370,000 a year
  plus 100,000 a year of investment grant (1 MSEK at 50 % over 5 years), so o = 370,000 and
  f = 500,000 once.
- pharmacy: a = 0. The figure is servicebidrag for a broad or strategic point (300,000 cap), an
  operating aid: o = 300,000, nothing once.
- any other service (fuel, parcel, cash, and a region's own): establishing "adds" an annualised
  investment, set-up or installation to the keep level, so a = (E − K) / E from the registry's
  defaults E (establish) and K (keep), 0 when E ≤ K or either is missing: fuel and cash
  o = 150,000 and f = 500,000; parcel o = 40,000 and f = 100,000.

At defaults the identity o + f / L = establish_cost_sek holds: the one-year model's yearly figure
is recovered. Corrections that change a place's establish figure scale both parts.

A place-level override: when the data folder's ``costs.csv`` has the optional columns
``operate_sek_per_year`` and/or ``establish_once_sek`` (SEK, blank = use the rule), a filled cell
replaces o or f for that place and service. They describe *establishing* a point; keeping an
at-risk point is always ``keep_cost_sek`` a year with nothing once. An override wins over a cost
correction of the same place (the correction edits the yearly figure, which the override
replaces).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from models.dataset import Dataset
from models.errors import DataError
from models.schema import MAX_COST_SEK
from models.services import ServiceType
from models.tables import Column, TableSpec, read_table

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]

ANNUALISATION_YEARS = 5  # L: the registry's investment figures are spread over five years

# a_s where the registry's basis text says how its establish figure is made up
DOCUMENTED_INVESTMENT_SHARE: dict[str, float] = {
    "grocery": 100_000 / 470_000,  # 370,000 driftstöd + 100,000 a year of a 0.5 MSEK grant
    "pharmacy": 0.0,  # servicebidrag: operating aid only
}

SPLIT_COLUMNS = TableSpec(
    "costs.csv",
    (
        Column("place_id", "str"),
        Column("service", "str"),
        Column(
            "operate_sek_per_year",
            "float",
            required=False,
            allow_blank=True,
            non_negative=True,
            maximum=MAX_COST_SEK,
        ),
        Column(
            "establish_once_sek",
            "float",
            required=False,
            allow_blank=True,
            non_negative=True,
            maximum=MAX_COST_SEK,
        ),
    ),
)


@dataclass(frozen=True, eq=False)
class PlanCosts:
    """place × dataset service arrays in SEK (NaN where the one-year table has no figure)."""

    keep_sek_per_year: FloatArray  # k_js: keeping an at-risk point
    operate_sek_per_year: FloatArray  # o_js: running a newly established point
    establish_once_sek: FloatArray  # f_js: one-off set-up of a new point
    overridden: BoolArray  # o or f taken from the data folder's columns

    def start_cost(self, place: int, column: int, at_risk: bool, year: int) -> tuple[float, float]:
        """(recurring SEK a year, SEK once) of starting service ``column`` at ``place`` in
        ``year`` (1-based): an at-risk point kept from year 1 costs k_js; otherwise, including
        an at-risk point that closed in year 1 and is started again later, o_js and f_js."""
        if at_risk and year == 1:
            return float(self.keep_sek_per_year[place, column]), 0.0
        return (
            float(self.operate_sek_per_year[place, column]),
            float(self.establish_once_sek[place, column]),
        )


def investment_share(service: ServiceType) -> float:
    """a_s: the share of the yearly establish figure that is an annualised investment."""
    if service.key in DOCUMENTED_INVESTMENT_SHARE:
        return DOCUMENTED_INVESTMENT_SHARE[service.key]
    keep, establish = service.keep_cost_sek, service.establish_cost_sek
    if not (np.isfinite(keep) and np.isfinite(establish)) or establish <= keep or establish <= 0:
        return 0.0
    return (establish - keep) / establish


def read_split_columns(folder: Path, dataset: Dataset) -> tuple[FloatArray, FloatArray] | None:
    """The optional override columns of ``folder/costs.csv`` as place × service arrays (NaN
    where blank or absent), or None when the file has neither column. Raises DataError for
    unreadable values, naming file, row and column."""
    path = folder / "costs.csv"
    if not path.exists():
        return None
    frame, problems = read_table(path, SPLIT_COLUMNS)
    if problems:
        raise DataError(problems)
    wanted = ("operate_sek_per_year", "establish_once_sek")
    if not any(name in frame.columns for name in wanted):
        return None
    shape = (len(dataset.places), len(dataset.services))
    position = dataset.place_position()
    service_position = {s: c for c, s in enumerate(dataset.services)}
    known = frame["place_id"].isin(position) & frame["service"].isin(service_position)
    frame = frame[known]
    rows = frame["place_id"].map(position).to_numpy(int)
    cols = frame["service"].map(service_position).to_numpy(int)
    arrays = []
    for name in wanted:
        values = np.full(shape, np.nan)
        if name in frame.columns:
            values[rows, cols] = pd.to_numeric(frame[name]).to_numpy(float)
        arrays.append(values)
    return arrays[0], arrays[1]


def plan_costs(
    dataset: Dataset, override: tuple[FloatArray, FloatArray] | None = None
) -> PlanCosts:
    """k, o and f for every place and service: the rule of the module docstring, then the
    override arrays (operate, once; NaN = keep the rule) where they hold a figure."""
    share = np.array([investment_share(dataset.registry.get(s)) for s in dataset.services])
    establish = dataset.establish_cost_sek
    operate = np.round(establish * (1.0 - share)[None, :], 2)
    once = np.round(establish * share[None, :] * ANNUALISATION_YEARS, 2)
    overridden = np.zeros(establish.shape, dtype=bool)
    if override is not None:
        for target, given in zip((operate, once), override, strict=True):
            filled = np.isfinite(given)
            target[filled] = given[filled]
            overridden |= filled
    return PlanCosts(
        keep_sek_per_year=dataset.keep_cost_sek.copy(),
        operate_sek_per_year=operate,
        establish_once_sek=once,
        overridden=overridden,
    )


def dataset_plan_costs(dataset: Dataset) -> PlanCosts:
    """``plan_costs`` with the data folder's override columns, if it has them."""
    folder = Path(dataset.folder)
    override = read_split_columns(folder, dataset) if folder.is_dir() else None
    return plan_costs(dataset, override)
