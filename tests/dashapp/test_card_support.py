"""The village card says which support schemes its actions and shops may qualify for."""

from __future__ import annotations

from typing import Any

from dashapp.callbacks import place
from dashapp.eligibility_text import eligibility_line
from models.eligibility import action_eligibility
from models.solution import Solution


def _text(component: Any) -> str:
    """Every text a person reads in a component tree, joined."""
    if isinstance(component, str | int | float):
        return str(component)
    if isinstance(component, list | tuple):
        return " ".join(_text(c) for c in component)
    children = getattr(component, "children", None)
    return _text(children) if children is not None else ""


def test_the_card_lists_each_action_s_schemes_with_the_model_s_outcome(result, trigger) -> None:  # type: ignore[no-untyped-def]
    from dashapp.data import dataset

    trigger("selected-place-store.data", "x")
    solution = Solution.from_dict(result)
    action = next(a for a in solution.actions if a.service == "grocery")
    _, _, body = place.show_card(action.place_id, result, "sv")
    text = _text(body)
    assert "Stöd som kan sökas" in text
    for eligibility in action_eligibility(dataset(), solution, action):
        assert eligibility_line(eligibility, "sv") in text
    _, _, english = place.show_card(action.place_id, result, "en")
    assert "Support schemes" in _text(english) and "Särskilt driftstöd" not in _text(english)


def test_the_actions_table_and_the_csv_say_which_schemes_each_action_may_get(result) -> None:  # type: ignore[no-untyped-def]
    from dashapp.callbacks import results
    from dashapp.data import dataset
    from dashapp.downloads import EXPORTS
    from dashapp.eligibility_text import eligibility_cell
    from models.eligibility import solution_eligibility

    solution = Solution.from_dict(result)
    expected = [eligibility_cell(e, "sv") for e in solution_eligibility(dataset(), solution)]
    rows = results.show_actions(result, "all", "sv")
    assert [r["support"] for r in rows] == expected
    assert any("Särskilt driftstöd" in cell for cell in expected)
    _, actions_csv = EXPORTS["csv"]
    text = actions_csv(solution, dataset(), "sv").decode("utf-8-sig")
    assert "Möjligt stöd" in text and expected[0].split(";")[0] in text
