from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "canbo.accounts"
    verbose_name = "Tài khoản và phân quyền"

    def ready(self):
        from canbo.core.audit import register_audited

        from .models import RoleAssignment

        # Every request, approval, rejection and revocation, with its actor (docs/decisions/017).
        register_audited(RoleAssignment)
