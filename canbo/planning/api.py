"""The planning API under /api/v1/planning/: terms (composition, removal proposals, training needs), posts,
entries (propose, withdraw, approve and remove by decision) and decisions. Thin: parse, call one service or
selector, answer. Readers: board, Standing Committee, unit officers, leaders; others 403; outside 404."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, permissions, status
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from canbo.accounts.access import BoardWrites, WritesCadreWork
from canbo.accounts.api_views import Pagination
from canbo.accounts.scoping import visible_units
from canbo.core.api import parse_query
from canbo.people.choices import PersonStatus
from canbo.people.models import Position
from canbo.people.selectors import person_queryset_for
from canbo.training.selectors import plan_queryset_for

from . import services
from .needs import training_needs
from .selectors import (
    decision_queryset_for,
    entry_queryset_for,
    is_reader,
    plan_composition,
    post_queryset_for,
    removal_proposals,
    term_queryset_for,
)
from .serializers import (
    ApproveSerializer,
    AsOfQuerySerializer,
    CompositionSerializer,
    ConfirmSerializer,
    DecisionDetailSerializer,
    DecisionQuerySerializer,
    DecisionSerializer,
    EntryQuerySerializer,
    EntrySerializer,
    NeedsProposeSerializer,
    NeedsSerializer,
    PostCreateSerializer,
    PostQuerySerializer,
    PostSerializer,
    ProposeSerializer,
    RemovalProposalSerializer,
    RemoveSerializer,
    TermCreateSerializer,
    TermSerializer,
    composition_row_data,
    needs_data,
)

TAG = "Quy hoạch cán bộ"


class PlanningReader(permissions.BasePermission):
    message = "Anh/chị không có quyền xem quy hoạch cán bộ."

    def has_permission(self, request, view):
        return is_reader(request.user)


class PlanningApi(generics.GenericAPIView):
    permission_classes = [IsAuthenticated, PlanningReader]
    filter_backends: list = []

    def valid(self, serializer_class) -> dict:
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def term(self):
        return get_object_or_404(term_queryset_for(user=self.request.user), pk=self.kwargs["pk"])

    def as_of(self):
        query = parse_query(AsOfQuerySerializer, self.request)
        org = None
        if query.get("org"):
            org = get_object_or_404(visible_units(self.request.user), code=query["org"])
        return query.get("on") or timezone.localdate(), org

    def entries_of(self, ids):
        found = {e.pk: e for e in entry_queryset_for(user=self.request.user).filter(pk__in=ids)}
        missing = [str(i) for i in ids if i not in found]
        if missing:
            raise ApiValidationError(
                {"entries": [f"Không tìm thấy người trong quy hoạch mã số {', '.join(missing)}."]}
            )
        return [found[i] for i in ids]


# --- terms ---------------------------------------------------------------------------------------------------


@extend_schema(tags=[TAG])
class TermListApi(PlanningApi):
    permission_classes = [*PlanningApi.permission_classes, BoardWrites]
    serializer_class = TermSerializer

    @extend_schema(
        summary="Các nhiệm kỳ quy hoạch",
        operation_id="planning_terms_list",
        responses={200: TermSerializer(many=True)},
    )
    def get(self, request):
        return Response(TermSerializer(term_queryset_for(user=request.user), many=True).data)

    @extend_schema(summary="Lập nhiệm kỳ quy hoạch (Ban Tổ chức)", request=TermCreateSerializer,
                   responses={201: TermSerializer})  # fmt: skip
    def post(self, request):
        term = services.term_create(actor=request.user, data=self.valid(TermCreateSerializer))
        return Response(TermSerializer(term).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class TermDetailApi(PlanningApi):
    serializer_class = TermSerializer

    @extend_schema(summary="Một nhiệm kỳ quy hoạch")
    def get(self, request, pk):
        return Response(TermSerializer(self.term()).data)


@extend_schema(tags=[TAG])
class CompositionApi(PlanningApi):
    serializer_class = CompositionSerializer

    @extend_schema(summary="Cơ cấu, tỷ lệ quy hoạch theo đơn vị và toàn bộ", parameters=[AsOfQuerySerializer])
    def get(self, request, pk):
        term = self.term()
        on, org = self.as_of()
        table = plan_composition(user=request.user, term=term, on=on, org=org)
        data = {
            "term": term.code,
            "on": on,
            "rows": [composition_row_data(r) for r in table.rows],
            "total": composition_row_data(table.total),
        }
        return Response(CompositionSerializer(data).data)


@extend_schema(tags=[TAG])
class RemovalProposalsApi(PlanningApi):
    serializer_class = RemovalProposalSerializer

    @extend_schema(summary="Đề nghị đưa ra khỏi quy hoạch (quá tuổi, kỷ luật, thôi công tác)",
                   parameters=[AsOfQuerySerializer], responses={200: RemovalProposalSerializer(many=True)})  # fmt: skip
    def get(self, request, pk):
        on, org = self.as_of()
        proposals = removal_proposals(user=request.user, term=self.term(), on=on, org=org)
        return Response(RemovalProposalSerializer(proposals, many=True).data)

    @extend_schema(summary="Xác nhận đưa ra theo quyết định (Ban Tổ chức)", request=ConfirmSerializer,
                   responses={200: RemovalProposalSerializer(many=True)})  # fmt: skip
    def post(self, request, pk):
        term = self.term()
        data = self.valid(ConfirmSerializer)
        on = data.get("on") or timezone.localdate()
        services.removal_proposals_confirm(
            actor=request.user,
            term=term,
            entry_ids=data["entries"],
            number=data["number"],
            date=data["date"],
            approving_body=data["approving_body"],
            on=on,
        )
        return Response(
            RemovalProposalSerializer(removal_proposals(user=request.user, term=term, on=on), many=True).data
        )


@extend_schema(tags=[TAG])
class NeedsApi(PlanningApi):
    serializer_class = NeedsSerializer

    @extend_schema(summary="Nhu cầu đào tạo của người trong quy hoạch", parameters=[AsOfQuerySerializer])
    def get(self, request, pk):
        on, org = self.as_of()
        needs = training_needs(user=request.user, term=self.term(), on=on, org=org)
        return Response(NeedsSerializer(needs_data(needs)).data)

    @extend_schema(summary="Đưa nhu cầu vào kế hoạch đào tạo năm sau (dự thảo)", request=NeedsProposeSerializer,
                   responses={200: NeedsSerializer})  # fmt: skip
    def post(self, request, pk):
        term = self.term()
        data = self.valid(NeedsProposeSerializer)
        plan = get_object_or_404(plan_queryset_for(user=request.user), pk=data["plan"])
        on = data.get("on") or timezone.localdate()
        lines = services.training_lines_propose(actor=request.user, term=term, plan=plan, on=on)
        return Response({"plan": plan.pk, "lines": [{"id": li.pk, "programme": li.programme.code,
                                                     "target_count": li.target_count} for li in lines]})  # fmt: skip


# --- posts ---------------------------------------------------------------------------------------------------


@extend_schema(tags=[TAG])
class PostListApi(PlanningApi):
    permission_classes = [*PlanningApi.permission_classes, WritesCadreWork]
    serializer_class = PostSerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Chức danh quy hoạch", operation_id="planning_posts_list", parameters=[PostQuerySerializer]
    )
    def get(self, request):
        query = parse_query(PostQuerySerializer, request)
        posts = post_queryset_for(user=request.user).order_by("term", "unit__path", "-position__tier", "pk")
        if "term" in query:
            posts = posts.filter(term_id=query["term"])
        if "tier" in query:
            posts = posts.filter(tier=query["tier"])
        if "unit" in query:
            unit = get_object_or_404(visible_units(request.user), code=query["unit"])
            posts = posts.filter(unit__path__startswith=unit.path)
        page = self.paginate_queryset(posts)
        return self.get_paginated_response(PostSerializer(page, many=True).data)

    @extend_schema(
        summary="Thêm chức danh quy hoạch", request=PostCreateSerializer, responses={201: PostSerializer}
    )
    def post(self, request):
        data = self.valid(PostCreateSerializer)
        term = get_object_or_404(term_queryset_for(user=request.user), pk=data["term"])
        unit = get_object_or_404(visible_units(request.user), code=data["unit"])
        position = Position.objects.filter(code=data["position"]).first()
        if position is None:
            raise ApiValidationError({"position": [f"Không có chức vụ mã “{data['position']}”."]})
        post = services.post_create(
            actor=request.user,
            term=term,
            unit=unit,
            position=position,
            tier=data["tier"],
            seats=data["seats"],
        )
        return Response(PostSerializer(post).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class PostDetailApi(PlanningApi):
    serializer_class = PostSerializer

    @extend_schema(summary="Một chức danh quy hoạch")
    def get(self, request, pk):
        return Response(PostSerializer(get_object_or_404(post_queryset_for(user=request.user), pk=pk)).data)


# --- entries -------------------------------------------------------------------------------------------------


@extend_schema(tags=[TAG])
class EntryListApi(PlanningApi):
    permission_classes = [*PlanningApi.permission_classes, WritesCadreWork]
    serializer_class = EntrySerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Người trong quy hoạch và đề xuất",
        operation_id="planning_entries_list",
        parameters=[EntryQuerySerializer],
    )
    def get(self, request):
        query = parse_query(EntryQuerySerializer, request)
        entries = entry_queryset_for(user=request.user).order_by(
            "post__unit__path", "post_id", "person__sort_key"
        )
        if "term" in query:
            entries = entries.filter(post__term_id=query["term"])
        if "post" in query:
            entries = entries.filter(post_id=query["post"])
        if "status" in query:
            entries = entries.filter(status=query["status"])
        page = self.paginate_queryset(entries)
        return self.get_paginated_response(EntrySerializer(page, many=True).data)

    @extend_schema(
        summary="Đề xuất người vào quy hoạch", request=ProposeSerializer, responses={201: EntrySerializer}
    )
    def post(self, request):
        data = self.valid(ProposeSerializer)
        post = get_object_or_404(post_queryset_for(user=request.user), pk=data["post"])
        person = (
            person_queryset_for(user=request.user)
            .filter(uuid=data["person"], status=PersonStatus.WORKING)
            .first()
        )
        if person is None:
            raise ApiValidationError(
                {"person": ["Không tìm thấy người đang công tác này trong phạm vi được xem."]}
            )
        entry = services.entry_propose(actor=request.user, post=post, person=person, note=data["note"])
        entry = entry_queryset_for(user=request.user).get(pk=entry.pk)
        return Response(EntrySerializer(entry).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class EntryDetailApi(PlanningApi):
    serializer_class = EntrySerializer

    @extend_schema(summary="Một người trong quy hoạch")
    def get(self, request, pk):
        return Response(EntrySerializer(get_object_or_404(entry_queryset_for(user=request.user), pk=pk)).data)


@extend_schema(tags=[TAG])
class EntryWithdrawApi(PlanningApi):
    serializer_class = EntrySerializer

    @extend_schema(summary="Rút đề xuất chưa phê duyệt", request=None)
    def post(self, request, pk):
        entry = get_object_or_404(entry_queryset_for(user=request.user), pk=pk)
        services.entry_withdraw(actor=request.user, entry=entry)
        return Response(EntrySerializer(entry_queryset_for(user=request.user).get(pk=pk)).data)


@extend_schema(tags=[TAG])
class EntriesApproveApi(PlanningApi):
    permission_classes = [*PlanningApi.permission_classes, BoardWrites]
    serializer_class = DecisionSerializer

    @extend_schema(summary="Phê duyệt (bổ sung) quy hoạch theo quyết định (Ban Tổ chức)", request=ApproveSerializer,
                   responses={200: DecisionDetailSerializer})  # fmt: skip
    def post(self, request):
        data = self.valid(ApproveSerializer)
        decision = services.entries_approve(
            actor=request.user,
            entries=self.entries_of(data["entries"]),
            number=data["number"],
            date=data["date"],
            approving_body=data["approving_body"],
            is_supplement=data["is_supplement"],
            note=data["note"],
        )
        return Response(DecisionDetailSerializer(_decision_detail(request.user, decision)).data)


@extend_schema(tags=[TAG])
class EntriesRemoveApi(PlanningApi):
    permission_classes = [*PlanningApi.permission_classes, BoardWrites]
    serializer_class = DecisionSerializer

    @extend_schema(summary="Đưa ra khỏi quy hoạch theo quyết định (Ban Tổ chức)", request=RemoveSerializer,
                   responses={200: DecisionDetailSerializer})  # fmt: skip
    def post(self, request):
        data = self.valid(RemoveSerializer)
        decision = services.entries_remove(
            actor=request.user,
            entries=self.entries_of(data["entries"]),
            reason=data["reason"],
            number=data["number"],
            date=data["date"],
            approving_body=data["approving_body"],
            note=data["note"],
        )
        return Response(DecisionDetailSerializer(_decision_detail(request.user, decision)).data)


# --- decisions -----------------------------------------------------------------------------------------------


def _decision_detail(user, decision):
    entries = entry_queryset_for(user=user).order_by("post__unit__path", "person__sort_key")
    decision.scoped_additions = list(entries.filter(approved_by=decision))
    decision.scoped_removals = list(entries.filter(removed_by=decision))
    return decision


@extend_schema(tags=[TAG])
class DecisionListApi(PlanningApi):
    serializer_class = DecisionSerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Quyết định phê duyệt, rà soát quy hoạch",
        operation_id="planning_decisions_list",
        parameters=[DecisionQuerySerializer],
    )
    def get(self, request):
        query = parse_query(DecisionQuerySerializer, request)
        decisions = decision_queryset_for(user=request.user).order_by("-date", "-pk")
        if "term" in query:
            decisions = decisions.filter(term_id=query["term"])
        page = self.paginate_queryset(decisions)
        return self.get_paginated_response(DecisionSerializer(page, many=True).data)


@extend_schema(tags=[TAG])
class DecisionDetailApi(PlanningApi):
    serializer_class = DecisionDetailSerializer

    @extend_schema(summary="Một quyết định, với người được phê duyệt và đưa ra (trong phạm vi được xem)")
    def get(self, request, pk):
        decision = get_object_or_404(decision_queryset_for(user=request.user), pk=pk)
        return Response(DecisionDetailSerializer(_decision_detail(request.user, decision)).data)
