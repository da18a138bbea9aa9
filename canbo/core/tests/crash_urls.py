"""A URL map with one view that fails, for the 500 page's test."""

from django.urls import path


def crash(request):
    raise RuntimeError("a view that fails")


urlpatterns = [path("hong/", crash)]
