"""URL parts: `<int:...>` takes only the ids a column can hold; a larger number is no page."""

from werkzeug.routing import IntegerConverter

from sidak.ids import MAX_ID


class IdConverter(IntegerConverter):
    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)
