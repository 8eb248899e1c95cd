"""Property-based tests: no input a user can send makes the readers crash."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.errors import ScenarioError
from models.importers import GRID, USER_POINTS, read_service_points, read_user_table
from models.scenario import Scenario
from models.scenario_schema import ScenarioFields

FIELDS = sorted(ScenarioFields.model_fields)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
scenario_like = st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=6)


@settings(max_examples=300, deadline=None)
@given(scenario_like)
def test_any_scenario_dict_is_read_or_refused_with_a_message(data: dict[str, object]) -> None:
    try:
        scenario = Scenario.from_dict(data)
    except ScenarioError as error:
        assert error.message_sv and error.message_en
        return
    assert math.isfinite(scenario.budget_sek) and scenario.budget_sek >= 0
    assert all(isinstance(lock.locked_in, bool) for lock in scenario.locks)
    assert Scenario.from_dict(scenario.to_dict()) == scenario


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_as_a_scenario_file_never_crashes(text: str) -> None:
    try:
        scenario = Scenario.from_json(text)
    except ScenarioError as error:
        assert "JSON" in error.message_en or "scenario" in error.message_en
        return
    assert isinstance(scenario, Scenario)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_any_bytes_as_a_table_give_rows_or_problems(raw: bytes) -> None:
    for spec in (GRID, USER_POINTS):
        frame, problems = read_user_table(raw, spec)
        assert problems or len(frame) >= spec.min_rows
        assert all(p.message_sv and p.message_en for p in problems)


csv_cells = st.text(alphabet=st.sampled_from(list('0123456789,.; -"naiNfå\n')), max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(csv_cells, csv_cells, csv_cells, csv_cells), max_size=6))
def test_service_lists_with_odd_cells_never_crash(rows: list[tuple[str, ...]]) -> None:
    text = "tjänst;namn;lat;lon\n" + "\n".join(";".join(r) for r in rows)
    frame, problems = read_service_points(text.encode("utf-8"))
    if not problems:
        assert frame["lat"].map(math.isfinite).all()
