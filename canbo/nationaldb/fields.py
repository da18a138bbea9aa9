"""The national database's fields (NĐ 27/2026/NĐ-CP, Art. 5: ten groups, 194 fields) mapped to Canbo's records.

One row per field: its code (group.number), group, Vietnamese name, whether the national database requires it,
and where Canbo holds it:
- `people.Person.full_name` — a model field that holds it (HELD);
- the same with `derived=True`, or a function path `canbo.people.retirement.retirement_date` — computed from
  records Canbo holds (DERIVED);
- "" — Canbo cannot fill it yet (MISSING).

The decree fixes the ten groups and the total of 194; the annex's table of fields was not available to us, so
the split inside each group and the wording follow the unified SYLL (TT 06/2023/TT-BNV) and CV 639/BNV-VP
(2023). docs/national-db.md is written from this table (`manage.py national_db_doc`); a test holds them equal.
"""

from dataclasses import dataclass
from enum import IntEnum

LEGAL_BASIS = "NĐ 27/2026/NĐ-CP (19/01/2026, hiệu lực 01/07/2026), Điều 5; TT 06/2023/TT-BNV; CV 639/BNV-VP"
DECREE_FIELD_COUNT = 194


class Group(IntEnum):
    IDENTITY = 1
    FAMILY = 2
    HISTORY = 3
    CAREER = 4
    EDUCATION = 5
    WORK_SALARY = 6
    ORGANISATIONS = 7
    ARMED_FORCES = 8
    ASSETS = 9
    HEALTH = 10


GROUP_NAMES = {
    Group.IDENTITY: "Thông tin cơ bản về bản thân (danh tính, xuất thân, định danh)",
    Group.FAMILY: "Quan hệ gia đình",
    Group.HISTORY: "Lịch sử bản thân",
    Group.CAREER: "Tuyển dụng, bầu cử, bổ nhiệm, quy hoạch, điều động, luân chuyển, biệt phái, thôi việc, nghỉ hưu",
    Group.EDUCATION: "Giáo dục, chuyên môn, đào tạo, bồi dưỡng (LLCT, QP-AN, QLNN, kỹ năng)",
    Group.WORK_SALARY: "Cơ quan, vị trí việc làm, chức danh, chức vụ, lương, phụ cấp, đánh giá, khen thưởng, kỷ luật",
    Group.ORGANISATIONS: "Tham gia tổ chức chính trị, tổ chức chính trị - xã hội",
    Group.ARMED_FORCES: "Tham gia lực lượng vũ trang",
    Group.ASSETS: "Kê khai tài sản, thu nhập (tham chiếu bản kê khai)",
    Group.HEALTH: "Sức khỏe",
}
SENSITIVE_GROUPS = frozenset({Group.FAMILY, Group.ASSETS, Group.HEALTH})


class Coverage:
    HELD = "HELD"
    DERIVED = "DERIVED"
    MISSING = "MISSING"


@dataclass(frozen=True)
class NationalField:
    code: str
    group: Group
    name: str
    required: bool
    source: str
    derived: bool = False

    @property
    def coverage(self) -> str:
        if not self.source:
            return Coverage.MISSING
        if self.derived or self.source.startswith("canbo."):
            return Coverage.DERIVED
        return Coverage.HELD

    @property
    def model_field(self) -> tuple[str, str] | None:
        """("app_label.Model", "field") when a model field holds or feeds this field."""
        if not self.source or self.source.startswith("canbo."):
            return None
        label, _, field = self.source.rpartition(".")
        return label, field


def _f(code, name, source="", *, required=False, derived=False):
    return (code, name, source, required, derived)


P = "people.Person."
E = "people.Employment."
Q = "people.Qualification."
FAM = "dossier.FamilyMember."
HIS = "dossier.PersonalHistory."

_ROWS = {
    Group.IDENTITY: [
        _f("1.01", "Số định danh cá nhân", P + "national_id", required=True),
        _f("1.02", "Họ và tên khai sinh", P + "full_name", required=True),
        _f("1.03", "Họ", P + "family_name", derived=True),
        _f("1.04", "Chữ đệm", P + "middle_name", derived=True),
        _f("1.05", "Tên", P + "given_name", derived=True),
        _f("1.06", "Tên gọi khác", P + "other_names"),
        _f("1.07", "Giới tính", P + "gender", required=True),
        _f("1.08", "Ngày, tháng, năm sinh", P + "date_of_birth", required=True),
        _f("1.09", "Nơi sinh (tỉnh)", P + "place_of_birth", required=True),
        _f("1.10", "Nơi sinh (xã, phường)", "nationaldb.PersonPlaceCodes.birth_commune"),
        _f("1.11", "Quê quán (tỉnh)", P + "place_of_origin", required=True),
        _f("1.12", "Quê quán (xã, phường)", "nationaldb.PersonPlaceCodes.origin_commune"),
        _f("1.13", "Dân tộc", P + "ethnicity", required=True),
        _f("1.14", "Tôn giáo", P + "religion", required=True),
        _f("1.15", "Quốc tịch"),
        _f("1.16", "Nơi đăng ký thường trú"),
        _f("1.17", "Nơi ở hiện nay", P + "address"),
        _f("1.18", "Điện thoại", P + "phone"),
        _f("1.19", "Thư điện tử", P + "email"),
        _f("1.20", "Thành phần gia đình xuất thân"),
        _f("1.21", "Nghề nghiệp trước khi được tuyển dụng"),
        _f("1.22", "Mã hồ sơ của cơ quan quản lý", P + "code"),
        _f("1.23", "Số hiệu cán bộ, công chức, viên chức"),
        _f("1.24", "Ảnh chân dung", "dossier.PersonPhoto.image"),
        _f("1.25", "Ngày cấp thẻ căn cước", P + "id_card_issued_on"),
        _f("1.26", "Nơi cấp thẻ căn cước", P + "id_card_issued_by"),
        _f("1.27", "Số sổ bảo hiểm xã hội", P + "social_insurance_number"),
        _f("1.28", "Mã số thuế cá nhân"),
        _f("1.29", "Tình trạng hôn nhân"),
        _f("1.30", "Diện chính sách (con liệt sĩ, con thương binh, …)"),
        _f("1.31", "Sở trường công tác"),
        _f("1.32", "Tình trạng công tác", P + "status", required=True),
        _f("1.33", "Ngày thay đổi tình trạng công tác", P + "status_date"),
        _f("1.34", "Đối tượng (cán bộ, công chức, viên chức, người lao động)", P + "category", required=True),
        _f("1.35", "Ngày tham gia cách mạng / bắt đầu công tác"),
    ],
    Group.FAMILY: [
        _f("2.01", "Mối quan hệ", FAM + "relation", required=True),
        _f("2.02", "Bên (bản thân / bên vợ, chồng)", FAM + "side", derived=True),
        _f("2.03", "Họ và tên người thân", FAM + "full_name", required=True),
        _f("2.04", "Năm sinh", FAM + "birth_year"),
        _f("2.05", "Năm mất", FAM + "deceased_year"),
        _f("2.06", "Quê quán", FAM + "hometown"),
        _f("2.07", "Nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập", FAM + "occupation"),
        _f("2.08", "Nơi ở", FAM + "residence"),
        _f("2.09", "Định cư ở nước ngoài", FAM + "lives_abroad"),
        _f("2.10", "Thành viên tổ chức chính trị - xã hội", FAM + "political_memberships"),
        _f("2.11", "Số định danh cá nhân của người thân"),
        _f("2.12", "Quốc tịch của người thân"),
        _f("2.13", "Thứ tự kê khai", FAM + "order"),
    ],
    Group.HISTORY: [
        _f("3.01", "Bị bắt, bị tù (thời gian, nơi, đã khai báo cho ai)", HIS + "detention"),
        _f("3.02", "Làm việc trong chế độ cũ", HIS + "former_regime_service"),
        _f("3.03", "Tham gia, quan hệ với tổ chức ở nước ngoài", HIS + "foreign_organisations"),
        _f("3.04", "Thân nhân ở nước ngoài", HIS + "relatives_abroad"),
        _f("3.05", "Tóm tắt quá trình công tác", "canbo.people.selectors.person_timeline"),
        _f("3.06", "Quá trình công tác: từ ngày", E + "start_date", required=True),
        _f("3.07", "Quá trình công tác: đến ngày", E + "end_date"),
        _f("3.08", "Quá trình công tác: cơ quan, đơn vị", E + "unit", required=True),
        _f("3.09", "Quá trình công tác: chức vụ", E + "position"),
        _f("3.10", "Quá trình hoạt động trước khi được tuyển dụng"),
        _f("3.11", "Nhận xét, đánh giá của cơ quan quản lý"),
    ],
    Group.CAREER: [
        _f("4.01", "Ngày được tuyển dụng", P + "recruited_on", required=True),
        _f("4.02", "Cơ quan tuyển dụng", E + "unit", derived=True),
        _f("4.03", "Hình thức tuyển dụng (thi tuyển, xét tuyển, tiếp nhận)"),
        _f("4.04", "Ngày về cơ quan hiện nay", E + "start_date", derived=True),
        _f("4.05", "Hình thức biến động (tuyển dụng, bổ nhiệm, điều động, …)", E + "move"),
        _f("4.06", "Số quyết định biến động", E + "decision_number"),
        _f("4.07", "Ngày quyết định biến động"),
        _f("4.08", "Cơ quan ban hành quyết định biến động"),
        _f("4.09", "Bổ nhiệm: hình thức (lần đầu, lại)", "movements.Appointment.kind"),
        _f("4.10", "Bổ nhiệm: số quyết định", "movements.Appointment.decision_number"),
        _f("4.11", "Bổ nhiệm: ngày quyết định", "movements.Appointment.decision_date"),
        _f("4.12", "Bổ nhiệm: thời hạn đến", "movements.Appointment.term_end"),
        _f("4.13", "Bầu cử, phê chuẩn: ngày"),
        _f("4.14", "Bầu cử: chức danh và nhiệm kỳ"),
        _f("4.15", "Quy hoạch: chức danh", "planning.PlanningEntry.post"),
        _f("4.16", "Quy hoạch: ngày phê duyệt", "planning.PlanningEntry.approved_on"),
        _f("4.17", "Quy hoạch: ngày đưa ra khỏi quy hoạch", "planning.PlanningEntry.removed_on"),
        _f("4.18", "Điều động, luân chuyển, biệt phái: hình thức", "movements.Movement.kind"),
        _f("4.19", "Điều động, luân chuyển, biệt phái: đơn vị đến", "movements.Movement.to_unit"),
        _f("4.20", "Điều động, luân chuyển, biệt phái: từ ngày", "movements.Movement.start_date"),
        _f("4.21", "Biệt phái, luân chuyển: thời hạn", "movements.Movement.end_date"),
        _f("4.22", "Số quyết định điều động, luân chuyển, biệt phái", "movements.Movement.decision_number"),
        _f("4.23", "Thôi việc, nghỉ hưu: ngày", P + "status_date", derived=True),
        _f("4.24", "Thôi việc: lý do", "movements.Movement.reason"),
        _f("4.25", "Ngày đủ tuổi nghỉ hưu", "canbo.people.retirement.retirement_date"),
        _f("4.26", "Tinh giản biên chế: lý do", "staffing.StreamliningCase.reason"),
        _f("4.27", "Tinh giản biên chế: ngày nghỉ", "staffing.StreamliningCase.exit_date"),
    ],
    Group.EDUCATION: [
        _f("5.01", "Trình độ giáo dục phổ thông", P + "general_education"),
        _f("5.02", "Trình độ chuyên môn cao nhất", "canbo.people.selectors.highest_qualifications"),
        _f("5.03", "Văn bằng: loại trình độ", Q + "scale", required=True),
        _f("5.04", "Văn bằng: trình độ", Q + "level", required=True),
        _f("5.05", "Văn bằng: chuyên ngành", Q + "field"),
        _f("5.06", "Văn bằng: cơ sở đào tạo", Q + "issuer"),
        _f("5.07", "Văn bằng: ngày cấp", Q + "awarded_on", required=True),
        _f("5.08", "Văn bằng: số hiệu", Q + "document_number"),
        _f("5.09", "Hình thức đào tạo (chính quy, vừa làm vừa học, …)"),
        _f("5.10", "Xếp loại tốt nghiệp"),
        _f("5.11", "Quốc gia cấp bằng"),
        _f("5.12", "Học hàm (giáo sư, phó giáo sư) và năm phong", Q + "level", derived=True),
        _f("5.13", "Học vị cao nhất", "canbo.people.selectors.highest_qualifications"),
        _f("5.14", "Lý luận chính trị cao nhất", "canbo.people.selectors.highest_qualifications"),
        _f("5.15", "Quản lý nhà nước cao nhất", "canbo.people.selectors.highest_qualifications"),
        _f("5.16", "Ngoại ngữ (ngôn ngữ, trình độ)", Q + "field", derived=True),
        _f("5.17", "Tin học", Q + "level", derived=True),
        _f("5.18", "Tiếng dân tộc thiểu số", Q + "field", derived=True),
        _f("5.19", "Bồi dưỡng kiến thức quốc phòng, an ninh: đối tượng"),
        _f("5.20", "Bồi dưỡng kiến thức quốc phòng, an ninh: năm hoàn thành"),
        _f("5.21", "Bồi dưỡng: tên khóa, chương trình", "training.Enrolment.programme"),
        _f("5.22", "Bồi dưỡng: từ ngày", "training.Enrolment.start_date"),
        _f("5.23", "Bồi dưỡng: đến ngày", "training.Enrolment.end_date"),
        _f("5.24", "Bồi dưỡng: hình thức (tập trung, không tập trung)", "training.Enrolment.mode"),
        _f("5.25", "Bồi dưỡng: trong nước / nước ngoài", "training.Enrolment.venue"),
        _f("5.26", "Bồi dưỡng: kết quả", "training.Enrolment.result"),
        _f("5.27", "Bồi dưỡng: số chứng chỉ", "training.Enrolment.certificate_number"),
        _f("5.28", "Được cử đi đào tạo: cơ sở, chuyên ngành", "training.StudyAssignment.institution"),
        _f(
            "5.29", "Được cử đi đào tạo: thời gian cam kết phục vụ", "training.StudyAssignment.commitment_end"
        ),
        _f("5.30", "Chứng chỉ bồi dưỡng theo tiêu chuẩn chức danh nghề nghiệp"),
        _f("5.31", "Bồi dưỡng theo tiêu chuẩn chức vụ lãnh đạo, quản lý"),
    ],
    Group.WORK_SALARY: [
        _f("6.01", "Cơ quan, đơn vị đang công tác", P + "current_unit", required=True),
        _f("6.02", "Mã cơ quan, đơn vị", "org.OrgUnit.code", derived=True),
        _f("6.03", "Cơ quan quản lý cấp trên", "org.OrgUnit.parent", derived=True),
        _f("6.04", "Cấp hành chính của cơ quan", "org.OrgUnit.level", derived=True),
        _f("6.05", "Vị trí việc làm"),
        _f("6.06", "Mã vị trí việc làm"),
        _f("6.07", "Chức vụ, chức danh hiện tại", P + "position"),
        _f("6.08", "Ngày bổ nhiệm chức vụ hiện tại", "movements.Appointment.term_start", derived=True),
        _f("6.09", "Chức vụ kiêm nhiệm"),
        _f("6.10", "Chức vụ Đảng, đoàn thể hiện tại"),
        _f("6.11", "Ngạch công chức / chức danh nghề nghiệp", P + "rank", required=True),
        _f("6.12", "Mã ngạch / mã số chức danh nghề nghiệp", "people.Rank.code", derived=True),
        _f("6.13", "Ngày bổ nhiệm vào ngạch"),
        _f("6.14", "Bậc lương", P + "salary_step"),
        _f("6.15", "Hệ số lương", P + "salary_coefficient"),
        _f("6.16", "Ngày hưởng bậc lương hiện tại"),
        _f("6.17", "Mốc xét nâng lương lần sau"),
        _f("6.18", "Phần trăm phụ cấp thâm niên vượt khung"),
        _f("6.19", "Ngày hưởng phụ cấp vượt khung"),
        _f("6.20", "Phụ cấp chức vụ"),
        _f("6.21", "Phụ cấp trách nhiệm theo nghề, công việc"),
        _f("6.22", "Phụ cấp khu vực"),
        _f("6.23", "Phụ cấp thâm niên nghề"),
        _f("6.24", "Phụ cấp công vụ, ưu đãi nghề"),
        _f("6.25", "Phụ cấp khác"),
        _f("6.26", "Loại hợp đồng (viên chức, người lao động)"),
        _f("6.27", "Ngày hết hạn hợp đồng"),
        _f("6.28", "Công việc chính được giao"),
        _f("6.29", "Đánh giá, xếp loại: năm", "evaluation.AnnualRating.year"),
        _f("6.30", "Đánh giá, xếp loại: kết quả", "evaluation.AnnualRating.level"),
        _f("6.31", "Đánh giá, xếp loại: số quyết định", "evaluation.AnnualRating.decision_number"),
        _f("6.32", "Khen thưởng: danh hiệu, hình thức", "emulation.Award.form"),
        _f("6.33", "Khen thưởng: năm", "emulation.Award.year"),
        _f("6.34", "Khen thưởng: số quyết định", "emulation.Award.decision_number"),
        _f("6.35", "Khen thưởng: ngày quyết định", "emulation.Award.decision_date"),
        _f("6.36", "Khen thưởng: cấp khen", "emulation.Award.issuing_body"),
        _f("6.37", "Kỷ luật: hình thức", "discipline.DisciplineRecord.form"),
        _f("6.38", "Kỷ luật: số quyết định", "discipline.DisciplineRecord.decision_number"),
        _f("6.39", "Kỷ luật: ngày quyết định", "discipline.DisciplineRecord.decided_on"),
        _f("6.40", "Kỷ luật: thời hạn hết hiệu lực", "discipline.DisciplineRecord.effective_until"),
        _f("6.41", "Kỷ luật: cơ quan quyết định", "discipline.DisciplineRecord.authority"),
        _f("6.42", "Kỷ luật: hành vi vi phạm", "discipline.DisciplineRecord.reason"),
    ],
    Group.ORGANISATIONS: [
        _f("7.01", "Ngày vào Đảng Cộng sản Việt Nam", P + "party_admission_date"),
        _f("7.02", "Ngày chính thức", P + "party_full_member_date"),
        _f("7.03", "Chi bộ kết nạp", "party.Admission.cell"),
        _f("7.04", "Số thẻ đảng viên"),
        _f("7.05", "Ngày ra khỏi Đảng (xóa tên, khai trừ)", "party.Admission.removed_on"),
        _f("7.06", "Chi bộ đang sinh hoạt"),
        _f("7.07", "Tổ chức chính trị - xã hội", "dossier.OrganisationMembership.organisation"),
        _f("7.08", "Tên tổ chức (tổ chức khác)", "dossier.OrganisationMembership.organisation_name"),
        _f("7.09", "Ngày tham gia tổ chức", "dossier.OrganisationMembership.joined_on"),
        _f("7.10", "Ngày thôi tham gia tổ chức", "dossier.OrganisationMembership.left_on"),
        _f("7.11", "Chức vụ trong tổ chức", "dossier.OrganisationMembership.role"),
        _f(
            "7.12", "Ngày vào Đoàn TNCS Hồ Chí Minh", "dossier.OrganisationMembership.joined_on", derived=True
        ),
        _f("7.13", "Ngày vào Công đoàn", "dossier.OrganisationMembership.joined_on", derived=True),
    ],
    Group.ARMED_FORCES: [
        _f("8.01", "Lực lượng (quân đội, công an, …)", "dossier.MilitaryService.force"),
        _f("8.02", "Ngày nhập ngũ", "dossier.MilitaryService.enlisted_on"),
        _f("8.03", "Ngày xuất ngũ", "dossier.MilitaryService.discharged_on"),
        _f("8.04", "Quân hàm cao nhất", "dossier.MilitaryService.highest_rank"),
        _f("8.05", "Quân chủng, binh chủng, đơn vị", "dossier.MilitaryService.branch"),
        _f("8.06", "Danh hiệu được phong tặng"),
        _f(
            "8.07",
            "Số năm phục vụ trong lực lượng vũ trang",
            "dossier.MilitaryService.discharged_on",
            derived=True,
        ),
    ],
    Group.ASSETS: [
        _f("9.01", "Năm kê khai", "dossier.AssetDeclaration.year"),
        _f("9.02", "Loại kê khai", "dossier.AssetDeclaration.kind"),
        _f("9.03", "Số, ký hiệu bản kê khai", "dossier.AssetDeclaration.reference_number"),
        _f("9.04", "Nơi lưu giữ bản kê khai", "dossier.AssetDeclaration.kept_at"),
        _f("9.05", "Ngày công khai bản kê khai"),
        _f("9.06", "Cơ quan kiểm soát tài sản, thu nhập"),
    ],
    Group.HEALTH: [
        _f("10.01", "Tính đến ngày", "dossier.HealthRecord.as_of"),
        _f("10.02", "Tình trạng sức khỏe", "dossier.HealthRecord.status"),
        _f("10.03", "Chiều cao", "dossier.HealthRecord.height_cm"),
        _f("10.04", "Cân nặng", "dossier.HealthRecord.weight_kg"),
        _f("10.05", "Nhóm máu", "dossier.HealthRecord.blood_group"),
        _f(
            "10.06",
            "Thương binh, bệnh binh hạng / mức độ khuyết tật",
            "dossier.HealthRecord.disability_class",
        ),
        _f("10.07", "Bệnh mãn tính, bệnh nghề nghiệp"),
        _f("10.08", "Cơ sở khám sức khỏe"),
        _f("10.09", "Kết luận khám sức khỏe định kỳ"),
    ],
}

FIELDS: tuple[NationalField, ...] = tuple(
    NationalField(code=code, group=group, name=name, required=required, source=source, derived=derived)
    for group, rows in _ROWS.items()
    for code, name, source, required, derived in rows
)
BY_CODE = {f.code: f for f in FIELDS}


def coverage_counts() -> dict:
    """{"total": n, "HELD": n, "DERIVED": n, "MISSING": n, "groups": {group: {...}}} from the table."""
    counts = {"total": len(FIELDS), Coverage.HELD: 0, Coverage.DERIVED: 0, Coverage.MISSING: 0, "groups": {}}
    for field in FIELDS:
        counts[field.coverage] += 1
        group = counts["groups"].setdefault(
            field.group, {"total": 0, Coverage.HELD: 0, Coverage.DERIVED: 0, Coverage.MISSING: 0}
        )
        group["total"] += 1
        group[field.coverage] += 1
    return counts


def fields_by_model() -> dict[tuple[str, str], list[NationalField]]:
    """(app_label.Model, field) → the national fields it holds or feeds (the outbox's index)."""
    index: dict[tuple[str, str], list[NationalField]] = {}
    for field in FIELDS:
        if field.model_field:
            index.setdefault(field.model_field, []).append(field)
    return index
