"""The building blocks of the import's column spec (columns.py, record_columns.py): cell kinds, Column, Sheet."""

from dataclasses import dataclass

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

    @property
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


NATIONAL_ID = Column(
    "national_id",
    "Số định danh cá nhân",
    ID,
    required=True,
    width=18,
    note="12 chữ số, nhập dạng văn bản để giữ số 0 đầu; là khóa để nhận ra hồ sơ đã có.",
)
