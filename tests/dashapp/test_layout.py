"""Every id a callback names exists in the page (or in what callbacks add), and no id is used
twice; Dash itself checks the same at start-up since exceptions are no longer suppressed."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import dash
from dash.development.base_component import Component

from dashapp import ids
from dashapp.layout import serve_layout


def _ids(layout: Component) -> list[Any]:
    found = [layout.id] if getattr(layout, "id", None) is not None else []
    found += [c.id for c in layout._traverse() if getattr(c, "id", None) is not None]
    return found


def _outputs(spec: str) -> list[str]:
    """'..a.b...c.d..' (several outputs) or 'a.b' (one) → ['a', 'c'] (ids only)."""
    parts = spec.strip(".").split("...") if spec.startswith("..") else [spec]
    return [p.rsplit(".", 1)[0] for p in parts]


def _matches(wanted: str, present: list[Any]) -> bool:
    if not wanted.startswith("{"):
        return wanted in present
    pattern = json.loads(wanted)
    fixed = {k: v for k, v in pattern.items() if not isinstance(v, list)}  # ["ALL"] = wildcard
    return any(
        isinstance(i, dict) and set(i) == set(pattern) and all(i[k] == v for k, v in fixed.items())
        for i in present
    )


def test_every_callback_id_exists_in_the_layout(app: dash.Dash) -> None:
    dependencies = json.loads(app.server.test_client().get("/_dash-dependencies").data)
    present = _ids(app.validation_layout)
    missing = []
    for callback in dependencies:
        wanted = [i["id"] for i in callback["inputs"] + callback["state"]]
        wanted += [o.split("@")[0] for o in _outputs(callback["output"])]
        missing += [w for w in wanted if not _matches(w, present)]
    assert missing == []
    assert len(dependencies) >= 20


def test_the_page_uses_each_id_once() -> None:
    counts = Counter(json.dumps(i, sort_keys=True) for i in _ids(serve_layout()))
    assert [i for i, n in counts.items() if n > 1] == []
    assert json.dumps(ids.SCENARIO_STORE) in counts and json.dumps(ids.MAP) in counts


def test_pattern_ids_come_from_the_factories() -> None:
    assert ids.threshold(dash.ALL) == {"type": "threshold", "service": dash.ALL}
    assert ids.lock_button("P", "grocery", "in")["type"] == "lock"


def test_buttons_being_drawn_never_call_the_scenario_writer(app: dash.Dash) -> None:
    """Dash calls a callback when components matching its pattern inputs appear (a redrawn
    card, the saved list after a save), and keeps only the newest call's answer: such a call
    to the writer superseded a typed budget still in flight (seen in the browser benchmark).
    So the writer takes no buttons as pattern inputs; assets/controls.js passes it real presses
    only. (Its per-service sliders are pattern inputs, redrawn only by the writer's own answer.)"""
    dependencies = json.loads(app.server.test_client().get("/_dash-dependencies").data)
    writer = next(d for d in dependencies if any(i["id"] == ids.UNDO for i in d["inputs"]))
    inputs = [i["id"] for i in writer["inputs"]]
    assert ids.BUTTON_PRESS in inputs and ids.MAP_PICKED in inputs
    assert [i for i in writer["inputs"] if i["property"] == "n_clicks" and "{" in i["id"]] == []
    assert {json.loads(i)["type"] for i in inputs if i.startswith("{")} == {"threshold", "weight"}
    pressed = [
        d
        for d in dependencies
        if _outputs(d["output"]) == [ids.BUTTON_PRESS] and d.get("clientside_function")
    ]
    assert len(pressed) == 1
    press_types = {json.loads(i["id"])["type"] for i in pressed[0]["inputs"]}
    assert press_types == {"lock", "load-saved", "point-status", "cost-set", "correction-remove"}


def test_a_scenario_change_leaves_the_solve_a_request_slot(app: dash.Dash) -> None:
    """dash-renderer runs at most twelve callbacks at once. When a scenario change woke more
    server callbacks than that, together with the solve's own, the solve waited for the others
    to return (130 ms of every budget change, measured). The data views listen to the data
    part of the scenario instead (assets/controls.js::dataPart), which a budget leaves alone."""
    dependencies = json.loads(app.server.test_client().get("/_dash-dependencies").data)

    def woken_by(store: str) -> list[dict[str, Any]]:
        return [
            d
            for d in dependencies
            if not d.get("clientside_function")
            and any(i["id"] == store and i["property"] == "data" for i in d["inputs"])
        ]

    # the stale mark waits for the result anyway: it reads the result store the solve writes
    on_scenario = [
        d for d in woken_by(ids.SCENARIO_STORE) if ids.STALE not in _outputs(d["output"])
    ]
    assert len(on_scenario) + len(woken_by(ids.SOLVE_REQUEST)) <= 12
    on_data = {o for d in woken_by(ids.SCENARIO_DATA) for o in _outputs(d["output"])}
    assert {ids.PROVENANCE, ids.VIABILITY, ids.FOLLOWUP, ids.MAP_EDITS} <= on_data
