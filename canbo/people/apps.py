from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "canbo.people"
    verbose_name = "Cán bộ, công chức, viên chức"

    def ready(self):
        from canbo.core.audit import register_audited
        from canbo.core.rulebook import register_dated_table, register_rules

        from .models import Employment, PeopleRule, Person, Qualification, RetirementRule

        register_rules(PeopleRule, area="Hồ sơ cán bộ, công chức, viên chức")
        register_dated_table(
            RetirementRule,
            area="Hồ sơ cán bộ, công chức, viên chức",
            describe=lambda r: (
                f"Tuổi nghỉ hưu ({r.get_gender_display().lower()}): lộ trình theo năm nghỉ hưu",
                {
                    "base_months": r.base_months,
                    "annual_step_months": r.annual_step_months,
                    "cap_months": r.cap_months,
                },
            ),
        )

        register_audited(Person, skip=["search_text", "sort_key", "family_name", "middle_name", "given_name"])
        register_audited(Employment)
        register_audited(Qualification)

        from canbo.org.people import read_people_with

        from . import exports, reports  # noqa: F401 - the person list's Excel export (a queue job), the reports
        from .reorganisation import employments_follow_merge
        from .selectors import employments_on

        # org (below people) counts the people of its tree and moves them in a merge through these
        read_people_with(
            employments_on=lambda on: employments_on(on=on), move_people=employments_follow_merge
        )
