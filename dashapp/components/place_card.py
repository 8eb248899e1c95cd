"""The body of a place's card: facts, per-service lock buttons, and why the place was chosen."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component

from dashapp import ids
from dashapp.components.corrections import correction_section
from dashapp.i18n import number, t
from dashapp.present import cost_text, customer_base_text, people_count, status_reason_text
from dashapp.present_corrections import ClosedPoint
from models.places import PlaceFacts, ServiceFacts
from models.services import ServiceRegistry


def _lock_buttons(place_id: str, facts: ServiceFacts, language: str) -> html.Div:
    if not facts.lockable:
        return html.Div()
    state = {"in": t("locked_in", language), "out": t("locked_out", language)}.get(facts.lock, "")
    buttons = [
        dbc.Button(
            t(label, language),
            id=ids.lock_button(place_id, facts.service, action),
            size="sm",
            color=color,
            outline=facts.lock != action,
            disabled=action == "unlock" and not facts.lock,
            className="me-1",
        )
        for action, label, color in (
            ("in", "lock_in", "success"),
            ("out", "lock_out", "danger"),
            ("unlock", "unlock", "secondary"),
        )
    ]
    return html.Div(
        [*buttons, html.Span(f" {state}", className="small fw-semibold")],
        className="mb-1",
    )


def _service_row(
    place_id: str, facts: ServiceFacts, registry: ServiceRegistry, language: str
) -> html.Li:
    minutes = (
        f"{number(facts.nearest_min, language, 1)} {t('minutes_short', language)}"
        if facts.nearest_min is not None
        else t("unreachable", language)
    )
    status = (
        t(f"status_{facts.today}", language) if facts.today != "none" else t("card_none", language)
    )
    name = registry.label(facts.service, language)
    lines: list[Component | str] = [
        html.Strong(name),
        f": {status}; {t('card_nearest', language).lower()} {minutes}",
    ]
    if facts.status_reason:
        why = (
            f"{t('card_status_why', language)}: {status_reason_text(facts.status_reason, language)}"
        )
        lines += [html.Br(), html.Span(why, className="small text-muted sk-status-why")]
    if facts.cost_sek is not None:
        basis = (
            facts.cost_basis_sv if language != "en" and facts.cost_basis_sv else facts.cost_basis
        )
        if basis.startswith("assumption: "):  # the label already says it is an assumption
            basis = basis.removeprefix("assumption: ")
        cost = cost_text(
            facts.cost_sek, facts.today == "at_risk", facts.cost_assumption, basis, language
        )
        lines += [html.Br(), html.Span(cost, className="small text-muted sk-cost")]
    if facts.customers:
        lines += [html.Br(), html.Span(customer_base_text(facts, language), className="small")]
    if facts.people_losing > 0:
        text = t(
            "card_critical_text",
            language,
            service=name,
            people=people_count(facts.people_losing, language),
        )
        lines += [html.Br(), html.Span(text, className="small")]
    return html.Li([*lines, _lock_buttons(place_id, facts, language)], className="mb-2")


def _support(lines: list[tuple[str, str]], language: str) -> list[Component]:
    if not lines:
        return []
    items = [html.Li([html.Strong(f"{what}: "), line]) for what, line in lines]
    return [
        html.H3(t("card_support", language), className="h6"),
        html.Ul(items, className="small sk-support"),
    ]


def card_body(
    facts: PlaceFacts,
    registry: ServiceRegistry,
    language: str,
    support: list[tuple[str, str]] | None = None,
    closed: list[tuple[ClosedPoint, str]] | None = None,
    all_points: bool = False,
) -> html.Div:
    reasons = [
        html.Li(
            t(
                "card_why_text",
                language,
                service=registry.label(a.service, language),
                people=people_count(a.people_only_here, language),
                per_msek=number(a.people_per_msek or 0.0, language),
            )
        )
        for a in facts.actions
    ]
    return html.Div(
        [
            html.P(
                f"{t(f'kind_{facts.kind}', language)}, {facts.kommun}. "
                f"{t('card_population', language)}: {number(facts.population, language)}",
                className="mb-2",
            ),
            html.H3(t("card_services_today", language), className="h6"),
            html.Ul(
                [_service_row(facts.place_id, s, registry, language) for s in facts.services],
                className="list-unstyled",
            ),
            *(
                [html.H3(t("card_why", language), className="h6"), html.Ul(reasons)]
                if reasons
                else []
            ),
            *_support(support or [], language),
            correction_section(facts, registry, language, closed, all_points),
        ],
        className="sk-place-card",
    )
