"""Complementary places with a sharing limit D: a basket counts only when its places lie within
D minutes (by car, place to place) of one common place k, the anchor.

For group g and anchor k the options are, per basket service s, the columns supplying s at places
j with t_gj ≤ T_s and t_jk ≤ D. The model then reads

    w_gk ≤ Σ_{columns of s within reach of g and k} x_k'     ∀ s ∈ B not already served there
    z_g  ≤ Σ_k w_gk,     w_gk ∈ [0, 1]

and a group whose basket is already complete around some anchor carries no z at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from models.candidates import Columns, place_service_map
from models.coverage import CoverageStructure
from models.dataset import Dataset
from models.reduce import Groups


@dataclass(frozen=True)
class AnchorOptions:
    """Per group: ``None`` when the basket is already complete, else one entry per workable
    anchor holding, for each basket service still missing, the columns that would supply it."""

    per_group: tuple[tuple[tuple[tuple[int, ...], ...], ...] | None, ...]


def _anchors_near(reach: sparse.csr_matrix, places: np.ndarray) -> np.ndarray:
    """Anchors within D of any of ``places``: the union of their rows of ``reach``, taken from
    the CSR arrays directly (a sparse row slice and sum per group and service was most of the
    model build time with a sharing limit)."""
    near = np.zeros(reach.shape[1], dtype=bool)
    starts, ends = reach.indptr[places], reach.indptr[places + 1]
    lengths = ends - starts
    if lengths.sum():
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        near[reach.indices[offsets + np.arange(lengths.sum())]] = True
    return near


def _group_options(
    provider_rows: list[np.ndarray],
    reach: sparse.csr_matrix,
    secure: list[np.ndarray],
    column_at: list[np.ndarray],
    near: list[set[int]],
) -> tuple[tuple[tuple[int, ...], ...], ...] | None:
    n_anchors = reach.shape[1]
    workable = np.ones(n_anchors, dtype=bool)
    per_service = []
    for providers, served, columns in zip(provider_rows, secure, column_at, strict=True):
        candidate = providers[columns[providers] >= 0]
        secure_here = providers[served[providers]]
        secure_anchor = _anchors_near(reach, secure_here)
        buy_anchor = _anchors_near(reach, candidate)
        workable &= secure_anchor | buy_anchor
        per_service.append((candidate, secure_anchor))
    anchors = np.flatnonzero(workable)
    if any(all(secure_anchor[a] for _, secure_anchor in per_service) for a in anchors):
        return None
    options = []
    for a in anchors:
        needs = tuple(
            tuple(int(columns[j]) for j in candidate if j in near[a])
            for (candidate, secure_anchor), columns in zip(per_service, column_at, strict=True)
            if not secure_anchor[a]
        )
        options.append(needs)
    return tuple(options)


def anchor_options(
    dataset: Dataset, structure: CoverageStructure, columns: Columns, groups: Groups
) -> AnchorOptions:
    assert structure.anchor_reach is not None
    reach = sparse.csr_matrix(structure.anchor_reach)
    secure_all = dataset.points_at("secure")
    service_columns = [structure.service_columns[k] for k in structure.basket]
    secure = [secure_all[:, c] for c in service_columns]
    column_at = [place_service_map(dataset, columns, c) for c in service_columns]
    within = [structure.bands[k][0] for k in structure.basket]
    by_anchor = sparse.csc_matrix(reach)
    near = [
        set(by_anchor.indices[by_anchor.indptr[a] : by_anchor.indptr[a + 1]].tolist())
        for a in range(reach.shape[1])
    ]
    per_group = []
    for i in groups.representative:
        providers = [w.indices[w.indptr[i] : w.indptr[i + 1]] for w in within]
        per_group.append(_group_options(providers, reach, secure, column_at, near))
    return AnchorOptions(tuple(per_group))
