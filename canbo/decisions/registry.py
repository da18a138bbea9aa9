"""The kinds of decision a record can be drafted as: kind → how to fetch the record for a user (scoped: outside
→ 404), who may draft it (403), the context the template is filled with, and the default template shipped here.

Each app registers its kinds once, from its AppConfig.ready (a `drafts` module: movements, discipline,
staffing, training, salary):

    from canbo.decisions.registry import DecisionKind, register
    register(DecisionKind(code="step_raise", label="Nâng bậc lương thường xuyên", template="step_raise.docx",
                          fetch=..., may_draft=..., context=..., filename=...))

The decisions app never imports the apps that register; what the kinds share is in `drafting.py`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_TEMPLATES = Path(__file__).resolve().parent / "docx"


@dataclass(frozen=True)
class DecisionKind:
    code: str  # stable: it names the URL and the board's uploaded templates
    label: str  # Vietnamese, shown on the templates page
    # fetch(user, key) → the record, from a queryset scoped to the user (get_object_or_404: outside → 404)
    fetch: Callable
    # may_draft(user, record) → bool: roles that may act on the record (others: 403)
    may_draft: Callable
    # context(record) → dict for the template (see heading.decision_heading for the shared part)
    context: Callable
    # filename(record) → the download's name, without the extension
    filename: Callable
    # variant(record) → the code of another kind to draw the record up as, or None (one decision for many
    # people becomes the batch kind, with its annex)
    variant: Callable | None = None
    # size(record) → how many people the decision names; above JOB_THRESHOLD the draft is made by a job
    size: Callable | None = None
    # the default template: a file name under `template_dir`
    template: str = ""
    template_dir: Path = field(default=DEFAULT_TEMPLATES)
    # the code of another kind whose template (default and the board's versions) this one is filled into
    shares_template_of: str = ""

    @property
    def template_code(self) -> str:
        return self.shares_template_of or self.code

    @property
    def default_template_path(self) -> Path:
        return self.template_dir / (self.template or f"{self.code}.docx")


_KINDS: dict[str, DecisionKind] = {}


def register(kind: DecisionKind) -> DecisionKind:
    """Add a kind (a second registration of the same code replaces the first: tests, reloads)."""
    _KINDS[kind.code] = kind
    return kind


def kind_for(code: str) -> DecisionKind | None:
    return _KINDS.get(code)


def all_kinds() -> list[DecisionKind]:
    return sorted(_KINDS.values(), key=lambda k: k.label)


def template_kinds() -> list[DecisionKind]:
    """The kinds that own a template (the ones the board may replace)."""
    return [k for k in all_kinds() if not k.shares_template_of]
