class BackupError(Exception):
    """A backup or a restore that cannot go on; the message (Vietnamese) says why and what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
