from django.contrib import admin

from .models import AnnualRating


@admin.register(AnnualRating)
class AnnualRatingAdmin(admin.ModelAdmin):
    list_display = ["person", "year", "level", "unit"]
    list_filter = ["year", "level"]
    raw_id_fields = ["person", "unit"]
