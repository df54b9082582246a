"""The columns a finance export may carry, each with the header texts known for it.

One table serves the readers (a column is found by its header, never by its position),
the message for a header that cannot be matched, and the synonym table of docs/impor.md
(`synonym_table()`; a test keeps the two equal). Headers are compared like the workbook's:
case, spacing and line breaks ignored; "_" counts as a space, so the snake_case field
names of the SIPD-RI web application match too (kode_sub_giat).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..workbook.cells import normalise_header


@dataclass(frozen=True)
class Role:
    name: str            # field name of the typed rows
    label: str           # what the column holds, as the messages and docs call it
    headers: tuple[str, ...]
    example: str = ""


ROLES: list[Role] = [
    Role("tahun", "Tahun anggaran", ("TAHUN", "Tahun Anggaran"), "2025"),
    Role("kode_skpd", "Kode SKPD", ("KODE SKPD", "Kode Perangkat Daerah", "Kode OPD",
                                    "Kode Unit SKPD"), "1.06.0.00.0.00.01.0000"),
    Role("nama_skpd", "Nama SKPD", ("NAMA SKPD", "Nama Perangkat Daerah", "Nama OPD",
                                    "Nama Unit SKPD"), "Dinas Sosial"),
    Role("kode_sub_unit", "Kode sub unit", ("KODE SUB UNIT", "Kode Sub SKPD", "Kode Unit",
                                            "Kode Sub Unit Organisasi"),
         "1.06.0.00.0.00.01.0000"),
    Role("nama_sub_unit", "Nama sub unit", ("NAMA SUB UNIT", "Nama Sub SKPD", "Nama Unit",
                                            "Nama Sub Unit Organisasi"), "Dinas Sosial"),
    Role("kode_urusan", "Kode bidang urusan", ("KODE BIDANG URUSAN", "Kode Bidang",
                                               "Kode Urusan Bidang"), "1.06"),
    Role("nama_urusan", "Nama bidang urusan", ("NAMA BIDANG URUSAN", "Nama Bidang",
                                               "Bidang Urusan"),
         "URUSAN PEMERINTAHAN BIDANG SOSIAL"),
    Role("kode_program", "Kode program", ("KODE PROGRAM", "Kode Prog"), "1.06.02"),
    Role("nama_program", "Nama program", ("NAMA PROGRAM", "Program"),
         "PROGRAM PEMBERDAYAAN SOSIAL"),
    Role("kode_kegiatan", "Kode kegiatan", ("KODE KEGIATAN", "kode_giat", "Kode Keg"),
         "1.06.02.2.01"),
    Role("nama_kegiatan", "Nama kegiatan", ("NAMA KEGIATAN", "nama_giat", "Kegiatan"), ""),
    Role("kode_sub_kegiatan", "Kode sub kegiatan",
         ("KODE SUB KEGIATAN", "kode_sub_giat", "Kode Subkegiatan", "Kode Sub Keg",
          "Kd Sub Kegiatan"), "1.06.02.2.01.0001"),
    Role("nama_sub_kegiatan", "Nama sub kegiatan",
         ("NAMA SUB KEGIATAN", "nama_sub_giat", "Nama Subkegiatan", "Sub Kegiatan"), ""),
    Role("kode_rekening", "Kode rekening",
         ("KODE REKENING", "Kode Akun", "Kode Rek", "Kd Rek", "Kd Rekening", "Rekening"),
         "5.1.02.01.01.0024"),
    Role("nama_rekening", "Uraian rekening",
         ("NAMA REKENING", "Uraian", "Uraian Rekening", "Nama Akun", "Uraian Akun"),
         "Belanja Perjalanan Dinas Biasa"),
    Role("pagu", "Pagu (Rp)", ("PAGU", "Pagu Anggaran", "Anggaran", "Jumlah Anggaran",
                               "Nilai Anggaran", "Pagu DPA", "Nilai Rincian", "Total Harga"),
         "110.160.000"),
    Role("realisasi", "Realisasi (Rp)", ("NILAI REALISASI", "Realisasi", "Jumlah Realisasi",
                                         "Realisasi Anggaran", "Realisasi Riil"),
         "109.829.141"),
    Role("setoran", "Setoran / pengembalian (Rp), dikurangkan dari realisasi",
         ("NILAI SETORAN", "Setoran", "Pengembalian", "Nilai Pengembalian"), "1.500.000"),
    Role("nomor_dokumen", "Nomor dokumen realisasi", ("NOMOR DOKUMEN", "No Dokumen",
                                                       "Nomor SP2D", "No SP2D"), ""),
    Role("sumber_dana", "Sumber dana", ("NAMA SUMBER DANA", "Sumber Dana"), ""),
    Role("paket", "Paket / kelompok", ("NAMA PAKET/KELOMPOK", "Nama Paket", "Paket"), ""),
    Role("standar_harga", "Standar harga", ("KODE STANDAR HARGA", "NAMA STANDAR HARGA"), ""),
]

ROLE = {r.name: r for r in ROLES}

# Columns without which no line can be placed; pagu or realisasi must be there as well.
REQUIRED = ("kode_sub_kegiatan", "kode_rekening")
AMOUNTS = ("pagu", "realisasi")


def norm(text: object) -> str:
    """A header as compared: case, spacing, line breaks and "_" ignored."""
    return normalise_header(str(text).replace("_", " ")) if text is not None else ""


# normalised header -> role name
HEADER_ROLE: dict[str, str] = {}
for _role in ROLES:
    for _h in _role.headers:
        HEADER_ROLE.setdefault(norm(_h), _role.name)


def synonym_table() -> str:
    """The Markdown table of docs/impor.md: every column and the headers it is found by."""
    lines = ["| Isi kolom | Judul kolom yang dikenali | Contoh isi |", "|---|---|---|"]
    for r in ROLES:
        heads = ", ".join(f"`{h}`" for h in r.headers)
        lines.append(f"| {r.label} | {heads} | {r.example} |")
    return "\n".join(lines)
