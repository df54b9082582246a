"""Starting the page: bind the socket, print the address (and access code), run uvicorn."""

from __future__ import annotations

import errno
import ipaddress
import secrets
import socket
from pathlib import Path
from typing import Callable

LOCAL_NAMES = {"localhost"}
# What uvicorn answers itself (a request it cannot parse: no Host header in HTTP/1.1, a
# broken request line, headers over 16 KB), in Indonesian. ASCII only: uvicorn's h11
# writer sends it as ASCII.
INVALID_REQUEST = ("Permintaan HTTP tidak valid (mis. tanpa header Host atau baris "
                   "permintaan rusak); buka halaman lewat peramban.")


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
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise ServeError(f"Alamat {host} tidak dikenal; periksa --host (mis. 127.0.0.1 "
                         f"atau 0.0.0.0).") from None
    family, _, _, _, address = infos[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise ServeError(bind_error(host, port, exc)) from None
    sock.listen(64)
    sock.set_inheritable(True)
    return sock


def bind_error(host: str, port: int, exc: OSError) -> str:
    """Why the server cannot listen at host:port, in Indonesian, with what to do."""
    where = f"{host}:{port}"
    if exc.errno == errno.EADDRINUSE:
        return (f"Tidak dapat memakai {where}: port {port} sudah dipakai program lain (mungkin "
                f"lkjip serve yang masih berjalan); pilih port lain dengan --port, mis. "
                f"--port {port + 1 if port else 8001}.")
    if exc.errno == errno.EADDRNOTAVAIL:
        return (f"Tidak dapat memakai {where}: alamat {host} bukan milik komputer ini; pakai "
                f"127.0.0.1 (hanya komputer ini) atau 0.0.0.0 (semua jaringan) dengan --host.")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return (f"Tidak dapat memakai {where}: port di bawah 1024 memerlukan hak administrator; "
                f"pilih port 1024 atau lebih dengan --port, mis. --port 8000.")
    name = errno.errorcode.get(exc.errno, str(exc.errno))
    return (f"Tidak dapat memakai {where} (galat sistem operasi {name}); pilih alamat lain "
            f"dengan --host atau port lain dengan --port.")


def _protocol():
    """uvicorn's HTTP/1.1 protocol (h11) with its own refusal in Indonesian."""
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class Protocol(H11Protocol):
        def send_400_response(self, msg: str) -> None:
            super().send_400_response(INVALID_REQUEST)

    return Protocol


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
                     ttl=ttl_minutes * 60, host=host.strip("[]"))
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
    # uvicorn's own warnings (e.g. "Invalid HTTP request received.", already answered in
    # Indonesian) stay off the operator's window; errors still show.
    config = uvicorn.Config(app, log_level="error", access_log=False, lifespan="on",
                            timeout_graceful_shutdown=5, http=_protocol())
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
    echo("Server berhenti; berkas sementara sudah dihapus.")
