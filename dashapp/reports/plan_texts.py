"""The handlingsplan's own texts, Swedish then English; shared words come from the reports'
texts (``dashapp.reports.texts.tr``), which fall back to the app's (``dashapp.i18n``)."""

from __future__ import annotations

from dashapp.i18n import pick
from dashapp.reports.texts import tr

PLAN_TEXT: dict[str, tuple[str, str]] = {
    "plan_title": ("Handlingsplan", "Action plan"),
    "scenario_line": ("Scenario: {name}", "Scenario: {name}"),
    "revision_line": (
        "Dataversion: {revision} ({count} rättelser av data)",
        "Data version: {revision} ({count} data corrections)",
    ),
    "revision_none": (
        "Dataversion: levererade data, inga rättelser",
        "Data version: the shipped data, no corrections",
    ),
    "draft_note": (
        "Utkast framtaget ur modellen. Avsnitt markerade [Att fylla i] skrivs av kommunen; "
        "siffrorna är modellens och kan behöva stämmas av lokalt.",
        "A draft made from the model. Sections marked [To fill in] are written by the "
        "municipality; the figures are the model's and may need local checking.",
    ),
    "fill_mark": ("[Att fylla i]", "[To fill in]"),
    "sec_summary": ("Sammanfattning", "Summary"),
    "budget_line": (
        "Budget för stöd i hela länet: {budget} per år ({mode}).",
        "Budget for support in the whole county: {budget} a year ({mode}).",
    ),
    "cost_line": (
        "I kommunen: {count} åtgärder för {cost} per år.",
        "In the municipality: {count} actions for {cost} a year.",
    ),
    "reached_line": (
        "{service}: {people} personer inom gränsen ({share}), {gain} fler än om inget görs.",
        "{service}: {people} people within the limit ({share}), {gain} more than doing nothing.",
    ),
    "plan_line": (
        "Fyraårsplan: {budget} per år i {years} år; i kommunen startar {count} åtgärder.",
        "Four-year plan: {budget} a year for {years} years; {count} actions start in the "
        "municipality.",
    ),
    "sec_background": ("Bakgrund", "Background"),
    "fill_background": (
        "Beskriv kommunens servicesituation, vilka orter och tjänster planen gäller och hur den "
        "hänger ihop med kommunens översiktsplan och det regionala serviceprogrammet.",
        "Describe the municipality's service situation, the places and services the plan "
        "concerns and how it relates to the comprehensive plan and the regional service "
        "programme.",
    ),
    "sec_actions": ("Åtgärder i prioritetsordning", "Actions in order of priority"),
    "actions_intro": (
        "Åtgärderna i kommunen som scenariot finansierar, först efter startår i fyraårsplanen, "
        "sedan flest personer per miljon kronor. Når bara här: personer som inte når tjänsten "
        "inom gränsen från någon annan öppen ort. Vinner: personer inom gränsen som utan "
        "åtgärden skulle stå utan tjänsten.",
        "The actions in the municipality the scenario funds, by start year in the four-year "
        "plan, then most people per million kronor. Only here: people who reach the service "
        "within the limit from no other open place. Gained: people within the limit who would "
        "be without the service if nothing were done.",
    ),
    "no_actions": (
        "Scenariot finansierar ingen åtgärd i {kommun} kommun.",
        "The scenario funds no action in {kommun} municipality.",
    ),
    "col_rank": ("Nr", "No."),
    "col_place": ("Ort", "Place"),
    "col_action": ("Åtgärd", "Action"),
    "col_cost_year": ("Kostnad per år", "Cost a year"),
    "col_only_here": ("Når bara här", "Only here"),
    "col_gained": ("Vinner", "Gained"),
    "col_per_msek": ("Personer per mnkr", "People per MSEK"),
    "col_start": ("Startår", "Start year"),
    "col_support": ("Möjligt stöd", "Possible support"),
    "not_in_plan": ("ingår ej", "not in plan"),
    "sec_why": ("Därför dessa orter", "Why these places"),
    "why_line": (
        "{place}, {service} ({action}): {only} personer når {service_lower} inom {minutes} min "
        "bara här, och {gained} skulle annars stå utan. {per_msek}",
        "{place}, {service} ({action}): {only} people reach {service_lower} within {minutes} "
        "min only here, and {gained} would otherwise be without it. {per_msek}",
    ),
    "why_per_msek": (
        "Det blir {value} personer per miljon kronor.",
        "That is {value} people per million kronor.",
    ),
    "why_free": ("Åtgärden kostar inget.", "The action costs nothing."),
    "why_keep": (
        "Punkten finns i dag men är i riskzonen; utan stöd antas den stänga.",
        "The point exists today but is at risk; without support it is assumed to close.",
    ),
    "why_establish": (
        "Tjänsten finns inte på orten i dag och etableras.",
        "The service is not at the place today and is established.",
    ),
    "sec_plan": ("Fyraårsplanen för kommunen", "The four-year plan for the municipality"),
    "plan_intro": (
        "Planen fördelar {budget} per år i {years} år över hela länet, år för år (nästlad "
        "approximation). Stöd som startat fortsätter till sista året; en punkt i riskzonen som "
        "inte behålls från år 1 stänger, och att starta den senare är att etablera den igen.",
        "The plan spends {budget} a year for {years} years across the county, year by year "
        "(nested approximation). Support once started continues to the last year; an at-risk "
        "point not kept from year 1 closes, and starting it later is establishing it again.",
    ),
    "plan_dropped_colocation": (
        "Besparingen för flera tjänster på samma ort ingår inte i planen och är bortlämnad där.",
        "The co-location saving is not part of the plan and is left out there.",
    ),
    "plan_dropped_maximin": (
        "Rättvisevalet 'lyft sämsta kommunen' ingår inte i planen och är bortlämnat där.",
        "The fairness option maximin is not part of the plan and is left out there.",
    ),
    "plan_failed": (
        "Fyraårsplanen kunde inte tas fram: {reason}",
        "The four-year plan could not be made: {reason}",
    ),
    "plan_none_here": (
        "Planen startar ingen åtgärd i kommunen.",
        "The plan starts no action in the municipality.",
    ),
    "col_year": ("År", "Year"),
    "col_operate": ("Drift per år", "Operating a year"),
    "col_once": ("Engångskostnad", "One-off cost"),
    "col_in_scenario": ("I ettårsscenariot", "In the one-year scenario"),
    "yes": ("ja", "yes"),
    "no": ("nej", "no"),
    "sec_modes": (
        "Vad kompletterande orter ändrar",
        "What complementary places change",
    ),
    "modes_intro": (
        "Samma scenario löst i båda arbetssätten med samma budget: personer i kommunen inom "
        "gränsen per tjänst och för hela korgen, och kostnaden i kommunen.",
        "The same scenario solved in both approaches with the same budget: people in the "
        "municipality within the limit per service and for the whole basket, and the cost in "
        "the municipality.",
    ),
    "col_difference_modes": (
        "Kompletterande minus självförsörjande",
        "Complementary minus self-sufficient",
    ),
    "row_cost": ("Kostnad i kommunen", "Cost in the municipality"),
    "only_in_mode": ("Bara med {mode}: {actions}.", "Only with {mode}: {actions}."),
    "same_actions": (
        "Kommunens åtgärder är desamma i båda arbetssätten.",
        "The municipality's actions are the same in both approaches.",
    ),
    "sec_priorities": ("Prioriteringar och motivering", "Priorities and reasons"),
    "fill_priorities": (
        "Motivera kommunens prioriteringar: vilka åtgärder kommunen står bakom, i vilken ordning, "
        "vad som avviker från modellens förslag och varför, och vem som ansvarar.",
        "Give the municipality's priorities: which actions it supports, in which order, what "
        "differs from the model's proposal and why, and who is responsible.",
    ),
    "sec_followup": ("Uppföljning", "Follow-up"),
    "fill_followup": (
        "Beskriv hur och när planen följs upp (till exempel årligen med servicekartans "
        "uppföljningsrapport), vilka mått som används och vem som rapporterar.",
        "Describe how and when the plan is followed up (for example yearly with the follow-up "
        "report), which measures are used and who reports.",
    ),
    "a_budget": (
        "Scenariots budget gäller hela länet; kostnaden i kommunen är dess del av den.",
        "The scenario's budget is for the whole county; the cost in the municipality is its "
        "part of it.",
    ),
    "a_priority": (
        "Prioritetsordning: startår i fyraårsplanen, sedan personer som bara nås här per "
        "miljon kronor. Startår saknas för en åtgärd som planen inte startar.",
        "Order of priority: start year in the four-year plan, then people reached only here "
        "per million kronor. An action the plan does not start has no start year.",
    ),
    "a_support": (
        "Möjligt stöd prövas mot varje stöds villkor så långt data räcker; omsättning och "
        "öppettider finns inte i data och anges som okända.",
        "Possible support is checked against each scheme's conditions as far as the data goes; "
        "turnover and opening hours are not in the data and are shown as unknown.",
    ),
    "unknown_scenario": (
        "Inget sparat scenario med id {id}",
        "No saved scenario with id {id}",
    ),
}


def pt(key: str, language: str, **values: object) -> str:
    """A handlingsplan text, else the reports' (and the app's) text for ``key``."""
    if key not in PLAN_TEXT:
        return tr(key, language, **values)
    return pick(PLAN_TEXT, key, language, **values)
