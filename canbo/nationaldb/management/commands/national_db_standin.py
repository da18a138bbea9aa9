from django.core.management.base import BaseCommand

from canbo.nationaldb.standin.app import serve


class Command(BaseCommand):
    help = (
        "Chạy CSDL quốc gia GIẢ LẬP (stand-in, không phải hệ thống thật) trên 127.0.0.1 cho kiểm thử và demo."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8765)

    def handle(self, *args, host, port, **options):
        server = serve(host, port)
        self.stdout.write(f"CSDL quốc gia giả lập (stand-in) tại http://{host}:{port}/ — Ctrl+C để dừng.")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
