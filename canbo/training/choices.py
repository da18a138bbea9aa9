"""Enumerations of training and fostering (domain.md §2), with Vietnamese labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TrainingForm(models.TextChoices):
    """Đào tạo (a degree or political-theory diploma) vs bồi dưỡng (a short non-degree course)."""

    TRAINING = "DAO_TAO", _("Đào tạo")
    FOSTERING = "BOI_DUONG", _("Bồi dưỡng")


class ProgrammeKind(models.TextChoices):
    DEGREE = "DEGREE", _("Đào tạo chuyên môn (cao đẳng, đại học, sau đại học)")
    POLITICAL_THEORY = "POLITICAL_THEORY", _("Lý luận chính trị")
    STATE_MGMT = "STATE_MGMT", _("Quản lý nhà nước")
    LEADERSHIP = "LEADERSHIP", _("Bồi dưỡng theo chức danh lãnh đạo, quản lý")
    PROFESSIONAL_SKILLS = "PROFESSIONAL_SKILLS", _("Bồi dưỡng nghiệp vụ")
    ECONOMIC_MGMT = "ECONOMIC_MGMT", _("Quản lý kinh tế")
    DEFENCE_SECURITY = "DEFENCE_SECURITY", _("Kiến thức quốc phòng, an ninh")
    FOREIGN_LANGUAGE = "FOREIGN_LANGUAGE", _("Ngoại ngữ")
    IT_DIGITAL = "IT_DIGITAL", _("Tin học, chuyển đổi số")
    ETHNIC_LANGUAGE = "ETHNIC_LANGUAGE", _("Tiếng dân tộc thiểu số")


TRAINING_KINDS = {ProgrammeKind.DEGREE, ProgrammeKind.POLITICAL_THEORY}


class TrainingMode(models.TextChoices):
    FULL_TIME = "TAP_TRUNG", _("Tập trung")
    PART_TIME = "KHONG_TAP_TRUNG", _("Không tập trung")
    COMPLETION = "HOAN_CHINH_KIEN_THUC", _("Hoàn chỉnh kiến thức")


class Venue(models.TextChoices):
    DOMESTIC = "TRONG_NUOC", _("Trong nước")
    ABROAD = "NUOC_NGOAI", _("Nước ngoài")


class PlanStatus(models.TextChoices):
    DRAFT = "DRAFT", _("Dự thảo")
    SUBMITTED = "SUBMITTED", _("Đã trình")
    APPRAISED = "APPRAISED", _("Đã thẩm định")
    APPROVED = "APPROVED", _("Đã phê duyệt")
    ISSUED = "ISSUED", _("Đã ban hành")


class EnrolmentResult(models.TextChoices):
    PENDING = "PENDING", _("Đang học")
    COMPLETED = "COMPLETED", _("Hoàn thành")
    NOT_COMPLETED = "NOT_COMPLETED", _("Không hoàn thành")
    WITHDRAWN = "WITHDRAWN", _("Thôi học")


class StudyStatus(models.TextChoices):
    PROPOSED = "PROPOSED", _("Đề nghị cử đi học")
    STUDYING = "STUDYING", _("Đang học")
    COMPLETED = "COMPLETED", _("Đã tốt nghiệp")
    DROPPED = "DROPPED", _("Bỏ học")
    BREACHED = "BREACHED", _("Vi phạm cam kết – phải bồi hoàn")


class Funding(models.TextChoices):
    STATE_BUDGET = "NGAN_SACH", _("Ngân sách nhà nước")
    PROJECT = "DE_AN", _("Đề án, dự án")
    SCHOLARSHIP = "HOC_BONG", _("Học bổng")
    SELF_FUNDED = "TU_TUC", _("Tự túc")


STATE_FUNDED = {Funding.STATE_BUDGET, Funding.PROJECT}
