"""The estimate of where people outside tätorter live."""

from __future__ import annotations

import numpy as np
import pytest

from models.build.settlement import RuralSpread, settlement_shares, whole_people

GRID = np.array([[1_000.0, 0.0], [5_000.0, 0.0], [20_000.0, 0.0], [20_500.0, 0.0]])
TATORT = np.array([[0.0, 0.0]])
VILLAGE = np.array([[20_200.0, 0.0]])


def test_shares_sum_to_one_and_favour_settlements() -> None:
    shares = settlement_shares(
        GRID, TATORT, np.array([0.5]), np.array([3000.0]), VILLAGE, RuralSpread()
    )
    assert shares.sum() == pytest.approx(1.0)
    assert shares[0] > shares[1]  # 1 km from the tätort's edge beats 5 km
    assert shares[2] > shares[1] and shares[3] > shares[1]  # the village pulls people too


def test_without_settlements_the_spread_is_even() -> None:
    empty = np.empty((0, 2))
    shares = settlement_shares(GRID, empty, np.empty(0), np.empty(0), empty, RuralSpread())
    assert shares == pytest.approx(np.full(4, 0.25))


def test_whole_people_keep_the_kommun_total_exactly() -> None:
    people = whole_people(1001, np.array([0.5, 0.3, 0.2]))
    assert people.sum() == 1001 and people.tolist() == [501, 300, 200]
