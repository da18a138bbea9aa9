"""The person profile's "Đào tạo, bồi dưỡng" tab: whoever may see the person sees their training."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from canbo.people.selectors import person_get_for_user
from canbo.people.signals import dossier_viewed

from ..selectors import person_training


@login_required
def person_training_tab(request, uuid):
    person = person_get_for_user(user=request.user, uuid=uuid)  # the profile's own check: 404 outside
    dossier_viewed.send(sender=person_training_tab, request=request, person=person, part="TRAINING")
    context = {
        "person": person,
        "tab": "training",
        "is_self": person.user_id is not None and person.user_id == request.user.pk,
        **person_training(person=person),
    }
    return render(request, "people/training.html", context)
