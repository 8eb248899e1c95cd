"""The follow-up between two data revisions or years as HTML: points opened and closed, people
who gained or lost reach per service and kommun, on a map and in tables (``models/followup.py``
computes every figure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from dashapp.exports import notes
from dashapp.formats import number, signed
from dashapp.present import label
from dashapp.reports.document import Section, bullets, document, esc, num, paragraph, table
from dashapp.reports.svgmap import Marker, legend, svg_map
from dashapp.reports.texts import tr
from models import geo
from models.dataset import Dataset
from models.followup import (
    MATCH_KM,
    RENAMED_KM,
    PointChanges,
    PointRef,
    ReachChange,
    changed_demand,
    match_points,
    reach_changes,
)
from models.scenario import Scenario

OPENED, CLOSED = "#009E73", "#D55E00"
GAINED, LOST = "#56B4E9", "#E69F00"


@dataclass(frozen=True)
class FollowUp:
    before: Dataset
    after: Dataset
    before_label: str
    after_label: str
    scenario: Scenario
    points: PointChanges
    reach: tuple[ReachChange, ...]


def follow_up(
    before: Dataset, after: Dataset, scenario: Scenario, before_label: str, after_label: str
) -> FollowUp:
    return FollowUp(
        before,
        after,
        before_label,
        after_label,
        scenario,
        match_points(before, after),
        reach_changes(before, after, scenario),
    )


def _kommun(dataset: Dataset, code: str, language: str) -> str:
    names = dict(zip(dataset.kommun_kod.tolist(), dataset.kommun_names.tolist(), strict=True))
    return names.get(code) or tr("outside_region", language)


def _summary(f: FollowUp, language: str) -> str:
    p = f.points
    header = [
        tr("col_service", language),
        num(tr("col_reached_before", language)),
        num(tr("col_reached_after", language)),
        num(tr("col_difference", language)),
        num(tr("col_gained_people", language)),
        num(tr("col_lost_people", language)),
    ]
    rows = [
        [
            label(f.after.registry, r.key, language),
            num(number(r.reached_before, language)),
            num(number(r.reached_after, language)),
            num(signed(r.reached_after - r.reached_before, language)),
            num(number(r.gained, language)),
            num(number(r.lost, language)),
        ]
        for r in f.reach
        if r.kommun_kod == ""
    ]
    region = next((r for r in f.reach if r.kommun_kod == ""), None)
    population = (
        tr(
            "population_before_after",
            language,
            before=number(region.population_before, language),
            after=number(region.population_after, language),
        )
        if region
        else ""
    )
    counts = tr(
        "summary_points",
        language,
        opened=len(p.opened),
        closed=len(p.closed),
        changed=len(p.status_changed),
    )
    return paragraph(counts) + paragraph(population) + table(header, rows)


def _map(f: FollowUp, language: str) -> str:
    after = f.after
    markers: list[Marker] = []
    keys = [s.service for s in f.scenario.services]
    gained = np.zeros(len(after.demand), dtype=bool)
    lost = np.zeros(len(after.demand), dtype=bool)
    for key in keys:
        more, less = changed_demand(f.before, after, f.scenario, key)
        gained |= more
        lost |= less
    for mask, colour in ((gained & ~lost, GAINED), (lost, LOST)):
        for i in np.flatnonzero(mask):
            markers.append(
                Marker(
                    float(after.demand.x_m[i]),
                    float(after.demand.y_m[i]),
                    colour,
                    4.0,
                    "square",
                    stroke_width=0.3,
                    blocks_labels=False,
                )
            )
    for refs, colour, shape in (
        (f.points.closed, CLOSED, "cross"),
        (f.points.opened, OPENED, "plus"),
    ):
        for ref in refs:
            if not ref.in_region:
                continue
            x, y = geo.to_sweref(np.array([ref.lon_deg]), np.array([ref.lat_deg]))
            markers.append(
                Marker(
                    float(x[0]),
                    float(y[0]),
                    colour,
                    7.0,
                    shape,
                    stroke_width=3.0,
                    label=ref.name,
                    priority=2.0,
                )
            )
    entries = [
        (OPENED, "plus", tr("legend_opened", language)),
        (CLOSED, "cross", tr("legend_closed", language)),
        (GAINED, "square", tr("legend_gained", language)),
        (LOST, "square", tr("legend_lost", language)),
    ]
    drawn = svg_map(after, markers, language, None, "changes")
    return (
        paragraph(tr("changes_map_intro", language)) + f"<figure>{drawn}</figure>" + legend(entries)
    )


def _points(f: FollowUp, language: str) -> str:
    def row(ref: PointRef, event: str, dataset: Dataset) -> list[object]:
        return [
            tr(f"event_{event}", language),
            label(dataset.registry, ref.service, language),
            ref.name,
            ref.place_name,
            _kommun(dataset, ref.kommun_kod, language)
            if ref.in_region
            else tr("outside_region", language),
        ]

    rows = [row(r, "closed", f.before) for r in f.points.closed]
    rows += [row(r, "opened", f.after) for r in f.points.opened]
    header = [
        tr("col_event", language),
        tr("col_service", language),
        tr("col_point", language),
        tr("col_place", language),
        tr("col_kommun", language),
    ]
    body = table(header, rows) if rows else paragraph(tr("none_found", language))
    if f.points.status_changed:
        changed = [
            [
                label(f.after.registry, new.service, language),
                new.name,
                new.place_name,
                tr(f"status_{old.status}", language),
                tr(f"status_{new.status}", language),
            ]
            for old, new in f.points.status_changed
        ]
        body += f"<h3>{esc(tr('sec_status', language))}</h3>" + table(
            [
                tr("col_service", language),
                tr("col_point", language),
                tr("col_place", language),
                tr("col_before", language),
                tr("col_after", language),
            ],
            changed,
        )
    return body


def _by_kommun(f: FollowUp, language: str) -> str:
    header = [
        tr("col_kommun", language),
        tr("col_service", language),
        num(tr("col_pop_before", language)),
        num(tr("col_pop_after", language)),
        num(tr("col_reached_before", language)),
        num(tr("col_reached_after", language)),
        num(tr("col_gained_people", language)),
        num(tr("col_lost_people", language)),
    ]
    rows = [
        [
            r.kommun,
            label(f.after.registry, r.key, language),
            num(number(r.population_before, language)),
            num(number(r.population_after, language)),
            num(number(r.reached_before, language)),
            num(number(r.reached_after, language)),
            num(number(r.gained, language)),
            num(number(r.lost, language)),
        ]
        for r in f.reach
        if r.kommun_kod
    ]
    return table(header, rows)


def _sources(f: FollowUp, language: str) -> str:
    limits = ", ".join(
        f"{label(f.after.registry, s.service, language).lower()} "
        f"{number(s.threshold_min, language)}\u00a0min"
        for s in f.scenario.services
    )
    basket = ", ".join(label(f.after.registry, s, language).lower() for s in f.scenario.basket)
    assumptions = [
        tr(
            "a_matching",
            language,
            match_km=number(MATCH_KM, language, 1),
            renamed_m=number(RENAMED_KM * 1000, language),
        ),
        tr("a_reach", language),
        tr("a_limits", language, limits=limits),
        tr("a_basket", language, basket=basket),
        tr("a_rounding", language),
    ]
    return (
        f"<h3>{esc(tr('assumptions', language))}</h3>"
        + bullets(assumptions, "assumptions")
        + f"<h3>{esc(tr('notes_heading', language))} ({esc(f.after_label)})</h3>"
        + bullets(notes(f.after, language, f.scenario), "notes")
    )


def followup_html(f: FollowUp, language: str) -> str:
    title = f"{tr('followup_title', language)} – {f.after.region.name or f.after.name}"
    made = tr("made", language, date=date.today().isoformat(), data=f.after.region.name)
    front = (
        paragraph(tr("followup_subtitle", language), "subtitle")
        + paragraph(tr("from_to", language, before=f.before_label, after=f.after_label))
        + paragraph(made, "meta")
        + paragraph(tr("modelled_warning", language), "warning")
    )
    sections = [
        Section("summary", tr("sec_summary", language), _summary(f, language)),
        Section("map", tr("sec_changes_map", language), _map(f, language), new_page=True),
        Section("points", tr("sec_points", language), _points(f, language), new_page=True),
        Section("by-kommun", tr("sec_by_kommun", language), _by_kommun(f, language)),
        Section("sources", tr("sec_sources", language), _sources(f, language), new_page=True),
    ]
    return document(title, front, sections, language)
