"""Human-readable text in Bahasa Indonesia (required) and English (optional)."""

from dataclasses import dataclass

LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class Text:
    """A string shown to people: Indonesian always, English when the author gave it."""

    id: str
    en: str | None = None

    def get(self, lang: str = "id") -> str:
        """The text in `lang`, falling back to Indonesian."""
        if lang == "en" and self.en:
            return self.en
        return self.id

    def __str__(self) -> str:
        return self.id
