import pytest

from canbo.emulation.models import EmulationMovement


@pytest.fixture
def hcm(db):
    return EmulationMovement.objects.create(
        code="HOC_TAP_BAC",
        name="Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        start_year=2016,
    )
