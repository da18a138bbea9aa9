"""Terms and the plan of a term: composition and ratios per unit and for the province, the posts."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render

from canbo.accounts.scoping import editable_units, visible_units
from canbo.core.forms import add_service_errors
from canbo.core.paging import SortColumn, keyset_page, query_without_paging
from canbo.reports.formatting import fmt_decimal, round1

from .. import services
from ..choices import EntryStatus
from ..forms import PostForm, TermForm
from ..selectors import MIN_PLAN_RATIO, plan_composition, post_queryset_for, term_queryset_for
from .access import PAGE_SIZE, as_of, export_url, is_board, reader_required, term_for


@reader_required
def index(request):
    terms = term_queryset_for(user=request.user).annotate(n_posts=Count("posts", distinct=True))
    return render(request, "planning/index.html", {"terms": terms, "can_create": is_board(request.user)})


@reader_required
def term_create(request):
    if not is_board(request.user):
        raise PermissionDenied("Chỉ Ban Tổ chức Tỉnh ủy được lập nhiệm kỳ quy hoạch.")
    form = TermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            term = services.term_create(actor=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Đã lập nhiệm kỳ quy hoạch {term.code}.")
            return redirect("planning:term_detail", pk=term.pk)
    return render(request, "planning/form.html", {"form": form, "title": "Lập nhiệm kỳ quy hoạch"})


POST_SORT_COLUMNS = [
    SortColumn("don_vi", "Đơn vị", ("unit__path", "-position__tier")),
    SortColumn("chuc_danh", "Chức danh", ("position__name", "unit__path")),
    SortColumn("so_chuc_danh", "Số chức danh", ("seats", "unit__path"), descending_first=True),
]


def _indicator(value, ok) -> dict:
    return {"text": fmt_decimal(round1(value)), "bad": ok is False}


def composition_rows(table) -> list[dict]:
    """The composition as cells for the page: figures, and whether each is under its target (red)."""
    rows = []
    for row in [*table.rows, table.total]:
        rows.append(
            {
                "unit": row.unit,
                "seats": row.seats,
                "entries": row.entries,
                "persons": row.persons,
                "ratio": _indicator(row.ratio, row.ratio_ok),
                "women": _indicator(row.women_pct, row.women_ok),
                "young": _indicator(row.young_pct, row.young_ok),
                "full_term": _indicator(row.full_term_pct, row.full_term_ok),
            }
        )
    return rows


@reader_required
def term_detail(request, pk):
    term = term_for(request, pk)
    on, form = as_of(request)
    org = None
    code = request.GET.get("unit", "").strip()
    if code:
        org = visible_units(request.user).filter(code=code).first()
        if org is None:
            raise Http404("Không tìm thấy đơn vị trong phạm vi được xem.")
    table = plan_composition(user=request.user, term=term, on=on, org=org)
    posts = post_queryset_for(user=request.user).filter(term=term)
    if org is not None:
        posts = posts.filter(unit__path__startswith=org.path)
    posts = posts.annotate(
        n_approved=Count("entries", filter=Q(entries__status=EntryStatus.APPROVED)),
        n_proposed=Count("entries", filter=Q(entries__status=EntryStatus.PROPOSED)),
    )
    rows = composition_rows(table)
    unit_rows = [r for r in rows if r.get("unit")]  # collapsed under the total: hundreds of units
    context = {
        "term": term,
        "on": on,
        "form": form,
        "org": org,
        "rows": rows,
        "unit_rows": unit_rows,
        "unit_rows_bad": sum(
            1 for r in unit_rows if any(r[k].get("bad") for k in ("ratio", "women", "young", "full_term"))
        ),
        "min_ratio": MIN_PLAN_RATIO,
        "page": keyset_page(request, posts, POST_SORT_COLUMNS, default="don_vi", size=PAGE_SIZE),
        "query": query_without_paging(request.GET),
        "can_add_post": editable_units(request.user).exists(),
        "is_board": is_board(request.user),
        "export_url": export_url("planning:plan_export", term, on),
    }
    return render(request, "planning/term_detail.html", context)


@reader_required
def post_create(request, pk):
    term = term_for(request, pk)
    if not editable_units(request.user).exists():
        raise PermissionDenied("Anh/chị chỉ có quyền xem quy hoạch.")
    form = PostForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.post_create(actor=request.user, term=term, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Đã thêm chức danh {post.position} – {post.unit.name}.")
            return redirect("planning:post_detail", pk=post.pk)
    title = f"Thêm chức danh quy hoạch nhiệm kỳ {term.code}"
    return render(request, "planning/form.html", {"form": form, "title": title, "term": term})
