"""Every component id in one place, so layout, callbacks and tests agree.

Pattern-matching ids come from the factories below: called with a value they name one
component, called with ``dash.ALL`` they name every component of that type for a callback.
"""

from __future__ import annotations

from typing import Any

Key = Any  # a str, or a Dash wildcard (ALL, MATCH) in a callback

# frame and state
URL = "url"
ROOT = "root"
LANGUAGE = "language"
LANGUAGE_STORE = "language-store"
WORKSHOP = "workshop"
WORKSHOP_STORE = "workshop-store"
SCENARIO_STORE = "scenario-store"
RESULT_STORE = "result-store"
HISTORY_STORE = "history-store"
SELECTED_PLACE = "selected-place-store"
SAVED_VERSION = "saved-version-store"

# controls
CONTROLS = "controls"
BUDGET_SLIDER = "budget-slider"
BUDGET_INPUT = "budget-input"
MODE = "mode"
KOMMUN = "kommun"
BASKET_WEIGHT = "basket-weight"
ELDERLY_WEIGHT = "elderly-weight"
FAIRNESS = "fairness"
MIN_SHARE = "min-share"
SHARE_LIMIT = "share-limit"
COLOCATION = "colocation"
SOLVE = "solve"
AUTO_SOLVE = "auto-solve"
UNDO = "undo"
ERROR = "error"
LINK_ERROR = "link-error"
BUDGET_VALUE = "budget-value-store"  # the budget in use: the field's last valid amount
BUDGET_MESSAGE = "budget-message"
SUPPORT_KOMMUN = "support-kommun"  # "Begränsa stödet till": Scenario.candidate_kommuner
SUPPORT_NOTE = "support-note"
MIN_SHARE_WRAP = "min-share-wrap"
SOLVE_REQUEST = "solve-request-store"  # the scenario store, once it has been still a moment
# the scenario store, passed on only when its data part (services, corrections) changed
SCENARIO_DATA = "scenario-data-store"
SOLVING = "solving"
STALE = "stale"
KPI_PANEL = "kpi-panel"
KPI_HELP = "kpi-help"
KPI_KOMMUN = "kpi-kommun-store"  # the "Visa kommun" the KPI cards on screen were drawn for
CURVE_SCENARIO = "curve-scenario-store"  # the scenario the budget curve was asked for
CURVE_STALE = "curve-stale"
MAP_LEGEND = "map-legend"


def threshold(service: Key) -> dict[str, Any]:
    return {"type": "threshold", "service": service}


def weight(service: Key) -> dict[str, Any]:
    return {"type": "weight", "service": service}


# map
MAP = "map"
MAP_BASE_TILES = "map-base-tiles"
MAP_KOMMUNER = "map-kommuner"
MAP_PLACES = "map-places"
MAP_DEMAND = "map-demand"
DEMAND_SERVICE = "demand-service"


def map_points(service: Key) -> dict[str, Any]:
    return {"type": "map-points", "service": service}


def kpi(key: Key) -> dict[str, Any]:
    return {"type": "kpi", "key": key}


# results
KPIS = "kpis"
ACTIONS_TABLE = "actions-table"
KOMMUN_TABLE = "kommun-table"
CRITICAL_TABLE = "critical-table"
CURVE_BUTTON = "curve-button"
CURVE_POINTS = "curve-points"  # how many budgets the curve is computed at
CURVE_GRAPH = "curve-graph"
PRIORITY_TABLE = "priority-table"

# nuläge (today's access) and "Mina orter"
ACCESS_TABLE = "access-table"
ACCESS_GRAPH = "access-graph"
ACCESS_NOTE = "access-note"
MY_PLACES_TABLE = "my-places-table"

# place card
PLACE_CARD = "place-card"
PLACE_CARD_BODY = "place-card-body"
ALL_POINTS = "all-points"  # the card's "Visa alla N servicepunkter"
ALL_POINTS_PLACE = "all-points-place-store"  # the place whose card lists all its points


def lock_button(place_id: Key, service: Key, action: Key) -> dict[str, Any]:
    return {"type": "lock", "place": place_id, "service": service, "action": action}


# data corrections (a data revision the scenario carries)
MAP_PICK = "map-pick-store"  # waiting for a map click: where a new or moved point goes
BUTTON_PRESS = "button-press-store"  # a real press of a button the scenario writer reads
MAP_PICKED = "map-picked-store"  # a map click made while MAP_PICK waits (assets/controls.js)
MAP_EDITS = "map-edits"  # points a correction added or moved
PICK_BANNER = "pick-banner"
PICK_CANCEL = "pick-cancel"
CORRECTION_NOTICE = "correction-notice"
REVISION_PICK = "revision-pick"
REVISION_NAME = "revision-name"
REVISION_SAVE = "revision-save"
REVISION_MESSAGE = "revision-message"
REVISION_STATUS = "revision-status"
CORRECTION_LIST = "correction-list"
REVISION_VERSION = "revision-version-store"
PROVENANCE = "provenance"
FOLLOWUP = "followup"
VIABILITY = "viability"

# reports
REPORT_DOWNLOAD = "report-download"
REPORT_MESSAGE = "report-message"


def report_button(kind: Key, fmt: Key) -> dict[str, Any]:
    return {"type": "report", "kind": kind, "fmt": fmt}


# four-year plan
PLAN_BUDGET = "plan-budget"
PLAN_YEARS = "plan-years"
PLAN_RUN = "plan-run"
PLAN_RESULT = "plan-result"


def point_status(point_id: Key, status: Key) -> dict[str, Any]:
    return {"type": "point-status", "point": point_id, "status": status}


def point_move(point_id: Key) -> dict[str, Any]:
    return {"type": "point-move", "point": point_id}


def new_point(place_id: Key) -> dict[str, Any]:
    """The card's "place on the map" button for a new point near ``place_id``."""
    return {"type": "new-point", "place": place_id}


def new_point_service(place_id: Key) -> dict[str, Any]:
    return {"type": "new-point-service", "place": place_id}


def new_point_name(place_id: Key) -> dict[str, Any]:
    return {"type": "new-point-name", "place": place_id}


def cost_input(place_id: Key, service: Key, kind: Key) -> dict[str, Any]:
    return {"type": "cost-input", "place": place_id, "service": service, "kind": kind}


def cost_set(place_id: Key, service: Key, kind: Key) -> dict[str, Any]:
    return {"type": "cost-set", "place": place_id, "service": service, "kind": kind}


def correction_remove(index: Key) -> dict[str, Any]:
    return {"type": "correction-remove", "index": index}


# workspace
SCENARIO_NAME = "scenario-name"
SAVE = "save"
SAVE_MESSAGE = "save-message"
SAVED_LIST = "saved-list"
COMPARE_PICK = "compare-pick"
COMPARE_TABLE = "compare-table"
COMPARE_GRAPH_SERVICE = "compare-graph-service"
COMPARE_GRAPH_KOMMUN = "compare-graph-kommun"
DIFF_MAP = "diff-map"
DIFF_PLACES = "diff-places"
DIFF_DEMAND = "diff-demand"
DIFF_SUMMARY = "diff-summary"
DIFF_SERVICE = "diff-service"
TABS = "tabs"


def load_saved(scenario_id: Key) -> dict[str, Any]:
    return {"type": "load-saved", "id": scenario_id}


# exports and uploads
DOWNLOAD = "download"
UPLOAD = "upload"
UPLOAD_KIND = "upload-kind"
UPLOAD_RESULT = "upload-result"


def export_button(kind: Key) -> dict[str, Any]:
    return {"type": "export", "kind": kind}


# workshop rooms (issue 13)
ROOM_STORE = "room-store"
ROOM_LINK = "room-link-store"  # the ?rum= code of the page address, as typed
ROOM_NAME = "room-name"
ROOM_OPEN = "room-open"
ROOM_CODE = "room-code"
ROOM_JOIN = "room-join"
ROOM_LEAVE = "room-leave"
ROOM_MESSAGE = "room-message"
ROOM_SHOWN = "room-shown"
ROOM_BADGE = "room-badge"
OPENED_STORE = "opened-scenario-store"  # the saved version the scenario was opened from
SAVED_CHANGE = "saved-change-store"  # bumped by rename, hide and show again
SAVED_ROW_MESSAGE = "saved-row-message"
SHOW_HIDDEN = "show-hidden"
SHOW_ALL_SAVED = "show-all-saved"
SAVE_ACK = "save-ack-store"  # the save click the server answered
SAVE_TOKEN = "save-token-store"  # the save click the browser waits for
SAVE_FAILED = "save-failed-store"  # set in the browser when a save request failed
SAVE_PENDING = "save-pending"
SAVE_TEXTS = "save-texts-store"


def rename_input(scenario_id: Key) -> dict[str, Any]:
    return {"type": "rename-input", "id": scenario_id}


def rename_saved(scenario_id: Key) -> dict[str, Any]:
    return {"type": "rename-saved", "id": scenario_id}


def hide_saved(scenario_id: Key) -> dict[str, Any]:
    return {"type": "hide-saved", "id": scenario_id}


def unhide_saved(scenario_id: Key) -> dict[str, Any]:
    return {"type": "unhide-saved", "id": scenario_id}


# background solving (issue 13)
CURVE_CANCEL = "curve-cancel"
CURVE_PROGRESS = "curve-progress"
SLOW_SOLVE_REQUEST = "slow-solve-request-store"  # a scenario the background solver takes
ROBUST_K = "robust-k"
ROBUST_BUTTON = "robust-button"
ROBUST_CANCEL = "robust-cancel"
ROBUST_PROGRESS = "robust-progress"
ROBUST_CLOSED = "robust-closed"
ROBUST_SERVICE_TABLE = "robust-service-table"
ROBUST_KOMMUN_TABLE = "robust-kommun-table"
ROBUST_SCENARIO = "robust-scenario-store"  # the scenario the robustness run was computed for
ROBUST_STALE = "robust-stale"


# projector polish (issue 9)
