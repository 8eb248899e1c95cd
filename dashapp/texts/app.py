"""The app's texts, Swedish then English: the frame, map, controls, results and workspace."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    "app_title": ("Servicekartan", "Servicekartan"),
    "app_subtitle": (
        "Var gör stödet mest nytta för service på landsbygden?",
        "Where does support for rural services do most good?",
    ),
    "language_toggle": ("In English", "På svenska"),
    "workshop_toggle": ("Workshopläge", "Workshop mode"),
    # map
    "layer_base_osm": ("Bakgrundskarta (OpenStreetMap)", "Base map (OpenStreetMap)"),
    "layer_base_plain": ("Enkel bakgrund (fungerar utan internet)", "Plain (works offline)"),
    "layer_kommuner": ("Kommungränser", "Kommun boundaries"),
    "layer_places": ("Orter", "Places"),
    "layer_demand": ("Befolkning (rutor)", "Population (grid)"),
    "tile_note": (
        "Bakgrundskartan kunde inte laddas; orter, gränser och service visas ändå.",
        "The base map could not load; places, borders and services still show.",
    ),
    "legend_supported": ("Stöds i scenariot", "Supported in this scenario"),
    "legend_secure": ("Har säker service", "Has secure service"),
    "legend_at_risk": ("Service i riskzonen", "Service at risk"),
    "legend_none": ("Ingen service i dag", "No service today"),
    "legend_covered": ("Befolkning inom restid", "Population within reach"),
    "legend_uncovered": ("Befolkning utanför restid", "Population out of reach"),
    "legend_points": (
        "Servicepunkter (streckad kant: i riskzonen)",
        "Service points (dashed outline: at risk)",
    ),
    "demand_service": ("Visa täckning för", "Show coverage of"),
    # services and kinds
    "service_basket": ("Hela korgen", "Whole basket"),
    "kind_tatort": ("tätort", "locality"),
    "kind_smaort": ("småort", "small locality"),
    "kind_service_place": ("serviceort på landsbygden", "rural service place"),
    "kind_outside": ("utanför länet", "outside the county"),
    "action_keep": ("behåll", "keep"),
    "action_establish": ("etablera", "establish"),
    "status_secure": ("säker", "secure"),
    "status_at_risk": ("i riskzonen", "at risk"),
    # controls
    "budget": ("Budget (kr per år)", "Budget (SEK per year)"),
    "mode": ("Arbetssätt", "Approach"),
    "mode_complementary": ("Kompletterande orter", "Complementary places"),
    "mode_self_sufficient": ("Självförsörjande orter", "Self-sufficient places"),
    "kommun_filter": ("Min kommun", "My kommun"),
    "all_kommuner": ("Hela länet", "Whole county"),
    "services_heading": ("Restid (min) och vikt per tjänst", "Travel time (min) and weight"),
    "threshold": ("Restid, minuter", "Travel time, minutes"),
    "weight": ("Vikt", "Weight"),
    "basket_weight": ("Vikt för hela korgen", "Weight of the whole basket"),
    "elderly_weight": ("Extra vikt för 70+", "Extra weight for 70+"),
    "elderly_missing": ("kräver åldersdata", "needs age data"),
    "fairness": ("Rättvisa mellan kommuner", "Fairness between kommuner"),
    "fairness_none": ("Ingen", "None"),
    "fairness_min_share": ("Lägsta andel per kommun", "Minimum share per kommun"),
    "fairness_maximin": ("Lyft sämsta kommunen", "Lift the worst kommun"),
    "min_share": ("Lägsta andel", "Minimum share"),
    "share_limit": (
        "Kompletterande orter: högst minuter mellan orter som delar korg",
        "Complementary places: most minutes between places sharing a basket",
    ),
    "off": ("av", "off"),
    "colocation": (
        "Besparing när en ort har två eller fler tjänster",
        "Saving where a place has two or more services",
    ),
    "solve": ("Beräkna", "Solve"),
    "auto_solve": ("Räkna om direkt", "Re-solve on change"),
    "undo": ("Ångra", "Undo"),
    "advanced": ("Fler inställningar", "More settings"),
    # KPIs and results
    "kpi_covered": ("Inom restid", "Within reach"),
    "kpi_vs_baseline": ("jämfört med om inget görs", "compared with doing nothing"),
    "kpi_vs_today": ("jämfört med i dag", "compared with today"),
    "kpi_cost": ("Använd budget", "Budget used"),
    "kpi_basket_complementary": ("Hela korgen: når {services}", "Whole basket: reach {services}"),
    "kpi_basket_self_sufficient": (
        "Hela korgen: {services} på en och samma ort",
        "Whole basket: {services} at one and the same place",
    ),
    "kpi_gap": ("Optimalitet", "Optimality"),
    "proven_optimal": ("bästa möjliga plan (bevisat)", "best possible plan (proven)"),
    "gap_of": ("avstånd till optimum", "gap to optimum"),
    "people": ("personer", "people"),
    "of": ("av", "of"),
    "sek": ("kr", "SEK"),
    "solving": ("Beräknar …", "Solving …"),
    # the live surface on a projector (issue 9): budget field, status, help, support restriction
    "budget_empty": (
        "Fältet är tomt. Budgeten är fortfarande {used} kr.",
        "The field is empty. The budget is still {used} SEK.",
    ),
    "budget_negative": (
        "”{text}” används inte: budgeten kan inte vara negativ. Budgeten är fortfarande {used} kr.",
        "“{text}” is not used: the budget cannot be negative. The budget is still {used} SEK.",
    ),
    "budget_not_number": (
        "”{text}” används inte: skriv ett belopp i kronor, till exempel 2 500 000 eller "
        "2,5 mnkr. Budgeten är fortfarande {used} kr.",
        "“{text}” is not used: write an amount in SEK, for example 2,500,000 or 2.5 MSEK. "
        "The budget is still {used} SEK.",
    ),
    "budget_whole_kronor": (
        "”{text}” används inte: skriv hela kronor (2 500 000) eller ange enheten (2,5 mnkr). "
        "Budgeten är fortfarande {used} kr.",
        "“{text}” is not used: write whole SEK (2,500,000) or give the unit (2.5 MSEK). "
        "The budget is still {used} SEK.",
    ),
    "budget_too_large": (
        "”{text}” används inte: högst {most} kr. Budgeten är fortfarande {used} kr.",
        "“{text}” is not used: at most {most} SEK. The budget is still {used} SEK.",
    ),
    "budget_help": (
        "Skriv kronor (2 500 000) eller miljoner (2,5 mnkr).",
        "Write SEK (2,500,000) or millions (2.5 MSEK).",
    ),
    "stale": (
        "Inaktuellt: beräknat för ett tidigare scenario.",
        "Out of date: computed for an earlier scenario.",
    ),
    "stale_press_solve": (
        "Inaktuellt: beräknat för ett tidigare scenario. Tryck Beräkna.",
        "Out of date: computed for an earlier scenario. Press Solve.",
    ),
    "curve_stale": (
        "Inaktuell: kurvan beräknades för ett tidigare scenario. Beräkna den igen.",
        "Out of date: the curve was computed for an earlier scenario. Compute it again.",
    ),
    "view_kommun": ("Visa kommun", "Show kommun"),
    "view_kommun_help": (
        "Ändrar bara vad som visas; planen gäller hela länet.",
        "Changes only what is shown; the plan covers the whole county.",
    ),
    "support_kommun": ("Begränsa stödet till", "Restrict support to"),
    "support_restricted": (
        "Stödet är begränsat till {kommun}: bara orter där kan få stöd, och hela budgeten går dit.",
        "Support is restricted to {kommun}: only places there can be funded, and the whole "
        "budget goes there.",
    ),
    "help_basket_complementary": (
        "Hela korgen: personer som når alla tjänster i korgen ({services}), var och en inom "
        "sin restid, även om de finns på olika orter.",
        "Whole basket: people who reach every service in the basket ({services}), each within "
        "its travel time, even at different places.",
    ),
    "help_basket_self_sufficient": (
        "Hela korgen: personer som når en och samma ort med alla tjänster i korgen "
        "({services}) inom {minutes} minuter.",
        "Whole basket: people who reach one place that has every service in the basket "
        "({services}) within {minutes} minutes.",
    ),
    "help_vs_baseline": (
        "Jämfört med om inget görs: alla servicepunkter i riskzonen stänger.",
        "Compared with doing nothing: every service point at risk closes.",
    ),
    "help_vs_today": (
        "Jämfört med i dag: dagens servicepunkter, alla öppna, räknat på samma sätt som "
        "scenariot. Arbetssättet avgör vad som räknas som att nå hela korgen, så även dagens "
        "siffra för korgen ändras när du byter arbetssätt.",
        "Compared with today: today's service points, all open, counted the same way as the "
        "scenario. The approach decides what counts as reaching the whole basket, so today's "
        "basket figure changes too when you switch approach.",
    ),
    "min_share_help": (
        "Varje kommun ska ha minst denna andel av befolkningen inom restid för varje tjänst.",
        "Every kommun must have at least this share of its people within reach of each service.",
    ),
    "diff_places_one": ("{count} ort", "{count} place"),
    "diff_places_many": ("{count} orter", "{count} places"),
    "diff_legend_same": (
        "Befolkning: ingen skillnad",
        "Population: no difference",
    ),
    "tab_actions": ("Åtgärder", "Actions"),
    "tab_access": ("Nuläge", "Today"),
    "access_within": ("Inom restidsgränsen", "Within the time limit"),
    "access_reference": ("Officiella siffror (källa, år)", "Official figures (source, year)"),
    "access_kind": ("Slag", "Kind"),
    "access_losing": (
        "Personer utan alternativ om den stänger",
        "People left without if it closes",
    ),
    "access_note": (
        "Andel av befolkningen efter bilrestid till närmaste punkt i dag ({area}). Modellerat: "
        "restider och befolkningen utanför tätorter är uppskattningar.",
        "Share of the population by car time to the nearest point today ({area}). Modelled: "
        "travel times and the population outside tätorter are estimates.",
    ),
    "access_rural": (
        "Av befolkningen utanför tätorter (uppskattad) har {share} en dagligvarubutik inom 10 km "
        "väg; hela Sverige: {official}.",
        "Of the people outside tätorter (estimated), {share} have a grocery shop within 10 km by "
        "road; all of Sweden: {official}.",
    ),
    "access_cash": (
        "{share} av befolkningen bor mer än 25 km väg från ett kontantuttag; lagens gräns: "
        "{official}.",
        "{share} of the population live more than 25 km by road from a cash withdrawal point; "
        "the legal limit: {official}.",
    ),
    "access_chart_axis": ("Andel av befolkningen, %", "Share of the population, %"),
    "my_places_heading": (
        "Mina orter: orterna i kommunen som visas (välj den under Visa kommun); "
        "klicka på en rad för ortens kort",
        "My places: the places of the kommun in view (choose it under Visa kommun); "
        "click a row for the place's card",
    ),
    "tab_kommuner": ("Kommuner", "Kommuner"),
    "tab_curve": ("Budgetkurva", "Budget curve"),
    "tab_critical": ("Kritiska punkter", "Critical points"),
    "tab_workspace": ("Scenarier", "Scenarios"),
    "tab_export": ("Export", "Export"),
    "col_place": ("Ort", "Place"),
    "col_kommun": ("Kommun", "Kommun"),
    "col_service": ("Tjänst", "Service"),
    "col_action": ("Åtgärd", "Action"),
    "col_cost": ("Kostnad (kr/år)", "Cost (SEK/yr)"),
    "col_only_it": ("Personer som bara nås härifrån", "People reached only from here"),
    "col_per_msek": ("Personer per mnkr", "People per MSEK"),
    "col_support": ("Möjligt stöd", "Possible support"),
    "curve_current_budget": ("Scenariots budget", "The scenario's budget"),
    "col_gained": ("Personer som annars saknar tjänsten", "People otherwise without it"),
    "col_setting": ("Inställning", "Setting"),
    "col_value": ("Värde", "Value"),
    "col_population": ("Befolkning", "Population"),
    "col_share": ("Andel inom restid", "Share within reach"),
    "col_change": ("Förändring mot inget görs", "Change vs doing nothing"),
    "col_point": ("Servicepunkt", "Service point"),
    "col_status": ("Status", "Status"),
    "col_losing": ("Personer utan alternativ", "People with no alternative"),
    "col_consequence": ("Om den stänger", "If it closes"),
    "critical_sentence": (
        "Om {name} stänger har {people} inte längre {service} inom {minutes} minuter.",
        "If {name} closes, {people} will no longer have {service} within {minutes} minutes.",
    ),
    "curve_button": ("Beräkna budgetkurva", "Compute budget curve"),
    "curve_points": ("Punkter:", "Points:"),
    "curve_axis_budget": ("Budget (mnkr per år)", "Budget (MSEK per year)"),
    "curve_axis_people": ("Personer inom restid (viktat)", "People within reach (weighted)"),
    "priority_heading": ("Prioritetsordning: finansiera dessa först", "Priority: fund these first"),
    "col_rank": ("Ordning", "Rank"),
    "col_from_budget": ("Kommer med vid budget (kr)", "Included from a budget of (SEK)"),
    # the tables' own words (AG Grid's pagination and empty-table texts)
    "grid_no_rows": ("Inga rader att visa", "No rows to show"),
    "grid_loading": ("Laddar …", "Loading …"),
    "grid_page": ("Sida", "Page"),
    "grid_to": ("till", "to"),
    "grid_of": ("av", "of"),
    "grid_more": ("fler", "more"),
    "grid_first_page": ("Första sidan", "First page"),
    "grid_previous_page": ("Föregående sida", "Previous page"),
    "grid_next_page": ("Nästa sida", "Next page"),
    "grid_last_page": ("Sista sidan", "Last page"),
    # place card
    "card_population": ("Befolkning", "Population"),
    "card_services_today": ("Service i dag", "Services today"),
    "card_nearest": ("Restid till närmaste", "Travel time to nearest"),
    "card_why": ("Därför stöds orten", "Why the place is supported"),
    "card_why_text": (
        "{service}: i planen når {people} bara denna ort ({per_msek} per mnkr)",
        "{service}: in the plan, {people} can reach only this place ({per_msek} per MSEK)",
    ),
    "card_critical_text": (
        "{service}: {people} förlorar tjänsten om den stänger, räknat mot alla dagens "
        "servicepunkter",
        "{service}: {people} would lose the service if it closed, counted against all of "
        "today's service points",
    ),
    "card_none": ("ingen", "none"),
    "card_status_why": ("Varför", "Why"),
    "reason_only_one": (
        "regel: enda punkten av sitt slag på en ort under {limit} invånare",
        "rule: the only point of its kind at a place under {limit} inhabitants",
    ),
    "reason_outside": (
        "utanför länet: räknas som utbud, stöds inte",
        "outside the region: supply only",
    ),
    "reason_several": (
        "regel: flera punkter på orten eller en större ort",
        "rule: several points at the place, or a larger place",
    ),
    "reason_given": ("angivet i regionens egen lista", "given in the region's own list"),
    # where the figures come from
    "provenance_title": ("Varifrån kommer siffrorna?", "Where do the figures come from?"),
    "provenance_figure": ("Uppgift", "Figure"),
    "provenance_basis": ("Grund", "Basis"),
    "provenance_sources": ("Källor (år, licens)", "Sources (year, licence)"),
    "figure_population_localities": ("Befolkning i tätorter", "Population in localities"),
    "figure_population_rural": ("Befolkning utanför tätorter", "Population outside localities"),
    "figure_travel_times": ("Restider", "Travel times"),
    "figure_service_points": ("Servicepunkter", "Service points"),
    "figure_status": ("Status (säker, i riskzonen)", "Status (secure, at risk)"),
    "figure_costs": ("Stödkostnader", "Support costs"),
    "figure_references": ("Officiella jämförelsetal", "Official reference figures"),
    "figure_boundaries": ("Kommungränser", "Kommun boundaries"),
    "basis_measured": ("uppmätt/registrerad", "measured or registered"),
    "basis_modelled": ("modellerad", "modelled"),
    "basis_rule": ("regel i databygget", "a rule of the data build"),
    "basis_assumption": ("antagande", "assumption"),
    "basis_mixed": (
        "delvis publicerade nivåer, delvis antaganden",
        "partly published levels, partly assumptions",
    ),
    "basis_corrected": (
        "rättad i scenariots datarevision",
        "corrected in the scenario's data revision",
    ),
    "basis_no_source": ("ingen källa angiven", "no source given"),
    "method_travel_times": (
        "fågelvägsavstånd × omvägsfaktor och hastigheter enligt regionens restidsmodell",
        "straight-line distance × detour factor and speeds from the region's travel model",
    ),
    "method_status": (
        "i riskzonen: enda punkten av sitt slag på en ort under gränsen i databygget",
        "at risk: the only point of its kind at a place below the data build's limit",
    ),
    # workspace
    "scenario_name": ("Scenariots namn", "Scenario name"),
    "save": ("Spara scenario", "Save scenario"),
    "saved": ("Sparat: {name}", "Saved: {name}"),
    "saved_list": ("Sparade scenarier", "Saved scenarios"),
    "compare_pick": ("Välj två eller fler att jämföra", "Pick two or more to compare"),
    "compare": ("Jämför", "Compare"),
    "compare_metric": ("Nyckeltal", "Measure"),
    "compare_delta": ("Skillnad mot första", "Difference from the first"),
    "diff_a_only": ("Bara i {name}", "Only in {name}"),
    "diff_b_only": ("Bara i {name}", "Only in {name}"),
    "diff_both": ("I båda", "In both"),
    "diff_not_in_both": (
        "Tjänsten finns bara i det ena scenariot, så befolkningen jämförs inte.",
        "Only one of the scenarios has this service, so people are not compared.",
    ),
    "diff_gained": (
        "Når tjänsten i {name} men inte i {other}",
        "Reached in {name}, not in {other}",
    ),
    "diff_map_heading": ("Skillnadskarta", "Difference map"),
    "diff_legend_a_only": (
        "Ort stöds bara i första scenariot",
        "Place supported only in the first",
    ),
    "diff_legend_b_only": (
        "Ort stöds bara i andra scenariot",
        "Place supported only in the second",
    ),
    "diff_legend_gained": (
        "Befolkning som nås bara i andra",
        "Population reached only in the second",
    ),
    "diff_legend_lost": (
        "Befolkning som nås bara i första",
        "Population reached only in the first",
    ),
    "load": ("Öppna", "Open"),
    # exports
    "export_csv": ("Åtgärder (CSV)", "Actions (CSV)"),
    "export_kpi_csv": ("Nyckeltal (CSV)", "Key figures (CSV)"),
    "export_xlsx": ("Excel (.xlsx)", "Excel (.xlsx)"),
    "export_geojson": ("Orter med resultat (GeoJSON)", "Places with results (GeoJSON)"),
    "export_gpkg": ("Orter med resultat (GeoPackage)", "Places with results (GeoPackage)"),
    "export_json": ("Scenario (JSON)", "Scenario (JSON)"),
    "export_report": ("Utskriftsvänlig rapport (HTML)", "Printable report (HTML)"),
    "export_result": ("Hela resultatet (JSON)", "The whole result (JSON)"),
    "export_corrections": (
        "Datarättelser (CSV för databygget)",
        "Data corrections (CSV for the data build)",
    ),
    "revision_note": (
        "Data: {revision}",
        "Data: {revision}",
    ),
    "report_parameters": ("Inställningar", "Parameters"),
    "report_sources": ("Källor och antaganden", "Sources and assumptions"),
    # uploads
    "tab_data": ("Data", "Data"),
    "upload_intro": (
        "Kontrollera en fil innan den som förvaltar data bygger in den i ett dataunderlag. "
        "Excel-filer sparade som CSV (semikolon, decimalkomma) går bra. Högst 10 MB per fil.",
        "Check a file before whoever maintains the data builds it into a data folder. Files "
        "saved as CSV from Excel (semicolons, decimal commas) are fine. At most 10 MB a file.",
    ),
    "upload_service_points": ("Lista över servicepunkter", "List of service points"),
    "upload_population_grid": ("SCB befolkning per km-ruta", "SCB population per km square"),
    "upload_smaorter": ("SCB småorter", "SCB småorter"),
    "upload_travel_matrix": ("Restidsmatris (från;till;minuter)", "Travel-time matrix"),
    "upload_drop": (
        "Dra hit en fil eller klicka för att välja",
        "Drop a file here or click to pick",
    ),
    "upload_ok": ("{file}: inga fel (rader: {rows}).", "{file}: no problems (rows: {rows})."),
    "upload_problems": ("{file}: fel funna: {count}.", "{file}: problems found: {count}."),
    # notes and errors
    "modelled_note": (
        "Restider är modellerade (fågelvägsavstånd × omvägsfaktor, ej vägnät). Befolkningen "
        "utanför tätorter är en uppskattning, fördelad mot tätorternas utkanter och byarna.",
        "Travel times are modelled (straight-line distance × detour factor, not a road "
        "network). Population outside tätorter is an estimate, placed towards the edges of "
        "tätorter and the villages.",
    ),
    "sources_title": ("Källor", "Sources"),
    "link_error": (
        "Länken kunde inte öppnas, så standardscenariot visas",
        "The link could not be opened, so the default scenario is shown",
    ),
    "error_title": ("Scenariot kunde inte beräknas", "The scenario could not be solved"),
    "slow_option": (
        "Det här valet gör beräkningen långsammare (några sekunder).",
        "This option makes solving slower (a few seconds).",
    ),
    "save_refused": (
        "Scenariot sparades inte: {reason}",
        "The scenario was not saved: {reason}",
    ),
    "saved_damaged": (
        "{name} (#{id}) kan inte läsas och visas inte",
        "{name} (#{id}) cannot be read and is not shown",
    ),
    "compare_too_many": (
        "Jämför högst {most} scenarier åt gången.",
        "Compare at most {most} scenarios at a time.",
    ),
    "nothing_saved": ("Inga sparade scenarier ännu.", "No saved scenarios yet."),
    "storage_error": (
        "Scenariot kunde inte sparas: {error}. Inget tidigare sparat scenario har påverkats.",
        "The scenario could not be saved: {error}. No earlier saved scenario was affected.",
    ),
}
