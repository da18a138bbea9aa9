"""Qualifications written by a completed course before the source was kept carry the note "Hoàn thành: …"
(canbo.training.services.results): they are marked as granted by a course."""

from django.db import migrations

GRANTED_NOTE = "Hoàn thành: "


def mark(apps, schema_editor):
    qualification = apps.get_model("people", "Qualification")
    qualification.objects.filter(note__startswith=GRANTED_NOTE).update(source="COURSE")


def unmark(apps, schema_editor):
    apps.get_model("people", "Qualification").objects.filter(source="COURSE").update(source="RECORDED")


class Migration(migrations.Migration):
    dependencies = [("people", "0006_qualification_source")]

    operations = [migrations.RunPython(mark, unmark)]
