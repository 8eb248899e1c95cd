"""The typed result: one versioned dict form, read back exactly."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from models.dataset import Dataset
from models.errors import ResultError
from models.run import run_scenario
from models.scenario import Scenario
from models.solution import RESULT_VERSION, Solution


@pytest.fixture(scope="module")
def solution(kronoberg: Dataset) -> Solution:
    return run_scenario(kronoberg, Scenario())


def test_the_dict_form_round_trips_through_json(solution: Solution) -> None:
    data = json.loads(json.dumps(solution.to_dict()))
    again = Solution.from_dict(data)
    assert again.to_dict() == data
    assert again.actions == solution.actions
    assert again.covered_for("basket").share() == pytest.approx(
        solution.covered_for("basket").share(), abs=1e-5
    )


def test_the_result_holds_what_every_view_shows(solution: Solution, kronoberg: Dataset) -> None:
    assert set(solution.uncovered_demand) == {*Scenario().service_names, "basket"}
    assert set(solution.place_status) == set(kronoberg.places.ids.tolist())
    supported = {p for p, s in solution.place_status.items() if s == "supported"}
    assert supported == {a.place_id for a in solution.actions}
    assert all(c.people_losing > 0 for c in solution.critical)
    assert solution.timings.solve_seconds > 0 and solution.timings.summary_seconds > 0
    data = solution.to_dict()
    assert data["version"] == RESULT_VERSION
    assert "budget_sek" not in data  # the budget lives in the scenario only
    assert {"share_scenario", "share_baseline", "share_today"} <= set(data["covered"][0])


def test_uncovered_demand_matches_the_coverage_figures(
    solution: Solution, kronoberg: Dataset
) -> None:
    people = kronoberg.demand.population
    grocery = solution.covered_for("grocery")
    missing = sum(people[i] for i in solution.uncovered_demand["grocery"])
    assert grocery.population - missing == pytest.approx(grocery.scenario, abs=1.0)


def test_another_version_or_damage_is_a_clear_error(solution: Solution) -> None:
    data = solution.to_dict()
    with pytest.raises(ResultError, match="okänd version"):
        Solution.from_dict({**data, "version": 99})
    with pytest.raises(ResultError, match="cannot be read"):
        Solution.from_dict({**data, "covered": [{"key": "grocery"}]})


def test_actions_are_equal_by_what_they_buy_not_by_their_reasons(solution: Solution) -> None:
    action = solution.actions[0]
    assert replace(action, people_only_here=action.people_only_here + 1) == action
    assert replace(action, service="another") != action
