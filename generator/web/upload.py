"""Receiving one uploaded workbook: streamed straight into its run's folder, bounded.

The body is refused early: on its Content-Length, and again while it streams, as soon as
more bytes arrive than the workbook size bound allows. Nothing of the upload is kept in
memory or written anywhere but the given path; it is never opened except by the reader.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path
from typing import AsyncIterator

from python_multipart.multipart import MultipartParser, parse_options_header

from ..workbook.reader import MAX_FILE_BYTES

# Room for the multipart framing (boundaries, part headers) around the file itself.
FRAMING_BYTES = 64 * 1024
FILE_FIELD = "berkas"
MAX_PARTS = 4
MAX_BOUNDARY = 70          # RFC 2046: a boundary is 1 to 70 characters


@dataclass(frozen=True)
class Pace:
    """How fast an upload must arrive: at least `min_bytes` in every `window` seconds (a
    client that stalls, or trickles a few bytes at a time, is cut off), and all of it
    within `total` seconds."""

    window: float = 30.0
    min_bytes: int = 16 * 1024
    total: float = 15 * 60.0


class UploadTimeout(Exception):
    """The body arrived too slowly (the message is Indonesian)."""


class UploadTooLarge(Exception):
    def __init__(self, size: int):
        super().__init__(size)
        self.size = size


class UploadRejected(Exception):
    """Not an upload of one file (the message is Indonesian)."""


def declared_too_large(content_length: str | None) -> int | None:
    """The declared size when it is over the bound already (refuse before reading)."""
    try:
        size = int(content_length) if content_length is not None else None
    except ValueError:
        raise UploadRejected("Panjang unggahan (Content-Length) tidak valid.") from None
    if size is not None and size > MAX_FILE_BYTES + FRAMING_BYTES:
        return size
    return None


async def _paced(stream: AsyncIterator[bytes], pace: Pace) -> AsyncIterator[bytes]:
    """The chunks of `stream`, or UploadTimeout once it falls behind `pace`. (A chunk that
    is late is waited for again, never cancelled: cancelling would end the stream.)"""
    chunks = stream.__aiter__()
    start = window_start = time.monotonic()
    window_bytes = 0
    pending: asyncio.Future | None = None
    try:
        while True:
            now = time.monotonic()
            if now - start > pace.total:
                raise UploadTimeout(f"Unggahan tidak selesai dalam {pace.total / 60:.0f} "
                                    f"menit; periksa sambungan jaringan lalu coba unggah "
                                    f"lagi.")
            if now - window_start >= pace.window:
                if window_bytes < pace.min_bytes:
                    raise _stalled(pace)
                window_start, window_bytes = now, 0
            if pending is None:
                pending = asyncio.ensure_future(chunks.__anext__())
            wait = min(window_start + pace.window, start + pace.total) - now
            done, _ = await asyncio.wait({pending}, timeout=max(wait, 0.001))
            if not done:
                continue                # the checks above decide
            task, pending = pending, None
            try:
                chunk = task.result()
            except StopAsyncIteration:
                return
            window_bytes += len(chunk)
            yield chunk
    finally:
        if pending is not None:
            pending.cancel()


def _stalled(pace: Pace) -> UploadTimeout:
    window = f"{pace.window:g}".replace(".", ",")
    return UploadTimeout(f"Unggahan berhenti atau terlalu lambat (kurang dari "
                         f"{max(1, pace.min_bytes // 1024)} KB dalam {window} detik); periksa "
                         f"sambungan jaringan lalu coba unggah lagi.")


async def receive_file(content_type: str, stream: AsyncIterator[bytes], target: Path,
                       declared: int | None = None, pace: Pace = Pace()) -> str:
    """Write the file part of a multipart body to `target`; return its uploaded name."""
    mime, options = parse_options_header(content_type or "")
    boundary = options.get(b"boundary")
    if mime != b"multipart/form-data" or not boundary:
        raise UploadRejected("Unggahan harus berupa formulir berkas (multipart/form-data).")
    if len(boundary) > MAX_BOUNDARY:
        raise UploadRejected(f"Formulir unggahan tidak valid: batas antarbagian (boundary) "
                             f"{len(boundary)} karakter, paling panjang {MAX_BOUNDARY}.")

    state = {"name": None, "filename": None, "field": b"", "value": b"", "parts": 0,
             "size": 0, "kept": None}

    def on_part_begin() -> None:
        state["parts"] += 1
        if state["parts"] > MAX_PARTS:
            raise UploadRejected("Unggahan berisi terlalu banyak bagian; kirim satu berkas saja.")
        state["name"] = state["filename"] = None

    def on_header_field(data: bytes, start: int, end: int) -> None:
        state["field"] += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        state["value"] += data[start:end]

    def on_header_end() -> None:
        if state["field"].lower() == b"content-disposition":
            _, opts = parse_options_header(state["value"])
            state["name"] = opts.get(b"name", b"").decode("utf-8", "replace")
            if b"filename" in opts:
                state["filename"] = opts[b"filename"].decode("utf-8", "replace")
        state["field"] = state["value"] = b""

    def is_file_part() -> bool:
        return state["name"] == FILE_FIELD and state["filename"] is not None

    def on_part_data(data: bytes, start: int, end: int) -> None:
        if not is_file_part():
            return                      # other fields are ignored (bounded by the total)
        if state["kept"] is not None:
            raise UploadRejected("Unggah satu workbook saja setiap kali.")
        state["size"] += end - start
        if state["size"] > MAX_FILE_BYTES:
            raise UploadTooLarge(max(state["size"], declared or 0))
        out.write(data[start:end])

    def on_part_end() -> None:
        if is_file_part():
            if state["kept"] is not None:
                raise UploadRejected("Unggah satu workbook saja setiap kali.")
            state["kept"] = state["filename"]

    try:
        parser = MultipartParser(boundary, {
            "on_part_begin": on_part_begin, "on_header_field": on_header_field,
            "on_header_value": on_header_value, "on_header_end": on_header_end,
            "on_part_data": on_part_data, "on_part_end": on_part_end,
        })
    except Exception:  # noqa: BLE001 - a boundary the parser refuses
        raise UploadRejected("Formulir unggahan tidak valid (batas antarbagian/boundary "
                             "tidak dapat dipakai).") from None
    received = 0
    out = target.open("wb")
    try:
        async for chunk in _paced(stream, pace):
            received += len(chunk)
            if received > MAX_FILE_BYTES + FRAMING_BYTES:
                raise UploadTooLarge(max(received, declared or 0))
            if chunk:
                parser.write(chunk)
        parser.finalize()
    except (UploadTooLarge, UploadRejected, UploadTimeout):
        raise
    except Exception:  # noqa: BLE001 - a malformed body, whatever the parser says
        raise UploadRejected("Unggahan rusak atau terputus; coba unggah lagi.") from None
    finally:
        out.close()
    if state["kept"] is None:
        raise UploadRejected("Tidak ada berkas workbook dalam unggahan.")
    return state["kept"] or "workbook.xlsx"
