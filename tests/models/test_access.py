"""Today's access by time class, checked on a case small enough to count by hand."""

from __future__ import annotations

import numpy as np
import pytest

from models.access import access_today, nearest_minutes
from models.arrays import dataset_from_arrays
from models.scenario import Scenario, ServiceSettings

INF = np.inf


def test_time_classes_on_a_hand_counted_case() -> None:
    # three villages (100, 50 and 10 people), two places; a shop only at the first place
    dataset = dataset_from_arrays(
        [100, 50, 10],
        [[3, INF], [7, 12], [40, 25]],
        services=("grocery", "parcel"),
        secure=[[True, False], [False, True]],
        demand_kommun=["K1", "K1", "K2"],
    )
    assert nearest_minutes(dataset, "grocery").tolist() == [3, 7, 40]
    scenario = Scenario(
        services=(ServiceSettings("grocery", 10.0), ServiceSettings("parcel", 15.0)),
        basket=("grocery", "parcel"),
    )
    rows = {(r.kommun_kod, r.key): r for r in access_today(dataset, scenario, "Länet")}
    county = rows[("", "grocery")]
    assert county.area == "Länet" and county.population == 160
    assert county.class_shares == pytest.approx((100 / 160, 50 / 160, 0.0, 10 / 160))
    assert county.within_threshold == pytest.approx(150 / 160)
    parcel = rows[("", "parcel")]  # 12 and 25 minutes; the first village has no parcel point
    assert parcel.class_shares == pytest.approx((0.0, 0.0, 60 / 160, 100 / 160))
    basket = rows[("", "basket")]  # the slower of the two: ∞, 12, 40
    assert basket.class_shares == pytest.approx((0.0, 0.0, 50 / 160, 110 / 160))
    assert basket.within_threshold == pytest.approx(50 / 160)
    assert rows[("K2", "grocery")].class_shares == pytest.approx((0, 0, 0, 1))
