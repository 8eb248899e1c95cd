"""Model reduction: demand points with identical covering sets become one row.

Two demand points that reach exactly the same decision columns (for every service and soft
step, the basket and, with fairness, in the same kommun) and are pre-covered alike get the same
y and z in every optimum, so the model carries one row for them with their summed weight.
On a 2 km rural demand grid this merges most of the forest cells.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

IntArray = NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class Groups:
    of_demand: IntArray  # group index per demand point
    representative: IntArray  # one member per group

    def __len__(self) -> int:
        return len(self.representative)

    def total(self, values: NDArray[np.float64]) -> NDArray[np.float64]:
        """Sum of a per-demand quantity within each group."""
        return np.bincount(self.of_demand, weights=values, minlength=len(self)).astype(float)


def group_identical_rows(blocks: list[sparse.csr_matrix]) -> Groups:
    """Group the rows that have the same non-zero pattern in every block."""
    signature = sparse.hstack(blocks, format="csr").astype(bool).astype(np.int8)
    signature.sort_indices()
    keys: dict[bytes, int] = {}
    of_demand = np.empty(signature.shape[0], dtype=np.int64)
    representative: list[int] = []
    indptr, indices = signature.indptr, signature.indices
    for row in range(signature.shape[0]):
        key = indices[indptr[row] : indptr[row + 1]].tobytes()
        group = keys.setdefault(key, len(keys))
        if group == len(representative):
            representative.append(row)
        of_demand[row] = group
    return Groups(of_demand=of_demand, representative=np.array(representative, dtype=np.int64))


def column_vector(flags: NDArray[np.bool_]) -> sparse.csr_matrix:
    return sparse.csr_matrix(flags.reshape(-1, 1).astype(np.int8))
