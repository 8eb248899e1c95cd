"""Complementary places with a sharing limit D: a basket counts only when its places lie within
D minutes (by car, place to place) of one common place k, the anchor.

For group g and anchor k the options are, per basket service s, the columns supplying s at places
j with t_gj ≤ T_s and t_jk ≤ D. The model then reads

    w_gk ≤ Σ_{columns of s within reach of g and k} x_k'     ∀ s ∈ B not already served there
    z_g  ≤ Σ_k w_gk,     w_gk ∈ [0, 1]

and a group whose basket is already complete around some anchor carries no z at all.

Two exact reductions keep the model small (with D = 20 min on the embedded data they take
4,007 w variables to 439 and the solve from 14 s to about 1 s):

* w_gk depends on g only through its right-hand sides, the column sets N = (N_s)_s. Groups
  with the same sets share one w_N: w appears only in upper bounds, so at an optimum every
  w_N sits at min_s Σ_{k ∈ N_s} x_k whichever groups read it, in the relaxation as in the MIP.
* w_N is dominated by w_M when every set M_s has a subset among the sets of N (then
  min_s Σ_{M_s} x ≥ min_r Σ_{N_r} x for every x, integer or not). A group keeps only
  undominated requirements; an integer plan reaching z_g = 1 through N reaches it through M,
  so the MIP's optimum is unchanged, and the relaxation only gets tighter. A requirement with
  an empty set (a missing service with no candidate near the anchor) can never be met and is
  dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from models.candidates import Columns, place_service_map
from models.coverage import CoverageStructure
from models.dataset import Dataset
from models.reduce import Groups

Requirement = tuple[tuple[int, ...], ...]  # per missing basket service, the columns supplying it


@dataclass(frozen=True)
class AnchorOptions:
    """``requirements``: the distinct anchor requirements N, each the sorted column sets N_s.
    ``per_group``: per group ``None`` when the basket is already complete, else the positions
    in ``requirements`` of its undominated requirements (empty: no anchor can complete it)."""

    requirements: tuple[Requirement, ...]
    per_group: tuple[tuple[int, ...] | None, ...]


def _dominates(stronger: Requirement, weaker: Requirement) -> bool:
    """Whether min_s Σ_{stronger_s} x ≥ min_r Σ_{weaker_r} x for every x ≥ 0."""
    return all(any(set(w) <= set(s) for w in weaker) for s in stronger)


def undominated(requirements: set[Requirement]) -> list[Requirement]:
    """The requirements no other one dominates (of two that dominate each other, one stays);
    sorted, so a model built from them does not depend on set order."""
    kept: list[Requirement] = []
    for candidate in sorted(requirements, key=lambda r: (len(r), r)):
        if any(_dominates(other, candidate) for other in kept):
            continue
        kept = [other for other in kept if not _dominates(candidate, other)] + [candidate]
    return sorted(kept)


def _canonical(needs: Requirement) -> Requirement | None:
    """The requirement with sorted, distinct sets, or None when one set is empty."""
    sets = {tuple(sorted(set(columns))) for columns in needs}
    return None if any(not columns for columns in sets) else tuple(sorted(sets))


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
    position: dict[Requirement, int] = {}
    per_group: list[tuple[int, ...] | None] = []
    for i in groups.representative:
        providers = [w.indices[w.indptr[i] : w.indptr[i + 1]] for w in within]
        options = _group_options(providers, reach, secure, column_at, near)
        if options is None:
            per_group.append(None)
            continue
        met = {r for r in map(_canonical, options) if r is not None}
        kept = undominated(met)
        per_group.append(tuple(position.setdefault(r, len(position)) for r in kept))
    return AnchorOptions(tuple(position), tuple(per_group))
