"""Which numbered tables and figures the report holds, and their numbers, decided once.

An agency with fewer parts (a kecamatan without a staff breakdown, no PK perubahan, a first
Renstra year without earlier years, no sarana list) has fewer tables; the chapters replace
each missing one by a sentence, and the tables after it in the same chapter move up so the
numbering stays continuous (without Tabel 1.2 the next table of BAB I is Tabel 1.2). Every
caption and every reference in the text reads its number from here (the Word template as
`{{ no.<key> }}`, its presence as `ada.<key>`; the spreadsheets through their context).
"""

from __future__ import annotations

from typing import Iterable, Mapping

from .results import Numbering

# Every numbered table and figure of the report, in document order: (key, kind, prefix).
# The prefix is the chapter ("1" for BAB I, "L" for the lampiran); within a prefix and a
# kind the items present are numbered 1, 2, 3 ... in this order.
ITEMS: list[tuple[str, str, str]] = [
    # BAB I
    ("gambar_struktur", "Gambar", "1"),
    ("tabel_jabatan", "Tabel", "1"),
    ("tabel_pendidikan", "Tabel", "1"),
    ("tabel_golongan", "Tabel", "1"),
    # BAB II
    ("tabel_renstra", "Tabel", "2"),
    ("tabel_iku", "Tabel", "2"),
    ("tabel_rkt", "Tabel", "2"),
    ("tabel_pk", "Tabel", "2"),
    ("tabel_pk_perubahan", "Tabel", "2"),
    ("tabel_program", "Tabel", "2"),
    # BAB III
    ("tabel_skala", "Tabel", "3"),
    ("tabel_capaian", "Tabel", "3"),
    ("tabel_perbandingan", "Tabel", "3"),
    ("tabel_kemajuan", "Tabel", "3"),
    ("tabel_pembanding", "Tabel", "3"),
    ("tabel_analisis", "Tabel", "3"),
    ("tabel_dukungan", "Tabel", "3"),
    ("gambar_capaian", "Gambar", "3"),
    ("tabel_anggaran", "Tabel", "3"),
    ("gambar_serapan", "Gambar", "3"),
    ("tabel_efisiensi", "Tabel", "3"),
    ("tabel_efisiensi_program", "Tabel", "3"),
    ("tabel_keuangan", "Tabel", "3"),
    # Lampiran (Tabel 1.1 Laporan Realisasi is the name of a form, not a number of ours;
    # the documentation photos are Gambar L.1, L.2 ... in their own loop)
    ("tabel_rkt_lampiran", "Tabel", "L"),
    ("tabel_sarana", "Tabel", "L"),
]
KEYS = [key for key, _, _ in ITEMS]

# Items that are the exception, absent unless the core says they are present (number({})
# gives the numbers of a report with every usual table: the seed's).
OPTIONAL_ABSENT = {"tabel_pembanding"}



def number(present: Mapping[str, bool]) -> Numbering:
    """Numbers for the items present, continuous within each chapter and kind."""
    unknown = set(present) - set(KEYS)
    if unknown:
        raise KeyError(sorted(unknown))
    counters: dict[tuple[str, str], int] = {}
    nomor: dict[str, str] = {}
    full: dict[str, bool] = {}
    kinds: dict[str, str] = {}
    for key, kind, prefix in ITEMS:
        here = bool(present.get(key, key not in OPTIONAL_ABSENT))
        full[key] = here
        kinds[key] = kind
        if here:
            n = counters.get((kind, prefix), 0) + 1
            counters[(kind, prefix)] = n
            nomor[key] = f"{prefix}.{n}"
        else:
            nomor[key] = ""
    return Numbering.make(present=full, nomor=nomor, kind=kinds)


def decide(*, jabatan: int, pendidikan: int, golongan: int, pk_perubahan: bool,
           tahun: int, riwayat_tahun: Iterable[int], sarana: int,
           pembanding: bool = False) -> Numbering:
    """The report's numbering from what the agency has: rows of the optional staff and sarana
    sheets, whether a PK perubahan exists, the years of the comparison (Tabel 3.3 needs at
    least one year before the report year), whether any indicator has a benchmark (the
    comparison with benchmarks, Tabel 3.5 when present)."""
    return number({
        "tabel_pembanding": pembanding,
        "tabel_jabatan": jabatan > 0,
        "tabel_pendidikan": pendidikan > 0,
        "tabel_golongan": golongan > 0,
        "tabel_pk_perubahan": pk_perubahan,
        "tabel_perbandingan": any(y < tahun for y in riwayat_tahun),
        "tabel_sarana": sarana > 0,
    })
