"""Background solving: the manager the environment picks, which scenarios go to the background,
the curve's progress, cancel on supersede, jobs without a Flask context, and robustness."""

from __future__ import annotations

import contextvars
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import dash
import flask
import pytest
from dash import _callback as dash_callback
from dash import no_update

from dashapp import background, ids
from dashapp.callbacks import curve, robustness, solve
from dashapp.settings import DEFAULT_CACHE_DIR, Settings
from models.analysis import budget_curve, budget_curve_steps
from models.dataset import Dataset, load_dataset
from models.paths import embedded_data_dir
from models.scenario import Scenario, default_scenario
from models.stress import stress_test


def _plain() -> Scenario:
    return default_scenario(load_dataset(embedded_data_dir()).registry)


# --- the manager, from the environment ---------------------------------------------------------


def test_settings_read_redis_and_the_cache_folder(tmp_path: Path) -> None:
    assert Settings.from_env({}).redis_url is None
    assert Settings.from_env({}).cache_dir == DEFAULT_CACHE_DIR
    environ = {"REDIS_URL": "redis://:secret@cache.internal:6379/0", "SERVICEKARTAN_CACHE_DIR": "x"}
    settings = Settings.from_env(environ)
    assert settings.redis_url == environ["REDIS_URL"] and settings.cache_dir == Path("x")
    assert "secret" not in repr(settings)  # the URL may hold Redis's password
    assert Settings.from_env({"REDIS_URL": "  "}).redis_url is None


def test_without_redis_jobs_run_locally_with_results_in_the_cache_folder(tmp_path: Path) -> None:
    folder = tmp_path / "background"
    manager = background.manager_for(Settings(embedded_data_dir(), cache_dir=folder))
    assert isinstance(manager, dash.DiskcacheManager)
    assert Path(manager.handle.directory) == folder and folder.is_dir()


def test_with_redis_jobs_go_to_celery_on_that_server() -> None:
    url = "redis://127.0.0.1:1/3"  # nothing listens there: making the manager connects nowhere
    manager = background.manager_for(Settings(embedded_data_dir(), redis_url=url))
    assert isinstance(manager, dash.CeleryManager)
    assert manager.handle.conf.broker_url == url
    assert manager.handle.conf.result_backend == url
    # every background callback of the app is a task of the worker's Celery app
    tasks = [name for name in manager.handle.tasks if name.startswith("background_callback_")]
    assert len(tasks) >= 3  # the curve, the slow solve, the robustness run


def test_the_worker_refuses_to_start_without_redis() -> None:
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    done = subprocess.run(
        [sys.executable, "-c", "import dashapp.worker"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0 and "REDIS_URL is not set" in done.stderr


# --- fast or slow --------------------------------------------------------------------------


def test_slow_options_go_to_the_background_and_the_rest_stays_in_the_request() -> None:
    plain = _plain()
    assert not background.is_slow(plain)
    assert not background.is_slow(replace(plain, fairness="min_share", min_kommun_share=0.5))
    assert not background.is_slow(replace(plain, mode="self_sufficient", budget_sek=5e5))
    assert not background.is_slow(replace(plain, max_share_min=10.0))  # 0.5–1.5 s now
    assert background.is_slow(replace(plain, fairness="maximin"))
    assert background.is_slow(replace(plain, colocation_saving_share=0.25))


def test_a_plain_scenario_is_solved_in_the_request(trigger: Callable[..., None]) -> None:
    trigger(f"{ids.SOLVE}.n_clicks")
    data = replace(_plain(), budget_sek=700_000).to_dict()
    out = solve.solve_scenario(None, 1, data, True, "all", "sv")
    assert out["alert_open"] is False and out["result"]["scenario"]["budget_sek"] == 700_000
    assert solve.hand_on_slow(None, 1, data, True) is no_update


def test_a_slow_scenario_is_handed_on_and_solved_by_the_background_job(
    trigger: Callable[..., None],
) -> None:
    trigger(f"{ids.SOLVE_REQUEST}.data")
    data = replace(_plain(), colocation_saving_share=0.2, budget_sek=800_000).to_dict()
    assert solve.solve_scenario(data, None, data, True, "all", "sv") == solve.NO_ANSWER
    slow = solve.hand_on_slow(data, None, data, True)
    assert slow == data
    # with "Räkna om direkt" off, a settled change waits for the button on both paths
    assert solve.hand_on_slow(data, None, data, False) is no_update
    trigger(f"{ids.SOLVE}.n_clicks")
    assert solve.hand_on_slow(data, 1, data, False) == data
    out = solve.solve_in_background(slow, "0763", "sv")
    solved = out["result"]
    assert out["alert_open"] is False and solved["scenario"]["colocation_saving_share"] == 0.2
    assert "Dagligvaror" in str(out["kpis"][0]) and out["stale"] == ""
    # the stale mark clears once the background answer for this scenario is in
    assert solve.mark_stale(data, solved, True, "sv") == ("", solve.KPI_PANEL_CLASS)


def test_a_background_solve_that_fails_says_why_in_the_users_language() -> None:
    data = replace(_plain(), fairness="maximin", candidate_kommuner=("9999",)).to_dict()
    out = solve.solve_in_background(data, "all", "en")
    assert out["result"] is no_update and out["alert_open"] is True
    assert "9999" in str(out["alert"])


def _background(app: dash.Dash, output: str) -> dict[str, Any]:
    """A callback's background spec (Dash moves the callbacks to the app at its first request)."""
    callbacks = {**dash_callback.GLOBAL_CALLBACK_MAP, **app.callback_map}
    (spec,) = [c["background"] for key, c in callbacks.items() if output in key]
    return spec


def test_newer_work_cancels_the_superseded_job(app: dash.Dash) -> None:
    """A new press ends a callback's running job by itself (Dash sends it as oldJob); these are
    the other inputs that cancel one."""
    cancel = {(c["id"], c["property"]) for c in _background(app, "curve-graph.children")["cancel"]}
    assert cancel == {(ids.CURVE_CANCEL, "n_clicks"), (ids.SCENARIO_STORE, "data")}
    slow = _background(app, f"{ids.RESULT_STORE}.data@")["cancel"]
    assert {(c["id"], c["property"]) for c in slow} == {
        (ids.SOLVE_REQUEST, "data"),
        (ids.SOLVE, "n_clicks"),
    }
    robust = _background(app, f"{ids.ROBUST_CLOSED}.children")["cancel"]
    # a robustness run does not depend on the budget: only "Avbryt" ends it
    assert {(c["id"], c["property"]) for c in robust} == {(ids.ROBUST_CANCEL, "n_clicks")}


# --- the curve's progress ------------------------------------------------------------------


def test_the_curve_reports_each_budget_and_draws_the_points_so_far() -> None:
    shown: list[Any] = []
    data = replace(_plain(), budget_sek=600_000).to_dict()
    graph, rows, asked, _, _ = curve.show_curve(shown.append, 1, data, "sv")
    texts = [view.children[0].children for view in shown]
    assert texts[0] == "Beräknar budget 1 av 10 …"
    assert texts[4] == "Beräknar budget 5 av 10 …"
    points = [
        len(view.children[2].figure["data"][0]["x"]) if len(view.children) > 2 else 0
        for view in shown
    ]
    assert points == list(range(11))  # none before the first budget, then one more each time
    assert [view.children[1].value for view in shown] == list(range(11))
    assert len(graph.figure["data"][0]["x"]) == 10 and rows and asked == data
    # the axis is fixed from the start, so the curve fills in rather than rescaling
    axis = graph.figure["layout"]["xaxis"]
    assert shown[3].children[2].figure["layout"]["xaxis"]["range"] == axis["range"]


def test_progress_in_english() -> None:
    view = curve.progress_view(
        budget_curve(load_dataset(embedded_data_dir()), _plain(), []), 3, 10, "en", 2e6, 4e6
    )
    assert view.children[0].children == "Computing budget 4 of 10 …"


def test_each_step_shows_the_curve_so_far(kronoberg: Dataset) -> None:
    """Progress draws a prefix of the final curve, one budget more at every step."""
    scenario = replace(default_scenario(kronoberg.registry), budget_sek=500_000)
    budgets = [1_000_000.0, 0.0, 400_000.0]
    shown = list(budget_curve_steps(kronoberg, scenario, budgets))
    whole = budget_curve(kronoberg, scenario, budgets)
    assert [done for done, _ in shown] == [1, 2, 3]
    assert [s.budget_sek for s in whole.steps] == [0.0, 400_000.0, 1_000_000.0]
    for done, so_far in shown:
        assert so_far.to_dict()["steps"] == whole.to_dict()["steps"][:done]


# --- jobs without a Flask context ----------------------------------------------------------


def test_jobs_read_the_settings_without_a_flask_context(app: dash.Dash) -> None:
    def in_a_job() -> tuple[bool, Path, tuple[Any, ...]]:
        with pytest.raises(RuntimeError):  # what dashapp.data.settings() would meet
            _ = flask.current_app.config
        data = _plain().to_dict()
        outputs = robustness.run_robustness(lambda _: None, 1, 2, data, "sv")
        return flask.has_app_context(), background.job_settings().data_dir, outputs

    has_context, folder, outputs = contextvars.Context().run(in_a_job)
    assert has_context is False
    assert folder == app.server.config["SERVICEKARTAN_SETTINGS"].data_dir
    assert outputs[0].startswith("Stängda punkter: ")


# --- robustness ----------------------------------------------------------------------------


def test_robustness_shows_losses_per_service_and_kommun_by_name(kronoberg: Dataset) -> None:
    progress: list[Any] = []
    data = _plain().to_dict()
    closed, services, kommuner, asked, _, _ = robustness.run_robustness(
        progress.append, 1, 3, data, "sv"
    )
    expected = stress_test(kronoberg, _plain(), 3)
    assert [p.children for p in progress] == [
        "Rangordnar de kritiska punkterna …",
        "Stänger 3 punkter och räknar om vem som når vad …",
    ]
    assert closed.count(";") == 2 and asked == data
    pharmacy = next(r for r in services if r["service"] == "Apotek")
    loss = next(x for x in expected.losses if x.service == "pharmacy")
    assert pharmacy["losing"] == loss.people_losing
    assert pharmacy["losing_text"] == f"{loss.people_losing:,.0f}".replace(",", "\u00a0")
    names = set(kronoberg.kommun_names)
    assert kommuner and all(r["kommun"] in names for r in kommuner)
    assert [r["losing"] for r in kommuner] == sorted((r["losing"] for r in kommuner), reverse=True)


@pytest.mark.parametrize(
    ("typed", "k"), [(3, 3), (3.6, 4), (0, 1), (-4, 1), (99, 20), (None, 5), ("", 5), (True, 5)]
)
def test_the_number_of_points_is_a_whole_number_from_1_to_20(typed: Any, k: int) -> None:
    assert robustness.points_to_close(typed) == k


def test_the_button_names_n_and_an_old_run_is_marked_out_of_date() -> None:
    assert robustness.name_button(7, "sv") == "Robusthet: stäng de 7 mest kritiska punkterna"
    assert robustness.name_button(7, "en") == "Robustness: close the 7 most critical points"
    plain = _plain().to_dict()
    budget = replace(_plain(), budget_sek=1, mode="self_sufficient").to_dict()
    first, *rest = _plain().services
    limit = replace(_plain(), services=(replace(first, threshold_min=5.0), *rest)).to_dict()
    assert robustness.mark_robustness_stale(plain, plain, "sv") == ""
    assert robustness.mark_robustness_stale(plain, budget, "sv") == ""  # the run is still true
    assert robustness.mark_robustness_stale(plain, limit, "sv").startswith("Inaktuellt")
    assert robustness.mark_robustness_stale(None, limit, "sv") == ""
