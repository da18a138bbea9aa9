"""A scanned document of the e-dossier, shown in the browser: scoped like the person (404 outside the user's
units), sensitive kinds only for the entitled roles, never cached, every look logged (people.signals)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404

from canbo.people.selectors import person_get_for_user
from canbo.people.signals import dossier_viewed

from .models import DossierDocument
from .selectors import NOT_ENTITLED, SENSITIVE_DOCUMENT_KINDS, may_see_sensitive


@login_required
def document_view(request, uuid, document):
    person = person_get_for_user(user=request.user, uuid=uuid)
    doc = get_object_or_404(DossierDocument, person=person, uuid=document)
    if doc.kind in SENSITIVE_DOCUMENT_KINDS and not may_see_sensitive(user=request.user, person=person):
        raise PermissionDenied(NOT_ENTITLED)
    dossier_viewed.send(sender=document_view, request=request, person=person, part="DOCUMENT")
    response = FileResponse(doc.file.open("rb"), content_type=doc.content_type)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
