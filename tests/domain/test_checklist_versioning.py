"""A checklist's hash changes with its meaning, never with how the YAML is written."""

import json
import re

import pytest

from sidak.domain.checklist.loader import parse_checklist
from sidak.domain.checklist.versioning import (
    canonical_dict,
    checklist_from_canonical,
    content_hash,
)
from tests.domain.test_checklist_loader import MINIMAL

SMALL = """\
id: kantor
version: "2021.2"
title: Protokol kantor
rules:
  kmk-328-2020: KMK 328/2020
  inpres-6-2020: Inpres 6/2020
grades:
  - {id: patuh, label: Patuh, min: 80, color: "#1b7f3b"}
  - {id: tidak-patuh, label: Tidak patuh, min: 0, color: "#c53030"}
sections:
  - id: masker
    title: Masker
    items:
      - id: masker-pegawai
        type: count
        question: Pegawai bermasker
        category: masks
        pass_percent: 90
"""

#: Pinned: if this changes, every stored checklist version would get a new identity.
SMALL_HASH = "1123ff3212390717651f946df4ab2ac55f638efcdd75fad483b2755af00865a7"

SAME_MEANING = {
    "comments and blank lines": SMALL.replace(
        "sections:\n", "\n# bagian-bagian\nsections:  # ok\n"
    ),
    "key order": SMALL.replace(
        "        question: Pegawai bermasker\n        category: masks\n",
        "        category: masks\n        question: Pegawai bermasker\n",
    ),
    "rule order": SMALL.replace(
        "  kmk-328-2020: KMK 328/2020\n  inpres-6-2020: Inpres 6/2020\n",
        "  inpres-6-2020: Inpres 6/2020\n  kmk-328-2020: KMK 328/2020\n",
    ),
    "grade order": SMALL.replace(
        '  - {id: patuh, label: Patuh, min: 80, color: "#1b7f3b"}\n'
        '  - {id: tidak-patuh, label: Tidak patuh, min: 0, color: "#c53030"}\n',
        '  - {id: tidak-patuh, label: Tidak patuh, min: 0, color: "#C53030"}\n'
        '  - {id: patuh, label: {id: Patuh}, min: 80.0, color: "#1b7f3b"}\n',
    ),
    "defaults written out": SMALL.replace(
        "pass_percent: 90\n", "pass_percent: 90.0\n        weight: 1\n        critical: tidak\n"
    ),
    "block style text": SMALL.replace("title: Protokol kantor", "title:\n  id: Protokol kantor"),
    "quoted values": SMALL.replace("type: count", 'type: "count"'),
}

NEW_MEANING = {
    "version label": SMALL.replace('"2021.2"', '"2021.3"'),
    "weight": SMALL.replace("pass_percent: 90\n", "pass_percent: 90\n        weight: 2\n"),
    "pass percent": SMALL.replace("pass_percent: 90", "pass_percent: 95"),
    "question text": SMALL.replace("Pegawai bermasker", "Pegawai memakai masker"),
    "english text": SMALL.replace(
        "title: Protokol kantor", "title: {id: Protokol kantor, en: Office}"
    ),
    "grade boundary": SMALL.replace("min: 80", "min: 85"),
    "grade colour": SMALL.replace("#1b7f3b", "#1b7f3c"),
    "rule title": SMALL.replace("Inpres 6/2020", "Inpres 6 Tahun 2020"),
    "checklist basis": SMALL.replace("rules:", "basis: [kmk-328-2020]\nrules:"),
}


def test_canonical_form_round_trips_exactly():
    for text in (SMALL, MINIMAL):
        checklist = parse_checklist(text)
        assert checklist_from_canonical(canonical_dict(checklist)) == checklist


def test_canonical_form_survives_json():
    checklist = parse_checklist(MINIMAL)
    data = json.loads(json.dumps(canonical_dict(checklist)))
    assert checklist_from_canonical(data) == checklist


def test_canonical_form_writes_fractions_and_enums_as_strings():
    item = canonical_dict(parse_checklist(MINIMAL))["sections"][0]["items"][0]
    assert item["weight"] == "3/2"
    assert item["type"] == "yesno"
    assert item["evidence_on_fail"] == ["photo", "note"]


def test_hash_is_sha256_hex_and_pinned():
    digest = content_hash(parse_checklist(SMALL))
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    assert digest == SMALL_HASH


@pytest.mark.parametrize("name", SAME_MEANING)
def test_how_the_yaml_is_written_never_changes_the_hash(name):
    assert content_hash(parse_checklist(SAME_MEANING[name])) == content_hash(parse_checklist(SMALL))


@pytest.mark.parametrize("name", NEW_MEANING)
def test_any_change_of_meaning_changes_the_hash(name):
    assert content_hash(parse_checklist(NEW_MEANING[name])) != content_hash(parse_checklist(SMALL))


def test_item_order_is_meaning():
    checklist = parse_checklist(MINIMAL)
    section = checklist.sections[0]
    swapped = section.__class__(section.id, section.title, section.items[::-1])
    reordered = checklist.__class__(**{**checklist.__dict__, "sections": (swapped,)})
    assert content_hash(reordered) != content_hash(checklist)


def test_an_unknown_format_is_refused():
    data = canonical_dict(parse_checklist(SMALL)) | {"format": 99}
    with pytest.raises(ValueError, match="format"):
        checklist_from_canonical(data)
