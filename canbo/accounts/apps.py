from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "canbo.accounts"
    verbose_name = "Tài khoản và phân quyền"

    def ready(self):
        from canbo.core.audit import register_audited

        from .models import AccountChange, ApiToken, RoleAssignment, User

        # Every request, approval, rejection and revocation, with its actor (docs/decisions/017).
        register_audited(RoleAssignment)
        # Account changes and the accounts themselves (never the password hash; logins are not changes).
        register_audited(AccountChange)
        register_audited(User, skip={"password", "last_login", "date_joined"})
        register_audited(ApiToken, skip={"digest", "last_used_on"})  # who issued, who revoked: never the key
