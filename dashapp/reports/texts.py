"""The reports' own texts in Swedish (default) and English; anything else comes from
``dashapp.i18n`` (service names, kinds, statuses, figure kinds), so the app and the reports
name things the same way."""

from __future__ import annotations

from dashapp.i18n import pick, t

REPORT_TEXT: dict[str, tuple[str, str]] = {
    "page_footer": ("Sida {page} av {pages}", "Page {page} of {pages}"),
    "toc": ("Innehåll", "Contents"),
    "current_title": ("Nulägesanalys", "Current-state analysis"),
    "followup_title": ("Uppföljning", "Follow-up"),
    "kommun_area": ("{name} kommun", "{name} municipality"),
    "county_area": ("{name}, hela länet", "{name}, whole county"),
    "current_subtitle": (
        "Tillgång till vardaglig service i dag: dagligvaror, drivmedel, apotek, paketombud och "
        "kontanter",
        "Access to everyday services today: groceries, fuel, pharmacy, parcel agents and cash",
    ),
    "made": (
        "Framtagen {date} med Servicekartan, data: {data}",
        "Made {date} with Servicekartan, data: {data}",
    ),
    "modelled_warning": (
        "Restider och befolkningen utanför tätorter är modellerade uppskattningar, inte mätningar "
        "(se Källor och antaganden).",
        "Travel times and the population outside localities are modelled estimates, not "
        "measurements (see Sources and assumptions).",
    ),
    "key_figures": ("Nyckeltal", "Key figures"),
    "population_line": ("Befolkning: {people} personer", "Population: {people} people"),
    "within_line": (
        "{service} inom {minutes} min: {share} ({people} personer)",
        "{service} within {minutes} min: {share} ({people} people)",
    ),
    "basket_line": (
        "{service}, var och en inom sin gräns: {share} ({people} personer)",
        "{service}, each within its limit: {share} ({people} people)",
    ),
    "sec_access": ("Tillgång per tjänst", "Access per service"),
    "access_intro": (
        "Andel av befolkningen efter bilrestid till närmaste servicepunkt i dag, i "
        "Tillväxtanalys klasser, och andel inom scenariots restidsgräns. Hela korgen: {basket}, "
        "var och en inom sin egen gräns.",
        "Share of the population by car time to the nearest service point today, in "
        "Tillväxtanalys' classes, and the share within the scenario's travel-time limit. Whole "
        "basket: {basket}, each within its own limit.",
    ),
    "access_people": ("Antal personer per restidsklass", "People per travel-time class"),
    "col_limit": ("Gräns", "Limit"),
    "col_within_people": ("Inom gränsen, personer", "Within the limit, people"),
    "col_within_share": ("Inom gränsen", "Within the limit"),
    "col_county_share": ("Länet, inom gränsen", "County, within the limit"),
    "sec_kommuner": ("Kommunerna jämförda", "The kommuner compared"),
    "kommuner_intro": (
        "Andel av befolkningen inom restidsgränsen per kommun.",
        "Share of the population within the travel-time limit per kommun.",
    ),
    "sec_map": ("Karta", "Map"),
    "map_intro": (
        "Tätorter och serviceorter på landsbygden efter status i dag; cirkelns storlek följer "
        "befolkningen. Orter utanför länet (grå) ger bara service.",
        "Localities and rural service places by status today; the circle's size follows the "
        "population. Places outside the county (grey) only supply services.",
    ),
    "legend_outside": ("Ort utanför länet", "Place outside the county"),
    "scale_km": ("{km} km", "{km} km"),
    "sec_places": ("Orterna", "The places"),
    "places_intro": (
        "Varje tätort och serviceort på landsbygden: vad som finns i dag (i riskzonen markeras), "
        "annars bilrestiden i minuter till närmaste punkt.",
        "Every locality and rural service place: what it has today (at risk is marked), "
        "otherwise the car time in minutes to the nearest point.",
    ),
    "col_kind": ("Typ", "Kind"),
    "col_inhabitants": ("Invånare", "Inhabitants"),
    "has_it": ("finns", "yes"),
    "has_it_at_risk": ("finns, i riskzonen", "yes, at risk"),
    "sec_without_shop": (
        "Orter utan butik som ändå är servicepunkter",
        "Places without a shop that are still service points",
    ),
    "without_shop_intro": (
        "Orter utan dagligvarubutik men med annan service; i kompletterande orter kan de dela "
        "service med grannorten.",
        "Places without a grocery shop but with other services; as complementary places they "
        "can share services with a neighbour.",
    ),
    "col_has": ("Har i dag", "Has today"),
    "col_nearest_shop": ("Närmaste butik", "Nearest shop"),
    "none_found": ("Inga sådana orter.", "No such places."),
    "sec_critical": (
        "Punkter vars stängning skulle drabba flest",
        "Points whose closure would hurt most",
    ),
    "critical_intro": (
        "Befintliga punkter i {area}, efter hur många som inte längre skulle nå tjänsten inom "
        "restidsgränsen om just den punkten stängde.",
        "Existing points in {area}, by how many people would no longer reach the service within "
        "the travel-time limit if that point alone closed.",
    ),
    "together_heading": (
        "Om de {k} mest kritiska punkterna stänger samtidigt",
        "If the {k} most critical points close together",
    ),
    "together_intro": (
        "Stängda tillsammans: {points}. Två grannpunkter kan backa upp varandra, så att stänga "
        "båda kan drabba fler än summan av var för sig.",
        "Closed together: {points}. Two neighbouring points can back each other up, so closing "
        "both can hurt more than the sum of each alone.",
    ),
    "col_losing_together": ("Förlorar tjänsten, tillsammans", "Lose the service, together"),
    "col_losing_single": ("Summa var för sig", "Sum one at a time"),
    "col_losing_here": ("Varav i kommunen", "Of which in the kommun"),
    "sec_eligibility": ("Möjligt stöd", "Support-scheme eligibility"),
    "eligibility_intro": (
        "Befintliga punkter där ett riktat stöd (särskilt driftstöd, investeringsstöd, "
        "TLV:s glesbygdsbidrag) inte är uteslutet enligt data; servicebidrag kan sökas av alla. "
        "Omsättning och öppettider finns inte i data och markeras som okända, aldrig gissade.",
        "Existing points where a targeted scheme (särskilt driftstöd, investment support, TLV's "
        "rural pharmacy grant) is not ruled out by the data; servicebidrag is open to all. "
        "Turnover and opening hours are not in the data and are marked unknown, never guessed.",
    ),
    "col_schemes": ("Stöd och utfall", "Schemes and outcome"),
    "sec_border": ("Beroende av service i grannlänen", "Dependence on neighbouring counties"),
    "border_intro": (
        "Personer vars närmaste punkt av tjänsten i dag ligger utanför länet.",
        "People whose nearest point of the service today lies outside the county.",
    ),
    "col_border_people": ("Närmast utanför länet, personer", "Nearest outside, people"),
    "col_border_share": ("Andel", "Share"),
    "col_border_places": ("Främst till", "Mainly to"),
    "sec_sources": ("Källor och antaganden", "Sources and assumptions"),
    "assumptions": ("Antaganden och definitioner", "Assumptions and definitions"),
    "figures_heading": (
        "Varifrån varje sorts siffra kommer",
        "Where each kind of figure comes from",
    ),
    "notes_heading": ("Noter", "Notes"),
    "a_classes": (
        "Restidsklasserna (< 5, 5–10, 10–30, > 30 min) är Tillväxtanalys. Restiden är bilrestid "
        "till närmaste punkt med alla befintliga punkter öppna; längre än {cutoff} min räknas "
        "som > 30 min.",
        "The time classes (< 5, 5–10, 10–30, > 30 min) are Tillväxtanalys'. The time is car time "
        "to the nearest point with every existing point open; beyond {cutoff} min counts as "
        "> 30 min.",
    ),
    "a_limits": ("Restidsgränser: {limits}.", "Travel-time limits: {limits}."),
    "a_basket": (
        "Hela korgen: {basket}, var och en inom sin egen gräns och från vilken ort som helst "
        "(kompletterande orter).",
        "Whole basket: {basket}, each within its own limit and from any place (complementary "
        "places).",
    ),
    "a_places": (
        "Orter: SCB:s tätorter och serviceorter på landsbygden (en servicepunkt utanför en "
        "tätort blir en egen ort). Minuter i ortstabellen är ort till ort.",
        "Places: SCB's localities and rural service places (a service point outside a locality "
        "becomes a place of its own). Minutes in the places table are place to place.",
    ),
    "a_critical": (
        "Kritisk punkt: de personer vars enda öppna punkt av tjänsten inom gränsen är just den; "
        "en andra punkt av samma tjänst på orten gör att ingen förlorar.",
        "Critical point: the people whose only open point of the service within the limit is "
        "that one; a second point of the service at the same place means nobody loses it.",
    ),
    "a_together": (
        "Samtidig stängning: de {k} punkter i {area} som flest är beroende av stängs "
        "tillsammans och räckvidden räknas om.",
        "Closing together: the {k} points in {area} that most people depend on close together "
        "and reach is counted again.",
    ),
    "a_border": (
        "Gränsberoende: närmaste punkt efter modellerad bilrestid; utbud utanför länet inom "
        "30 km finns med i data men är aldrig efterfrågan eller stödkandidat.",
        "Border dependence: the nearest point by modelled car time; supply outside the county "
        "within 30 km is in the data but never demand nor a candidate for support.",
    ),
    "a_rounding": (
        "Personer avrundas till hela personer, andelar till en decimal.",
        "People are rounded to whole people, shares to one decimal.",
    ),
    "followup_subtitle": (
        "Service som öppnat och stängt, och vilka som fått eller förlorat tillgång",
        "Services opened and closed, and who gained or lost access",
    ),
    "from_to": ("Från: {before}. Till: {after}.", "From: {before}. To: {after}."),
    "sec_summary": ("Sammanfattning", "Summary"),
    "summary_points": (
        "Öppnade punkter: {opened}. Stängda punkter: {closed}. Punkter som bytt status: {changed}.",
        "Points opened: {opened}. Points closed: {closed}. Points that changed status: {changed}.",
    ),
    "col_before": ("Före", "Before"),
    "col_difference": ("Förändring", "Change"),
    "population_before_after": (
        "Befolkning: {before} före, {after} efter.",
        "Population: {before} before, {after} after.",
    ),
    "col_after": ("Efter", "After"),
    "col_reached_before": ("Inom gränsen före", "Within the limit before"),
    "col_reached_after": ("Inom gränsen efter", "Within the limit after"),
    "col_pop_before": ("Befolkning före", "Population before"),
    "col_pop_after": ("Befolkning efter", "Population after"),
    "col_gained_people": ("Har fått tillgång", "Gained access"),
    "col_lost_people": ("Har förlorat tillgång", "Lost access"),
    "sec_changes_map": ("Karta över förändringarna", "Map of the changes"),
    "changes_map_intro": (
        "Öppnade och stängda punkter med namn; rutor visar befolkning som fått (blå) eller "
        "förlorat (orange) tillgång till någon tjänst inom gränsen.",
        "Opened and closed points with their names; squares show population that gained (blue) "
        "or lost (orange) access to some service within the limit.",
    ),
    "legend_opened": ("Öppnad punkt", "Opened point"),
    "legend_closed": ("Stängd punkt", "Closed point"),
    "legend_gained": ("Fått tillgång", "Gained access"),
    "legend_lost": ("Förlorat tillgång", "Lost access"),
    "sec_points": ("Öppnade och stängda punkter", "Points opened and closed"),
    "col_event": ("Händelse", "Event"),
    "event_opened": ("öppnad", "opened"),
    "event_closed": ("stängd", "closed"),
    "sec_status": ("Punkter som bytt status", "Points that changed status"),
    "sec_by_kommun": ("Per kommun och tjänst", "Per kommun and service"),
    "a_matching": (
        "Punkter jämförs utan id: samma tjänst och samma namn (oavsett versaler och mellanslag) "
        "inom {match_km} km, annars samma tjänst inom {renamed_m} m (bytt namn), närmaste par "
        "först. Omatchade punkter före har stängt, efter har öppnat.",
        "Points are compared without ids: same service and same name (ignoring case and "
        "spacing) within {match_km} km, else same service within {renamed_m} m (renamed), "
        "closest pairs first. Unmatched points before closed, after opened.",
    ),
    "a_reach": (
        "Tillgång: närmaste punkt inom restidsgränsen med alla punkter öppna. Fått och förlorat "
        "räknas för befolkningspunkter som finns i båda versionerna; befolkningen är respektive "
        "versions egen.",
        "Access: the nearest point within the travel-time limit with every point open. Gained "
        "and lost count demand points present in both versions; population is each version's "
        "own.",
    ),
    "outside_region": ("utanför länet", "outside the county"),
    "unknown_kommun": (
        "Okänd kommun: {name}. Kommunerna är: {names}.",
        "Unknown kommun: {name}. The kommuner are: {names}.",
    ),
}


def tr(key: str, language: str, **values: object) -> str:
    """A report text, else the app's text for ``key`` (Swedish for anything but English)."""
    if key not in REPORT_TEXT:
        return t(key, language, **values)
    return pick(REPORT_TEXT, key, language, **values)
