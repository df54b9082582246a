"""Receiving one uploaded workbook: streamed straight into its run's folder, bounded.

The body is refused early: on its Content-Length, and again while it streams, as soon as
more bytes arrive than the workbook size bound allows. Nothing of the upload is kept in
memory or written anywhere but the given path; it is never opened except by the reader.
"""

from __future__ import annotations

from pathlib import Path
from typing import AsyncIterator

from python_multipart.multipart import MultipartParser, parse_options_header

from ..workbook.reader import MAX_FILE_BYTES

# Room for the multipart framing (boundaries, part headers) around the file itself.
FRAMING_BYTES = 64 * 1024
FILE_FIELD = "berkas"
MAX_PARTS = 4


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


async def receive_file(content_type: str, stream: AsyncIterator[bytes], target: Path,
                       declared: int | None = None) -> str:
    """Write the file part of a multipart body to `target`; return its uploaded name."""
    mime, options = parse_options_header(content_type or "")
    boundary = options.get(b"boundary")
    if mime != b"multipart/form-data" or not boundary:
        raise UploadRejected("Unggahan harus berupa formulir berkas (multipart/form-data).")

    state = {"name": None, "filename": None, "field": b"", "value": b"", "parts": 0,
             "size": 0, "kept": None}
    out = target.open("wb")

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

    parser = MultipartParser(boundary, {
        "on_part_begin": on_part_begin, "on_header_field": on_header_field,
        "on_header_value": on_header_value, "on_header_end": on_header_end,
        "on_part_data": on_part_data, "on_part_end": on_part_end,
    })
    received = 0
    try:
        async for chunk in stream:
            received += len(chunk)
            if received > MAX_FILE_BYTES + FRAMING_BYTES:
                raise UploadTooLarge(max(received, declared or 0))
            if chunk:
                parser.write(chunk)
        parser.finalize()
    except (UploadTooLarge, UploadRejected):
        raise
    except Exception:  # noqa: BLE001 - a malformed body, whatever the parser says
        raise UploadRejected("Unggahan rusak atau terputus; coba unggah lagi.") from None
    finally:
        out.close()
    if state["kept"] is None:
        raise UploadRejected("Tidak ada berkas workbook dalam unggahan.")
    return state["kept"] or "workbook.xlsx"
