"""The building blocks of a sheet's column spec (the import's columns, a class's results file): cell kinds,
Column, Sheet, the header text and how a header or a choice cell is matched."""

from dataclasses import dataclass
from functools import cached_property

from canbo.core.text import unaccent

TEXT, CODE, ID, DATE, INT, DECIMAL, CHOICE, LEVEL = (
    "text",
    "code",
    "id",
    "date",
    "int",
    "decimal",
    "choice",
    "level",
)


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = TEXT
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    # A drop-down that suggests values but accepts any text (religion).
    suggestions: tuple[str, ...] = ()
    # A drop-down filled from the database when the template is made (unit, post and rank codes).
    catalogue: str = ""
    # The catalogue (AliasCatalogue value) whose other spellings the column accepts, with suggestions.
    aliases: str = ""
    width: int = 16
    note: str = ""
    # A column added after the first template: a file made from an older template may lack it (read as empty).
    optional: bool = False

    @cached_property  # read for every choice cell of a file: made once (a frozen dataclass still has a __dict__)
    def labels(self) -> list[str]:
        return [label for _code, label in self.choices]


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    columns: tuple[Column, ...]
    description: str = ""
    # A sheet added after the first template: a file made from an older template may lack it (read as empty).
    optional: bool = False

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _choices(enum_choices) -> tuple[tuple[str, str], ...]:
    return tuple((str(code), str(label)) for code, label in enum_choices)


REQUIRED_MARK = " (*)"


def header_text(column: Column) -> str:
    return column.header + (REQUIRED_MARK if column.required else "")


def normalize_header(text) -> str:
    """Headers match without case, extra spaces, the required mark or a trailing colon."""
    text = " ".join(str(text or "").split()).casefold()
    for suffix in (REQUIRED_MARK.strip(), "*", ":"):
        text = text.removesuffix(suffix).strip()
    return text


def choice_lookup(choices) -> dict[str, str]:
    """label or code, case-insensitive, with or without accents -> code (ambiguous unaccented forms dropped)."""
    lookup: dict[str, str] = {}
    loose: dict[str, set[str]] = {}
    for code, label in choices:
        for key in (label, code):
            lookup[" ".join(key.split()).casefold()] = code
            loose.setdefault(unaccent(key), set()).add(code)
    for key, codes in loose.items():
        if len(codes) == 1:
            lookup.setdefault(key, next(iter(codes)))
    return lookup
