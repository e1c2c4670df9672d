"""The error the clean stage raises for pages without usable text."""


class CleanError(ValueError):
    """A page yields no usable text (empty, binary, garbled); `reason` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
