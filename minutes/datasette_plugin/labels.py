"""Swedish display labels for the codes stored in the archive (statuses, kinds, due values).

The archive stores stable English codes (they are the export's vocabulary);
the pages show Swedish words.
"""

LABELS = {
    # attendee status
    "present": "närvarande",
    "absent": "frånvarande",
    "invited": "inbjuden",
    "called": "kallad",
    "unknown": "okänd",
    # decision kind
    "noted": "noterat",
    "endorsed": "ställt sig bakom",
    "decided": "beslutat",
    "referred": "återremitterat",
    "other": "övrigt",
    # assignment status and due
    "open": "öppet",
    "reported": "återrapporterat",
    "done": "klart",
    "overdue": "försenat",
    "next_meeting": "till nästa möte",
}


def sv(code):
    """The Swedish label of a stored code; anything else is shown as it is."""
    return LABELS.get(code, code) if isinstance(code, str) else code
