"""Schemas and shared responses of the OpenAPI document (see `sidak.api.openapi`)."""

UUID = {"type": "string", "format": "uuid"}
SHA256 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
TIME = {"type": "string", "format": "date-time"}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def json_content(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def path_param(name: str, description: str, schema: dict | None = None) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": schema or {"type": "string"},
    }


ANSWER_FIELDS = {
    "value": {"type": ["string", "null"], "description": "yesno/choice/text items"},
    "observed": {"type": ["integer", "string", "null"], "description": "count items"},
    "compliant": {"type": ["integer", "string", "null"], "description": "count items"},
    "number": {
        "type": ["string", "number", "null"],
        "description": "number items: decimal text, `37,5` or `37.5`",
    },
    "na": {"type": "boolean", "default": False},
    "note": {"type": ["string", "null"], "description": "null or absent keeps the stored note"},
}

SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {"type": "string", "description": "for the person, in their language"},
            "code": {
                "enum": [
                    "invalid",
                    "unauthorized",
                    "forbidden",
                    "not_found",
                    "method_not_allowed",
                    "too_large",
                    "csrf",
                    "conflict",
                    "stale",
                    "photos_missing",
                    "checksum",
                    "offset",
                ],
                "description": "what the phone acts on",
            },
            "details": {"type": "array", "items": {"type": "string"}},
            "server": ref("ServerAnswer"),
            "missing": {"type": "array", "items": UUID},
            "received": {"type": "integer"},
            "parameter": {
                "type": "string",
                "description": "read API: the query parameter that was refused",
            },
        },
    },
    "User": {
        "type": "object",
        "required": ["id", "username", "full_name"],
        "properties": {
            "id": {"type": "integer"},
            "username": {"type": "string"},
            "full_name": {"type": "string"},
        },
    },
    "Session": {
        "type": "object",
        "required": ["user", "csrf_token"],
        "properties": {
            "user": ref("User"),
            "csrf_token": {"type": "string", "description": "send as header X-CSRFToken"},
        },
    },
    "Bootstrap": {
        "allOf": [
            ref("Session"),
            {
                "type": "object",
                "required": ["checklists", "offices", "inspectors", "drafts"],
                "properties": {
                    "checklists": {"type": "array", "items": ref("ChecklistVersion")},
                    "offices": {"type": "array", "items": ref("Office")},
                    "inspectors": {"type": "array", "items": ref("Inspector")},
                    "drafts": {"type": "array", "items": ref("Draft")},
                },
            },
        ]
    },
    "ChecklistVersion": {
        "type": "object",
        "required": ["key", "content_hash", "current", "checklist"],
        "properties": {
            "key": {"type": "string"},
            "content_hash": SHA256,
            "current": {
                "type": "boolean",
                "description": "false: an older version an open draft was filled with",
            },
            "checklist": {
                "type": "object",
                "description": "the canonical checklist JSON (format 1): sections, items, grades",
            },
        },
    },
    "Office": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "district": {"type": "string"},
            "type": {"type": "string"},
            "open_findings": {
                "type": "array",
                "description": "unsettled findings a follow-up visit checks again",
                "items": ref("OpenFinding"),
            },
        },
    },
    "OpenFinding": {
        "type": "object",
        "properties": {
            "action_id": {"type": "integer"},
            "item_id": {"type": "string"},
            "question": ref("Text"),
            "finding": ref("Text"),
            "critical": {"type": "boolean"},
            "due": {"type": "string", "format": "date"},
            "found_on": TIME,
            "photo_item": {
                "type": "string",
                "description": 'the item id "after" photos are uploaded under (tl-<action>)',
            },
        },
    },
    "Text": {
        "type": "object",
        "properties": {"id": {"type": "string"}, "en": {"type": ["string", "null"]}},
    },
    "FollowUpCheck": {
        "type": "object",
        "properties": {
            "action_id": {"type": "integer"},
            "result": {"enum": ["corrected", "open", None]},
            "note": {"type": "string"},
        },
    },
    "Inspector": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "full_name": {"type": "string"},
            "agency": {"type": "string"},
        },
    },
    "TeamEntry": {
        "type": "object",
        "properties": {
            "user_id": {"type": ["integer", "null"], "description": "an inspector account"},
            "name": {"type": "string", "description": "an outsider's name"},
            "agency": {"type": "string", "description": "required for an outsider"},
            "lead": {"type": "boolean", "default": False},
        },
    },
    "StartDraft": {
        "type": "object",
        "required": ["office_id", "checklist_hash"],
        "properties": {
            "office_id": {"type": "integer"},
            "checklist_hash": {
                **SHA256,
                "description": "the version the phone filled (current or older)",
            },
            "team": {"type": "array", "items": ref("TeamEntry")},
            "started_at": {**TIME, "description": "phone clock; ignored if in the future"},
            "position": {
                "type": ["object", "null"],
                "properties": {
                    "latitude": {"type": "number"},
                    "longitude": {"type": "number"},
                    "accuracy_m": {"type": ["number", "null"]},
                },
            },
            "location_declined": {"type": "boolean", "default": False},
        },
    },
    "StoredAnswer": {
        "type": "object",
        "properties": {
            "value": {"type": ["string", "null"]},
            "observed": {"type": ["integer", "null"]},
            "compliant": {"type": ["integer", "null"]},
            "number": {"type": ["string", "null"], "description": "exact decimal text"},
            "na": {"type": "boolean"},
            "note": {"type": "string"},
            "edit": {
                "type": ["string", "null"],
                "format": "uuid",
                "description": "the current edit: send it as `base` of the next edit",
            },
        },
    },
    "ServerAnswer": {
        "allOf": [
            ref("StoredAnswer"),
            {
                "type": "object",
                "properties": {
                    "item": {"type": "string"},
                    "updated_by": {"type": ["string", "null"]},
                    "updated_at": {"type": ["string", "null"], "format": "date-time"},
                },
            },
        ]
    },
    "Draft": {
        "type": "object",
        "properties": {
            "uuid": UUID,
            "status": {"enum": ["draft", "submitted", "finalized"]},
            "office_id": {"type": "integer"},
            "checklist_hash": SHA256,
            "started_at": TIME,
            "created_by": {"type": "integer"},
            "team": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "user_id": {"type": ["integer", "null"]},
                        "name": {"type": "string"},
                        "agency": {"type": "string"},
                        "lead": {"type": "boolean"},
                        "position": {"type": "integer"},
                    },
                },
            },
            "answers": {"type": "object", "additionalProperties": ref("StoredAnswer")},
            "photos": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "uuid": UUID,
                        "item_id": {"type": "string"},
                        "sha256": {**SHA256, "description": "of the stored (re-encoded) JPEG"},
                        "uploaded_sha256": {
                            "type": ["string", "null"],
                            "description": "of the file as the phone sent it",
                        },
                    },
                },
            },
            "signatures": {"type": "array", "items": ref("SignatureState")},
            "follow_up": {"type": "array", "items": ref("FollowUpCheck")},
        },
    },
    "AnswerEdit": {
        "type": "object",
        "properties": {
            "edit": {**UUID, "description": "this edit's uuid; without it: last write wins"},
            "base": {
                "type": ["string", "null"],
                "format": "uuid",
                "description": "the item's edit the phone last saw; null if none",
            },
            **ANSWER_FIELDS,
        },
    },
    "AnswerSaved": {
        "type": "object",
        "description": "with `edit`: {edit, saved_at, applied}; without: the live preview",
        "properties": {
            "edit": UUID,
            "applied": {"type": "boolean", "description": "false: a resend, nothing changed"},
            "saved_at": TIME,
            "item": {"type": "string"},
            "progress": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}},
            "score": {"type": ["string", "null"]},
            "grade": {"type": ["string", "null"]},
        },
    },
    "UploadState": {
        "type": "object",
        "required": ["received", "complete"],
        "properties": {
            "received": {"type": "integer", "description": "bytes stored: send from here"},
            "complete": {"type": "boolean"},
            "uuid": UUID,
            "item_id": {"type": "string"},
            "sha256": {**SHA256, "description": "of the stored (re-encoded) JPEG"},
        },
    },
    "SignatureInput": {
        "type": "object",
        "properties": {
            "image": {
                "type": ["string", "null"],
                "description": "data:image/png;base64,...; null when refused",
            },
            "refused": {"type": "boolean", "default": False},
            "witness": {"type": "string", "description": "required when refused"},
            "name": {"type": "string", "description": "the office representative's name"},
            "replace": {
                "type": "boolean",
                "default": False,
                "description": "signed again on purpose: replace instead of 409",
            },
        },
    },
    "SignatureState": {
        "type": "object",
        "properties": {
            "role": {"enum": ["lead", "member", "representative"]},
            "member_position": {"type": ["integer", "null"]},
            "name": {"type": "string"},
            "refused": {"type": "boolean"},
            "witness": {"type": "string"},
            "sha256": {"type": ["string", "null"]},
            "signed_at": TIME,
        },
    },
    "Submit": {
        "type": "object",
        "properties": {
            "answers": {
                "type": "object",
                "additionalProperties": {"type": "object", "properties": ANSWER_FIELDS},
                "description": "applied before submitting (last write wins)",
            },
            "photos": {
                "type": "array",
                "items": UUID,
                "description": "every photo the phone took: all must have arrived",
            },
        },
    },
    "Submitted": {
        "type": "object",
        "properties": {
            "uuid": UUID,
            "status": {"enum": ["submitted", "finalized"]},
            "checklist": {"type": "string"},
            "score": {"type": ["string", "null"]},
            "grade": {"type": ["string", "null"]},
        },
    },
}

RESPONSES = {
    "Invalid": json_content(
        ref("Error"), "Not valid (code invalid); `details` lists each problem."
    ),
    "Unauthorized": json_content(
        ref("Error"), "The session expired: log in again, keep the outbox."
    ),
    "Forbidden": json_content(ref("Error"), "Not yours to change (code forbidden)."),
    "NotFound": json_content(ref("Error"), "No such inspection (code not_found)."),
    "Conflict": json_content(ref("Error"), "The id is in use with other content (code conflict)."),
    "Csrf": json_content(
        ref("Error"), "CSRF token missing or expired (code csrf): fetch a new one."
    ),
}
