"""Vietnamese text helpers: unaccented search text and the Vietnamese sort key.

The sort key follows the Vietnamese alphabet (a ă â b c d đ e ê … ư v x y) at the primary level and the
tones (ngang, huyền, hỏi, ngã, sắc, nặng) at the secondary level, as ICU's "vi" collation does; see
docs/decisions/003-vietnamese-sorting-and-search.md for why it is computed here and stored in a column.
"""

import unicodedata

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_CODE = {ch: f"{10 + i:02d}" for i, ch in enumerate(_ALPHABET)}
_MODIFIERS = {"\u0306": "breve", "\u0302": "circumflex", "\u031b": "horn"}
_WITH_MODIFIER = {
    ("a", "breve"): "ă",
    ("a", "circumflex"): "â",
    ("e", "circumflex"): "ê",
    ("o", "circumflex"): "ô",
    ("o", "horn"): "ơ",
    ("u", "horn"): "ư",
}
# Tone order of Vietnamese dictionaries and ICU: ngang < huyền < hỏi < ngã < sắc < nặng.
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
_SEPARATOR = "00"
KEY_LENGTH = 250


def unaccent(text: str) -> str:
    """'Nguyễn Văn Ánh' -> 'nguyen van anh' (đ -> d, whitespace collapsed)."""
    decomposed = unicodedata.normalize("NFD", text or "")
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return " ".join(stripped.lower().split())


def _letters(word: str):
    """Yield (letter, tone, is_upper) for each letter of a word, Vietnamese letters kept whole."""
    for cluster in _clusters(unicodedata.normalize("NFD", word)):
        base, marks = cluster[0], cluster[1:]
        letter = base.lower()
        tone = "0"
        for mark in marks:
            if mark in _MODIFIERS:
                letter = _WITH_MODIFIER.get((letter, _MODIFIERS[mark]), letter)
            elif mark in _TONES:
                tone = _TONES[mark]
        yield letter, tone, base.isupper()


def _clusters(decomposed: str):
    cluster = ""
    for ch in decomposed:
        if unicodedata.combining(ch) and cluster:
            cluster += ch
        else:
            if cluster:
                yield cluster
            cluster = ch
    if cluster:
        yield cluster


def sort_key(*parts: str) -> str:
    """A digits-only key that orders names the Vietnamese way under any database collation.

    Pass the parts in sort order: given name, middle name, family name.
    """
    primary, secondary, tertiary = [], [], []
    for part in parts:
        for letter, tone, upper in _letters(part or ""):
            code = _LETTER_CODE.get(letter)
            if code is None:
                code = f"0{min(ord(letter), 9)}" if letter.isdigit() else "01"
                if letter.isspace():
                    continue
            primary.append(code)
            secondary.append(tone)
            tertiary.append("1" if upper else "0")
        primary.append(_SEPARATOR)
    key = "".join(primary) + _SEPARATOR + "".join(secondary) + "0" + "".join(tertiary)
    return key[:KEY_LENGTH]


def split_full_name(full_name: str) -> tuple[str, str, str]:
    """'Giàng A Chứ' -> ('Giàng', 'A', 'Chứ'): family name, middle name(s), given name."""
    words = (full_name or "").split()
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def letter_key(letter: str) -> str:
    """The start of the sort key of names whose first sorted letter is `letter` ('Đ' -> '16')."""
    return _LETTER_CODE[letter.lower()]


SHORT_TOKEN = 3  # pg_trgm needs three characters for a substring; shorter tokens match the start of a word


def search_q(query: str, field: str = "search_text", max_tokens: int = 8):
    """The condition for an unaccented, word-by-word search over an unaccented column.

    Tokens of three characters or more match anywhere (substring, served by the trigram index); shorter ones
    ("xi", "pa") match the start of a word, which the same index serves (LIKE 'xi%' OR LIKE '% xi%') and which
    is what a user means by two letters. See docs/decisions/032-lists-keyset-paging.md."""
    from django.db.models import Q

    condition = Q()
    for token in unaccent(query).split()[:max_tokens]:
        if len(token) < SHORT_TOKEN:
            condition &= Q(**{f"{field}__startswith": token}) | Q(**{f"{field}__contains": f" {token}"})
        else:
            condition &= Q(**{f"{field}__contains": token})
    return condition
