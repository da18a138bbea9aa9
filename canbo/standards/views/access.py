"""Access checks shared by the standards pages (scoping itself is in canbo.accounts.scoping)."""

from canbo.accounts.access import access_decorators, records_cadre_work
from canbo.accounts.access import query_without_page as query_without_page  # re-exported for the views

PAGE_SIZE = 50
NO_ACCESS = "Anh/chị không có quyền xem danh sách kiểm tra tiêu chuẩn cán bộ."
READ_ONLY = "Anh/chị chỉ có quyền xem, không được tổ chức rà soát tiêu chuẩn."


can_write = records_cadre_work
staff_required, writer_required = access_decorators(no_access=NO_ACCESS, read_only=READ_ONLY)
