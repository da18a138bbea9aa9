"""Parts of the profile page read from the apps above `people` (awards, discipline, the dossier's photo): the
profile template loads these tags, so `people` itself imports none of those apps. The person passed in has
already been fetched within the viewer's scope."""

from django import template
from django.utils import timezone

from canbo.dossier.selectors import photo_of
from canbo.people.models import Person

from ..records import awards_on, discipline_on

register = template.Library()


@register.inclusion_tag("profileforms/_photo.html")
def profile_photo(person: Person):
    return {"person": person, "photo": photo_of(person=person)}


@register.inclusion_tag("profileforms/_awards_discipline.html")
def awards_and_discipline(person: Person):
    today = timezone.localdate()
    return {
        "awards": awards_on(person=person, on=today),
        "discipline": discipline_on(person=person, on=today),
    }
