"""Build the default templates of the raise decisions (step_raise, step_raise_batch) with the decisions app's
NĐ 30/2020 layout:

    python -m canbo.salary.docx.build
"""

from pathlib import Path

from canbo.decisions.docx.build import EXECUTION, EXECUTION_BATCH, HE_OR_SHE, PERSON_FIRST, build_document

HERE = Path(__file__).resolve().parent
ANNEX_COLUMNS = [
    ("STT", "n", 10),
    ("Họ và tên", "name", 36),
    ("Ngày sinh", "birth", 22),
    ("Chức vụ, đơn vị công tác", "now", 44),
    ("Ngạch (mã số)", "rank", 34),
    ("Bậc, hệ số lương hiện hưởng", "old", 32),
    ("Bậc, hệ số lương mới", "new", 32),
    ("Ngày hưởng", "from_date", 22),
    ("Thời điểm tính nâng bậc lần sau", "next_counted", 24),
]
# kind → (subject, [articles], annex columns or None)
KINDS = {
    "step_raise": (
        "Về việc {{ subject }} đối với {{ person.category }}",
        [
            PERSON_FIRST + "{% if rank %}, ngạch {{ rank }}{% endif %}, được {{ raise_text }}, kể từ ngày "
            "{{ from_date }}.",
            "Thời điểm tính nâng bậc lương lần sau kể từ ngày {{ next_counted }}. "
            + HE_OR_SHE
            + " được hưởng các chế độ theo quy định hiện hành.",
            EXECUTION,
        ],
        None,
    ),
    "step_raise_batch": (
        "Về việc {{ subject }} đối với cán bộ, công chức",
        [
            "{{ subject_first }} đối với {{ count }} cán bộ, công chức có tên trong danh sách kèm theo Quyết định "
            "này (bậc, hệ số lương mới và ngày hưởng ghi trong danh sách).",
            "Thời điểm tính nâng bậc lương lần sau của các ông, bà có tên trong danh sách ghi trong danh sách. Các "
            "ông, bà được hưởng các chế độ theo quy định hiện hành.",
            EXECUTION_BATCH,
        ],
        ANNEX_COLUMNS,
    ),
}


def build(code: str, target: Path) -> None:
    subject, articles, annex_columns = KINDS[code]
    build_document(target, subject=subject, articles=articles, annex_columns=annex_columns)


def main() -> None:
    for code in KINDS:
        build(code, HERE / f"{code}.docx")
        print(f"{code}.docx")  # noqa: T201


if __name__ == "__main__":
    main()
