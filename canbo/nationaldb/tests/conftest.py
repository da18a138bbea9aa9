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
    # Generous: the stand-in answers from a thread of this process, which a loaded machine may leave waiting for
    # well over half a second (a short timeout made the sync tests fail now and then). The one test that needs
    # an answer to come too late (test_sync.py, the lost answer) shortens it around that call.
    settings.NATIONAL_DB_TIMEOUT = 10.0
    app.url = settings.NATIONAL_DB_URL
    yield app
    server.shutdown()
    server.server_close()
