"""The presentation layer formats the typed result: it imports no Dash and calls no model."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
from types import ModuleType

import pytest

from dashapp import compare, exports, formats, present, report, style
from dashapp.data import dataset
from models.places import STATUS_PRECEDENCE
from models.solution import Solution

PRESENTATION = (present, compare, exports, report, style, formats)


@pytest.mark.parametrize("module", [m.__name__ for m in PRESENTATION])
def test_presentation_modules_import_no_dash(module: str) -> None:
    web = ("dash", "flask", "dash_leaflet", "dash_bootstrap_components", "dash_ag_grid")
    code = (
        f"import sys, {module}; print(sorted(m for m in sys.modules if m.split('.')[0] in {web}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def _model_names(module: ModuleType) -> dict[str, object]:
    """Everything the module imports from ``models``."""
    tree = ast.parse(inspect.getsource(module))
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("models"):
            for alias in node.names:
                names[alias.asname or alias.name] = getattr(module, alias.asname or alias.name)
    return names


@pytest.mark.parametrize("module", PRESENTATION, ids=lambda m: m.__name__)
def test_presentation_takes_only_types_from_the_model(module: ModuleType) -> None:
    names = _model_names(module).items()
    functions = [n for n, v in names if callable(v) and not isinstance(v, type)]
    assert functions == []


def test_kpi_cards_format_the_result_in_swedish(solution: Solution) -> None:
    cards = present.kpi_cards(solution, dataset().registry, None, "sv")
    grocery = solution.covered_for("grocery")
    assert cards[0]["title"] == "Dagligvaror"
    share = f"{100 * grocery.share():.1f}".replace(".", ",")
    assert f"({share}\u00a0%)" in cards[0]["value"]
    assert cards[-1]["key"] == "cost" and cards[-1]["value"].endswith(" kr")


def test_kommun_cards_show_that_kommun(solution: Solution) -> None:
    tingsryd = solution.kommun("0763")
    assert tingsryd is not None
    cards = present.kpi_cards(solution, dataset().registry, "0763", "en")
    assert cards[0]["title"] == "Groceries"
    assert cards[0]["value"].startswith(f"{tingsryd.covered[0].scenario:,.0f}")


def test_the_legend_reads_in_the_order_statuses_are_decided() -> None:
    assert tuple(style.PLACE_COLORS) == STATUS_PRECEDENCE


def test_critical_rows_come_from_the_result_and_follow_the_kommun_filter(
    solution: Solution,
) -> None:
    rows = present.critical_rows(solution, dataset().registry, "0763", "sv")
    assert rows and all(r["losing"] > 0 for r in rows)
    assert len({r["row_id"] for r in rows}) == len(rows)  # one per point: what a click reports
    assert all(r["losing_text"] == formats.number(r["losing"], "sv") for r in rows)
    in_tingsryd = {c.place_id for c in solution.critical if c.kommun_kod == "0763"}
    assert {r["place_id"] for r in rows} <= in_tingsryd
    assert rows[0]["sentence"].startswith("Om ")


def test_a_status_and_a_cost_say_where_they_come_from() -> None:
    assert present.status_reason_text("only one at a place under 1000", "sv") == (
        "regel: enda punkten av sitt slag på en ort under 1\u00a0000 invånare"
    )
    assert present.status_reason_text("stängs 2027 enligt kommunen", "sv") == (
        "stängs 2027 enligt kommunen"  # a region's own reason is shown as it is
    )
    text = present.cost_text(40_000, True, True, "compensation to a host shop", "sv")
    assert text == "Att behålla: 40\u00a0000 kr/år (antagande: compensation to a host shop)"


def test_the_card_of_an_at_risk_place_explains_status_and_cost(solution: Solution) -> None:
    from dashapp.components.place_card import card_body
    from models.places import place_facts

    data = dataset()
    first = int(data.points.place_index[data.points.status == "at_risk"][0])
    facts = place_facts(data, solution, str(data.places.ids[first]))
    body = str(card_body(facts, data.registry, "sv"))
    assert "Varför: regel: enda punkten av sitt slag" in body
    assert "Att behålla: " in body and "kr/år (" in body


def test_counts_agree_with_their_noun_and_the_basket_card_defines_the_basket() -> None:
    from dashapp.present import basket_title, people_count
    from models.dataset import load_dataset
    from models.paths import embedded_data_dir
    from models.run import run_scenario
    from models.scenario import Scenario

    assert people_count(1, "sv") == "1 person" and people_count(1.2, "sv") == "1 person"
    assert people_count(2, "sv") == "2 personer" and people_count(1401, "en") == "1,401 people"
    data = load_dataset(embedded_data_dir())
    solution = run_scenario(data, Scenario(budget_sek=0.0))
    title = basket_title(solution, data.registry, "sv")
    assert title == (
        "Hela korgen: når dagligvaror, paket- och postombud samt kontantuttag (betaltjänst)"
    )
