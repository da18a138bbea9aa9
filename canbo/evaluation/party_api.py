"""REST API of the Party members' rating (QĐ 366/2025): thin doors over canbo.evaluation.party and the scoped
selectors. Persons by uuid (outside the user's units → 404), organisations by code."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, status
from rest_framework.response import Response

from canbo.accounts.access import WritesCadreWork
from canbo.accounts.api_views import Pagination
from canbo.core.api import BAD_INPUT, CONFLICT, NOT_FOUND, REFUSED
from canbo.people.selectors import person_queryset_for

from . import party
from .api import RatingApi
from .selectors import party_org_get_for_user, party_rating_list, reads_cadre_work
from .serializers import (
    PartyMemberRatingSerializer,
    PartyRatingBulkSerializer,
    PartyRatingInputSerializer,
    PartyRatingQuerySerializer,
)

TAG = "Xếp loại đảng viên"


class StaffOnly(permissions.BasePermission):
    message = "Anh/chị không có quyền xem xếp loại đảng viên."

    def has_permission(self, request, view):
        return reads_cadre_work(request.user)


class PartyApi(RatingApi):
    permission_classes = [*RatingApi.permission_classes, StaffOnly]


@extend_schema(tags=[TAG])
class PartyRatingListApi(PartyApi):
    permission_classes = [*PartyApi.permission_classes, WritesCadreWork]
    serializer_class = PartyMemberRatingSerializer
    pagination_class = Pagination

    @extend_schema(
        summary="Kết quả xếp loại đảng viên (theo tổ chức đảng, năm, mức)",
        parameters=[PartyRatingQuerySerializer],
        responses={200: PartyMemberRatingSerializer(many=True), 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request):
        query = PartyRatingQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        filters = dict(query.validated_data)
        if filters.get("party_org"):
            filters["party_org"] = party_org_get_for_user(user=request.user, code=filters["party_org"])
        page = self.paginate_queryset(party_rating_list(user=request.user, filters=filters))
        return self.get_paginated_response(PartyMemberRatingSerializer(page, many=True).data)

    @extend_schema(
        summary="Ghi xếp loại một đảng viên (không cao hơn xếp loại CBCCVC cùng năm)",
        request=PartyRatingInputSerializer,
        responses={
            201: PartyMemberRatingSerializer,
            400: BAD_INPUT,
            403: REFUSED,
            404: NOT_FOUND,
            409: CONFLICT,
        },
    )
    def post(self, request):
        data = self.valid(PartyRatingInputSerializer)
        person = get_object_or_404(
            person_queryset_for(user=request.user).select_related("current_unit"), uuid=data.pop("person")
        )
        org = party_org_get_for_user(user=request.user, code=data.pop("party_org"))
        version = data.pop("version", None)
        rating = party.party_rating_record(
            actor=request.user, person=person, party_org=org, expected_version=version, **data
        )
        return Response(PartyMemberRatingSerializer(rating).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG])
class PartyRatingBulkApi(PartyApi):
    permission_classes = [*PartyApi.permission_classes, WritesCadreWork]
    serializer_class = PartyRatingBulkSerializer

    @extend_schema(
        summary="Ghi xếp loại các đảng viên của một tổ chức đảng (tất cả hoặc không; lỗi theo mã hồ sơ)",
        request=PartyRatingBulkSerializer,
        responses={201: PartyMemberRatingSerializer(many=True), 400: BAD_INPUT, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request):
        data = self.valid(PartyRatingBulkSerializer)
        org = party_org_get_for_user(user=request.user, code=data["party_org"])
        uuids = [e["person"] for e in data["entries"]]
        people = {
            p.uuid: p
            for p in person_queryset_for(user=request.user)
            .select_related("current_unit")
            .filter(uuid__in=uuids)
        }
        missing = [str(u) for u in uuids if u not in people]
        if missing:
            return Response(
                {"entries": [f"Không tìm thấy người có uuid {u} trong phạm vi được xem." for u in missing]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        entries = [
            party.Entry(person=people[e["person"]], level=e["level"], note=e["note"]) for e in data["entries"]
        ]
        ratings = party.party_rating_record_bulk(
            actor=request.user,
            party_org=org,
            year=data["year"],
            decided_on=data["decided_on"],
            entries=entries,
        )
        return Response(PartyMemberRatingSerializer(ratings, many=True).data, status=status.HTTP_201_CREATED)
