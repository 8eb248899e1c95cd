"""Work that runs in the background: progress, cancel and robustness runs."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # the budget curve, step by step
    "curve_progress": (
        "Beräknar budget {step} av {steps} …",
        "Computing budget {step} of {steps} …",
    ),
    "curve_starting": ("Startar beräkningen …", "Starting …"),
    "cancel": ("Avbryt", "Cancel"),
    "curve_long": (
        "Kurvan löser scenariot en gång per budget; punkterna ritas när de blir klara.",
        "The curve solves the scenario once per budget; its points appear as they are done.",
    ),
    # a background job that failed (its message, not a traceback, reaches the person)
    "background_failed": (
        "Beräkningen kunde inte göras klart: {reason}",
        "The computation could not finish: {reason}",
    ),
    # robustness: the most critical points closed together (models/stress.py)
    "robust_heading": ("Robusthet", "Robustness"),
    "robust_help": (
        "Vad händer om de punkter som flest personer är beroende av stänger samtidigt? "
        "Räknas på dagens utbud med scenariots restider; två grannpunkter som backar upp "
        "varandra kan tillsammans kosta mer än var för sig.",
        "What if the points most people depend on all close at once? Counted on today's "
        "services with the scenario's travel times; two neighbouring points that back each "
        "other up can cost more together than one at a time.",
    ),
    "robust_k": ("Antal punkter (N)", "Number of points (N)"),
    "robust_button": (
        "Robusthet: stäng de {k} mest kritiska punkterna",
        "Robustness: close the {k} most critical points",
    ),
    "robust_progress_rank": (
        "Rangordnar de kritiska punkterna …",
        "Ranking the critical points …",
    ),
    "robust_progress_close": (
        "Stänger {k} punkter och räknar om vem som når vad …",
        "Closing {k} points and recounting who reaches what …",
    ),
    "robust_closed": ("Stängda punkter: {points}", "Closed points: {points}"),
    "robust_point": ("{name} i {place} ({service})", "{name} in {place} ({service})"),
    "robust_nothing": (
        "Ingen punkt är kritisk: ingen förlorar en tjänst om en punkt stänger.",
        "No point is critical: nobody loses a service if one point closes.",
    ),
    "robust_by_service": ("Förlust per tjänst", "Loss per service"),
    "robust_by_kommun": ("Förlust per kommun", "Loss per kommun"),
    "robust_today": ("Når tjänsten i dag (personer)", "Reach the service today (people)"),
    "robust_after": ("Når den efter stängningarna", "Reach it after the closures"),
    "robust_losing": ("Förlorar tjänsten (personer)", "Lose the service (people)"),
    "robust_single": (
        "Förlust om de stänger en i taget (summa)",
        "Loss if they close one at a time (sum)",
    ),
    "robust_stale": (
        "Inaktuellt: räknat för ett tidigare scenario. Räkna igen.",
        "Out of date: computed for an earlier scenario. Run it again.",
    ),
}
