"""Schemas of the read API (offices, inspections, sanctions) for the OpenAPI document."""

from sidak.api.schemas import TIME, UUID, json_content, ref

DAY = {"type": "string", "format": "date"}
NULLABLE_DAY = {"type": ["string", "null"], "format": "date"}
NULLABLE_TIME = {"type": ["string", "null"], "format": "date-time"}
DECIMAL = {
    "type": "string",
    "pattern": r"^\d{1,3}\.\d$",
    "description": 'one decimal, as the record prints it ("87.3")',
}
SANCTION_STATES = ["proposed", "issued", "corrected", "verified", "overdue", "escalated", "waived"]
ACTION_STATES = ["open", "replied", "objected", "corrected", "verified", "withdrawn", "overdue"]


def page_of(schema: str) -> dict:
    return {
        "type": "object",
        "required": ["data", "next"],
        "properties": {
            "data": {"type": "array", "items": ref(schema)},
            "next": {
                "type": ["string", "null"],
                "format": "uri",
                "description": "the next page (also in the Link header); null on the last",
            },
        },
    }


READ_SCHEMAS = {
    "OfficeRead": {
        "type": "object",
        "required": ["id", "name", "type", "district", "active", "last_inspected_on"],
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "type": {"type": "string", "description": "dinas, kecamatan, puskesmas, mpp, ..."},
            "district": {"type": "string", "description": "the kecamatan"},
            "address": {"type": "string"},
            "head": {"type": "string", "description": "the office head's name"},
            "active": {"type": "boolean"},
            "last_inspected_on": {
                **NULLABLE_DAY,
                "description": "the last day a submitted inspection started (city's calendar)",
            },
        },
    },
    "OfficePage": page_of("OfficeRead"),
    "Category": {
        "type": "object",
        "properties": {
            "key": {"type": "string", "description": "the fixed category vocabulary"},
            "name": ref("Text"),
            "score": DECIMAL,
        },
    },
    "Finding": {
        "type": "object",
        "description": "a failed item, in checklist order",
        "properties": {
            "item_id": {"type": "string"},
            "question": {**ref("Text"), "description": "as the inspection's checklist version"},
            "category": {"type": "string"},
            "critical": {"type": "boolean"},
            "action": {
                "type": ["object", "null"],
                "description": "the corrective action, once the record is finalized",
                "properties": {
                    "id": {"type": "integer"},
                    "status": {"enum": ACTION_STATES, "description": "effective state"},
                    "due_date": DAY,
                },
            },
        },
    },
    "InspectionRead": {
        "type": "object",
        "required": ["uuid", "office", "checklist", "status", "current", "day"],
        "properties": {
            "uuid": UUID,
            "office": {
                "type": "object",
                "properties": {
                    "id": {"type": "integer"},
                    "name": {"type": "string"},
                    "district": {"type": "string"},
                    "type": {"type": "string"},
                },
            },
            "checklist": {
                "type": "object",
                "properties": {
                    "key": {"type": "string"},
                    "version": {"type": "string", "description": "the author's label"},
                    "content_hash": {"type": "string", "description": "the exact version"},
                },
            },
            "status": {"enum": ["submitted", "finalized"]},
            "current": {
                "type": "boolean",
                "description": "false: a submitted correction replaced it (`superseded_by`)",
            },
            "day": {**DAY, "description": "the inspection day in the city's time zone"},
            "started_at": TIME,
            "ended_at": NULLABLE_TIME,
            "submitted_at": NULLABLE_TIME,
            "finalized_at": NULLABLE_TIME,
            "report_number": {"type": ["string", "null"], "description": "given at finalization"},
            "score": {**DECIMAL, "type": ["string", "null"]},
            "grade": {"type": ["string", "null"], "description": "the grade's id"},
            "grade_label": {"oneOf": [ref("Text"), {"type": "null"}]},
            "grade_color": {"type": ["string", "null"]},
            "critical_failures": {"type": "integer"},
            "categories": {
                "type": ["array", "null"],
                "items": ref("Category"),
                "description": "categories that counted; null until the inspection is "
                "summarised (`sidak analytics rebuild --missing`)",
            },
            "findings": {
                "type": ["array", "null"],
                "items": ref("Finding"),
                "description": "null until the inspection is summarised",
            },
            "supersedes": {"type": ["string", "null"], "description": "the uuid it corrects"},
            "superseded_by": {
                "type": ["string", "null"],
                "description": "the uuid of the submitted correction that replaced it",
            },
            "verification_url": {
                "type": ["string", "null"],
                "format": "uri",
                "description": "the public verification page (finalized records)",
            },
        },
    },
    "InspectionPage": page_of("InspectionRead"),
    "SanctionRead": {
        "type": "object",
        "required": ["id", "office", "inspection", "level", "state"],
        "properties": {
            "id": {"type": "integer"},
            "number": {"type": ["string", "null"], "description": "given when issued"},
            "office": {
                "type": "object",
                "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
            },
            "inspection": {**UUID, "description": "the violation it answers"},
            "level": {
                "type": "object",
                "properties": {"id": {"type": "string"}, "name": ref("Text")},
            },
            "proposed_level": {"type": "string", "description": "the level Sidak proposed"},
            "state": {
                "enum": SANCTION_STATES,
                "description": "effective: an issued sanction past its due date is overdue",
            },
            "ordinal": {"type": "integer", "description": "the n-th violation in the window"},
            "reason": {**ref("Text"), "description": "why Sidak proposed it"},
            "decision_reason": {"type": "string"},
            "proposed_at": TIME,
            "decided_at": NULLABLE_TIME,
            "issued_at": NULLABLE_TIME,
            "due_date": NULLABLE_DAY,
            "closed_at": NULLABLE_TIME,
            "escalated_from": {"type": ["integer", "null"]},
            "escalated_to": {"type": ["integer", "null"]},
        },
    },
    "SanctionPage": page_of("SanctionRead"),
}

READ_RESPONSES = {
    "TokenMissing": json_content(
        ref("Error"),
        "No token and no session, or the token is unknown or revoked (code unauthorized).",
    ),
    "BadParameter": json_content(
        ref("Error"),
        "A query parameter is unknown, repeated or unreadable (code invalid); `parameter` "
        "names it.",
    ),
    "Absent": json_content(ref("Error"), "None, a draft, or not yours to read (code not_found)."),
    "RateLimited": {
        **json_content(
            ref("Error"),
            "More requests than SIDAK_API_RATE_LIMIT allows this token (code rate_limited).",
        ),
        "headers": {
            "Retry-After": {
                "description": "Seconds to wait before the next request.",
                "schema": {"type": "integer"},
            }
        },
    },
}

BEARER = {
    "type": "http",
    "scheme": "bearer",
    "description": "An integration's token (`sdk_...`), made by an admin on /admin/integrasi.",
}
