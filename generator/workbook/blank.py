"""A blank input workbook for a new agency (`lkjip init`), built from the sheet registry.

The same registry (sheets.py, the models' aliases, types, descriptions and examples) that
the reader, the validation and docs/workbook.md use: every sheet with its styled, frozen
header row; a first sheet "Petunjuk" saying how to fill it; column widths that fit; an
input message on every column (meaning, kind, example); dropdowns for every choice column
and for every code that refers to another sheet (a named range over that sheet's code
column, growing with its rows; for a code of either of two sheets, a named range over a
hidden sheet that lists both); number formats; the default category scale filled in.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

from pydantic import BeforeValidator

from . import fieldtypes as ft
from .sheets import SHEETS, SheetSpec, spec_for
from .text import choice_values, field_kind

FIXED_CREATED = dt.datetime(2025, 1, 1, 0, 0, 0)
ROWS = 10_000          # rows with dropdowns and formats below the header (the read bound)

# Columns holding a code of another sheet: (sheet, field) -> (target sheet, its code field).
# tests/workbook/test_blank.py checks that every "Kode ..." column is covered.
REFERENCES: dict[tuple[str, str], tuple[str, str]] = {
    ("Sasaran", "kode_tujuan"): ("Tujuan", "kode"),
    ("Indikator", "kode_sasaran"): ("Sasaran", "kode"),
    ("Indikator", "kode_tujuan"): ("Tujuan", "kode"),
    ("Porsi Anggaran", "kode_indikator"): ("Indikator", "kode"),
    ("Porsi Anggaran", "kode_sub_kegiatan"): ("Sub Kegiatan", "kode"),
    ("Target Renstra", "kode_indikator"): ("Indikator", "kode"),
    ("Kinerja Indikator", "kode_indikator"): ("Indikator", "kode"),
    ("Kinerja Tahun Lalu", "kode_indikator"): ("Indikator", "kode"),
    ("Program", "kode_urusan"): ("Urusan", "kode"),
    ("Program", "kode_indikator"): ("Indikator", "kode"),
    ("Kegiatan", "kode_program"): ("Program", "kode"),
    ("Sub Kegiatan", "kode_kegiatan"): ("Kegiatan", "kode"),
    ("Sub Kegiatan", "kode_indikator"): ("Indikator", "kode"),
    ("Rekening", "kode_sub_kegiatan"): ("Sub Kegiatan", "kode"),
    ("Analisis Indikator", "kode_indikator"): ("Indikator", "kode"),
    ("Pembanding", "kode_indikator"): ("Indikator", "kode"),
    ("Perjanjian Kinerja", "pihak_pertama"): ("Pejabat", "kode"),
    ("Perjanjian Kinerja", "pihak_kedua"): ("Pejabat", "kode"),
    ("PK Indikator", "kode_pk"): ("Perjanjian Kinerja", "kode"),
    ("PK Indikator", "kode_indikator"): ("Indikator", "kode"),
    ("PK Anggaran", "kode_pk"): ("Perjanjian Kinerja", "kode"),
    ("Dokumentasi", "kode_indikator"): ("Indikator", "kode"),
    ("Instansi", "kode_kepala"): ("Pejabat", "kode"),
    ("Instansi", "kode_kepala_daerah"): ("Pejabat", "kode"),
}

# Columns holding a code of either of two sheets: (sheet, field) -> the two target sheets.
# Their dropdown lists both sheets' codes, from a hidden helper sheet (LIST_SHEET).
COMBINED_REFERENCES: dict[tuple[str, str], tuple[str, str]] = {
    ("Indikator Program", "kode"): ("Program", "Kegiatan"),
}
LIST_SHEET = "Daftar Kode"       # hidden; not a sheet of the format, so never read
LIST_ROWS = 2_000                # codes of the two sheets together that the list can hold

# The category scale most agencies use (Permenpan RB 53/2014 style), filled in as a start.
DEFAULT_SCALE = [(1, 91, "Sangat Tinggi"), (2, 76, "Tinggi"), (3, 66, "Sedang"),
                 (4, 51, "Rendah"), (5, 0, "Sangat Rendah")]

_TEXT_PARSERS = {ft._code, ft._nip}
_MONEY = {ft._money, ft._integer}


def range_name(sheet: str) -> str:
    """The workbook name for a sheet's code column: 'Sub Kegiatan' -> Kode_Sub_Kegiatan."""
    return "Kode_" + "_".join(sheet.split())


def combined_name(a: str, b: str) -> str:
    """The workbook name for the codes of two sheets: Kode_Program_Kegiatan."""
    return range_name(a) + "_" + "_".join(b.split())


def _code_column(sheet: str) -> str:
    spec = next(s for s in SHEETS if s.name == sheet)
    return chr(65 + [n for n, _ in spec.fields()].index("kode"))


def _combined_list(wb) -> None:
    """The hidden sheet whose column per pair of sheets lists the codes of the first, then
    those of the second (formulas, so the list follows what is typed there), and the name
    over its filled part for the dropdowns."""
    ws = wb.add_worksheet(LIST_SHEET)
    ws.hide()
    for c, (a, b) in enumerate(sorted(set(COMBINED_REFERENCES.values()))):
        ca, cb = _code_column(a), _code_column(b)
        n_a = f"(COUNTA('{a}'!${ca}:${ca})-1)"
        n_b = f"(COUNTA('{b}'!${cb}:${cb})-1)"
        for r in range(LIST_ROWS):
            i = r + 1                                        # the position in the list
            ws.write_formula(r, c, f"=IF({i}<={n_a},INDEX('{a}'!${ca}:${ca},{i + 1}),"
                                   f"IF({i}<={n_a}+{n_b},INDEX('{b}'!${cb}:${cb},"
                                   f"{i + 1}-{n_a}),\"\"))", None, "")
        letter = chr(65 + c)
        wb.define_name(combined_name(a, b),
                       f"=OFFSET('{LIST_SHEET}'!${letter}$1,0,0,MAX(1,{n_a}+{n_b}),1)")


def _parsers(info) -> set:
    return {m.func for m in ft.field_parsers(info) if isinstance(m, BeforeValidator)}


def describe(info) -> str:
    from .doc import describe_type

    return describe_type(info)


def _message(info) -> str:
    """The input message of a column (Excel allows 255 characters)."""
    example = (info.json_schema_extra or {}).get("example")
    wajib = "Wajib." if info.is_required() else "Boleh kosong."
    kind = describe(info).replace(f", ≤ {ft.MAX_NUMBER}", "").replace(f" ≤ {ft.MAX_NUMBER}", "")
    text = f"{info.description} {wajib} Jenis: {kind}."
    if example not in (None, "…"):
        text += f" Contoh: {example}"
    return text if len(text) <= 255 else text[:254] + "…"


def _title(text: str) -> str:
    return text if len(text) <= 32 else text[:31] + "…"


def _width(info) -> int:
    example = (info.json_schema_extra or {}).get("example")
    longest = max(len(info.alias), len(str(example)) if example not in (None, "…") else 0)
    return max(10, min(50, longest + 3))


class _Formats:
    def __init__(self, wb):
        base = {"valign": "top"}
        self.header = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1,
                                     "text_wrap": True, "valign": "top"})
        self.header_required = wb.add_format({"bold": True, "bg_color": "#FCE4D6", "border": 1,
                                              "text_wrap": True, "valign": "top"})
        self.text = wb.add_format({**base, "text_wrap": True})
        self.code = wb.add_format({**base, "num_format": "@"})
        self.money = wb.add_format({**base, "num_format": "#,##0"})
        self.number = wb.add_format({**base, "num_format": "General"})
        self.date = wb.add_format({**base, "num_format": "dd/mm/yyyy"})
        self.key = wb.add_format({**base, "bold": True})
        self.title = wb.add_format({"bold": True, "font_size": 14})
        self.bold = wb.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.review = wb.add_format({**base, "text_wrap": True, "bg_color": "#FFF2CC"})

    def of(self, info):
        kind = field_kind(info)
        parsers = _parsers(info)
        if kind == "date":
            return self.date
        if parsers & _TEXT_PARSERS:
            return self.code
        if kind == "number":
            return self.money if parsers & _MONEY else self.number
        return self.text


def _validation(spec: SheetSpec, name: str, info) -> dict[str, Any]:
    options: dict[str, Any] = {"input_title": _title(info.alias),
                               "input_message": _message(info)}
    values = choice_values(info)
    ref = REFERENCES.get((spec.name, name))
    if values:
        options.update(validate="list", source=values, error_type="stop",
                       error_title="Pilihan tidak dikenal",
                       error_message="Pilih salah satu: " + ", ".join(values))
    elif ft._pengali in _parsers(info):
        options.update(validate="list", source=[str(v) for v in ft.PENGALI], error_type="stop",
                       error_title="Pengali tidak dikenal",
                       error_message="Pilih salah satu: " + ft.PENGALI_TEXT)
    elif (spec.name, name) in COMBINED_REFERENCES:
        a, b = COMBINED_REFERENCES[(spec.name, name)]
        options.update(validate="list", source=f"={combined_name(a, b)}",
                       error_type="warning", error_title="Kode belum ada",
                       error_message=f"Kode ini belum ada di sheet {a} maupun {b}. "
                                     f"Tambahkan dulu di sheet {a} atau {b}, atau lanjutkan.")
    elif ref:
        options.update(validate="list", source=f"={range_name(ref[0])}",
                       error_type="warning", error_title="Kode belum ada",
                       error_message=f"Kode ini belum ada di sheet {ref[0]}. "
                                     f"Tambahkan dulu di sheet {ref[0]}, atau lanjutkan.")
    else:
        options["validate"] = "any"
    return options


def _write_value(ws, r: int, c: int, value: Any, cell, fmt: "_Formats", review: bool) -> None:
    """One carried-over value; `review` marks a text to be checked (yellow)."""
    if value is None:
        return
    style = fmt.review if review else cell
    if isinstance(value, bool):
        ws.write_string(r, c, "Ya" if value else "Tidak", style)
    elif isinstance(value, (int, float)):
        ws.write_number(r, c, value, style)
    elif isinstance(value, Decimal):
        ws.write_number(r, c, int(value) if value == value.to_integral_value() else float(value),
                        style)
    elif isinstance(value, dt.datetime):
        ws.write_datetime(r, c, value, fmt.date)
    elif isinstance(value, dt.date):
        ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), fmt.date)
    elif isinstance(value, (list, tuple)):
        ws.write_string(r, c, "\n".join(str(v) for v in value), style)
    else:
        ws.write_string(r, c, str(getattr(value, "value", value)), style)


def _write_table(wb, ws, spec: SheetSpec, fmt: _Formats, rows: list[dict[str, Any]] | None,
                 review: set[str]) -> None:
    fields = spec.fields()
    widths = [_width(info) for _, info in fields]
    for c, (name, info) in enumerate(fields):
        head = fmt.header_required if info.is_required() else fmt.header
        ws.write_string(0, c, info.alias, head)
        ws.data_validation(1, c, ROWS, c, _validation(spec, name, info))
    if rows is None and spec.name == "Skala Kategori":
        rows = [{"urutan": u, "batas_bawah": b, "kategori": k} for u, b, k in DEFAULT_SCALE]
    for r, values in enumerate(rows or [], start=1):
        for c, (name, info) in enumerate(fields):
            value = values.get(name)
            _write_value(ws, r, c, value, fmt.of(info), fmt, name in review)
            if isinstance(value, str):
                widths[c] = max(widths[c], min(50, max(len(x) for x in value.split("\n")) + 2))
    for c, (_, info) in enumerate(fields):
        ws.set_column(c, c, widths[c], fmt.of(info))
    ws.set_row(0, 30)
    ws.freeze_panes(1, 0)


def _write_keyvalue(wb, ws, spec: SheetSpec, fmt: _Formats, values: dict[str, Any],
                    review: set[str]) -> None:
    ws.write_string(0, 0, spec.key_header, fmt.header)
    ws.write_string(0, 1, spec.value_header, fmt.header)
    for r, (name, info) in enumerate(spec.fields(), start=1):
        ws.write_string(r, 0, info.alias, fmt.key)
        options = _validation(spec, name, info)
        ws.data_validation(r, 1, r, 1, options)
        value = values.get(name)
        cell = fmt.of(info)
        if value is None:
            ws.write_blank(r, 1, None, cell)
        else:
            _write_value(ws, r, 1, value, cell, fmt, name in review)
    ws.set_column(0, 0, 30, fmt.key)
    ws.set_column(1, 1, 90, fmt.text)
    ws.freeze_panes(1, 0)


def _guide(ws, fmt: _Formats, tahun: int | None, notes: list[str]) -> None:
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 10)
    ws.set_column(2, 2, 100)
    ws.write_string(0, 0, "Petunjuk pengisian workbook masukan LKjIP", fmt.title)
    steps = [
        "1. Isi sheet dari kiri ke kanan: sheet yang dirujuk (Tujuan, Sasaran, Indikator, "
        "Urusan, Program, ...) lebih dulu, agar kodenya muncul di daftar pilihan sheet lain.",
        "2. Judul kolom di baris 1 jangan diubah. Kolom berjudul jingga wajib diisi; yang biru "
        "boleh kosong. Pilih sel untuk melihat arti kolom dan contohnya.",
        "3. Sheet Instansi dan Narasi berisi dua kolom: nama isian (jangan diubah) dan nilainya.",
        "4. Daftar (fungsi, faktor pendukung, isu strategis, ...): satu butir per baris dalam "
        "sel (Alt+Enter).",
        "5. Periksa kapan saja dengan: lkjip validate NAMA_BERKAS.xlsx. Selama ada sheet yang "
        "belum diisi, yang ditampilkan hanya daftar sheet itu.",
        "6. Bila semua valid: lkjip generate NAMA_BERKAS.xlsx --out hasil",
        "Tahun berikutnya tidak perlu mulai dari awal: lkjip rollover NAMA_BERKAS.xlsx "
        "--out BARU.xlsx.",
    ]
    if tahun:
        steps.insert(0, f"Workbook ini untuk laporan tahun {tahun}.")
    steps[1:1] = notes
    r = 2
    for step in steps:
        ws.write_string(r, 0, step)
        r += 1
    r += 1
    ws.write_string(r, 0, "Sheet", fmt.header)
    ws.write_string(r, 1, "Wajib", fmt.header)
    ws.write_string(r, 2, "Isi", fmt.header)
    for spec in SHEETS:
        r += 1
        wajib = "ya" if spec.required and (spec.keyvalue or spec.min_rows) else "tidak"
        text = spec.description
        if not spec.keyvalue:
            required = [info.alias for _, info in spec.fields() if info.is_required()]
            text += " Kolom wajib: " + ", ".join(required) + "."
        refs = sorted({t for (s, _), (t, _) in REFERENCES.items() if s == spec.name}
                      | {t for (s, _), pair in COMBINED_REFERENCES.items() if s == spec.name
                         for t in pair})
        if refs:
            text += " Kode dipilih dari sheet " + ", ".join(refs) + "."
        if spec.name == "Skala Kategori":
            text += " Sudah terisi skala umum; ubah bila instansi memakai skala lain."
        ws.write_string(r, 0, spec.name, fmt.bold)
        ws.write_string(r, 1, wajib, fmt.text)
        ws.write_string(r, 2, text, fmt.text)
    ws.activate()


def blank_workbook(tahun: int | None = None, instansi: str | None = None,
                   data: dict[str, Any] | None = None,
                   review: dict[str, set[str]] | None = None,
                   notes: list[str] | None = None) -> bytes:
    """The .xlsx bytes of a blank input workbook (optionally with year and agency name).

    `data` (used by `lkjip rollover`) fills sheets: by sheet attr, a list of
    {field: value} for a table sheet, a {field: value} for a key-value sheet; `review`
    names, per sheet attr, the fields whose carried-over text is marked to be checked;
    `notes` are extra lines for the Petunjuk sheet.
    """
    data = data or {}
    review = review or {}
    import xlsxwriter

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                      "strings_to_urls": False, "strings_to_numbers": False})
    wb.set_properties({"title": "Workbook masukan LKjIP", "created": FIXED_CREATED})
    fmt = _Formats(wb)
    _guide(wb.add_worksheet("Petunjuk"), fmt, tahun, notes or [])
    values = {"instansi": {"tahun": tahun, "nama_instansi": instansi}}
    for spec in SHEETS:
        ws = wb.add_worksheet(spec.name)
        marked = review.get(spec.attr, set())
        if spec.keyvalue:
            _write_keyvalue(wb, ws, spec, fmt, data.get(spec.attr, values.get(spec.attr, {})),
                            marked)
        else:
            _write_table(wb, ws, spec, fmt, data.get(spec.attr), marked)
    _combined_list(wb)
    for target in sorted({t for t, _ in REFERENCES.values()}):
        letter = _code_column(target)
        quoted = f"'{target}'"
        # Grows with the sheet: from row 2 down to the last filled code.
        wb.define_name(range_name(target),
                       f"=OFFSET({quoted}!${letter}$2,0,0,"
                       f"MAX(1,COUNTA({quoted}!${letter}:${letter})-1),1)")
    wb.close()
    return buffer.getvalue()


__all__ = ["blank_workbook", "COMBINED_REFERENCES", "REFERENCES", "DEFAULT_SCALE",
           "combined_name", "range_name", "spec_for"]
