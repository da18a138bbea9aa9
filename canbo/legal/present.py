"""The "Căn cứ pháp lý" page shows a rule's value as the board reads it, not as JSON: a dict as a table of
labelled lines, a list of codes as their Vietnamese names, bands as rows; numbers 25.944, shares 20 %, dates
dd/mm/yyyy, yes/no as "Có"/"Không".

Codes are named from the choices of the apps (every `TextChoices` loaded), the rule's own app first, so the
page needs no import of a domain app; keys are named by `KEY_LABELS` below (an unknown key shows as it is).
"""

import re
from decimal import Decimal, InvalidOperation

from django.db import models
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from canbo.core.numbers import fmt_int

DASH = "—"
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")

KEY_LABELS = {
    # ages, periods
    "min_months": "Tối thiểu (tháng)",
    "max_months": "Tối đa (tháng)",
    "months": "Số tháng",
    "years": "Số năm",
    "month": "Tháng",
    "day": "Ngày",
    "over_max_by": "Trên mức tối đa chỉ khi",
    "min_age_years": "Tuổi tối thiểu (năm)",
    "base_months": "Tuổi năm đầu của lộ trình (tháng)",
    "annual_step_months": "Tăng mỗi năm (tháng)",
    "cap_months": "Tuổi tối đa của lộ trình (tháng)",
    "rated_years": "Số năm liền kề xếp loại từ hoàn thành tốt nhiệm vụ",
    "max_age": "Tuổi tối đa khi cử đi học sau đại học lần đầu",
    "commitment_multiplier": "Thời gian cam kết phục vụ (số lần thời gian học)",
    "rule": "Nội dung báo khi không đủ",
    "child_months": "Con dưới (tháng tuổi)",
    "below_years": "Còn dưới (năm) đến tuổi nghỉ hưu",
    "min_service_years": "Thời gian công tác còn lại tối thiểu (năm)",
    "leave_cap_from": "Nghỉ từ (tháng) thì tối đa hoàn thành nhiệm vụ",
    # education
    "minimum": "Tối thiểu",
    "exception_minimum": "Tối thiểu ở vùng được áp dụng ngoại lệ",
    "exception_areas": "Vùng được áp dụng ngoại lệ",
    # discipline
    "forms": "Các hình thức",
    "leaders_only": "Chỉ với người giữ chức vụ lãnh đạo, quản lý",
    "non_leaders_only": "Chỉ với người không giữ chức vụ",
    "normal": "Vụ việc thông thường (ngày)",
    "complex": "Vụ việc phức tạp (ngày)",
    # rating
    "categories": "Đối tượng",
    "general": "Tiêu chí chung (điểm)",
    "tasks": "Kết quả thực hiện nhiệm vụ (điểm)",
    "miss_cost": "Trừ mỗi lần không đạt chất lượng, tiến độ",
    "own": "Kết quả của cá nhân",
    "unit_results": "Kết quả của cơ quan, đơn vị",
    "organisation": "Năng lực lãnh đạo, tổ chức",
    "share_of_good": "Tối đa so với số hoàn thành tốt nhiệm vụ",
    "duty_group_categories": "Tính riêng theo nhóm nhiệm vụ tương đồng cho",
    # terms, planning
    "max_consecutive_head_terms": "Số nhiệm kỳ liên tiếp tối đa (người đứng đầu)",
    "deputy_prefixes": "Chức danh cấp phó bắt đầu bằng",
    "vote_share_above": "Tỷ lệ phiếu đồng ý phải trên",
    "max_per_post": "Số người tối đa cho một chức danh",
    "max_posts_per_person": "Số chức danh tối đa cho một người",
    "min_women_pct": "Tỷ lệ nữ tối thiểu",
    "min_young_pct": "Tỷ lệ cán bộ trẻ tối thiểu",
    "young_age": "Cán bộ trẻ: dưới (tuổi)",
    "full_term": "Đủ tuổi công tác trọn một nhiệm kỳ",
    "no_sanction": "Không đang trong thời hạn xử lý kỷ luật",
    "voluntary_waives_family": "Tự nguyện thì vẫn được xem xét",
    # salary
    "amount": "Mức (đồng/tháng)",
    "step_months": "Thời gian giữ bậc để nâng bậc (tháng)",
    "seniority_after_months": "Ở bậc cuối để hưởng vượt khung (tháng)",
    "seniority_first_percent": "Vượt khung lần đầu",
    "seniority_yearly_percent": "Vượt khung mỗi năm thêm",
    "share_percent": "Tỷ lệ tối đa",
    "max_months_early": "Trước thời hạn tối đa (tháng)",
    "counts_in_quota": "Tính trong tỷ lệ hằng năm",
}
# A key whose decimal value is a fraction shown as a percentage (0.20 → 20 %).
FRACTION_KEYS = {"share_of_good", "vote_share_above", "miss_cost"}


def _is_percent_key(key: str | None) -> bool:
    return bool(key) and (key.endswith("_pct") or key.endswith("_percent") or key == "share_percent")


def vocabulary(app_label: str | None = None) -> dict[str, str]:
    """{code: Vietnamese label} over every loaded TextChoices, the choices of `app_label`'s modules first."""
    classes = sorted(_choices_classes(models.TextChoices), key=lambda c: c.__module__)
    own = [c for c in classes if app_label and c.__module__.split(".")[1:2] == [app_label]]
    terms: dict[str, str] = {}
    for cls in own + classes:
        for value, label in cls.choices:
            terms.setdefault(value, str(label))
    return terms


def _choices_classes(base) -> list:
    found = []
    for sub in base.__subclasses__():
        found.append(sub)
        found.extend(_choices_classes(sub))
    return found


def _percent(number: Decimal) -> str:
    text = f"{number.normalize():f}" if number == number.to_integral() else f"{number:.1f}"
    return text.replace(".", ",") + " %"


def _scalar(value, key: str | None, terms: dict) -> str:
    if value is None:
        return DASH
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, int):
        return f"{fmt_int(value)} %" if _is_percent_key(key) else fmt_int(value)
    if isinstance(value, float):
        value = str(value)
    text = str(value)
    if match := ISO_DATE.match(text):
        year, month, day = match.groups()
        return f"{day}/{month}/{year}"
    if NUMBER.match(text):
        try:
            number = Decimal(text)
        except InvalidOperation:
            return text
        if key in FRACTION_KEYS:
            return _percent(number * 100)
        if _is_percent_key(key):
            return _percent(number)
        whole = number == number.to_integral()
        return fmt_int(number) if whole else f"{number.normalize():f}".replace(".", ",")
    return terms.get(text, text)


def _key(key: str, terms: dict) -> str:
    return KEY_LABELS.get(key) or terms.get(key) or key


def render_value(value, terms: dict, key: str | None = None) -> SafeString:
    """HTML for one rule value (escaped; only the structure is markup)."""
    if isinstance(value, dict):
        if not value:
            return format_html("{}", DASH)
        rows = format_html_join(
            "",
            '<tr><th scope="row">{}</th><td>{}</td></tr>',
            ((_key(k, terms), render_value(v, terms, k)) for k, v in value.items()),
        )
        return format_html('<table class="rule-value"><tbody>{}</tbody></table>', rows)
    if isinstance(value, list):
        if not value:
            return format_html("{}", "Không có")
        if all(isinstance(v, list) for v in value):  # bands: [[90, "HTXS"], ...]
            rows = format_html_join(
                "",
                "<tr>{}</tr>",
                (
                    (format_html_join("", "<td>{}</td>", ((render_value(c, terms, key),) for c in row)),)
                    for row in value
                ),
            )
            return format_html('<table class="rule-value"><tbody>{}</tbody></table>', rows)
        if all(not isinstance(v, dict | list) for v in value):
            return format_html("{}", "; ".join(_scalar(v, key, terms) for v in value))
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{}</li>", ((render_value(v, terms, key),) for v in value)),
        )
    return format_html("{}", _scalar(value, key, terms))


# --- the correction form: the value written with the page's Vietnamese names ------------------------------

YES, NO = "Có", "Không"


def to_editable(value):
    """The value as the board edits it: a dict's keys by their Vietnamese names, yes/no as "Có"/"Không";
    codes and numbers stay as they are (the shape is the rule's own)."""
    if isinstance(value, dict):
        return {KEY_LABELS.get(k, k): to_editable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_editable(v) for v in value]
    if isinstance(value, bool):
        return YES if value else NO
    return value


def from_editable(edited, like):
    """The edited value back in the rule's own names, shaped like the current value `like`.

    A Vietnamese name (or the stored key) is accepted for each key; "Có"/"Không" where the rule holds yes/no.
    Raises ValueError with a Vietnamese message for a name the rule does not have or a wrong yes/no."""
    if isinstance(like, dict) and isinstance(edited, dict):
        names = {KEY_LABELS.get(k, k).casefold(): k for k in like} | {k.casefold(): k for k in like}
        out = {}
        for name, item in edited.items():
            key = names.get(str(name).strip().casefold())
            if key is None:
                known = "; ".join(f"“{KEY_LABELS.get(k, k)}”" for k in like)
                raise ValueError(f"Quy định này không có mục “{name}” (các mục: {known}).")
            out[key] = from_editable(item, like[key])
        return out
    if isinstance(like, list) and isinstance(edited, list) and like:
        return [from_editable(item, like[0]) for item in edited]
    if isinstance(like, bool):
        if isinstance(edited, bool):
            return edited
        text = str(edited).strip().casefold()
        if text in (YES.casefold(), NO.casefold()):
            return text == YES.casefold()
        raise ValueError(f"Mục có/không phải ghi “{YES}” hoặc “{NO}”, không phải “{edited}”.")
    return edited
