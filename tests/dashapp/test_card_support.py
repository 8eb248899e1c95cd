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
