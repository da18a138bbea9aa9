import datetime

import pytest

from canbo.feedback.models import Channel
from canbo.feedback.services import feedback_receive

D = datetime.date


@pytest.fixture
def about_anh(alice, anh):
    return feedback_receive(
        actor=alice, channel=Channel.CITIZEN, received_on=D(2026, 3, 2), subject_person=anh,
        content="Cán bộ gây phiền hà khi giải quyết hồ sơ đất đai.", sender="Ông Lò Văn Pọm",
    )  # fmt: skip


@pytest.fixture
def about_dana(board, dana):
    from canbo.people.models import Person

    return feedback_receive(
        actor=board, channel=Channel.PRESS, received_on=D(2026, 3, 2),
        subject_person=Person.objects.get(user=dana), content="Báo phản ánh chậm trễ.",
    )  # fmt: skip
