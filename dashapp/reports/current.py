"""The nulägesanalys as HTML: the figures of ``current_facts`` in Swedish (or English) formats,
with a map of the area's places and names, and every source and assumption stated."""

from __future__ import annotations

from datetime import date

import numpy as np

from dashapp.eligibility_text import eligibility_cell, rule_text, scheme_name, source_text
from dashapp.exports import notes
from dashapp.formats import DASH, number, percent
from dashapp.present import label
from dashapp.provenance_text import provenance_rows
from dashapp.reports.current_facts import TOGETHER_K, CurrentState
from dashapp.reports.document import Cell, Section, bullets, document, esc, num, paragraph, table
from dashapp.reports.svgmap import Marker, legend, svg_map
from dashapp.reports.texts import tr
from dashapp.style import PLACE_COLORS
from models.dataset import Dataset
from models.places import PlaceFacts
from models.solution import BASKET

CLASS_NAMES = ("< 5 min", "5–10 min", "10–30 min", "> 30 min")
OUTSIDE_COLOUR = "#BBBBBB"


def area_title(state: CurrentState, dataset: Dataset, language: str) -> str:
    if state.kommun_kod:
        return tr("kommun_area", language, name=state.area)
    return tr("county_area", language, name=dataset.region.name)


def _limit(state: CurrentState, key: str, language: str) -> str:
    if key == BASKET:
        return DASH
    return f"{number(state.scenario.settings(key).threshold_min, language)}\u00a0min"


def _people(value: float, language: str) -> str:
    return number(value, language)


def _key_figures(state: CurrentState, dataset: Dataset, language: str) -> str:
    lines = [tr("population_line", language, people=_people(state.population, language))]
    for row in state.access:
        values = {
            "service": label(dataset.registry, row.key, language),
            "share": percent(row.within_threshold, language),
            "people": _people(row.population * row.within_threshold, language),
        }
        if row.key == BASKET:
            lines.append(tr("basket_line", language, **values))
        else:
            minutes = number(state.scenario.settings(row.key).threshold_min, language)
            lines.append(tr("within_line", language, minutes=minutes, **values))
    return (
        f'<div class="keyfigures"><h3>{esc(tr("key_figures", language))}</h3>{bullets(lines)}</div>'
    )


def _access(state: CurrentState, dataset: Dataset, language: str) -> str:
    region = {r.key: r for r in state.region_access}
    header: list[Cell | str] = [
        tr("col_service", language),
        tr("col_limit", language),
        *(num(c) for c in CLASS_NAMES),
        num(tr("col_within_share", language)),
        num(tr("col_within_people", language)),
    ]
    if state.kommun_kod:
        header.append(num(tr("col_county_share", language)))
    rows = []
    for row in state.access:
        cells: list[Cell | str] = [
            label(dataset.registry, row.key, language),
            _limit(state, row.key, language),
            *(num(percent(s, language)) for s in row.class_shares),
            num(percent(row.within_threshold, language)),
            num(_people(row.population * row.within_threshold, language)),
        ]
        if state.kommun_kod:
            cells.append(num(percent(region[row.key].within_threshold, language)))
        rows.append(cells)
    people_rows = [
        [
            label(dataset.registry, row.key, language),
            *(num(_people(row.population * s, language)) for s in row.class_shares),
        ]
        for row in state.access
    ]
    basket = ", ".join(label(dataset.registry, s, language).lower() for s in state.scenario.basket)
    return (
        paragraph(tr("access_intro", language, basket=basket))
        + table(header, rows)
        + f"<h3>{esc(tr('access_people', language))}</h3>"
        + table([tr("col_service", language), *(num(c) for c in CLASS_NAMES)], people_rows)
    )


def _kommuner(state: CurrentState, dataset: Dataset, language: str) -> str:
    keys = [r.key for r in state.region_access]
    header: list[Cell | str] = [
        tr("col_kommun", language),
        num(tr("col_population", language)),
        *(num(label(dataset.registry, k, language)) for k in keys),
    ]
    by_area: dict[str, dict[str, float]] = {}
    population: dict[str, float] = {}
    for row in (*state.region_access, *state.kommun_access):
        by_area.setdefault(row.area, {})[row.key] = row.within_threshold
        population[row.area] = row.population
    rows = [
        [area, num(_people(population[area], language))]
        + [num(percent(shares[k], language)) for k in keys]
        for area, shares in by_area.items()
    ]
    return paragraph(tr("kommuner_intro", language)) + table(header, rows)


def _map(state: CurrentState, dataset: Dataset, language: str) -> str:
    places = dataset.places
    markers = []
    for j in range(len(places)):
        outside = not bool(places.in_region[j])
        if outside and places.kind[j] != "outside":
            continue
        in_area = not outside and (
            not state.kommun_kod or str(places.kommun_kod[j]) == state.kommun_kod
        )
        status = state.status.get(str(places.ids[j]), "none")
        population = max(float(places.population[j]), 0.0)
        markers.append(
            Marker(
                float(places.x_m[j]),
                float(places.y_m[j]),
                OUTSIDE_COLOUR if outside else PLACE_COLORS[status],
                radius=4.5 + population**0.5 / (11 if state.kommun_kod else 20),
                # neighbours are named only where they are towns, not single rural points
                label=str(places.names[j])
                if in_area or (state.kommun_kod and places.kind[j] != "service_place")
                else "",
                priority=population + (1e9 if in_area else 0.0),
                faint=not in_area,
            )
        )
    keys = ("secure", "at_risk", "none")
    entries = [(PLACE_COLORS[k], "circle", tr(f"legend_{k}", language)) for k in keys]
    entries.append((OUTSIDE_COLOUR, "circle", tr("legend_outside", language)))
    drawn = svg_map(dataset, markers, language, state.kommun_kod or None, "current")
    return paragraph(tr("map_intro", language)) + f"<figure>{drawn}</figure>" + legend(entries)


def _service_cell(place: PlaceFacts, service: str, language: str) -> Cell:
    found = next((s for s in place.services if s.service == service), None)
    if found is None:
        return Cell(DASH)
    if found.today == "secure":
        return Cell(tr("has_it", language))
    if found.today == "at_risk":
        return Cell(tr("has_it_at_risk", language))
    if found.nearest_min is None or not np.isfinite(found.nearest_min):
        return num(DASH)
    return num(f"{number(found.nearest_min, language)}\u00a0min")


def _places(state: CurrentState, dataset: Dataset, language: str) -> str:
    services = state.scenario.service_names
    header: list[Cell | str] = [tr("col_place", language)]
    if not state.kommun_kod:
        header.append(tr("col_kommun", language))
    header += [
        tr("col_kind", language),
        num(tr("col_inhabitants", language)),
        *(label(dataset.registry, s, language) for s in services),
    ]
    rows = []
    for place in state.places:
        cells: list[Cell | str] = [place.name]
        if not state.kommun_kod:
            cells.append(place.kommun)
        cells += [
            tr(f"kind_{place.kind}", language),
            num(_people(place.population, language)),
            *(_service_cell(place, s, language) for s in services),
        ]
        rows.append(cells)
    return paragraph(tr("places_intro", language)) + table(header, rows)


def _without_shop(state: CurrentState, dataset: Dataset, language: str) -> str:
    found = state.without_shop()
    if not found:
        return paragraph(tr("without_shop_intro", language)) + paragraph(tr("none_found", language))
    rows = []
    for place in found:
        has = sorted({label(dataset.registry, p.service, language) for p in place.points})
        rows.append(
            [
                place.name,
                num(_people(place.population, language)),
                ", ".join(has),
                _service_cell(place, "grocery", language),
            ]
        )
    header: list[Cell | str] = [
        tr("col_place", language),
        num(tr("col_inhabitants", language)),
        tr("col_has", language),
        num(tr("col_nearest_shop", language)),
    ]
    return paragraph(tr("without_shop_intro", language)) + table(header, rows)


def _critical(state: CurrentState, dataset: Dataset, language: str, area: str) -> str:
    names = dict(zip(dataset.kommun_kod.tolist(), dataset.kommun_names.tolist(), strict=True))
    header: list[Cell | str] = [
        tr("col_point", language),
        tr("col_service", language),
        tr("col_place", language),
        tr("col_kommun", language),
        tr("col_status", language),
        num(tr("col_losing", language)),
    ]
    rows = [
        [
            c.name,
            label(dataset.registry, c.service, language),
            c.place_name,
            names.get(c.kommun_kod, c.kommun_kod),
            tr(f"status_{c.status}", language),
            num(_people(c.people_losing, language)),
        ]
        for c in state.critical
    ]
    closed = ", ".join(
        f"{c.name} ({c.place_name}, {label(dataset.registry, c.service, language).lower()})"
        for c in state.together
    )
    loss_header: list[Cell | str] = [
        tr("col_service", language),
        num(tr("col_losing_together", language)),
    ]
    if state.kommun_kod:
        loss_header.append(num(tr("col_losing_here", language)))
    loss_header.append(num(tr("col_losing_single", language)))
    loss_rows = []
    for loss in state.together_losses:
        cells: list[Cell | str] = [
            label(dataset.registry, loss.service, language),
            num(_people(loss.people_losing, language)),
        ]
        if state.kommun_kod:
            cells.append(num(_people(loss.people_losing_here, language)))
        cells.append(num(_people(loss.sum_of_single_losses, language)))
        loss_rows.append(cells)
    k = len(state.together)
    return (
        paragraph(tr("critical_intro", language, area=area))
        + table(header, rows)
        + f"<h3>{esc(tr('together_heading', language, k=k))}</h3>"
        + paragraph(tr("together_intro", language, points=closed))
        + table(loss_header, loss_rows)
    )


def _eligibility(state: CurrentState, dataset: Dataset, language: str) -> str:
    points, places = dataset.points, dataset.places
    rows = [
        [
            str(points.names[k]),
            label(dataset.registry, str(points.service[k]), language),
            str(places.names[points.place_index[k]]),
            eligibility_cell(outcomes, language),
        ]
        for k, outcomes in state.eligibility
    ]
    schemes = sorted({e.scheme for _, outcomes in state.eligibility for e in outcomes})
    rules = [
        f"{scheme_name(s, language)}: {rule_text(s, language)} ({source_text(s, language)})"
        for s in schemes
    ]
    header = [
        tr("col_point", language),
        tr("col_service", language),
        tr("col_place", language),
        tr("col_schemes", language),
    ]
    body = table(header, rows) if rows else paragraph(tr("none_found", language))
    return paragraph(tr("eligibility_intro", language)) + body + bullets(rules, "note")


def _border(state: CurrentState, dataset: Dataset, language: str) -> str:
    header: list[Cell | str] = [
        tr("col_service", language),
        num(tr("col_border_people", language)),
        num(tr("col_border_share", language)),
        tr("col_border_places", language),
    ]
    rows = [
        [
            label(dataset.registry, b.service, language),
            num(_people(b.people, language)),
            num(percent(b.share, language)),
            ", ".join(f"{name} ({_people(p, language)})" for name, p in b.destinations[:3]) or DASH,
        ]
        for b in state.border
    ]
    return paragraph(tr("border_intro", language)) + table(header, rows)


def _sources(state: CurrentState, dataset: Dataset, language: str, area: str) -> str:
    scenario = state.scenario
    limits = ", ".join(
        f"{label(dataset.registry, s.service, language).lower()} "
        f"{number(s.threshold_min, language)} min"
        for s in scenario.services
    )
    basket = ", ".join(label(dataset.registry, s, language).lower() for s in scenario.basket)
    cutoff = number(dataset.travel_model.cutoff_min, language)
    assumptions = [
        tr("a_classes", language, cutoff=cutoff),
        tr("a_limits", language, limits=limits),
        tr("a_basket", language, basket=basket),
        tr("a_places", language),
        tr("a_critical", language),
        tr("a_together", language, k=TOGETHER_K, area=area),
        tr("a_border", language),
        tr("a_rounding", language),
    ]
    figures = table(
        [
            tr("provenance_figure", language),
            tr("provenance_basis", language),
            tr("provenance_sources", language),
        ],
        [
            [r["figure"], r["basis"], r["sources"]]
            for r in provenance_rows(dataset, scenario, language)
        ],
    )
    return (
        f"<h3>{esc(tr('assumptions', language))}</h3>"
        + bullets(assumptions, "assumptions")
        + f"<h3>{esc(tr('figures_heading', language))}</h3>"
        + figures
        + f"<h3>{esc(tr('notes_heading', language))}</h3>"
        + bullets(notes(dataset, language, scenario), "notes")
    )


def current_html(state: CurrentState, dataset: Dataset, language: str) -> str:
    """The whole nulägesanalys as one HTML page (print it, or hand it to ``to_pdf``)."""
    area = area_title(state, dataset, language)
    title = f"{tr('current_title', language)} – {area}"
    made = tr("made", language, date=date.today().isoformat(), data=dataset.region.name)
    front = (
        paragraph(tr("current_subtitle", language), "subtitle")
        + paragraph(made, "meta")
        + paragraph(tr("modelled_warning", language), "warning")
        + _key_figures(state, dataset, language)
    )
    sections = [Section("access", tr("sec_access", language), _access(state, dataset, language))]
    if not state.kommun_kod:
        sections.append(
            Section("kommuner", tr("sec_kommuner", language), _kommuner(state, dataset, language))
        )
    sections += [
        Section("map", tr("sec_map", language), _map(state, dataset, language), new_page=True),
        Section("places", tr("sec_places", language), _places(state, dataset, language)),
        Section(
            "without-shop",
            tr("sec_without_shop", language),
            _without_shop(state, dataset, language),
        ),
        Section(
            "critical", tr("sec_critical", language), _critical(state, dataset, language, area)
        ),
        Section(
            "eligibility",
            tr("sec_eligibility", language),
            _eligibility(state, dataset, language),
        ),
        Section("border", tr("sec_border", language), _border(state, dataset, language)),
        Section(
            "sources", tr("sec_sources", language), _sources(state, dataset, language, area), True
        ),
    ]
    return document(title, front, sections, language)
