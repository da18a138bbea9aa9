from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from canbo.nationaldb.client import NationalDbUnavailable, national_db_client
from canbo.nationaldb.onboarding import onboarding_import
from canbo.org.models import OrgUnit


class Command(BaseCommand):
    help = "Nhập hồ sơ của một đơn vị từ CSDL quốc gia (tất cả hoặc không gì cả)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--unit", required=True, help="mã đơn vị trong Canbo (cũng là mã gửi CSDL quốc gia)"
        )
        parser.add_argument("--user", required=True, help="tài khoản thực hiện (cán bộ tổ chức của đơn vị)")

    def handle(self, *args, unit, user, **options):
        target = OrgUnit.objects.filter(code=unit).first()
        actor = get_user_model().objects.filter(username=user).first()
        if target is None or actor is None:
            raise CommandError("Không tìm thấy đơn vị hoặc tài khoản.")
        try:
            export = national_db_client().unit_export(unit_code=unit)
            created = onboarding_import(user=actor, unit=target, export=export)
        except NationalDbUnavailable as exc:
            raise CommandError(str(exc)) from exc
        except ValidationError as exc:
            raise CommandError("Không nhập gì cả: " + "; ".join(exc.messages)) from exc
        self.stdout.write(f"Đã nhập {len(created)} hồ sơ vào {target.name}.")
