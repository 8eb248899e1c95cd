"""The Data tab's texts, Swedish then English: corrections, revisions, where the figures come
from, viability and follow-up."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # data corrections
    "correct_data": ("Rätta uppgifterna", "Correct the data"),
    "correct_data_help": (
        "Ändringar sparas i scenariots datarevision; levererade data ändras aldrig.",
        "Changes go into the scenario's data revision; the shipped data never changes.",
    ),
    "mark_closed": ("Stängd", "Closed"),
    "mark_at_risk": ("I riskzonen", "At risk"),
    "mark_secure": ("Säker", "Secure"),
    "status_closed": ("stängd", "closed"),
    "move_point": ("Flytta", "Move"),
    "show_all_points": (
        "Visa alla {count} servicepunkter här",
        "Show all {count} service points here",
    ),
    "new_point": ("Ny servicepunkt", "New service point"),
    "new_point_name": ("Namn", "Name"),
    "place_on_map": ("Placera på kartan", "Place on the map"),
    "cost_save": ("Spara", "Save"),
    "pick_help": (
        "Klicka på kartan där punkten ska ligga (inom 5 km från en ort).",
        "Click the map where the point belongs (within 5 km of a place).",
    ),
    "pick_cancel": ("Avbryt", "Cancel"),
    "layer_edits": ("Rättade servicepunkter", "Corrected service points"),
    "correction_refused": ("Rättelsen gjordes inte", "The correction was not made"),
    "cost_not_amount": (
        "Rättelsen gjordes inte: ”{text}” är inget belopp. Skriv kronor per år, "
        "t.ex. 260 000 eller 0,3 mnkr.",
        "The correction was not made: “{text}” is not an amount. Give SEK per year, "
        "e.g. 260,000 or 0.3 MSEK.",
    ),
    "correction_remove": ("Ta bort", "Remove"),
    "reopen_point": ("Öppna igen", "Reopen"),
    "and": ("samt", "and"),
    "people_one": ("1 person", "1 person"),
    "people_many": ("{count} personer", "{count} people"),
    "revision_pick_placeholder": ("Välj data …", "Choose data …"),
    "dropdown_search": ("Sök", "Search"),
    "dropdown_clear_search": ("Töm sökningen", "Clear search"),
    "dropdown_clear_selection": ("Töm valet", "Clear selection"),
    "dropdown_no_options_found": ("Inget val matchar", "No options found"),
    "dropdown_select_all": ("Välj alla", "Select all"),
    "dropdown_deselect_all": ("Avmarkera alla", "Deselect all"),
    "dropdown_selected_count": ("{num_selected} valda", "{num_selected} selected"),
    "closed_here": ("Stängda här genom rättelse", "Closed here by a correction"),
    "closed_note_unfunded": (
        "Den var i riskzonen och fick inget stöd i planen, så planen räknade redan med att den "
        "stänger: planens siffror ändras inte, bara jämförelsen med i dag.",
        "It was at risk and the plan did not fund it, so the plan already assumed it closes: "
        "the plan's figures do not change, only the comparison with today.",
    ),
    "closed_note_funded": (
        "Den var i riskzonen och fick stöd i planen; planen är nu beräknad utan den.",
        "It was at risk and the plan funded it; the plan is now computed without it.",
    ),
    "closed_note_secure": (
        "Den räknades som säker; planen är nu beräknad utan den.",
        "It counted as secure; the plan is now computed without it.",
    ),
    "corrections_one": ("1 rättelse", "1 correction"),
    "corrections_many": ("{count} rättelser", "{count} corrections"),
    "revision_title": ("Datarevision", "Data revision"),
    "revision_shipped": (
        "Levererade data, inga rättelser.",
        "The shipped data, no corrections.",
    ),
    "revision_named": (
        "Datarevision ”{name}”: {count}.",
        "Data revision “{name}”: {count}.",
    ),
    "revision_unsaved": (
        "{count}, inte sparade som datarevision.",
        "{count}, not saved as a data revision.",
    ),
    "revision_name": ("Namn på datarevisionen", "Name of the data revision"),
    "revision_save": ("Spara datarevision", "Save data revision"),
    "revision_pick": ("Använd datarevision", "Use data revision"),
    "revision_shipped_option": (
        "Levererade data (inga rättelser)",
        "Shipped data (no corrections)",
    ),
    "revision_saved": ("Datarevisionen ”{name}” är sparad.", "Data revision “{name}” saved."),
    "revision_nothing": (
        "Det finns inga rättelser att spara.",
        "There are no corrections to save.",
    ),
    "revision_needs_name": (
        "Ge datarevisionen ett namn (högst {most} tecken).",
        "Give the data revision a name (at most {most} characters).",
    ),
    "revision_missing": (
        "Datarevisionen finns inte för dessa data.",
        "The data revision does not exist for this data.",
    ),
    "reason_user": (
        "ändrad av användare i datarevisionen",
        "changed by a user in the data revision",
    ),
    "card_customers": (
        "Kundunderlag: {people} inom restidsgränsen",
        "Customer base: {people} within the travel-time limit",
    ),
    "card_customers_min": ("(minst {least} krävs)", "(at least {least} required)"),
    "card_customers_short": (
        "– under kravet {least}: stöds inte här",
        "– below the required {least}: not supported here",
    ),
    "card_support": ("Stöd som kan sökas", "Support schemes"),
    "tab_plan": ("Fyraårsplan", "Four-year plan"),
    "followup_title": (
        "Uppföljning: levererade data → datarevisionen",
        "Follow-up: shipped data → the data revision",
    ),
    "followup_nothing": (
        "Scenariot har inga datarättelser; inget att följa upp.",
        "The scenario has no data corrections; nothing to follow up.",
    ),
    "followup_points": (
        "Nya servicepunkter: {opened}. Stängda: {closed}. Med ändrad status: {changed}.",
        "New service points: {opened}. Closed: {closed}. With a changed status: {changed}.",
    ),
    "followup_area": ("Område", "Area"),
    "followup_service": ("Tjänst", "Service"),
    "followup_before": ("Inom restid före", "Within reach before"),
    "followup_after": ("Inom restid efter", "Within reach after"),
    "followup_gained": ("Fick nå", "Gained reach"),
    "followup_lost": ("Förlorade", "Lost reach"),
    "viability_title": ("Kundunderlag", "Customer base"),
    "viability_none_set": (
        "Scenariot kräver inget kundunderlag.",
        "The scenario asks for no minimum customer base.",
    ),
    "viability_minimum": (
        "{service}: minst {people} personer inom {minutes} min",
        "{service}: at least {people} people within {minutes} min",
    ),
    "viability_head": (
        "Krav: {minimums}. Orter under kravet, som scenariot aldrig stöder för tjänsten: {count}.",
        "Required: {minimums}. Places below it, never funded for the service: {count}.",
    ),
    "viability_line": (
        "{place}, {service}: {people} personer, {missing} för få",
        "{place}, {service}: {people} people, {missing} too few",
    ),
    "reports_title": ("Rapporter", "Reports"),
    "reports_help": (
        "För kommunen som visas (Visa kommun) eller hela länet, med scenariot som visas. "
        "En rapport tar upp till en halv minut.",
        "For the kommun in view (Visa kommun) or the whole county, with the scenario shown. "
        "A report takes up to half a minute.",
    ),
    "report_current_pdf": ("Nulägesanalys (PDF)", "Current-state analysis (PDF)"),
    "report_plan_docx": ("Handlingsplan (Word)", "Action plan (Word)"),
    "report_plan_pdf": ("Handlingsplan (PDF)", "Action plan (PDF)"),
    "report_follow_up_pdf": (
        "Uppföljning: levererade data → datarevisionen (PDF)",
        "Follow-up: shipped data → the data revision (PDF)",
    ),
    "report_needs_kommun": (
        "Handlingsplanen gäller en kommun: välj den under Visa kommun.",
        "The action plan is for one kommun: choose it under Visa kommun.",
    ),
    "report_needs_corrections": (
        "Scenariot har inga datarättelser att följa upp (Data-fliken).",
        "The scenario has no data corrections to follow up (the Data tab).",
    ),
    "report_ready": ("{file} är klar.", "{file} is ready."),
    "plan_intro": (
        "Vad startar vilket år? Samma budget varje år; driftstöd återkommer, "
        "etableringskostnader betalas en gång. Planen görs år för år (docs/model.md).",
        "What starts in which year? The same budget every year; operating support recurs, "
        "establishing costs are paid once. The plan is made year by year (docs/model.md).",
    ),
    "plan_budget": ("Budget per år", "Budget per year"),
    "plan_years": ("År", "Years"),
    "plan_run": ("Planera", "Plan"),
    "plan_bad_input": (
        "Skriv en budget för varje år (t.ex. 2 500 000 eller 2,5 mnkr) eller en per år "
        "med semikolon emellan (2 mnkr; 2,5 mnkr), för 1–{most} år.",
        "Give one budget for every year (e.g. 2,500,000 or 2.5 MSEK) or one per year "
        "separated by semicolons (2 MSEK; 2.5 MSEK), for 1–{most} years.",
    ),
    "card_cost_keep": ("Att behålla", "To keep"),
    "card_cost_establish": ("Att etablera", "To establish"),
    "cost_source": ("källa", "source"),
    "cost_assumption": ("antagande", "assumption"),
    "sek_per_year": ("kr/år", "SEK/yr"),
    "lock_in": ("Lås in", "Lock in"),
    "lock_out": ("Uteslut", "Exclude"),
    "unlock": ("Lås upp", "Unlock"),
    "locked_in": ("inlåst", "locked in"),
    "locked_out": ("utesluten", "excluded"),
    "minutes_short": ("min", "min"),
    "unreachable": ("över 60 min", "over 60 min"),
}
