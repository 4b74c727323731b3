"""Slows password guessing on the staff desk login: after a few failures a client must wait.

Every attempt counts as a failure until the password proves right, so a burst of
parallel guesses is refused as surely as a sequence. Each lock-out doubles the
next one (15 s, 30 s, 60 s … up to 15 minutes); a successful login clears the slate.
Clients are told apart by their address: behind a reverse proxy they share one.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

MAX_FAILURES = 5          # wrong passwords allowed within one window
WINDOW_SECONDS = 600.0    # failures older than this are forgotten
FIRST_COOL_DOWN = 15.0    # seconds of the first lock-out; each next one doubles
LONGEST_COOL_DOWN = 900.0


@dataclass
class _Client:
    failures: list[float]
    locked_until: float = 0.0
    lockouts: int = 0


class LoginLimiter:
    """Per-client count of failed logins and the lock-out that follows."""

    def __init__(self) -> None:
        self._clients: dict[str, _Client] = {}
        self._lock = threading.Lock()

    def try_attempt(self, client: str) -> float:
        """0 when `client` may try a password now (the attempt is counted as a failure until
        `succeeded`), else the seconds it must still wait."""
        now = time.monotonic()
        with self._lock:
            state = self._clients.setdefault(client, _Client([]))
            if now < state.locked_until:
                return state.locked_until - now
            state.failures = [t for t in state.failures if now - t < WINDOW_SECONDS]
            if len(state.failures) >= MAX_FAILURES:
                cool_down = min(FIRST_COOL_DOWN * 2 ** state.lockouts, LONGEST_COOL_DOWN)
                state.lockouts += 1
                state.locked_until = now + cool_down
                state.failures.clear()
                return cool_down
            state.failures.append(now)
            self._forget_idle(now)
            return 0.0

    def succeeded(self, client: str) -> None:
        """The password was right: forget the client's failures and lock-outs."""
        with self._lock:
            self._clients.pop(client, None)

    def _forget_idle(self, now: float) -> None:
        idle = [name for name, state in self._clients.items()
                if now >= state.locked_until + WINDOW_SECONDS
                and all(now - t >= WINDOW_SECONDS for t in state.failures)]
        for name in idle:
            del self._clients[name]


def wait_message(seconds: float) -> str:
    """What a locked-out client is told."""
    return (f"密码错误次数过多，请 {math.ceil(seconds)} 秒后再试。"
            "如忘记密码，请联系管理员查看环境变量 BUDGETQA_ADMIN_PASSWORD。")
