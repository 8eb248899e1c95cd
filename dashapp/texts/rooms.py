"""Workshop rooms: opening, joining, renaming and hiding saved scenarios."""

from __future__ import annotations

TEXT: dict[str, tuple[str, str]] = {
    # the room panel
    "room_heading": ("Workshoprum", "Workshop room"),
    "room_intro": (
        "Ett rum håller en grupps scenarier för sig. Den som leder öppnar ett rum och visar "
        "koden; deltagarna skriver in koden och går med.",
        "A room keeps one group's scenarios to itself. The facilitator opens a room and shows "
        "the code; participants type the code and join.",
    ),
    "room_name": ("Rummets namn, t.ex. Grupp 1", "Room name, e.g. Group 1"),
    "room_open": ("Öppna nytt rum", "Open new room"),
    "room_code": ("Rumskod, t.ex. K7M-PQR", "Room code, e.g. K7M-PQR"),
    "room_join": ("Gå med", "Join"),
    "room_leave": ("Lämna rummet", "Leave the room"),
    "room_opened": (
        "Rummet ”{name}” är öppnat. Visa koden för gruppen.",
        "The room “{name}” is open. Show the code to the group.",
    ),
    "room_joined": ("Du är med i rummet ”{name}”.", "You have joined the room “{name}”."),
    "room_left": (
        "Du har lämnat rummet. Du sparar nu i den öppna arbetsytan.",
        "You have left the room. You now save in the open workspace.",
    ),
    "room_bad_code": (
        "”{code}” är ingen rumskod: en kod har sex tecken (bokstäver och siffror 2–9). "
        "Inget har ändrats.",
        "“{code}” is not a room code: a code has six characters (letters and digits 2–9). "
        "Nothing has changed.",
    ),
    "room_unknown": (
        "Det finns inget rum med koden {code}. Kontrollera koden med den som leder. "
        "Inget har ändrats.",
        "There is no room with the code {code}. Check the code with the facilitator. "
        "Nothing has changed.",
    ),
    "room_link_unknown": (
        "Länkens rum {code} finns inte; sidan visar {where}.",
        "The link's room {code} does not exist; the page shows {where}.",
    ),
    "room_storage_error": (
        "Rummet kunde inte nås: {error}. Inget har ändrats.",
        "The room could not be reached: {error}. Nothing has changed.",
    ),
    "room_current": ("Rum: {name}", "Room: {name}"),
    "room_code_label": ("Kod", "Code"),
    "room_link_label": ("Länk till rummet", "Link to the room"),
    "room_open_workspace": ("Öppen arbetsyta", "Open workspace"),
    "room_open_workspace_note": (
        "Du är inte i något rum: det du sparar syns för alla som inte är i ett rum.",
        "You are not in a room: what you save is seen by everyone who is not in a room.",
    ),
    "room_saves_here": (
        "Det du sparar hamnar i det här rummet och syns bara här.",
        "What you save goes into this room and is seen only here.",
    ),
    # saving, acknowledged or not
    "save_pending": ("Sparar …", "Saving …"),
    "save_unconfirmed": (
        "Sparandet bekräftades inte – kontrollera listan och spara igen.",
        "The save was not confirmed – check the list and save again.",
    ),
    "saved_in_room": ("Sparat i rummet {room}: {name}", "Saved in the room {room}: {name}"),
    "saved_version_of": (
        "Sparat: {name}, en ny version av #{parent}",
        "Saved: {name}, a new version of #{parent}",
    ),
    "save_parent_gone": (
        "Det öppnade scenariot hör inte till det här rummet; sparat som ett nytt scenario.",
        "The opened scenario is not in this room; saved as a new scenario.",
    ),
    # the saved list
    "show_hidden": ("Visa dolda", "Show hidden"),
    "show_all_saved": ("Visa alla sparade", "Show all saved"),
    "saved_newest": (
        "Visar de {shown} senaste av {total} sparade scenarier.",
        "Showing the {shown} newest of {total} saved scenarios.",
    ),
    "saved_hidden_mark": ("(dold)", "(hidden)"),
    "rename": ("Byt namn", "Rename"),
    "rename_ok": ("Spara namnet", "Save the name"),
    "hide": ("Dölj", "Hide"),
    "unhide": ("Visa igen", "Show again"),
    "versions": ("Versioner ({count})", "Versions ({count})"),
    "change_save": ("sparad", "saved"),
    "change_edit": ("ändrad", "edited"),
    "change_rename": ("nytt namn", "renamed"),
    "change_hide": ("dold", "hidden"),
    "change_unhide": ("visas igen", "shown again"),
    "row_renamed": ("Nytt namn: {name}", "New name: {name}"),
    "row_hidden": (
        "”{name}” är dold. Den finns kvar: kryssa i ”Visa dolda” för att se den.",
        "“{name}” is hidden. It is kept: tick “Show hidden” to see it.",
    ),
    "row_unhidden": ("”{name}” visas igen.", "“{name}” is shown again."),
    "row_not_here": (
        "Scenario #{id} finns inte i det här rummet. Inget har ändrats.",
        "Scenario #{id} is not in this room. Nothing has changed.",
    ),
    "row_refused": ("Inget har ändrats: {reason}", "Nothing has changed: {reason}"),
    "storage_read_error": (
        "De sparade scenarierna kunde inte läsas: {error}. Inget sparat har ändrats; försök igen.",
        "The saved scenarios could not be read: {error}. Nothing saved has changed; try again.",
    ),
}
