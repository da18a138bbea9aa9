"""Other spellings of catalogue entries, and the closest entries to suggest for an unknown value.

A value is matched, in this order: the entry's code or name as written (case aside); a spelling kept in the
alias table (`CatalogueAlias`, kept by the province board); the entry's name without accents, case, spaces,
hyphens or apostrophes ("Khơ Mú", "KHO-MU" and "Khơ-mú" are one key), when no two entries share that key.
An unknown value is answered with the closest entries (difflib on the same unaccented keys)."""

import difflib
import re
from dataclasses import dataclass, field

from django.apps import apps

from canbo.core.text import unaccent
from canbo.people.choices import ETHNICITY_CHOICES

from .columns import RELIGIONS
from .models import AliasCatalogue, CatalogueAlias

_SEPARATORS = re.compile(r"[\W_]+")
SUGGESTIONS = 3
SIMILARITY = 0.6  # difflib's ratio under which an entry is not offered


def alias_key(text) -> str:
    """'Khơ Mú' -> 'khomu'; 'H'Mông' -> 'hmong'."""
    return _SEPARATORS.sub("", unaccent(str(text or "")))


def catalogue_entries(catalogue: str) -> list[tuple[str, str]]:
    """(code, name) of a catalogue's entries. Ranks, posts and programmes are read from their tables
    (programmes through the app registry: training reads files with this app's reader, so this app does
    not import it)."""
    if catalogue == AliasCatalogue.ETHNICITY:
        return list(ETHNICITY_CHOICES)
    if catalogue == AliasCatalogue.RELIGION:
        return [(name, name) for name in RELIGIONS]
    model = {
        AliasCatalogue.RANK: ("people", "Rank"),
        AliasCatalogue.POSITION: ("people", "Position"),
        AliasCatalogue.PROGRAMME: ("training", "Programme"),
    }[catalogue]
    return list(apps.get_model(*model).objects.order_by("code").values_list("code", "name"))


@dataclass
class Resolver:
    """One catalogue's entries and aliases, loaded once for a whole file."""

    entries: list[tuple[str, str]]
    aliases: dict[str, str] = field(default_factory=dict)  # key -> code
    exact: dict[str, str] = field(init=False)
    loose: dict[str, str] = field(init=False)
    labels: dict[str, str] = field(init=False)

    def __post_init__(self):
        self.labels = dict(self.entries)
        self.exact = {}
        shared: dict[str, set[str]] = {}
        for code, name in self.entries:
            for text in (code, name):
                self.exact.setdefault(" ".join(str(text).split()).casefold(), code)
                shared.setdefault(alias_key(text), set()).add(code)
        self.loose = {key: next(iter(codes)) for key, codes in shared.items() if len(codes) == 1 and key}
        self.aliases = {key: code for key, code in self.aliases.items() if code in self.labels}

    def resolve(self, text) -> str | None:
        text = " ".join(str(text or "").split())
        if not text:
            return None
        found = self.exact.get(text.casefold())
        if found is None:
            key = alias_key(text)
            found = self.aliases.get(key) or self.loose.get(key)
        return found

    def suggest(self, text, n: int = SUGGESTIONS) -> list[str]:
        """The names of the closest entries (by name, code or alias)."""
        candidates: dict[str, str] = {}
        for code, name in self.entries:
            candidates.setdefault(alias_key(name), code)
            candidates.setdefault(alias_key(code), code)
        for key, code in self.aliases.items():
            candidates.setdefault(key, code)
        close = difflib.get_close_matches(alias_key(text), list(candidates), n=n * 3, cutoff=SIMILARITY)
        names = dict.fromkeys(self.labels[candidates[key]] for key in close)
        return list(names)[:n]

    def unknown_message(self, text, what: str, *, listed: bool = False) -> str:
        """'Không có ngạch mã “X”.' or, for a list, '“X” không có trong danh sách dân tộc.', then the
        closest entries."""
        shown = str(text)[:60]
        message = f"“{shown}” không có trong danh sách {what}." if listed else f"Không có {what} “{shown}”."
        close = self.suggest(text)
        if close:
            message += " Có phải: " + ", ".join(f"“{name}”" for name in close) + "?"
        return message


def load_resolvers(catalogues=tuple(AliasCatalogue.values)) -> dict[str, Resolver]:
    """A few queries: each table catalogue once, and every alias once."""
    stored: dict[str, dict[str, str]] = {c: {} for c in catalogues}
    for catalogue, key, target in CatalogueAlias.objects.filter(catalogue__in=catalogues).values_list(
        "catalogue", "key", "target"
    ):
        stored[catalogue][key] = target
    return {c: Resolver(catalogue_entries(c), aliases=stored[c]) for c in catalogues}


def plain_resolvers() -> dict[str, Resolver]:
    """Without the database: the fixed catalogues (ethnic groups, religions) and no aliases."""
    return {c: Resolver(catalogue_entries(c)) for c in (AliasCatalogue.ETHNICITY, AliasCatalogue.RELIGION)}
