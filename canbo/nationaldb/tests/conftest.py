import threading

import pytest

from canbo.nationaldb.standin.app import StandInNationalDb, serve


@pytest.fixture
def standin(settings):
    """The stand-in national database on a free port of 127.0.0.1, and Canbo's settings pointing at it."""
    app = StandInNationalDb()
    server = serve("127.0.0.1", 0, app)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.NATIONAL_DB_URL = f"http://127.0.0.1:{server.server_port}"
    settings.NATIONAL_DB_TIMEOUT = 0.5
    app.url = settings.NATIONAL_DB_URL
    yield app
    server.shutdown()
    server.server_close()
