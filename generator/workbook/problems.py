"""Problems found in an input workbook, as data.

Every problem carries its location (sheet, row, column, field), the value found and
what was expected, so the CLI can print it and tests can assert it. Validation collects
problems into a `Report` instead of raising on the first one (the frictionless-py way).
The Indonesian wording of each kind of problem lives here, in one table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

# What is wrong, per kind of problem (Indonesian, shown to the user).
KIND_TEXT: dict[str, str] = {
    "file_not_found": "berkas tidak ditemukan",
    "not_a_workbook": "berkas bukan workbook Excel (.xlsx)",
    "old_xls": "berkas berformat Excel lama (.xls)",
    "xlsb": "berkas berformat Excel Binary (.xlsb)",
    "encrypted": "workbook dilindungi kata sandi",
    "corrupt": "workbook rusak atau tidak lengkap",
    "too_large": "workbook terlalu besar untuk diproses",
    "not_lkjip": "workbook ini tidak berisi satu pun sheet masukan LKjIP",
    "sheet_missing": "sheet wajib tidak ada",
    "sheet_empty": "sheet tidak berisi data",
    "column_missing": "kolom wajib tidak ditemukan pada baris judul",
    "column_duplicate": "kolom yang sama muncul lebih dari sekali",
    "key_missing": "baris wajib tidak ada",
    "key_duplicate": "kunci yang sama muncul lebih dari sekali",
    "key_unknown": "kunci tidak dikenal",
    "required": "wajib diisi tetapi kosong",
    "not_number": "bukan angka",
    "ambiguous_number": "penulisan angka ambigu",
    "not_integer": "harus bilangan bulat",
    "date_in_number": "berisi tanggal, padahal kolom ini berisi angka",
    "not_date": "bukan tanggal",
    "too_small": "nilainya terlalu kecil",
    "too_big": "nilainya terlalu besar",
    "invalid_choice": "bukan salah satu pilihan yang dikenal",
    "too_long": "teks terlalu panjang",
    "control_char": "berisi karakter kendali yang tidak terlihat",
    "nip_as_number": "NIP tersimpan sebagai angka sehingga digitnya bisa berubah",
    "invalid_range": "rentang target tidak valid",
    "formula_no_value": "berisi rumus tanpa nilai tersimpan",
    "duplicate_key": "kode sudah dipakai di baris lain",
    "unknown_reference": "merujuk ke kode yang tidak ada",
    "multiple_references": "harus merujuk ke tepat satu kode",
    "realisasi_conflict": "realisasi diisi ganda",
    "realisasi_missing": "realisasi belum diisi",
    "scale_order": "skala kategori tidak berurutan",
    "pagu_sebelum_conflict": "pagu sebelum perubahan diisi di dua tingkat",
    "pagu_sebelum_incomplete": "pagu sebelum perubahan hanya diisi sebagian",
    "year_outside_period": "tahun di luar periode Renstra",
    "target_missing": "target Renstra belum diisi",
    "row_missing": "baris untuk kode ini belum ada",
    "invalid_value": "nilai tidak valid",
    "far_cell": "ada sel terisi jauh di luar tabel",
    "header_too_low": "baris judul tabel terlalu jauh di bawah",
    "hidden_sheet_copy": "sheet yang dibaca tersembunyi, sedangkan salinannya terlihat",
    "merged_number": "sel angka digabung (merge) melintasi beberapa baris data",
    "error_value": "berisi nilai galat Excel, bukan data",
    "too_many_decimals": "terlalu banyak angka di belakang koma",
    "invalid_char": "berisi karakter yang tidak sah",
    "code_char": "kode berisi karakter yang bukan huruf, angka atau tanda baca biasa",
    "column_near_miss": "judul kolom tidak dikenal, tetapi mirip judul kolom sheet ini",
    "sheet_near_miss": "nama sheet tidak dikenal, tetapi mirip nama sheet masukan",
}

# Finance exports read by `lkjip import` (generator/finance).
KIND_TEXT.update({
    "export_header": "judul kolom ekspor keuangan tidak dikenali",
    "export_empty": "ekspor tidak berisi baris yang dapat dipakai",
    "export_more": "masih ada masalah lain",
    "skpd_several": "ekspor berisi beberapa SKPD; pilih satu dengan --skpd",
    "skpd_unknown": "SKPD tidak ada di ekspor",
    "sub_unit_unknown": "sub unit tidak ada di SKPD ini",
    "export_role": "peran berkas ekspor tidak cocok",
    "export_year": "ekspor murni dan perubahan dari tahun anggaran yang berbeda",
})
NO_VALUE_KINDS = {"export_header", "export_empty", "export_more", "skpd_several",
                  "export_role", "export_year"}


@dataclass(frozen=True, order=True)
class Location:
    """Where in the workbook: a sheet, optionally a row, a column letter and a field."""

    sheet: str
    row: int | None = None
    column: str | None = None
    field: str | None = None

    @property
    def cell(self) -> str | None:
        """The A1 reference, when both column and row are known."""
        if self.column and self.row:
            return f"{self.column}{self.row}"
        return None

    def __str__(self) -> str:
        text = self.sheet
        if self.cell:
            text += f"!{self.cell}"
        elif self.row:
            text += f", baris {self.row}"
        elif self.column:
            text += f", kolom {self.column}"
        if self.field:
            text += f" ({self.field})"
        return text


def show_value(value: Any, limit: int = 60) -> str:
    """The value found, as the user would recognise it."""
    if value is None or value == "":
        return "(kosong)"
    text = str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        text = str(int(value))   # 1.96804151989111e+17 -> the digits Excel really kept
    if hasattr(value, "isoformat"):
        text = value.isoformat()
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", text)
    text = re.sub(r"[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)
    text = text.replace("\n", "⏎")
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f'"{text}"'


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located."""

    kind: str
    location: Location
    value: Any = None
    expected: str = ""
    detail: str = ""

    @property
    def has_value(self) -> bool:
        return self.kind not in {
            "sheet_missing", "column_missing", "column_duplicate", "key_missing",
            "sheet_empty", "file_not_found", "not_a_workbook", "old_xls", "xlsb", "encrypted",
            "corrupt", "too_large", "not_lkjip", "far_cell", "header_too_low",
            "hidden_sheet_copy", "sheet_near_miss",
        } and self.kind not in NO_VALUE_KINDS

    def message(self) -> str:
        """The full Indonesian sentence shown to the user."""
        text = f"{self.location}: {KIND_TEXT.get(self.kind, self.kind)}"
        if self.detail:
            text += f" ({self.detail})"
        text += "."
        if self.has_value:
            text += f" Ditemukan: {show_value(self.value)}."
        if self.expected:
            text += f" Diharapkan: {self.expected}."
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "sheet": self.location.sheet,
            "cell": self.location.cell,
            "row": self.location.row,
            "column": self.location.column,
            "field": self.location.field,
            "value": self.value,
            "expected": self.expected,
            "message": self.message(),
        }


@dataclass
class Report:
    """All problems found in one workbook, in a stable order."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def ok(self) -> bool:
        return not self.problems

    def __len__(self) -> int:
        return len(self.problems)

    def __iter__(self):
        return iter(self.problems)

    def sorted(self, sheet_order: list[str] | None = None) -> list[Problem]:
        order = {name: i for i, name in enumerate(sheet_order or [])}

        def key(p: Problem):
            loc = p.location
            return (order.get(loc.sheet, len(order)), loc.sheet, loc.row or 0,
                    _column_index(loc.column), p.kind)

        return sorted(self.problems, key=key)


def _column_index(letters: str | None) -> int:
    if not letters:
        return 0
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch.upper()) - 64)
    return n


@dataclass(frozen=True)
class Notice:
    """Something the reader did that the user should know, without refusing the input
    (a hidden sheet or hidden rows that were read). Shown among the review notes."""

    kind: str
    location: Location
    message: str


class WorkbookError(Exception):
    """The input file cannot be read as a workbook at all (one clear sentence)."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message())
        self.problem = problem
