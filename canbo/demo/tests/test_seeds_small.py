"""The acceptance provinces of issue 14 at a small scale, in the ordinary suite: each generator's files import
through `import_xlsx` (and the plan services) without an error, and the reports print what the files carry.
The full-scale run, which prints the articles' own figures, is test_seeds_articles.py (CANBO_SEEDS_TEST=1)."""

from decimal import Decimal

import pytest

from canbo.people.choices import PersonStatus
from canbo.people.models import Person, Qualification
from canbo.training.models import Enrolment, TrainingPlan

from . import seeds_check
from .seeds_setup import load_seed

pytestmark = pytest.mark.django_db
SCALE = 0.02


def test_vinh_long_small_imports_and_reports_what_its_files_carry(tmp_path):
    builder, output = load_seed("002", tmp_path, scale=SCALE)
    assert "Đã nhập xong." in output
    assert seeds_check.vinh_long() == builder.expected
    assert builder.expected["abroad"] >= 1 and builder.expected["doctors"] >= 1


def test_lai_chau_small_shares_have_two_decimals_and_split_cadres_from_public_employees(tmp_path):
    builder, _output = load_seed("004", tmp_path, scale=SCALE)
    got, want = seeds_check.lai_chau(), builder.expected
    assert got["turns"] == want["training"]["turns"]
    assert (got["training"], got["fostering"]) == (
        want["training"]["training"],
        want["training"]["fostering"],
    )
    assert (got["masters"], got["doctors"]) == (want["training"]["masters"], want["training"]["doctors"])
    assert got["working"] == want["cbcc"]["working"] + want["vc"]["working"]
    assert (got["cbcc_working"], got["cbcc_share"]) == (want["cbcc"]["working"], want["cbcc"]["share"])
    assert (got["vc_working"], got["vc_share"]) == (want["vc"]["working"], want["vc"]["share"])
    exact = Decimal(want["cbcc"]["holders"]) * 100 / want["cbcc"]["working"]
    before = Decimal(want["cbcc"]["holders_before"]) * 100 / want["cbcc"]["before"]
    assert got["cbcc_change"] == (exact - before).quantize(Decimal("0.01"))
    exact = Decimal(want["vc"]["holders"]) * 100 / want["vc"]["working"]
    before = Decimal(want["vc"]["holders_before"]) * 100 / want["vc"]["before"]
    assert got["vc_change"] == (exact - before).quantize(Decimal("0.01"))
    # Those who retired 2011–2015 are stored with their exit, not refused
    assert Person.objects.filter(status=PersonStatus.RETIRED).exists()


def test_ben_tre_small_every_yearly_plan_is_reached_through_classes_opened_under_its_lines(tmp_path):
    builder, _output = load_seed("000", tmp_path, scale=SCALE)
    got = seeds_check.ben_tre()
    assert got["degrees"] == builder.expected["degrees"]
    assert got["by_level"] == builder.expected["by_level"]  # sau đại học, đại học and cao đẳng
    assert got["by_level"]["CAO_DANG"] >= 1 and sum(got["by_level"].values()) == got["degrees"]
    college = Qualification.objects.filter(scale="PROFESSIONAL", level="CAO_DANG", awarded_on__year__gte=2016)
    assert (
        college.count() == got["by_level"]["CAO_DANG"]
    )  # the qualification each finished college course grants
    assert got["fostered"] == builder.expected["fostered"]
    assert got["kinds"] == sorted(
        ["POLITICAL_THEORY", "STATE_MGMT", "LEADERSHIP", "FOREIGN_LANGUAGE", "IT_DIGITAL"]
    )
    assert got["achieved"] == dict.fromkeys(builder.expected["years"], Decimal(100))
    assert TrainingPlan.objects.filter(status="ISSUED").count() == 5
    assert not Enrolment.objects.filter(training_class__plan_line__isnull=False, plan_line=None).exists()
