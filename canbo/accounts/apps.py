from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "canbo.accounts"
    verbose_name = "Tài khoản và phân quyền"

    def ready(self):
        from canbo.core.audit import register_audited

        from .models import ApiToken, RoleAssignment

        # Every request, approval, rejection and revocation, with its actor (docs/decisions/017).
        register_audited(RoleAssignment)
        register_audited(ApiToken, skip={"digest", "last_used_on"})  # who issued, who revoked: never the key
