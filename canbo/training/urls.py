"""Pages of the training module under /dao-tao/: the pages (views/) and the Excel doors (excel/)."""

from .excel.urls import urlpatterns as excel_patterns
from .views.urls import urlpatterns as page_patterns

app_name = "training"
urlpatterns = page_patterns + excel_patterns
