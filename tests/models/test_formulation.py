"""Pieces of the model build that have a faster form than the obvious one: they must agree."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from models.sharing import _anchors_near


def test_anchors_near_is_the_union_of_the_rows_of_the_given_places() -> None:
    rng = np.random.default_rng(2)
    reach = sparse.csr_matrix(rng.random((30, 25)) < 0.15)
    for size in (0, 1, 2, 7, 30):
        places = np.sort(rng.choice(30, size, replace=False)).astype(np.int32)
        expected = np.asarray(reach[places].sum(axis=0)).ravel() > 0
        assert np.array_equal(_anchors_near(reach, places), expected)
    assert not _anchors_near(reach, np.array([], dtype=np.int32)).any()
