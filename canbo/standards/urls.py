app_name = "standards"
urlpatterns = []
