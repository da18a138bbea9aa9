"""A form as a list of blocks, rendered twice from the same list: to Word (python-docx) and to HTML for the PDF
(WeasyPrint). The two layouts match because neither renderer knows a form: each only draws blocks."""

from dataclasses import dataclass, field


@dataclass
class Header:
    """The page head: the left lines (managing body), the right lines (Quốc hiệu, tiêu ngữ or the form's code)."""

    left: list[str]
    right: list[str]
    motto: bool  # Quốc hiệu and tiêu ngữ centred above the title
    title: str
    subtitle: str = ""
    photo: bytes | None = None
    photo_type: str = ""


@dataclass
class Line:
    """One numbered line of labelled values: [("1) Họ và tên khai sinh (viết chữ in hoa)", "NGUYỄN VĂN A"), …]."""

    parts: list[tuple[str, str]]


@dataclass
class Heading:
    text: str


@dataclass
class Note:
    """An instruction in italics under a heading (the form's own wording), optionally followed by the answer."""

    text: str
    answer: str = ""


@dataclass
class Table:
    columns: list[tuple[str, float]]  # (title, width in cm)
    rows: list[list[str]]
    min_rows: int = 1  # blank lines kept, as on the printed form, when there is nothing to list


@dataclass
class Signatures:
    """The two signing columns; each line is (text, style), style "b" bold, "i" italic or "" plain."""

    left: list[tuple[str, str]]
    right: list[tuple[str, str]]


@dataclass
class FormDocument:
    key: str  # "syll" / "2c"
    header: Header
    blocks: list = field(default_factory=list)
    signatures: Signatures | None = None
    beside_photo: int = (
        0  # the first N blocks (lines) are drawn beside the photo, under the title, as on the forms
    )

    def text(self) -> str:
        """Every word of the form, in order (tests, search)."""
        parts = [*self.header.left, *self.header.right, self.header.title, self.header.subtitle]
        for block in self.blocks:
            if isinstance(block, Line):
                parts += [f"{label}: {value}" for label, value in block.parts]
            elif isinstance(block, Heading):
                parts.append(block.text)
            elif isinstance(block, Note):
                parts += [block.text, block.answer]
            elif isinstance(block, Table):
                parts += [title for title, _ in block.columns] + [c for row in block.rows for c in row]
        if self.signatures:
            parts += [text for text, _style in self.signatures.left + self.signatures.right]
        return "\n".join(p for p in parts if p)


MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
DOTS = "…………"  # an empty field, as the printed form leaves it to be filled in by hand
