"""The reduced data the covering model is built from: reach of each demand group.

For each scenario service s and soft step b, ``reach[s][b]`` is a group × column matrix with a 1
where column k supplies s at a place within τ_b of the group, and ``precovered[s][b]`` flags
groups already served by a secure point (their y is the constant 1 and carries no variable).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from models.candidates import Columns
from models.coverage import CoverageStructure
from models.dataset import Dataset
from models.reduce import Groups, column_vector, group_identical_rows
from models.scenario import Scenario
from models.sharing import AnchorOptions, anchor_options

BoolArray = NDArray[np.bool_]
FloatArray = NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class Reach:
    matrix: sparse.csr_matrix  # group × column
    precovered: BoolArray  # per group


@dataclass(frozen=True, eq=False)
class Formulation:
    columns: Columns
    groups: Groups
    weight: FloatArray  # Q_g, objective people per group
    people: FloatArray  # P_g
    kommun: NDArray[np.int64]  # kommun index of each group (meaningful with fairness)
    fair_kommuner: tuple[int, ...]  # kommun indices fairness applies to: the filtered ones
    reach: tuple[tuple[Reach, ...], ...]  # per scenario service, per soft step
    basket_reach: Reach | None  # self-sufficient: reach of whole-basket columns
    anchors: AnchorOptions | None  # complementary with a sharing limit


def _to_columns(n_places: int, columns: Columns, chosen: BoolArray) -> sparse.csr_matrix:
    """Place × column indicator for the chosen columns."""
    ks = np.flatnonzero(chosen)
    return sparse.csr_matrix(
        (np.ones(len(ks), dtype=np.int8), (columns.place[ks], ks)),
        shape=(n_places, len(columns)),
    )


def _demand_reach(
    within: sparse.csr_matrix, to_columns: sparse.csr_matrix, served: NDArray[Any]
) -> tuple[sparse.csr_matrix, BoolArray]:
    precovered = np.asarray(within @ served.astype(np.int32) > 0).ravel()
    keep = sparse.diags((~precovered).astype(np.int8), dtype=np.int8)
    matrix = keep @ (within.astype(np.int8) @ to_columns)
    return sparse.csr_matrix(matrix), precovered


def build_formulation(
    dataset: Dataset, scenario: Scenario, structure: CoverageStructure, columns: Columns
) -> Formulation:
    secure = dataset.points_at("secure")
    n_places = len(dataset.places)
    per_demand: list[list[tuple[sparse.csr_matrix, BoolArray]]] = []
    for bands, column in zip(structure.bands, structure.service_columns, strict=True):
        to_columns = _to_columns(n_places, columns, columns.serving(column))
        per_demand.append([_demand_reach(w, to_columns, secure[:, column]) for w in bands])
    basket_demand = None
    if structure.basket_within is not None:
        basket_columns = [dataset.service_index(s) for s in scenario.basket]
        whole = np.array([set(s) <= set(basket_columns) for s in columns.services], dtype=bool)
        full_secure = np.asarray(secure[:, basket_columns].all(axis=1), dtype=bool)
        to_columns = _to_columns(n_places, columns, whole)
        basket_demand = _demand_reach(structure.basket_within, to_columns, full_secure)
    blocks = [m for steps in per_demand for m, _ in steps]
    blocks += [column_vector(p) for steps in per_demand for _, p in steps]
    if basket_demand is not None:
        blocks += [basket_demand[0], column_vector(basket_demand[1])]
    if structure.anchor_reach is not None:
        blocks += [structure.bands[k][0] for k in structure.basket]  # anchors need full sets
    codes = np.sort(dataset.kommun_kod)
    kommun_index = np.searchsorted(codes, dataset.demand.kommun_kod)
    chosen = scenario.candidate_kommuner or tuple(codes)
    fair = tuple(int(k) for k in np.unique(kommun_index) if codes[k] in chosen)
    if scenario.fairness != "none":
        blocks.append(
            sparse.csr_matrix(np.eye(len(dataset.kommun_kod), dtype=np.int8)[kommun_index])
        )
    groups = group_identical_rows(blocks)
    rows = groups.representative
    return Formulation(
        columns=columns,
        groups=groups,
        weight=groups.total(structure.objective_people),
        people=groups.total(structure.people),
        kommun=kommun_index[rows],
        fair_kommuner=fair,
        reach=tuple(tuple(Reach(m[rows], p[rows]) for m, p in steps) for steps in per_demand),
        basket_reach=None
        if basket_demand is None
        else Reach(basket_demand[0][rows], basket_demand[1][rows]),
        anchors=None
        if structure.anchor_reach is None or scenario.basket_weight <= 0
        else anchor_options(dataset, structure, columns, groups),
    )
