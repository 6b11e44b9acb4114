"""Ids from outside: only what a column can hold."""

import pytest

from sidak.ids import MAX_ID, parse_id


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1", 1), ("42", 42), (str(MAX_ID), MAX_ID), ("007", 7)],
)
def test_an_id(text, expected):
    assert parse_id(text) == expected


@pytest.mark.parametrize(
    "text", [None, "", "0", "-1", "+1", " 1", "1.0", "²", "١", str(MAX_ID + 1), "9" * 30, "abc"]
)
def test_not_an_id(text):
    assert parse_id(text) is None
