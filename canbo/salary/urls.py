app_name = "salary"
urlpatterns = []
