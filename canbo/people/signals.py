"""Signals of the personnel register for the apps above it (people knows none of them)."""

from django.dispatch import Signal

# A part of a person's dossier was opened or exported: sender=the view, request, person, part (a code such as
# "PROFILE", "HISTORY"). The national-database app logs it (NĐ 27/2026: every access to a dossier is logged).
dossier_viewed = Signal()

# A list of persons was exported to a file by `user`: sender, user, persons = [(person id, unit id, account id)].
# The national-database app logs one "export" access per person (their own row excepted).
persons_exported = Signal()
