"""The canonical form of a record: exact types only, the same bytes for the same record."""

import pytest

from sidak.domain import integrity


class Score(float):
    pass


@pytest.mark.parametrize(
    "record",
    (
        {"score": 87.5},
        {"answers": {"masker": {"number": 37.5}}},
        {"photos": [{"sha256": "ab"}, {"width": 1.0}]},
        {"team": ({"lead": True}, [{"weight": Score(2)}])},
    ),
)
def test_a_float_anywhere_in_a_record_is_refused(record):
    with pytest.raises(TypeError, match="floats are not allowed"):
        integrity.canonical_bytes(record)


def test_plain_values_give_sorted_compact_utf8_json():
    record = {"b": [1, True, None, "Kantor Kelurahan Sukajadi"], "a": {"n": "37.5"}}
    assert integrity.canonical_bytes(record) == (
        b'{"a":{"n":"37.5"},"b":[1,true,null,"Kantor Kelurahan Sukajadi"],"format":1}'
    )
    assert integrity.content_hash(record) == integrity.content_hash(dict(reversed(record.items())))
