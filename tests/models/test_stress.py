"""The k most critical points closed together, recounted independently."""

from __future__ import annotations

import numpy as np

from models.corrections import apply_corrections
from models.dataset import load_dataset
from models.paths import embedded_data_dir
from models.scenario import default_scenario
from models.stress import stress_test


def test_closing_the_most_critical_points_together_is_recounted_from_the_data() -> None:
    data = load_dataset(embedded_data_dir())
    scenario = default_scenario(data.registry)
    result = stress_test(data, scenario, 6)
    assert len(result.closed) == 6
    ranks = [c.people_losing for c in result.closed]
    assert ranks == sorted(ranks, reverse=True) and all(c.in_region for c in result.closed)
    closed_data = apply_corrections(data, result.corrections())
    minutes = data.travel.dense_minutes()
    for loss in result.losses:
        settings = scenario.settings(loss.service)
        column = data.service_index(loss.service)

        def reached(dataset, column=column, threshold=settings.threshold_min):  # type: ignore[no-untyped-def]
            open_places = (
                dataset.points_at("secure")[:, column] | dataset.points_at("at_risk")[:, column]
            )
            return (minutes[:, open_places] <= threshold).any(axis=1)

        before, after = reached(data), reached(closed_data)
        expected = data.demand.population[before & ~after].sum()
        assert np.isclose(loss.people_losing, expected)
        # together never hurts less than the closures one at a time
        assert loss.people_losing >= loss.sum_of_single_losses - 1e-6
    assert sum(p for _, _, p in result.losses_by_kommun) == sum(
        x.people_losing for x in result.losses
    )


def test_no_closures_lose_no_one() -> None:
    data = load_dataset(embedded_data_dir())
    result = stress_test(data, default_scenario(data.registry), 0)
    assert result.closed == () and all(x.people_losing == 0 for x in result.losses)
