"""The two forms, one function each, turning a person's records as of a date into blocks (document.py) in the
form's own order, numbering and wording; the renderers draw the blocks to Word and PDF."""

from .form_2c import form_2c
from .syll import form_syll

FORMS = {"syll": ("Sơ yếu lý lịch (TT 06/2023/TT-BNV)", form_syll), "2c": ("Mẫu 2C-BNV/2008", form_2c)}

__all__ = ["FORMS", "form_2c", "form_syll"]
