"""REST API of the standards module: the catalogue, a check, the gap list, review campaigns.

Thin doors: the page forms parse the parameters (Vietnamese errors as 400), selectors scope every read
(outside the user's units → 404), services write.
"""

from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from canbo.accounts.access import WritesCadreWork
from canbo.accounts.api_views import Pagination
from canbo.core.api import form_errors, form_query_parameters
from canbo.jobs.api import JobSerializer, accepted
from canbo.org.models import OrgUnit
from canbo.people.models import Position
from canbo.people.selectors import person_get_for_user
from canbo.people.selectors import person_list as select_persons

from . import services
from .engine import check_person
from .forms import CampaignForm, CheckForm, GapForm, RecheckForm
from .gaps import count_group, gap_groups, gap_page_entries
from .jobs import campaign_create_start, campaign_recheck_start
from .models import ReviewFinding
from .selectors import (
    campaign_counts,
    campaign_queryset_for,
    can_manage_campaign,
    finding_queryset_for,
    reads_cadre_work,
    standard_list,
)
from .serializers import (
    CampaignDetailSerializer,
    CampaignSerializer,
    CheckSerializer,
    FindingSerializer,
    GapEntrySerializer,
    GapGroupSerializer,
    RecheckResultSerializer,
    StandardSerializer,
)

TAG = "Tiêu chuẩn chức danh"
NO_ACCESS = "Anh/chị không có quyền xem kiểm tra tiêu chuẩn cán bộ."


class StaffPermission(permissions.BasePermission):
    """Persons' checks and reviews: the board, the Standing Committee, unit officers and leaders."""

    message = NO_ACCESS

    def has_permission(self, request, view):
        return reads_cadre_work(request.user)


@extend_schema(tags=[TAG], summary="Danh mục tiêu chuẩn chức danh (mọi phiên bản, hoặc có hiệu lực ngày on)")
class StandardListApi(generics.ListAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = StandardSerializer
    pagination_class = Pagination

    def get_queryset(self):
        from .forms import StandardFilterForm

        form = StandardFilterForm(self.request.query_params)
        if not form.is_valid():
            raise form_errors(form)
        return standard_list(user=self.request.user, on=form.cleaned_data.get("on"))


@extend_schema(tags=[TAG], summary="Một tiêu chuẩn chức danh")
class StandardDetailApi(generics.RetrieveAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = StandardSerializer

    def get_queryset(self):
        return standard_list(user=self.request.user)


class CheckApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated, StaffPermission]
    serializer_class = CheckSerializer

    @extend_schema(
        tags=[TAG],
        summary="Kiểm tra tiêu chuẩn: một cán bộ (person=uuid), một chức vụ (position=mã), một ngày",
        parameters=form_query_parameters(CheckForm),
    )
    def get(self, request):
        form = CheckForm(request.query_params)
        if not form.is_valid():
            raise form_errors(form)
        data = form.cleaned_data
        if data.get("person"):
            person = person_get_for_user(user=request.user, uuid=data["person"])
        else:
            matches = list(select_persons(user=request.user, filters={"q": data["q"]})[:2])
            if len(matches) != 1:
                raise form_errors_for("q", "Không tìm thấy đúng một cán bộ; hãy gửi person (uuid).")
            person = matches[0]
        check = check_person(person, data["position"], data["on"], data.get("kind") or None)
        payload = {
            "person": person.uuid,
            "position": data["position"].code,
            "on": data["on"],
            "met": check.met,
            "standard": check.standard,
            "gaps": check.gaps,
            "messages": check.messages,
        }
        return Response(CheckSerializer(payload).data)


def form_errors_for(field: str, message: str):
    from rest_framework.exceptions import ValidationError

    return ValidationError({field: [message]})


class GapListApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated, StaffPermission]
    serializer_class = GapEntrySerializer
    pagination_class = Pagination

    @extend_schema(
        tags=[TAG],
        summary="Danh sách chưa đạt tiêu chuẩn của một đơn vị (và trực thuộc), số liệu theo tiêu chí",
        parameters=form_query_parameters(GapForm),
    )
    def get(self, request):
        form = GapForm(request.query_params, user=request.user)
        if not form.is_valid():
            raise form_errors(form)
        data = form.cleaned_data
        groups = [
            count_group(g)
            for g in gap_groups(
                user=request.user,
                unit=data["unit"],
                on=data["on"],
                position=data.get("position"),
                mode=data["mode"],
            )
        ]
        page_size = self.pagination_class().get_page_size(request)
        raw = request.query_params.get("page", "1")
        if not raw.isdigit() or int(raw) < 1:
            raise form_errors_for("page", "Trang không hợp lệ.")
        page = int(raw)
        total = sum(g.unmet for g in groups)
        entries = gap_page_entries(groups, (page - 1) * page_size, page_size)
        return Response(
            {
                "count": total,
                "page": page,
                "groups": GapGroupSerializer(groups, many=True).data,
                "results": GapEntrySerializer(entries, many=True).data,
            }
        )


@extend_schema(tags=[TAG])
class CampaignListApi(generics.ListCreateAPIView):
    permission_classes = [IsAuthenticated, StaffPermission, WritesCadreWork]
    serializer_class = CampaignSerializer
    pagination_class = Pagination

    def get_queryset(self):
        return (
            campaign_queryset_for(user=self.request.user)
            .prefetch_related("positions")
            .order_by("-review_date", "-pk")
        )

    @extend_schema(summary="Các đợt rà soát tiêu chuẩn trong phạm vi của người dùng")
    def get(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)

    @extend_schema(
        summary="Tổ chức một đợt rà soát (và rà soát ngay tại ngày rà soát), chạy nền: theo dõi ở Location",
        request=CampaignSerializer,
        responses={202: JobSerializer},
    )
    def post(self, request, *args, **kwargs):
        data = _form_data(request.data)
        form = CampaignForm(data, user=request.user)
        if not form.is_valid():
            raise form_errors(form)
        services.review_campaign_check(
            actor=request.user, **form.service_data()
        )  # refusals answer 400/403 now
        return accepted(campaign_create_start(actor=request.user, post=as_query(data)))


def as_query(data) -> QueryDict:
    """JSON data as the form data a job stores (the page's POST has the same shape)."""
    query = QueryDict(mutable=True)
    for key, value in data.items() if hasattr(data, "items") else []:
        values = value if isinstance(value, list) else [value]
        query.setlist(key, ["" if v is None else str(v) for v in values])
    return query


def _form_data(data) -> dict:
    """JSON lists and unit/position codes into the form's terms."""
    out = dict(data.items()) if hasattr(data, "items") else {}
    for key in ("unit", "responsible_unit"):
        value = out.get(key)
        if isinstance(value, str) and not value.isdigit():
            unit = OrgUnit.objects.filter(code=value).only("pk").first()
            out[key] = unit.pk if unit else value
    positions = out.get("positions") or []
    if isinstance(positions, str):
        positions = [positions]
    codes = {
        p.code: p.pk for p in Position.objects.filter(code__in=[p for p in positions if isinstance(p, str)])
    }
    out["positions"] = [codes.get(p, p) for p in positions]
    if isinstance(out.get("categories"), str):
        out["categories"] = [out["categories"]]
    return out


class CampaignApiMixin:
    def campaign(self):
        return get_object_or_404(campaign_queryset_for(user=self.request.user), pk=self.kwargs["pk"])


@extend_schema(tags=[TAG], summary="Một đợt rà soát, với số người chưa đạt, đã khắc phục, còn chưa đạt")
class CampaignDetailApi(CampaignApiMixin, generics.GenericAPIView):
    permission_classes = [IsAuthenticated, StaffPermission]
    serializer_class = CampaignDetailSerializer

    def get(self, request, pk):
        campaign = self.campaign()
        counts = campaign_counts(user=request.user, campaign=campaign)
        return Response(CampaignDetailSerializer(campaign, context={"counts": counts}).data)


@extend_schema(tags=[TAG], summary="Kết quả rà soát (open=1: chỉ những người còn chưa đạt)")
class FindingListApi(CampaignApiMixin, generics.ListAPIView):
    permission_classes = [IsAuthenticated, StaffPermission]
    serializer_class = FindingSerializer
    pagination_class = Pagination

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator
            return ReviewFinding.objects.none()
        findings = finding_queryset_for(user=self.request.user, campaign=self.campaign())
        if self.request.query_params.get("open") in ("1", "true"):
            findings = findings.filter(resolved_on__isnull=True)
        return findings.order_by("unit__path", "person__sort_key", "pk")


class CampaignRecheckApi(CampaignApiMixin, generics.GenericAPIView):
    permission_classes = [IsAuthenticated, StaffPermission]
    serializer_class = RecheckResultSerializer

    @extend_schema(
        tags=[TAG],
        summary="Kiểm tra lại (sau hạn khắc phục): ghi ngày khắc phục cho những người nay đã đạt",
        request=None,
        responses={202: JobSerializer},
    )
    def post(self, request, pk):
        campaign = self.campaign()
        if not can_manage_campaign(request.user, campaign):
            raise PermissionDenied(
                "Chỉ cán bộ tổ chức của đơn vị tổ chức rà soát (hoặc Ban Tổ chức) được thực hiện."
            )
        form = RecheckForm(request.data)
        if not form.is_valid():
            raise form_errors(form)
        services.review_campaign_recheck_on(campaign=campaign, on=form.cleaned_data.get("on"))
        job = campaign_recheck_start(actor=request.user, campaign=campaign, post=as_query(request.data))
        return accepted(job)
