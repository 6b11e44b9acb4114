"""Paths and parameters of the read API (GET only) for the OpenAPI document."""

from sidak.api.read_schemas import DAY, SANCTION_STATES
from sidak.api.schemas import UUID, json_content, path_param, ref

SECURITY = [{"bearer": []}, {"session": []}]
OFFICE_TYPES = [
    "dinas",
    "badan",
    "sekretariat",
    "kecamatan",
    "kelurahan",
    "puskesmas",
    "mpp",
    "rsud",
    "lainnya",
]


def query(name: str, description: str, schema: dict | None = None) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
    }


LANG = query("lang", "Language of error messages: `id` (default) or `en`.", {"enum": ["id", "en"]})
WINDOW = [
    query(
        "limit",
        "Rows per page.",
        {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100},
    ),
    query("cursor", "Opaque: take it from the previous page's `next`."),
]
FROM = query("from", "First day (YYYY-MM-DD, city's calendar), included.", DAY)
TO = query("to", "Last day (YYYY-MM-DD, city's calendar), included.", DAY)
OFFICE_ID = query("office_id", "One office.", {"type": "integer", "minimum": 1})
ERRORS = {
    "400": {"$ref": "#/components/responses/BadParameter"},
    "401": {"$ref": "#/components/responses/TokenMissing"},
    "429": {"$ref": "#/components/responses/RateLimited"},
}
ONE = {**ERRORS, "404": {"$ref": "#/components/responses/Absent"}}
LINK = {
    "Link": {
        "description": '`<url>; rel="next"` while there is a next page',
        "schema": {"type": "string"},
    }
}


def listing(summary: str, description: str, schema: str, parameters: list) -> dict:
    ok = json_content(ref(schema), "A page, in id order")
    return {
        "get": {
            "summary": summary,
            "description": description,
            "security": SECURITY,
            "parameters": [*parameters, *WINDOW, LANG],
            "responses": {"200": {**ok, "headers": LINK}, **ERRORS},
        }
    }


def single(summary: str, schema: str, parameter: dict) -> dict:
    return {
        "get": {
            "summary": summary,
            "security": SECURITY,
            "parameters": [parameter, LANG],
            "responses": {"200": json_content(ref(schema), summary), **ONE},
        }
    }


READ_PATHS = {
    "/api/v1/offices": listing(
        "Offices",
        "Office heads and office integrations see their own office only.",
        "OfficePage",
        [],
    ),
    "/api/v1/offices/{office_id}": single(
        "One office",
        "OfficeRead",
        path_param("office_id", "The office's id.", {"type": "integer"}),
    ),
    "/api/v1/inspections": listing(
        "Submitted and finalized inspections",
        "Never drafts. By default only the current version of each record (a submitted "
        "correction replaces its original); `versions=all` lists every version.",
        "InspectionPage",
        [
            FROM,
            TO,
            OFFICE_ID,
            query("district", "The office's kecamatan, exactly."),
            query("office_type", "The office's type.", {"enum": OFFICE_TYPES}),
            query("checklist", "A checklist key (`kantor-pelayanan`), any version."),
            query("status", "Submitted or finalized.", {"enum": ["submitted", "finalized"]}),
            query(
                "versions",
                "`current` (default) or `all`.",
                {"enum": ["current", "all"], "default": "current"},
            ),
        ],
    ),
    "/api/v1/sanctions": listing(
        "Sanctions, each in its effective state",
        "Office heads and office integrations see their own office's sanctions once the "
        "city decided them (never a proposal).",
        "SanctionPage",
        [
            OFFICE_ID,
            query(
                "state",
                "The effective state (an issued sanction past its due date is overdue).",
                {"enum": SANCTION_STATES},
            ),
            query("from", "First day it was proposed (YYYY-MM-DD, city's calendar).", DAY),
            query("to", "Last day it was proposed (YYYY-MM-DD, city's calendar).", DAY),
        ],
    ),
    "/api/v1/sanctions/{sanction_id}": single(
        "One sanction",
        "SanctionRead",
        path_param("sanction_id", "The sanction's id.", {"type": "integer"}),
    ),
}

#: GET beside the phone's PUT on the same path
INSPECTION_GET = single(
    "One submitted or finalized inspection, with its findings",
    "InspectionRead",
    path_param("key", "The inspection's uuid.", UUID),
)["get"]
