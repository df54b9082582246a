"""Near misses of the format's sheet and column names ("maksud Anda ...?").

Staff rename a sheet or a header a little: a unit added ("Pagu Sebelum Perubahan (Rp)"),
an abbreviation ("Pagu Sblm Perubahan", "Ket."), a word added or dropped ("Penjelasan
Serapan Anggaran", "Dokumentasi Kegiatan", "Pegawai per Jabatan"), a year ("Kinerja Tahun
Lalu 2023"), a spelling ("Analisa Indikator"). Read as written, such a sheet or column is
not the one the format names, and its data would be lost in silence; `near_miss` tells which
name was probably meant, so the reader can ask instead of dropping it.

Rules, in order (`tokens` first lowers the text, splits it into words, drops units in
brackets or "Rp", connecting words and numbers such as a year, and expands the usual
abbreviations):
1. the same words;
2. the same words but one (one word more or one less, never the only word);
3. difflib's similarity of the two texts at least 0.8 (a typing slip).
"""

from __future__ import annotations

import difflib
import re

# Abbreviations and spelling variants seen in agency workbooks -> the format's word.
ABBREVIATIONS = {
    "ket": "keterangan", "keter": "keterangan", "sblm": "sebelum", "sbl": "sebelum",
    "sebelumnya": "sebelum", "stlh": "setelah", "ssdh": "sesudah", "perub": "perubahan",
    "jml": "jumlah", "jmlh": "jumlah", "tgl": "tanggal", "kd": "kode", "thn": "tahun",
    "real": "realisasi", "angg": "anggaran", "keg": "kegiatan", "subkeg": "sub kegiatan",
    "subkegiatan": "sub kegiatan", "prog": "program", "ind": "indikator", "nomor": "no",
    "nmr": "no", "analisa": "analisis", "penj": "penjelasan", "ur": "uraian",
    "pj": "penanggung jawab", "sarpras": "sarana prasarana", "pegawai/jabatan": "pegawai jabatan",
}
# Words that connect rather than name; units that do not change what a column holds.
_STOP = {"dan", "per", "yang", "di", "ke", "dari", "untuk", "&", "+", "dgn", "dengan"}
_UNITS = {"rp", "rupiah", "%", "persen", "idr"}
_WORD = re.compile(r"[%&+]|[^\W_]+", re.UNICODE)


def tokens(text: str) -> list[str]:
    """The words that name a sheet or a column, for comparison."""
    words = []
    for word in _WORD.findall(" ".join(str(text).split()).casefold()):
        for part in ABBREVIATIONS.get(word, word).split():
            if part in _STOP or part in _UNITS or part.isdigit():
                continue
            words.append(part)
    return words


def _close(found: list[str], wanted: list[str]) -> float:
    """How close two word lists are (0: not a near miss); higher is closer."""
    if not found or not wanted:
        return 0.0
    if found == wanted or sorted(found) == sorted(wanted):
        return 3.0
    a, b = set(found), set(wanted)
    small, large = (a, b) if len(a) < len(b) else (b, a)
    if small and small < large and len(large - small) == 1 and len(large) >= 2:
        return 2.0
    ratio = difflib.SequenceMatcher(None, " ".join(found), " ".join(wanted)).ratio()
    return 1.0 + ratio if ratio >= 0.8 else 0.0


def near_miss(found: str, candidates: list[str]) -> str | None:
    """The candidate that `found` probably means, or None (see the module's rules).

    An exact match (same text up to case and spacing) is not a near miss: callers match
    those first and pass only the names still missing."""
    words = tokens(found)
    best, score = None, 0.0
    for candidate in candidates:
        s = _close(words, tokens(candidate))
        if s > score:
            best, score = candidate, s
    return best
