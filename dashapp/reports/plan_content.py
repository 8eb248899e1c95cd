"""The handlingsplan as neutral blocks (headings, paragraphs, lists, tables of plain text),
written once and drawn twice: as HTML for the PDF and as an editable Word file
(``plan_render``). Every figure is formatted here by ``dashapp/formats.py``; names from data
stay plain text and are escaped (HTML) or set as text runs (Word) when drawn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dashapp.eligibility_text import eligibility_cell, eligibility_line
from dashapp.eligibility_text import text as eligibility_text
from dashapp.exports import notes
from dashapp.formats import DASH, money, number, optional, percent, signed
from dashapp.plan_text import text as plan_word
from dashapp.present import label
from dashapp.provenance_text import provenance_lines
from dashapp.reports.document import Cell, num
from dashapp.reports.plan_facts import PlanFacts, PlannedAction
from dashapp.reports.plan_texts import pt
from models.dataset import Dataset
from models.plan import DEFAULT_YEARS
from models.solution import Action


@dataclass(frozen=True)
class Para:
    text: str
    kind: str = ""  # "", "subtitle", "meta", "warning", "fill"


@dataclass(frozen=True)
class Sub:
    """A heading inside a section."""

    text: str


@dataclass(frozen=True)
class Bullets:
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Grid:
    """A table: a header row and rows of plain-text cells (figures marked ``num``)."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]


Block = Para | Sub | Bullets | Grid


@dataclass(frozen=True)
class Part:
    anchor: str
    title: str
    blocks: tuple[Block, ...]
    new_page: bool = False


@dataclass(frozen=True)
class PlanReport:
    title: str
    front: tuple[Block, ...]
    parts: tuple[Part, ...]


def _cells(*values: str | Cell) -> tuple[Cell, ...]:
    return tuple(v if isinstance(v, Cell) else Cell(v) for v in values)


def start_text(start_year: int | None, language: str) -> str:
    return str(start_year) if start_year is not None else pt("not_in_plan", language)


def action_row(planned: PlannedAction, dataset: Dataset, language: str) -> tuple[Cell, ...]:
    """One row of the action table, exactly as both the PDF and the Word file show it."""
    a = planned.action
    return _cells(
        num(str(planned.rank)),
        a.place_name,
        label(dataset.registry, a.service, language),
        plan_word(a.action, language),
        num(money(a.cost_sek, language)),
        num(number(a.people_only_here, language)),
        num(number(a.people_gained, language)),
        num(optional(a.people_per_msek, language)),
        num(start_text(planned.start_year, language)),
        eligibility_cell(planned.eligibility, language),
    )


ACTION_COLUMNS = (
    "col_rank",
    "col_place",
    "col_service",
    "col_action",
    "col_cost_year",
    "col_only_here",
    "col_gained",
    "col_per_msek",
    "col_start",
    "col_support",
)
NUMERIC_COLUMNS = frozenset({0, 4, 5, 6, 7, 8})


def action_header(language: str) -> tuple[Cell, ...]:
    return tuple(
        Cell(pt(key, language), i in NUMERIC_COLUMNS) for i, key in enumerate(ACTION_COLUMNS)
    )


def _mode_name(mode: str, language: str) -> str:
    return pt(f"mode_{mode}", language)


def _summary(facts: PlanFacts, dataset: Dataset, language: str) -> tuple[Block, ...]:
    scenario = facts.scenario
    lines = [
        pt(
            "budget_line",
            language,
            budget=money(scenario.budget_sek, language),
            mode=_mode_name(scenario.mode, language).lower(),
        ),
        pt(
            "cost_line",
            language,
            count=number(len(facts.actions), language),
            cost=money(facts.cost_sek, language),
        ),
    ]
    here = facts.here
    for covered in here.covered if here else ():
        lines.append(
            pt(
                "reached_line",
                language,
                service=label(dataset.registry, covered.key, language),
                people=number(covered.scenario, language),
                share=percent(covered.share(), language),
                gain=number(covered.gain_vs_baseline, language),
            )
        )
    if facts.plan is not None:
        lines.append(
            pt(
                "plan_line",
                language,
                budget=money(scenario.budget_sek, language),
                years=DEFAULT_YEARS,
                count=number(len(facts.plan_actions), language),
            )
        )
    return (Bullets(tuple(lines)),)


def _actions(facts: PlanFacts, dataset: Dataset, language: str) -> tuple[Block, ...]:
    if not facts.actions:
        return (Para(pt("no_actions", language, kommun=facts.kommun)),)
    rows = tuple(action_row(p, dataset, language) for p in facts.actions)
    return Para(pt("actions_intro", language)), Grid(action_header(language), rows)


def why_text(action: Action, dataset: Dataset, minutes: float, language: str) -> str:
    service = label(dataset.registry, action.service, language)
    per_msek = action.people_per_msek
    value = (
        pt("why_free", language)
        if per_msek is None
        else pt("why_per_msek", language, value=number(per_msek, language))
    )
    line = pt(
        "why_line",
        language,
        place=action.place_name,
        service=service,
        action=plan_word(action.action, language),
        only=number(action.people_only_here, language),
        service_lower=service.lower(),
        minutes=number(minutes, language),
        gained=number(action.people_gained, language),
        per_msek=value,
    )
    return f"{line} {pt('why_' + action.action, language)}"


def _why(facts: PlanFacts, dataset: Dataset, language: str) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for planned in facts.actions:
        minutes = facts.scenario.settings(planned.action.service).threshold_min
        blocks.append(Para(why_text(planned.action, dataset, minutes, language)))
        lines = tuple(eligibility_line(e, language) for e in planned.eligibility)
        if lines:
            blocks.append(Bullets(lines))
    if blocks:
        blocks.append(Para(eligibility_text("distances_note", language), "meta"))
    return tuple(blocks) or (Para(pt("no_actions", language, kommun=facts.kommun)),)


def _plan(facts: PlanFacts, dataset: Dataset, language: str) -> tuple[Block, ...]:
    if facts.plan is None:
        sv, en = facts.plan_problem
        return (Para(pt("plan_failed", language, reason=en if language == "en" else sv)),)
    budget = money(facts.scenario.budget_sek, language)
    blocks: list[Block] = [Para(pt("plan_intro", language, budget=budget, years=DEFAULT_YEARS))]
    blocks += [Para(pt(f"plan_dropped_{key}", language), "meta") for key in facts.plan_changes]
    if not facts.plan_actions:
        return (*blocks, Para(pt("plan_none_here", language)))
    in_scenario = {(p.action.place_id, p.action.service) for p in facts.actions}
    header = _cells(
        num(pt("col_year", language)),
        pt("col_place", language),
        pt("col_service", language),
        pt("col_action", language),
        num(pt("col_operate", language)),
        num(pt("col_once", language)),
        pt("col_in_scenario", language),
    )
    rows = tuple(
        _cells(
            num(str(a.start_year)),
            a.place_name,
            label(dataset.registry, a.service, language),
            plan_word(a.action, language),
            num(money(a.operate_sek_per_year, language)),
            num(money(a.establish_once_sek, language)),
            pt("yes" if (a.place_id, a.service) in in_scenario else "no", language),
        )
        for a in facts.plan_actions
    )
    return (*blocks, Grid(header, rows))


def _modes(facts: PlanFacts, dataset: Dataset, language: str) -> tuple[Block, ...]:
    """The kommun's people within reach per service and basket, and its cost, in both modes."""
    complementary, self_sufficient = (
        (facts.solution, facts.other)
        if facts.scenario.mode == "complementary"
        else (facts.other, facts.solution)
    )
    services = ", ".join(
        label(dataset.registry, s, language).lower() for s in facts.scenario.basket
    )
    minutes = min(
        (facts.scenario.settings(s).threshold_min for s in facts.scenario.basket), default=0
    )
    intro = Bullets(
        (
            f"{pt('mode_complementary', language)} – "
            + pt("help_basket_complementary", language, services=services),
            f"{pt('mode_self_sufficient', language)} – "
            + pt(
                "help_basket_self_sufficient",
                language,
                services=services,
                minutes=number(minutes, language),
            ),
        )
    )
    c_here = complementary.kommun(facts.kommun_kod)
    s_here = self_sufficient.kommun(facts.kommun_kod)
    header = _cells(
        pt("col_service", language),
        num(pt("mode_complementary", language)),
        num(pt("mode_self_sufficient", language)),
        num(pt("col_difference_modes", language)),
    )
    rows: list[tuple[Cell, ...]] = []
    keys = [c.key for c in c_here.covered] if c_here else []
    for key in keys:
        a = c_here.covered_for(key) if c_here else None
        b = s_here.covered_for(key) if s_here else None
        rows.append(
            _cells(
                label(dataset.registry, key, language),
                num(number(a.scenario, language) if a else DASH),
                num(number(b.scenario, language) if b else DASH),
                num(signed(a.scenario - b.scenario, language) if a and b else DASH),
            )
        )
    cost_a = sum(x.cost_sek for x in complementary.actions if x.kommun_kod == facts.kommun_kod)
    cost_b = sum(x.cost_sek for x in self_sufficient.actions if x.kommun_kod == facts.kommun_kod)
    rows.append(
        _cells(
            pt("row_cost", language),
            num(money(cost_a, language)),
            num(money(cost_b, language)),
            num(money(cost_a - cost_b, language, sign=True)),
        )
    )
    return (
        Para(pt("modes_intro", language)),
        intro,
        Grid(header, tuple(rows)),
        *_mode_actions(facts, dataset, language),
    )


def _mode_actions(facts: PlanFacts, dataset: Dataset, language: str) -> tuple[Block, ...]:
    def mine(actions: tuple[Action, ...]) -> dict[tuple[str, str], Action]:
        return {(a.place_id, a.service): a for a in actions if a.kommun_kod == facts.kommun_kod}

    this, other = mine(facts.solution.actions), mine(facts.other.actions)
    lines = []
    for mode, only in (
        (facts.scenario.mode, [this[k] for k in this if k not in other]),
        (facts.other.scenario.mode, [other[k] for k in other if k not in this]),
    ):
        if only:
            named = "; ".join(
                f"{a.place_name} – {label(dataset.registry, a.service, language).lower()}"
                for a in only
            )
            lines.append(
                pt("only_in_mode", language, mode=_mode_name(mode, language).lower(), actions=named)
            )
    return (Bullets(tuple(lines)),) if lines else (Para(pt("same_actions", language)),)


def _fill(key: str, language: str) -> tuple[Block, ...]:
    return (Para(f"{pt('fill_mark', language)} {pt(key, language)}", "fill"),)


def _sources(facts: PlanFacts, dataset: Dataset, language: str) -> tuple[Block, ...]:
    scenario = facts.scenario
    limits = ", ".join(
        f"{label(dataset.registry, s.service, language).lower()} "
        f"{number(s.threshold_min, language)} min"
        for s in scenario.services
    )
    basket = ", ".join(label(dataset.registry, s, language).lower() for s in scenario.basket)
    minutes = number(
        min((scenario.settings(s).threshold_min for s in scenario.basket), default=0), language
    )
    assumptions = (
        pt("a_limits", language, limits=limits),
        pt(f"help_basket_{scenario.mode}", language, services=basket, minutes=minutes),
        pt("a_budget", language),
        pt("a_priority", language),
        pt("a_support", language),
        pt("a_rounding", language),
    )
    return (
        Sub(pt("assumptions", language)),
        Bullets(assumptions),
        Sub(pt("figures_heading", language)),
        Bullets(tuple(provenance_lines(dataset, scenario, language))),
        Sub(pt("notes_heading", language)),
        Bullets(tuple(notes(dataset, language, scenario))),
    )


def plan_report(facts: PlanFacts, dataset: Dataset, language: str) -> PlanReport:
    """The whole handlingsplan for the kommun of ``facts``."""
    scenario = facts.scenario
    title = f"{pt('plan_title', language)} – {pt('kommun_area', language, name=facts.kommun)}"
    revision = (
        pt(
            "revision_line",
            language,
            revision=scenario.data_revision or DASH,
            count=number(len(scenario.corrections), language),
        )
        if scenario.corrections or scenario.data_revision
        else pt("revision_none", language)
    )
    made = pt("made", language, date=date.today().isoformat(), data=dataset.region.name)
    front: tuple[Block, ...] = (
        Para(pt("scenario_line", language, name=scenario.name), "subtitle"),
        Para(made, "meta"),
        Para(revision, "meta"),
        Para(pt("draft_note", language), "warning"),
    )
    parts = (
        Part("summary", pt("sec_summary", language), _summary(facts, dataset, language)),
        Part("background", pt("sec_background", language), _fill("fill_background", language)),
        Part("actions", pt("sec_actions", language), _actions(facts, dataset, language)),
        Part("why", pt("sec_why", language), _why(facts, dataset, language)),
        Part("plan", pt("sec_plan", language), _plan(facts, dataset, language)),
        Part("modes", pt("sec_modes", language), _modes(facts, dataset, language)),
        Part("priorities", pt("sec_priorities", language), _fill("fill_priorities", language)),
        Part("followup", pt("sec_followup", language), _fill("fill_followup", language)),
        Part("sources", pt("sec_sources", language), _sources(facts, dataset, language), True),
    )
    return PlanReport(title, front, parts)
