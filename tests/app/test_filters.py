import pytest

from sidak.web.filters import ink_on


@pytest.mark.parametrize(
    ("background", "ink"),
    [
        ("#1b7f3b", "#ffffff"),
        ("#b42318", "#ffffff"),
        ("#c98a00", "#000000"),
        ("#ffeb3b", "#000000"),
    ],
)
def test_badge_text_takes_the_more_readable_ink(background, ink):
    assert ink_on(background) == ink
