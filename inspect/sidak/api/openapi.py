"""The OpenAPI 3.1 description of /api/v1, served at GET /api/v1/openapi.json.

Kept beside the code as a Python literal (no file to package); a test checks that every
/api/v1 route is described here and that the document is valid OpenAPI.
"""

from functools import cache

UUID = {"type": "string", "format": "uuid"}
SHA256 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
TIME = {"type": "string", "format": "date-time"}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _param(name: str, description: str, schema: dict | None = None) -> dict:
    return {
        "name": name,
        "in": "path",
        "required": True,
        "description": description,
        "schema": schema or {"type": "string"},
    }


KEY = _param("key", "The inspection's uuid, made by the phone.", UUID)
ITEM = _param("item_id", "A checklist item id.")
PHOTO = _param("photo_uuid", "The photo's uuid, made by the phone.", UUID)
ROLE = _param("role", "Who signs.", {"enum": ["lead", "member", "representative"]})
POSITION = _param(
    "position",
    "The signer's place in the team (0-based), as in the draft's team.",
    {
        "type": "integer",
        "minimum": 0,
    },
)
COMMON = {
    "401": {"$ref": "#/components/responses/Unauthorized"},
    "403": {"$ref": "#/components/responses/Forbidden"},
}
CHANGE = {**COMMON, "400": {"$ref": "#/components/responses/Invalid"}}

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
            "server": _ref("ServerAnswer"),
            "missing": {"type": "array", "items": UUID},
            "received": {"type": "integer"},
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
            "user": _ref("User"),
            "csrf_token": {"type": "string", "description": "send as header X-CSRFToken"},
        },
    },
    "Bootstrap": {
        "allOf": [
            _ref("Session"),
            {
                "type": "object",
                "required": ["checklists", "offices", "inspectors", "drafts"],
                "properties": {
                    "checklists": {"type": "array", "items": _ref("ChecklistVersion")},
                    "offices": {"type": "array", "items": _ref("Office")},
                    "inspectors": {"type": "array", "items": _ref("Inspector")},
                    "drafts": {"type": "array", "items": _ref("Draft")},
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
            "team": {"type": "array", "items": _ref("TeamEntry")},
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
            _ref("StoredAnswer"),
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
            "answers": {"type": "object", "additionalProperties": _ref("StoredAnswer")},
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
            "signatures": {"type": "array", "items": _ref("SignatureState")},
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
    "Invalid": _json(_ref("Error"), "Not valid (code invalid); `details` lists each problem."),
    "Unauthorized": _json(_ref("Error"), "The session expired: log in again, keep the outbox."),
    "Forbidden": _json(_ref("Error"), "Not yours to change (code forbidden)."),
    "NotFound": _json(_ref("Error"), "No such inspection (code not_found)."),
    "Conflict": _json(_ref("Error"), "The id is in use with other content (code conflict)."),
    "Csrf": _json(_ref("Error"), "CSRF token missing or expired (code csrf): fetch a new one."),
}

PATHS = {
    "/api/v1/openapi.json": {
        "get": {
            "summary": "This document",
            "security": [],
            "responses": {"200": _json({"type": "object"}, "OpenAPI 3.1")},
        }
    },
    "/api/v1/field/session": {
        "get": {
            "summary": "Who is logged in and a fresh CSRF token",
            "responses": {"200": _json(_ref("Session"), "The session"), **COMMON},
        }
    },
    "/api/v1/field/bootstrap": {
        "get": {
            "summary": "What the phone caches to work offline (inspectors)",
            "responses": {"200": _json(_ref("Bootstrap"), "The field data"), **COMMON},
        }
    },
    "/api/v1/inspections/{key}": {
        "put": {
            "summary": "Create a draft under the phone's uuid (idempotent)",
            "parameters": [KEY],
            "requestBody": {"required": True, **_json(_ref("StartDraft"), "The draft")},
            "responses": {
                "201": _json(_ref("Draft"), "Created"),
                "200": _json(_ref("Draft"), "The same request again: the stored draft"),
                "409": {"$ref": "#/components/responses/Conflict"},
                **CHANGE,
            },
        }
    },
    "/api/v1/inspections/{key}/answers/{item_id}": {
        "put": {
            "summary": "Save one answer; with `edit`, idempotent and checked against `base`",
            "parameters": [KEY, ITEM],
            "requestBody": {"required": True, **_json(_ref("AnswerEdit"), "The answer")},
            "responses": {
                "200": _json(_ref("AnswerSaved"), "Saved (or a resend of an applied edit)"),
                "409": _json(
                    _ref("Error"),
                    "code conflict: the edit uuid was used for other content; code stale: "
                    "the item changed since `base`, `server` holds the answer as stored",
                ),
                "404": {"$ref": "#/components/responses/NotFound"},
                **CHANGE,
            },
        }
    },
    "/api/v1/inspections/{key}/photos/{photo_uuid}": {
        "get": {
            "summary": "How much of a photo arrived",
            "parameters": [KEY, PHOTO],
            "responses": {"200": _json(_ref("UploadState"), "Upload state"), **COMMON},
        },
        "head": {
            "summary": "How much arrived, in headers Upload-Offset and Upload-Complete (1/0)",
            "parameters": [KEY, PHOTO],
            "responses": {"200": {"description": "See the headers"}, **COMMON},
        },
        "put": {
            "summary": "Send a chunk of a photo (resumable); the last one stores the photo",
            "parameters": [
                KEY,
                PHOTO,
                {
                    "name": "Content-Range",
                    "in": "header",
                    "required": True,
                    "description": "`bytes START-END/TOTAL`, END inclusive; START must equal "
                    "the bytes received so far. `bytes */TOTAL` with no body finishes an "
                    "upload whose bytes all arrived.",
                    "schema": {"type": "string"},
                },
                {"name": "item", "in": "query", "required": True, "schema": {"type": "string"}},
                {
                    "name": "sha256",
                    "in": "query",
                    "required": True,
                    "description": "of the whole file as the phone has it",
                    "schema": SHA256,
                },
                {"name": "taken_at", "in": "query", "schema": TIME},
            ],
            "requestBody": {
                "required": False,
                "content": {
                    "application/octet-stream": {
                        "schema": {"type": "string", "contentMediaType": "application/octet-stream"}
                    }
                },
            },
            "responses": {
                "200": _json(_ref("UploadState"), "Chunk stored, or the photo was already in"),
                "201": _json(_ref("UploadState"), "The last chunk: the photo is stored"),
                "409": _json(
                    _ref("Error"),
                    "code conflict: the uuid is another photo; code checksum: the assembled "
                    "file does not match sha256, the upload starts over from 0",
                ),
                "413": _json(_ref("Error"), "TOTAL is over the size limit (code too_large)"),
                "416": _json(_ref("Error"), "START is not `received` (code offset)"),
                **CHANGE,
            },
        },
    },
    "/api/v1/inspections/{key}/signatures/{role}": {
        "put": {
            "summary": "Sign for the lead (position optional) or the office representative",
            "parameters": [KEY, ROLE],
            "requestBody": {"required": True, **_json(_ref("SignatureInput"), "Signature")},
            "responses": {
                "201": _json(_ref("SignatureState"), "Signed"),
                "200": _json(_ref("SignatureState"), "Same again, or replaced"),
                "409": {"$ref": "#/components/responses/Conflict"},
                **CHANGE,
            },
        }
    },
    "/api/v1/inspections/{key}/signatures/{role}/{position}": {
        "put": {
            "summary": "Sign for the team member at `position`",
            "parameters": [KEY, ROLE, POSITION],
            "requestBody": {"required": True, **_json(_ref("SignatureInput"), "Signature")},
            "responses": {
                "201": _json(_ref("SignatureState"), "Signed"),
                "200": _json(_ref("SignatureState"), "Same again, or replaced"),
                "409": {"$ref": "#/components/responses/Conflict"},
                **CHANGE,
            },
        }
    },
    "/api/v1/inspections/{key}/submit": {
        "post": {
            "summary": "Submit (idempotent: the same again is 200, other content 409)",
            "parameters": [KEY],
            "requestBody": {"required": False, **_json(_ref("Submit"), "Submission")},
            "responses": {
                "201": _json(_ref("Submitted"), "Submitted"),
                "200": _json(_ref("Submitted"), "Already submitted with this content"),
                "409": _json(
                    _ref("Error"),
                    "code photos_missing: `missing` lists photos still to upload; "
                    "code conflict: already submitted with other content",
                ),
                **CHANGE,
            },
        }
    },
}


@cache
def document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Sidak API",
            "version": "1",
            "description": "The phone's offline sync protocol: see docs/api.md. Every change "
            "needs the session cookie and header X-CSRFToken; errors carry a stable `code`. "
            "Any change may also answer 400 code csrf (token expired: GET /api/v1/field/session "
            "and resend).",
        },
        "servers": [{"url": "/"}],
        "security": [{"session": []}],
        "paths": PATHS,
        "components": {
            "schemas": SCHEMAS,
            "responses": RESPONSES,
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": "session"},
            },
        },
    }
