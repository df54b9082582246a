"""Starting the page: bind the socket, print the address (and access code), run uvicorn."""

from __future__ import annotations

import ipaddress
import secrets
import socket
from pathlib import Path
from typing import Callable

LOCAL_NAMES = {"localhost"}


class ServeError(Exception):
    """The server cannot start (the message is Indonesian)."""


def is_loopback(host: str) -> bool:
    if host.lower() in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_code() -> str:
    """An access code easy to read aloud: 3 groups of 4 letters/digits, no 0/O, 1/l."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))


def bind(host: str, port: int) -> socket.socket:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise ServeError(f"Alamat {host} tidak dikenal; periksa --host.") from None
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise ServeError(f"Tidak dapat memakai {host}:{port} ({exc.strerror or exc}); "
                         f"pilih port lain dengan --port.") from None
    sock.listen(64)
    sock.set_inheritable(True)
    return sock


def serve(host: str, port: int, code: str | None, templates: Path, ttl_minutes: float,
          echo: Callable[[str], None]) -> None:
    import uvicorn

    from .app import create_app

    loopback = is_loopback(host)
    if not loopback and not code:
        code = new_code()
    sock = bind(host, port)
    actual_port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    app = create_app(templates=templates, code=code, loopback=loopback,
                     ttl=ttl_minutes * 60)
    if host in ("0.0.0.0", "::"):
        echo(f"Halaman LKjIP berjalan. Buka di peramban: http://127.0.0.1:{actual_port}/ "
             f"(di komputer ini) atau http://<alamat IP komputer ini>:{actual_port}/ "
             f"(dari komputer lain).")
    else:
        echo(f"Halaman LKjIP berjalan. Buka di peramban: http://{shown}:{actual_port}/")
    if code:
        echo(f"Kode akses: {code}")
    if not loopback:
        echo("Halaman dapat dibuka dari komputer lain di jaringan; bagikan kode akses hanya "
             "kepada staf yang berhak.")
    echo("Tekan Ctrl+C untuk berhenti.")
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on",
                            timeout_graceful_shutdown=5)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
    echo("Server berhenti; berkas sementara sudah dihapus.")
