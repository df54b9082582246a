"""Wrong access codes, counted across connections: per address and for the whole server.

A guesser who sends many codes at once (or from many connections) gains nothing: every
wrong code is counted the moment it is checked, and once an address has had
`per_client` wrong codes in `window` seconds, or the server `overall` wrong codes in that
time, codes are not even checked until the oldest of them is `window` seconds old. The
answer says when to try again (and the Retry-After header gives the seconds).
"""

from __future__ import annotations

import math
import time
from collections import deque
from typing import Callable


def wait_text(seconds: float) -> str:
    """'45 detik', '3 menit' (rounded up)."""
    seconds = max(1, math.ceil(seconds))
    if seconds <= 90:
        return f"{seconds} detik"
    return f"{math.ceil(seconds / 60)} menit"


class CodeAttempts:
    def __init__(self, per_client: int = 5, overall: int = 30, window: float = 300.0,
                 clock: Callable[[], float] = time.monotonic):
        self.per_client = per_client
        self.overall = overall
        self.window = window
        self.clock = clock
        self._by_client: dict[str, deque[float]] = {}
        self._all: deque[float] = deque()

    def _prune(self, now: float) -> None:
        edge = now - self.window
        while self._all and self._all[0] <= edge:
            self._all.popleft()
        for client in list(self._by_client):
            times = self._by_client[client]
            while times and times[0] <= edge:
                times.popleft()
            if not times:
                del self._by_client[client]

    def wait(self, client: str) -> float:
        """Seconds before `client` may try a code again (0: now)."""
        now = self.clock()
        self._prune(now)
        waits = [0.0]
        mine = self._by_client.get(client)
        if mine is not None and len(mine) >= self.per_client:
            waits.append(mine[len(mine) - self.per_client] + self.window - now)
        if len(self._all) >= self.overall:
            waits.append(self._all[len(self._all) - self.overall] + self.window - now)
        return max(waits)

    def failed(self, client: str) -> None:
        now = self.clock()
        self._all.append(now)
        self._by_client.setdefault(client, deque()).append(now)

    def message(self, client: str, seconds: float) -> str:
        mine = self._by_client.get(client)
        whose = "dari komputer ini" if mine is not None and len(mine) >= self.per_client \
            else "ke server ini"
        return (f"Terlalu banyak kode akses salah {whose}. Coba lagi dalam "
                f"{wait_text(seconds)}.")
