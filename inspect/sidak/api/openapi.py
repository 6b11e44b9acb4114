"""The OpenAPI 3.1 description of /api/v1, served at GET /api/v1/openapi.json.

Two parts: the phone's sync protocol (here) and the read API for the city's other systems
(`sidak.api.read_paths`, `sidak.api.read_schemas`).

Kept beside the code as a Python literal (no file to package); a test checks that every
/api/v1 route is described here and that the document is valid OpenAPI.
"""

from functools import cache

from sidak.api.read_paths import INSPECTION_GET, READ_PATHS
from sidak.api.read_schemas import BEARER, READ_RESPONSES, READ_SCHEMAS
from sidak.api.schemas import (
    RESPONSES,
    SCHEMAS,
    SHA256,
    TIME,
    UUID,
    json_content,
    path_param,
    ref,
)

KEY = path_param("key", "The inspection's uuid, made by the phone.", UUID)
ITEM = path_param("item_id", "A checklist item id.")
PHOTO = path_param("photo_uuid", "The photo's uuid, made by the phone.", UUID)
ACTION = path_param("action_id", "A corrective action (an earlier finding).", {"type": "integer"})
ROLE = path_param("role", "Who signs.", {"enum": ["lead", "member", "representative"]})
POSITION = path_param(
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

PATHS = {
    "/api/v1/openapi.json": {
        "get": {
            "summary": "This document",
            "security": [],
            "responses": {"200": json_content({"type": "object"}, "OpenAPI 3.1")},
        }
    },
    "/api/v1/field/session": {
        "get": {
            "summary": "Who is logged in and a fresh CSRF token",
            "responses": {"200": json_content(ref("Session"), "The session"), **COMMON},
        }
    },
    "/api/v1/field/bootstrap": {
        "get": {
            "summary": "What the phone caches to work offline (inspectors)",
            "responses": {"200": json_content(ref("Bootstrap"), "The field data"), **COMMON},
        }
    },
    "/api/v1/inspections/{key}": {
        "put": {
            "summary": "Create a draft under the phone's uuid (idempotent)",
            "parameters": [KEY],
            "requestBody": {"required": True, **json_content(ref("StartDraft"), "The draft")},
            "responses": {
                "201": json_content(ref("Draft"), "Created"),
                "200": json_content(ref("Draft"), "The same request again: the stored draft"),
                "409": {"$ref": "#/components/responses/Conflict"},
                **CHANGE,
            },
        }
    },
    "/api/v1/inspections/{key}/answers/{item_id}": {
        "put": {
            "summary": "Save one answer; with `edit`, idempotent and checked against `base`",
            "parameters": [KEY, ITEM],
            "requestBody": {"required": True, **json_content(ref("AnswerEdit"), "The answer")},
            "responses": {
                "200": json_content(ref("AnswerSaved"), "Saved (or a resend of an applied edit)"),
                "409": json_content(
                    ref("Error"),
                    "code conflict: the edit uuid was used for other content; code stale: "
                    "the item changed since `base`, `server` holds the answer as stored",
                ),
                "404": {"$ref": "#/components/responses/NotFound"},
                **CHANGE,
            },
        }
    },
    "/api/v1/inspections/{key}/follow-up/{action_id}": {
        "put": {
            "summary": "Mark one of the office's earlier findings corrected or still open",
            "description": "Only for findings pre-loaded on this inspection (the office's "
            "`open_findings` when it started). Sending the same again changes nothing.",
            "parameters": [KEY, ACTION],
            "requestBody": {"required": True, **json_content(ref("FollowUpCheck"), "The mark")},
            "responses": {
                "200": json_content(ref("FollowUpCheck"), "Stored"),
                "404": {"$ref": "#/components/responses/NotFound"},
                **CHANGE,
            },
        }
    },
    "/api/v1/inspections/{key}/photos/{photo_uuid}": {
        "get": {
            "summary": "How much of a photo arrived",
            "parameters": [KEY, PHOTO],
            "responses": {"200": json_content(ref("UploadState"), "Upload state"), **COMMON},
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
                "200": json_content(
                    ref("UploadState"), "Chunk stored, or the photo was already in"
                ),
                "201": json_content(ref("UploadState"), "The last chunk: the photo is stored"),
                "409": json_content(
                    ref("Error"),
                    "code conflict: the uuid is another photo; code checksum: the assembled "
                    "file does not match sha256, the upload starts over from 0",
                ),
                "413": json_content(ref("Error"), "TOTAL is over the size limit (code too_large)"),
                "416": json_content(ref("Error"), "START is not `received` (code offset)"),
                **CHANGE,
            },
        },
    },
    "/api/v1/inspections/{key}/signatures/{role}": {
        "put": {
            "summary": "Sign for the lead (position optional) or the office representative",
            "parameters": [KEY, ROLE],
            "requestBody": {"required": True, **json_content(ref("SignatureInput"), "Signature")},
            "responses": {
                "201": json_content(ref("SignatureState"), "Signed"),
                "200": json_content(ref("SignatureState"), "Same again, or replaced"),
                "409": {"$ref": "#/components/responses/Conflict"},
                **CHANGE,
            },
        }
    },
    "/api/v1/inspections/{key}/signatures/{role}/{position}": {
        "put": {
            "summary": "Sign for the team member at `position`",
            "parameters": [KEY, ROLE, POSITION],
            "requestBody": {"required": True, **json_content(ref("SignatureInput"), "Signature")},
            "responses": {
                "201": json_content(ref("SignatureState"), "Signed"),
                "200": json_content(ref("SignatureState"), "Same again, or replaced"),
                "409": {"$ref": "#/components/responses/Conflict"},
                **CHANGE,
            },
        }
    },
    "/api/v1/inspections/{key}/submit": {
        "post": {
            "summary": "Submit (idempotent: the same again is 200, other content 409)",
            "parameters": [KEY],
            "requestBody": {"required": False, **json_content(ref("Submit"), "Submission")},
            "responses": {
                "201": json_content(ref("Submitted"), "Submitted"),
                "200": json_content(ref("Submitted"), "Already submitted with this content"),
                "409": json_content(
                    ref("Error"),
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
    paths = {**PATHS, **READ_PATHS}
    key = "/api/v1/inspections/{key}"
    paths[key] = {"get": INSPECTION_GET, **PATHS[key]}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Sidak API",
            "version": "1",
            "description": "The phone's offline sync protocol and the read API for the city's "
            "other systems: see docs/api.md. Every change needs the session cookie and header "
            "X-CSRFToken; errors carry a stable `code`. Any change may also answer 400 code csrf "
            "(token expired: GET /api/v1/field/session and resend). The read API (GET) takes an "
            "integration's bearer token or a session.",
        },
        "servers": [{"url": "/"}],
        "security": [{"session": []}],
        "paths": paths,
        "components": {
            "schemas": {**SCHEMAS, **READ_SCHEMAS},
            "responses": {**RESPONSES, **READ_RESPONSES},
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": "session"},
                "bearer": BEARER,
            },
        },
    }
