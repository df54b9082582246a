"""click in Indonesian: its messages (help, usage and option errors) translated.

click passes every message it prints through gettext (`_` and `ngettext` imported into
each of its modules); `install()` replaces those two names in click's modules with
lookups in the table below, so every message click can print is Indonesian. A message
not in the table is shown as click wrote it (a test lists the ones our commands reach).
"""

from __future__ import annotations

import difflib
import importlib

EXIT_INTERRUPTED = 130
INTERRUPTED = "Dibatalkan oleh pengguna."

TEXT: dict[str, str] = {
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "(dynamic)": "(dinamis)",
    "Aborted!": "Dibatalkan oleh pengguna.",
    "Argument {name!r} takes {nargs} values.": "Argumen {name!r} memerlukan {nargs} nilai.",
    "Choose from:\n\t{choices}": "Pilih salah satu:\n\t{choices}",
    "Commands": "Perintah",
    "Confirm the action without prompting.": "Lanjutkan tanpa bertanya.",
    "Could not open file {filename!r}: {message}":
        "Berkas {filename!r} tidak dapat dibuka: {message}",
    "Do you want to continue?": "Lanjutkan?",
    "Error: The two entered values do not match.": "Kesalahan: kedua nilai yang diketik berbeda.",
    "Error: invalid input": "Kesalahan: masukan tidak valid",
    "Error: {message}": "Kesalahan: {message}",
    "Invalid value for {param_hint}: {message}": "Nilai tidak valid untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak valid: {message}",
    "Missing argument": "Belum diberikan: argumen",
    "Missing command.": "Perintah belum diberikan.",
    "Missing option": "Belum diberikan: opsi",
    "Missing parameter": "Belum diberikan: parameter",
    "Missing parameter: {param_name}": "Parameter belum diberikan: {param_name}",
    "Missing {param_type}": "{param_type} belum diberikan",
    "No such command {name!r}.": "Perintah {name!r} tidak ada.",
    "No such option {name!r}.": "Opsi {name!r} tidak ada.",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Options": "Opsi",
    "Positional arguments": "Argumen",
    "Press any key to continue...": "Tekan tombol apa saja untuk melanjutkan...",
    "Repeat for confirmation": "Ulangi untuk konfirmasi",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Try '{command} {option}' for help.": "Coba '{command} {option}' untuk bantuan.",
    "Usage:": "Pemakaian:",
    "default: {default}": "bawaan: {default}",
    "deprecated": "usang",
    "env var: {var}": "variabel lingkungan: {var}",
    "required": "wajib",
    "directory": "Folder",
    "file": "Berkas",
    "path": "Path",
    "unknown error": "kesalahan tak dikenal",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas, bukan folder.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} tidak dapat dijalankan.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulisi.",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang valid.",
    "integer": "bilangan bulat",
    "float": "bilangan",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} bukan nilai ya/tidak yang dikenal. Nilai yang dikenal: {states}",
    "{value!r} is not a valid UUID.": "{value!r} bukan UUID yang valid.",
    "Value must be an iterable.": "Nilai harus berupa daftar.",
    "Invalid start character for option ({option})":
        "Karakter awal opsi tidak valid ({option})",
}

PLURAL: dict[str, tuple[str, str]] = {
    "Got unexpected extra argument ({args})":
        ("Argumen berlebih yang tidak dikenal ({args})",
         "Argumen berlebih yang tidak dikenal ({args})"),
    "Did you mean {possibility}?": ("Maksud Anda {possibility}?",
                                    "(Maksud Anda salah satu dari: {possibilities}?)"),
    "Option {name!r} requires an argument.": ("Opsi {name!r} memerlukan nilai.",
                                              "Opsi {name!r} memerlukan {nargs} nilai."),
    "{value!r} is not {choice}.": ("{value!r} bukan {choice}.",
                                   "{value!r} bukan salah satu dari {choices}."),
    "Takes {nargs} values but 1 was given.": ("Memerlukan {nargs} nilai, diberikan 1.",
                                              "Memerlukan {nargs} nilai, diberikan {len}."),
}

_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types",
            "utils", "_termui_impl", "shell_completion")


def gettext(message: str) -> str:
    return TEXT.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    forms = PLURAL.get(singular)
    if forms is None:
        return singular if n == 1 else plural
    return forms[0] if n == 1 else forms[1]


def install() -> None:
    """Make click speak Indonesian (idempotent)."""
    for name in _MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:
            continue
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext


def nearest(word: str, candidates: list[str]) -> str | None:
    """The candidate closest to a misspelt `word`, if any is close enough."""
    found = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    if found:
        return found[0]
    lowered = {c.lower(): c for c in candidates}
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[found[0]] if found else None
