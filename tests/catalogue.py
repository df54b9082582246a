"""The catalogue of broken and hostile inputs: what a user did, and what the tool says.

Each case builds its input from the sample workbook (or from scratch) into a folder and
states the exact output and exit status of `lkjip validate`. tests/test_catalogue.py
runs every case; docs/keandalan.md lists them (kept in sync by a test).
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import openpyxl

from generator.pipeline import SAMPLE_WORKBOOK
from generator.workbook.reader import REMOVE_PASSWORD, SAVE_AS_XLSX as SAVE_AS

FIXTURES = Path(__file__).resolve().parent / "fixtures"

INVALID_TAIL = "Perbaiki masalah di atas lalu jalankan kembali."


@dataclass(frozen=True)
class Case:
    id: str
    tindakan: str                      # what the user did
    build: Callable[[Path], Path]      # folder -> input file
    exit_code: int
    output: str                        # exact output; {path} and {name} are filled in
    note: str = ""                     # a review note the output must list (valid inputs)

    def expected(self, path: Path) -> str:
        return self.output.format(path=path, name=path.name)


def edited(edits: dict[tuple[str, str], Any] | None = None,
           hook: Callable[[openpyxl.Workbook], None] | None = None,
           name: str = "masukan.xlsx") -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        target = folder / name
        shutil.copy(SAMPLE_WORKBOOK, target)
        wb = openpyxl.load_workbook(target)
        for (sheet, cell), value in (edits or {}).items():
            wb[sheet][cell].value = value
        if hook:
            hook(wb)
        wb.save(target)
        return target
    return build


def zip_patched(member: str, old: bytes, new: bytes, name: str = "masukan.xlsx"):
    def build(folder: Path) -> Path:
        target = folder / name
        with zipfile.ZipFile(SAMPLE_WORKBOOK) as zin, \
                zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                if info.filename == member:
                    assert old in data, (member, old)
                    data = data.replace(old, new, 1)
                zout.writestr(info, data)
        return target
    return build


def sheet_patched(title: str, old: bytes, new: bytes, name: str = "masukan.xlsx"):
    """The sample with one sheet's XML patched (for what openpyxl cannot build, e.g. a
    merge over a million rows, which openpyxl would expand cell by cell)."""
    import re

    with zipfile.ZipFile(SAMPLE_WORKBOOK) as zf:
        book = zf.read("xl/workbook.xml").decode()
        rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet name="{re.escape(title)}" sheetId="\d+" r:id="(rId\d+)"', book)
    target = re.search(rf'Id="{rid.group(1)}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*'
                       rf'Id="{rid.group(1)}"', rels)
    member = "xl/" + (target.group(1) or target.group(2)).lstrip("/").removeprefix("xl/")
    return zip_patched(member, old, new, name)


def written(name: str, data: bytes | Callable[[], bytes]) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        target = folder / name
        target.write_bytes(data() if callable(data) else data)
        return target
    return build


def copied(source: Path, name: str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        target = folder / name
        shutil.copy(source, target)
        return target
    return build


def _truncated() -> bytes:
    data = SAMPLE_WORKBOOK.read_bytes()
    return data[: len(data) // 2]


def _docx_like() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<document/>")
    return buf.getvalue()


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            block = b"\0" * (1 << 20)
            for _ in range(450):            # 450 MB of zeros, about 450 KB compressed
                f.write(block)
    return buf.getvalue()


def _many_strings() -> bytes:
    """The sample with 1,000,001 distinct tiny texts added to its shared strings (18 MB of
    XML, 2 MB in the file): refused before openpyxl makes an object of each."""
    import random

    rnd = random.Random(13)
    letters = "abcdefghijklmnopqrstuvwxyz"
    extra = "".join(f"<si><t>{rnd.choice(letters)}{rnd.choice(letters)}</t></si>"
                    for _ in range(1_000_001))
    buf = io.BytesIO()
    with zipfile.ZipFile(SAMPLE_WORKBOOK) as zin, \
            zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/sharedStrings.xml":
                data = data.replace(b"</sst>", extra.encode() + b"</sst>")
            zout.writestr(info.filename, data)
    return buf.getvalue()


def _empty_workbook() -> bytes:
    buf = io.BytesIO()
    openpyxl.Workbook().save(buf)
    return buf.getvalue()


def _many_rows(folder: Path) -> Path:
    """250.000 rekening rows: refused before openpyxl builds its cell objects."""
    import xlsxwriter

    source = openpyxl.load_workbook(SAMPLE_WORKBOOK)
    target = folder / "besar.xlsx"
    wb = xlsxwriter.Workbook(str(target), {"constant_memory": True})
    for ws_src in source.worksheets:
        ws = wb.add_worksheet(ws_src.title)
        rows = list(ws_src.iter_rows(values_only=True))
        if ws_src.title == "Rekening":
            first = rows[1]
            rows = rows[:1] + [first] * 250_000
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    if isinstance(value, dt.datetime):
                        ws.write_datetime(r, c, value)
                    else:
                        ws.write(r, c, value)
    wb.close()
    return target


def _xlsb_like() -> bytes:
    """What Excel's "Excel Binary Workbook" holds: a zip of .bin parts, no workbook.xml."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00")
        zf.writestr("xl/worksheets/sheet1.bin", b"\x81\x01\x00")
    return buf.getvalue()


def _odt_like() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    return buf.getvalue()


# Transitional -> Strict Open XML (ISO/IEC 29500-1 namespaces), as Excel's "Strict Open XML
# Spreadsheet" names them; the relationship type that changed more than its prefix first.
_TO_STRICT = [
    (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
     b"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     b"http://purl.oclc.org/ooxml/officeDocument/relationships"),
    (b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
     b"http://purl.oclc.org/ooxml/spreadsheetml/main"),
    (b"http://schemas.openxmlformats.org/drawingml/2006/", b"http://purl.oclc.org/ooxml/drawingml/"),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
     b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties"),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/",
     b"http://purl.oclc.org/ooxml/officeDocument/"),
]


def _strict() -> bytes:
    """The sample as a Strict Open XML workbook: Strict namespaces, conformance="strict",
    and its dates as ISO 8601 text (t="d"), as Strict allows."""
    import re

    date_style = None
    with zipfile.ZipFile(SAMPLE_WORKBOOK) as zf:
        styles = zf.read("xl/styles.xml").decode()
    xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.S).group(1)
    for i, xf in enumerate(re.findall(r"<xf [^>]*?(?:/>|>.*?</xf>)", xfs, re.S)):
        fmt = re.search(r'numFmtId="(\d+)"', xf)
        custom = re.search(rf'<numFmt numFmtId="{fmt.group(1)}" formatCode="([^"]*)"', styles) \
            if fmt else None
        if custom and "yy" in custom.group(1):
            date_style = i
    assert date_style is not None

    def iso(m: re.Match) -> bytes:
        day = dt.datetime(1899, 12, 30) + dt.timedelta(days=int(m.group(2)))
        return m.group(1) + b' t="d"><v>' + day.isoformat().encode() + b"</v></c>"

    cell = re.compile(rb'(<c r="[A-Z]+\d+" s="' + str(date_style).encode() + rb'")><v>(\d+)</v></c>')
    buf = io.BytesIO()
    dates = 0
    with zipfile.ZipFile(SAMPLE_WORKBOOK) as zin, \
            zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            for transitional, strict in _TO_STRICT:
                data = data.replace(transitional, strict)
            if info.filename == "xl/workbook.xml":
                data = data.replace(b"<workbook ", b'<workbook conformance="strict" ', 1)
            if info.filename.startswith("xl/worksheets/"):
                data, n = cell.subn(iso, data)
                dates += n
            zout.writestr(info, data)
    assert dates > 0
    return buf.getvalue()


def _rename_sheets(wb: openpyxl.Workbook) -> None:
    for old, new in (("Analisis Indikator", "Analisa Indikator"),
                     ("Kinerja Tahun Lalu", "Kinerja Tahun Lalu 2023"),
                     ("Sarana Prasarana", "Sarana dan Prasarana"),
                     ("Dokumentasi", "Dokumentasi Kegiatan"),
                     ("Pegawai Jabatan", "Pegawai per Jabatan")):
        wb[old].title = new


def _extra_sheet(wb: openpyxl.Workbook) -> None:
    ws = wb.create_sheet("Catatan")
    ws.append(["Catatan rapat penyusunan LKjIP"])
    ws.append(["Realisasi bulan Desember menunggu rekonsiliasi BPKAD"])
    wb.create_sheet("Sheet1")                    # empty: nothing in it is lost


def _extra_column(wb: openpyxl.Workbook) -> None:
    ws = wb["Rekening"]
    ws["J1"] = "Verifikasi BPKAD"
    ws["J2"] = "sudah"
    ws["K7"] = "cek lagi"                        # a value without a header


def _sarana_row(wb: openpyxl.Workbook) -> None:
    ws = wb["Sarana Prasarana"]
    ws.append([c.value for c in ws[2]])          # Tanah, pasted again at the end


def _sarana_tanpa_tingkat(wb: openpyxl.Workbook) -> None:
    ws = wb["Sarana Prasarana"]
    for r in range(2, ws.max_row + 1):
        ws.cell(r, 2).value = None               # the Tingkat column emptied


def _hidden_with_copy(wb: openpyxl.Workbook) -> None:
    copy = wb.copy_worksheet(wb["Rekening"])
    copy.title = "Rekening (2)"
    wb["Rekening"].sheet_state = "hidden"


def _as_text(ws, cells: dict[str, str]) -> None:
    """Text cells as Excel stores a value typed with a leading apostrophe."""
    for ref, text in cells.items():
        ws[ref].value = text
        ws[ref].data_type = "s"


def _invalid(*messages: str) -> str:
    lines = [f"Workbook tidak valid: {len(messages)} masalah ditemukan di {{path}}."]
    lines += [f"{i}. {m}" for i, m in enumerate(messages, start=1)]
    lines.append(INVALID_TAIL)
    return "\n".join(lines) + "\n"


def _unreadable(message: str) -> str:
    return f"Workbook tidak dapat diproses. {{name}}: {message}\n"


VALID = "Workbook valid: {path}.\n"   # first line; review notes follow

CASES: list[Case] = [
    # --- The file itself --------------------------------------------------------------
    Case("bukan_zip", "Menyimpan catatan teks dengan nama .xlsx",
         written("catatan.xlsx", b"Laporan kinerja 2024\n"), 2,
         _unreadable("berkas bukan workbook Excel (.xlsx). Diharapkan: berkas .xlsx yang "
                     "disimpan dari Excel atau LibreOffice.")),
    Case("terpotong", "Mengirim workbook yang terpotong (unduhan/salinan tidak selesai)",
         written("terpotong.xlsx", _truncated), 2,
         _unreadable("workbook rusak atau tidak lengkap. Diharapkan: simpan ulang workbook "
                     "dari Excel.")),
    Case("kata_sandi", "Melindungi workbook dengan kata sandi",
         copied(FIXTURES / "terkunci.xlsx", "terkunci.xlsx"), 2,
         _unreadable("workbook dilindungi kata sandi. Diharapkan: " + REMOVE_PASSWORD + ".")),
    Case("xls_lama", "Menyimpan dalam format Excel 97-2003 (.xls)",
         copied(FIXTURES / "lama.xls", "lama.xls"), 2,
         _unreadable("berkas berformat Excel lama (.xls). Diharapkan: " + SAVE_AS + ".")),
    Case("xlsb", "Menyimpan sebagai Excel Binary Workbook (.xlsb)",
         written("masukan.xlsb", _xlsb_like), 2,
         _unreadable("berkas berformat Excel Binary (.xlsb). Diharapkan: " + SAVE_AS + ".")),
    Case("ods", "Menyimpan workbook dari LibreOffice sebagai .ods (format bawaannya)",
         copied(FIXTURES / "contoh.ods", "masukan.ods"), 0, VALID),
    Case("ods_terkunci", "Menyimpan .ods dari LibreOffice dengan kata sandi",
         copied(FIXTURES / "terkunci.ods", "masukan.ods"), 2,
         _unreadable("workbook dilindungi kata sandi (berkas OpenDocument .ods). Diharapkan: "
                     "buka di LibreOffice dengan kata sandinya, pilih File > Save As, hilangkan "
                     "centang \"Save with password\", pilih jenis \"ODF Spreadsheet (.ods)\" atau "
                     "\"Excel 2007-365 (.xlsx)\", lalu simpan.")),
    Case("odt", "Memilih dokumen Writer (.odt) yang diberi nama .ods",
         written("masukan.ods", _odt_like), 2,
         _unreadable("berkas bukan workbook Excel (.xlsx). Diharapkan: workbook .xlsx atau "
                     ".ods (berkas ini dokumen OpenDocument lain, mis. .odt).")),
    Case("strict", "Menyimpan dari Excel sebagai Strict Open XML Spreadsheet (.xlsx)",
         written("masukan.xlsx", _strict), 0, VALID),
    Case("docx", "Memilih berkas Word (.docx) yang diberi nama .xlsx",
         written("laporan.xlsx", _docx_like), 2,
         _unreadable("berkas bukan workbook Excel (.xlsx). Diharapkan: berkas .xlsx atau .ods "
                     "(berkas ini arsip zip lain, mis. .docx).")),
    Case("workbook_kosong", "Mengirim workbook baru yang masih kosong",
         written("kosong.xlsx", _empty_workbook), 2,
         _unreadable("workbook ini tidak berisi satu pun sheet masukan LKjIP. Diharapkan: "
                     "workbook dengan sheet Instansi, Pejabat, Indikator, Rekening, dan "
                     "seterusnya; buat workbook masukan baru dengan perintah lkjip init NAMA.xlsx, "
                     "lalu isi sheet-sheetnya.")),
    Case("teks_berbeda", "Menyimpan jutaan teks berbeda yang tidak dipakai sel mana pun",
         written("teks.xlsx", _many_strings), 2,
         _unreadable("workbook terlalu besar untuk diproses (lebih dari 1.000.000 teks "
                     "berbeda). Diharapkan: paling banyak 1.000.000 teks berbeda di seluruh "
                     "workbook; simpan ulang workbook dari Excel (Excel membuang teks yang "
                     "tidak dipakai sel mana pun).")),
    Case("bom_zip", "Mengirim berkas kecil yang terurai menjadi ratusan MB (bom zip)",
         written("bom.xlsx", _zip_bomb), 2,
         _unreadable("workbook terlalu besar untuk diproses (isi terurai 450 MB). Diharapkan: "
                     "isi workbook paling besar 400 MB.")),
    Case("250rb_baris", "Menempelkan 250.000 baris rekening",
         _many_rows, 2,
         _unreadable("workbook terlalu besar untuk diproses (sheet Rekening berisi lebih dari "
                     "200.000 baris). Diharapkan: paling banyak 200.000 baris data per sheet.")),
    Case("xlsm", "Menyimpan sebagai workbook bermakro (.xlsm)",
         copied(SAMPLE_WORKBOOK, "masukan.xlsm"), 0, VALID),
    # --- Sheets and columns -------------------------------------------------------------
    Case("sheet_hilang", "Menghapus sheet Skala Kategori",
         edited(hook=lambda wb: wb.remove(wb["Skala Kategori"])), 2,
         _invalid('Skala Kategori: sheet wajib tidak ada. Diharapkan: sheet bernama '
                  '"Skala Kategori".')),
    Case("kolom_diganti", "Mengganti judul kolom Pagu menjadi Anggaran di sheet Rekening",
         edited({("Rekening", "F1"): "Anggaran"}), 2,
         _invalid('Rekening!F1 (Pagu): kolom wajib tidak ditemukan pada baris judul (sel ini '
                  'berjudul "Anggaran"). Diharapkan: kolom berjudul "Pagu".')),
    Case("kolom_ganda", "Menyalin kolom Target sehingga muncul dua kali di sheet Sub Kegiatan",
         edited({("Sub Kegiatan", "K1"): "Target"}), 2,
         _invalid("Sub Kegiatan!K1 (Target): kolom yang sama muncul lebih dari sekali. "
                  "Diharapkan: setiap judul kolom hanya satu kali.")),
    Case("judul_opsional_mirip", "Menambah satuan atau kata pada judul kolom opsional: "
         "\"Pagu Sebelum Perubahan (Rp)\", \"Ket.\" di Rekening, \"Penjelasan Serapan "
         "Anggaran\" di Sub Kegiatan",
         edited({("Rekening", "E1"): "Pagu Sebelum Perubahan (Rp)", ("Rekening", "I1"): "Ket.",
                 ("Sub Kegiatan", "J1"): "Penjelasan Serapan Anggaran"}), 2,
         _invalid('Sub Kegiatan!J1: judul kolom tidak dikenal, tetapi mirip judul kolom sheet '
                  'ini (maksud Anda kolom "Penjelasan Serapan"?). Ditemukan: "Penjelasan '
                  'Serapan Anggaran". Diharapkan: judul "Penjelasan Serapan" agar kolomnya '
                  'dibaca, atau judul lain bila kolom ini tidak untuk dibaca.',
                  'Rekening!E1: judul kolom tidak dikenal, tetapi mirip judul kolom sheet ini '
                  '(maksud Anda kolom "Pagu Sebelum Perubahan"?). Ditemukan: "Pagu Sebelum '
                  'Perubahan (Rp)". Diharapkan: judul "Pagu Sebelum Perubahan" agar kolomnya '
                  'dibaca, atau judul lain bila kolom ini tidak untuk dibaca.',
                  'Rekening!I1: judul kolom tidak dikenal, tetapi mirip judul kolom sheet ini '
                  '(maksud Anda kolom "Keterangan"?). Ditemukan: "Ket.". Diharapkan: judul '
                  '"Keterangan" agar kolomnya dibaca, atau judul lain bila kolom ini tidak untuk '
                  'dibaca.')),
    Case("judul_singkatan", "Menyingkat atau memperpanjang judul kolom opsional: \"Pagu Sblm "
         "Perubahan\", \"Keterangan Realisasi\"",
         edited({("Rekening", "E1"): "Pagu Sblm Perubahan",
                 ("Rekening", "I1"): "Keterangan Realisasi"}), 2,
         _invalid('Rekening!E1: judul kolom tidak dikenal, tetapi mirip judul kolom sheet ini '
                  '(maksud Anda kolom "Pagu Sebelum Perubahan"?). Ditemukan: "Pagu Sblm '
                  'Perubahan". Diharapkan: judul "Pagu Sebelum Perubahan" agar kolomnya dibaca, '
                  'atau judul lain bila kolom ini tidak untuk dibaca.',
                  'Rekening!I1: judul kolom tidak dikenal, tetapi mirip judul kolom sheet ini '
                  '(maksud Anda kolom "Keterangan"?). Ditemukan: "Keterangan Realisasi". '
                  'Diharapkan: judul "Keterangan" agar kolomnya dibaca, atau judul lain bila '
                  'kolom ini tidak untuk dibaca.')),
    Case("sheet_mirip", "Mengganti sedikit nama sheet opsional: Analisa Indikator, Kinerja Tahun "
         "Lalu 2023, Sarana dan Prasarana, Dokumentasi Kegiatan, Pegawai per Jabatan",
         edited(hook=_rename_sheets), 2,
         _invalid(*[f'{found}: nama sheet tidak dikenal, tetapi mirip nama sheet masukan (maksud '
                    f'Anda sheet "{meant}"?). Diharapkan: nama sheet "{meant}" agar sheet ini '
                    f'dibaca, atau nama lain bila sheet ini tidak untuk dibaca.'
                    for found, meant in (("Analisa Indikator", "Analisis Indikator"),
                                         ("Dokumentasi Kegiatan", "Dokumentasi"),
                                         ("Kinerja Tahun Lalu 2023", "Kinerja Tahun Lalu"),
                                         ("Pegawai per Jabatan", "Pegawai Jabatan"),
                                         ("Sarana dan Prasarana", "Sarana Prasarana"))])),
    Case("sheet_lain", "Menambah sheet catatan sendiri (dan sheet kosong Sheet1)",
         edited(hook=_extra_sheet), 0, VALID,
         note='Catatan: Sheet "Catatan" tidak dibaca: namanya bukan nama sheet masukan LKjIP, '
              'sehingga isinya tidak masuk laporan.'),
    Case("kolom_lain", "Menambah kolom Verifikasi BPKAD, dan catatan tanpa judul, di sheet "
         "Rekening", edited(hook=_extra_column), 0, VALID,
         note='Rekening!J1: Kolom J ("Verifikasi BPKAD") dan K (tanpa judul; 1 baris berisi '
              'data) di sheet Rekening tidak dibaca: judulnya tidak dikenal, sehingga isinya '
              'tidak masuk laporan.'),
    Case("kolom_tersembunyi", "Menyembunyikan kolom Pagu dan Realisasi di sheet Rekening "
         "(tetap dihitung)",
         # the sample's F and G share one column format (<col min="6" max="7">)
         edited(hook=lambda wb: setattr(wb["Rekening"].column_dimensions["F"], "hidden", True)),
         0, VALID,
         note="Rekening!F1: Kolom F (Pagu) dan G (Realisasi) di sheet Rekening tersembunyi, "
              "tetapi tetap dibaca "
              "dan dihitung; tampilkan kolomnya (Unhide) untuk memeriksa, atau hapus bila tidak "
              "dipakai."),
    Case("judul_lain", "Menulis judul kolom dengan huruf besar dan spasi ( PAGU ), "
         "menambah baris judul di atas tabel dan baris kosong di tengah",
         edited(hook=lambda wb: (wb["Rekening"].insert_rows(5),
                                 wb["Rekening"].insert_rows(1),
                                 wb["Rekening"].cell(1, 1, "RINCIAN REKENING"),
                                 wb["Rekening"].cell(2, 6, "  PAGU "))), 0, VALID),
    Case("sel_gabung", "Menggabungkan (merge) sel kode tujuan untuk dua sasaran",
         edited(hook=lambda wb: (setattr(wb["Sasaran"]["B3"], "value", None),
                                 wb["Sasaran"].merge_cells("B2:B3"))), 0, VALID),
    # --- Cells --------------------------------------------------------------------------
    Case("teks_di_angka", "Menulis \"seratus juta\" di kolom Pagu",
         edited({("Rekening", "F2"): "seratus juta"}), 2,
         _invalid('Rekening!F2 (Pagu): bukan angka. Ditemukan: "seratus juta". '
                  'Diharapkan: angka Rupiah, mis. 8.825.083.700.')),
    Case("angka_indonesia", "Mengetik pagu sebagai teks 110.160.000 dan realisasi "
         "Rp 109.829.141,-", edited({("Rekening", "F2"): "110.160.000",
                                     ("Rekening", "G2"): "Rp 109.829.141,-"}), 0, VALID),
    Case("angka_ambigu", "Menulis target 97,500 (ribuan atau desimal?)",
         edited({("Kinerja Indikator", "D2"): "97,500"}), 2,
         _invalid('Kinerja Indikator!D2 (Target PK Perubahan): penulisan angka ambigu (satu '
                  'pemisah diikuti tiga angka bisa berarti ribuan atau desimal). Ditemukan: '
                  '"97,500". Diharapkan: angka, mis. 98,25.')),
    Case("negatif", "Menulis pagu negatif",
         edited({("Rekening", "F2"): -5000000}), 2,
         _invalid('Rekening!F2 (Pagu): nilainya terlalu kecil. Ditemukan: "-5000000". '
                  'Diharapkan: angka ≥ 0.')),
    Case("target_nol", "Mengisi target PK awal 0",
         edited({("Kinerja Indikator", "C2"): 0}), 2,
         _invalid('Kinerja Indikator!C2 (Target PK Awal): nilainya terlalu kecil. '
                  'Ditemukan: "0". Diharapkan: angka lebih dari 0.')),
    Case("penyebut_nol", "Mengisi penyebut realisasi 0",
         edited({("Kinerja Indikator", "F2"): 0}), 2,
         _invalid('Kinerja Indikator!F2 (Realisasi Penyebut): nilainya terlalu kecil. '
                  'Ditemukan: "0". Diharapkan: angka > 0.')),
    Case("fisik_lebih_100", "Mengisi fisik 120%",
         edited({("Rekening", "H2"): 120}), 2,
         _invalid('Rekening!H2 (Fisik (%)): nilainya terlalu besar. Ditemukan: "120". '
                  'Diharapkan: angka ≤ 100.')),
    Case("bukan_bulat", "Mengisi jumlah PNS 1,5",
         edited({("Pegawai Jabatan", "C2"): 1.5}), 2,
         _invalid('Pegawai Jabatan!C2 (PNS): harus bilangan bulat. Ditemukan: "1.5". '
                  'Diharapkan: bilangan bulat, mis. 24.')),
    Case("tanggal_di_angka", "Mengetik target 97.5 yang diubah Excel menjadi tanggal",
         edited({("Kinerja Indikator", "D2"): dt.datetime(2024, 5, 1)}), 2,
         _invalid('Kinerja Indikator!D2 (Target PK Perubahan): berisi tanggal, padahal kolom '
                  'ini berisi angka (sel berformat tanggal; ubah format sel menjadi angka). '
                  'Ditemukan: "2024-05-01T00:00:00". Diharapkan: angka, mis. 98,25.')),
    Case("seri_tanggal", "Tanggal laporan tampil sebagai angka seri Excel 45677 "
         "(format tanggal hilang): dibaca sebagai 20 Januari 2025",
         edited({("Instansi", "B6"): 45677}), 0, VALID),
    Case("bukan_tanggal", "Menulis \"awal tahun\" di Tanggal Laporan",
         edited({("Instansi", "B6"): "awal tahun"}), 2,
         _invalid('Instansi!B6 (Tanggal Laporan): bukan tanggal. Ditemukan: "awal tahun". '
                  'Diharapkan: tanggal, mis. 31/01/2025 atau sel berformat tanggal.')),
    Case("pilihan_salah", "Menulis jenis belanja yang tidak dikenal",
         edited({("Rekening", "D2"): "Belanja Lain-lain"}), 2,
         _invalid('Rekening!D2 (Jenis Belanja): bukan salah satu pilihan yang dikenal. '
                  'Ditemukan: "Belanja Lain-lain". Diharapkan: salah satu dari: Belanja '
                  'Pegawai, Belanja Barang dan Jasa, Belanja Bunga, Belanja Subsidi, Belanja '
                  'Hibah, Belanja Bantuan Sosial, Belanja Modal, Belanja Tidak Terduga, '
                  'Belanja Transfer.')),
    Case("nip_angka", "Mengetik NIP sebagai angka (Excel membulatkan 18 digit)",
         edited({("Pejabat", "C2"): 196804151989111001}), 2,
         _invalid('Pejabat!C2 (NIP): NIP tersimpan sebagai angka sehingga digitnya bisa '
                  'berubah. Ditemukan: "196804151989111008". Diharapkan: NIP ditulis sebagai '
                  'teks, mis. 19680415 198911 1 001.')),
    Case("kosong_wajib", "Mengosongkan nama sub kegiatan",
         edited({("Sub Kegiatan", "C2"): None}), 2,
         _invalid("Sub Kegiatan!C2 (Sub Kegiatan): wajib diisi tetapi kosong. Ditemukan: "
                  "(kosong). Diharapkan: isian tidak kosong.")),
    Case("teks_sangat_panjang", "Menempelkan 100.000 karakter ke sel Evaluasi Kinerja",
         zip_patched("xl/sharedStrings.xml", b"<t>Secara keseluruhan target",
                     b"<t>" + b"x" * 100_000 + b" Secara keseluruhan target"), 2,
         _invalid('Narasi!B6 (Evaluasi Kinerja): teks terlalu panjang (100200 karakter). '
                  'Ditemukan: "' + "x" * 59 + '…". Diharapkan: paling banyak 32767 karakter.')),
    Case("karakter_kendali", "Menempelkan nama dengan karakter kendali tak terlihat",
         zip_patched("xl/sharedStrings.xml", b"<t>HAWIANAN, S.Sos</t>",
                     b"<t>HAWIANAN_x0007_, S.Sos</t>"), 2,
         _invalid('Pejabat!B2 (Nama): berisi karakter kendali yang tidak terlihat (karakter '
                  'kode 7 pada posisi 9). Ditemukan: "HAWIANAN\\x07, S.Sos". Diharapkan: '
                  'teks tanpa karakter kendali (hapus lalu ketik ulang).')),
    Case("tanda_arah", "Menempelkan nama berisi tanda arah kanan-ke-kiri (dibuang diam-diam)",
         edited({("Pejabat", "B2"): "\u202bHAWIANAN, S.Sos\u202c"}), 0, VALID),
    Case("rumus_tanpa_nilai", "Menulis rumus di kolom Pagu dari program lain tanpa menyimpan "
         "hasilnya", edited({("Rekening", "F2"): "=100000*2"}), 2,
         _invalid('Rekening!F2 (Pagu): berisi rumus tanpa nilai tersimpan. Ditemukan: '
                  '"(rumus)". Diharapkan: buka dan simpan workbook di Excel atau LibreOffice '
                  'agar hasil rumus tersimpan, atau ganti rumus dengan nilainya.')),
    Case("rumus_teks_kosong", "Mengisi Keterangan rekening dengan rumus "
         "=IF(G2>F2;\"lebih\";\"\") dan menyimpan di LibreOffice (hasilnya teks kosong)",
         copied(FIXTURES / "rumus_kosong.xlsx", "masukan.xlsx"), 0, VALID),
    Case("format_bersyarat", "Memberi bilah data dan skala warna di sheet Rekening lalu "
         "menyimpan di LibreOffice", copied(FIXTURES / "format_bersyarat.xlsx", "masukan.xlsx"),
         0, VALID,
         note="Rekening: Format bersyarat (bilah data, skala warna atau ikon) di sheet Rekening "
              "tidak ikut dibaca: warna dan tanda yang ditampilkannya tidak dipakai dalam "
              "laporan; nilai selnya tetap dibaca."),
    Case("kode_tanda_pisah", "Mengetik kode PK di Word lalu menempelkannya: PK–KADIS dengan "
         "tanda pisah (autocorrect)", edited({("Perjanjian Kinerja", "A2"): "PK\u2013KADIS"}), 2,
         _invalid('Perjanjian Kinerja!A2 (Kode): kode berisi karakter yang bukan huruf, angka '
                  'atau tanda baca biasa (tanda pisah pendek "–" (U+2013) pada posisi 3, bukan '
                  '"-"). Ditemukan: "PK–KADIS". Diharapkan: kode dengan huruf, angka dan tanda '
                  'baca biasa: ketik ulang "PK-KADIS" (Word dan ponsel sering mengganti "-" '
                  'dengan tanda pisah).')),
    Case("kode_titik_lebar", "Menempelkan kode program dengan titik lebar penuh (1．06.01)",
         edited({("Program", "A2"): "1\uff0e06.01"}), 2,
         _invalid('Program!A2 (Kode): kode berisi karakter yang bukan huruf, angka atau tanda '
                  'baca biasa (titik lebar penuh "．" (U+FF0E) pada posisi 2, bukan "."). '
                  'Ditemukan: "1．06.01". Diharapkan: kode dengan huruf, angka dan tanda baca '
                  'biasa: ketik ulang "1.06.01" (teks salinan dari dokumen atau situs web bisa '
                  'membawa karakter serupa).')),
    # --- Found beyond the first catalogue (issue 13) --------------------------------------
    Case("sel_jauh", "Menekan Ctrl+Down lalu mengetik di baris terakhir sheet Rekening "
         "(A1048576)", edited({("Rekening", "A1048576"): "x"}), 2,
         _invalid("Rekening!A1048576: ada sel terisi jauh di luar tabel (1 sel terisi di luar "
                  "200.010 baris x 200 kolom pertama). Diharapkan: hapus isi sel itu (Ctrl+End "
                  "menunjukkan sel terisi terakhir), atau pindahkan datanya ke dalam tabel.")),
    Case("gabung_raksasa", "Menggabungkan sel A40:XFD1048576 (sisa sheet) di Sarana Prasarana",
         sheet_patched("Sarana Prasarana", b"</sheetData>",
                       b'</sheetData><mergeCells count="1"><mergeCell ref="A40:XFD1048576"/>'
                       b'</mergeCells>'), 0, VALID),
    Case("angka_ekstrem", "Mengisi target 1e-25, penyebut 1e-300, capaian tercatat 1e-70 dan "
         "pembilang 0,000...1 dengan 70 angka",
         edited({("Kinerja Indikator", "D2"): 1e-25, ("Kinerja Indikator", "F3"): 1e-300,
                 ("Kinerja Tahun Lalu", "E2"): 1e-70,
                 ("Kinerja Indikator", "E4"): "0," + "0" * 69 + "1"}), 2,
         _invalid("Kinerja Indikator!D2 (Target PK Perubahan): terlalu banyak angka di "
                  "belakang koma. Ditemukan: \"1e-25\". Diharapkan: angka dengan paling "
                  "banyak 6 angka di belakang koma, atau 0.",
                  "Kinerja Indikator!F3 (Realisasi Penyebut): terlalu banyak angka di belakang "
                  "koma. Ditemukan: \"1e-300\". Diharapkan: angka dengan paling banyak 6 "
                  "angka di belakang koma, atau 0.",
                  "Kinerja Indikator!E4 (Realisasi Pembilang): terlalu banyak angka di "
                  "belakang koma. Ditemukan: \"0," + "0" * 57 + "…\". Diharapkan: angka "
                  "dengan paling banyak 6 angka di belakang koma, atau 0.",
                  "Kinerja Tahun Lalu!E2 (Capaian Tercatat): terlalu banyak angka di belakang "
                  "koma. Ditemukan: \"1e-70\". Diharapkan: angka dengan paling banyak 6 "
                  "angka di belakang koma, atau 0.")),
    Case("surrogate", "Menempelkan nama berisi setengah pasangan UTF-16 (_xD800_)",
         zip_patched("xl/sharedStrings.xml", b"<t>HAWIANAN, S.Sos</t>",
                     b"<t>HAWIANAN_xD800_, S.Sos</t>"), 2,
         _invalid('Pejabat!B2 (Nama): berisi karakter yang tidak sah (setengah pasangan UTF-16 '
                  '(kode D800) pada posisi 9). Ditemukan: "HAWIANAN\\ud800, S.Sos". '
                  'Diharapkan: teks tanpa karakter itu (hapus lalu ketik ulang).')),
    Case("persen_literal", "Memformat sel fisik dan target sebagai 0.00\"%\" dan 0\\% "
         "(tanda persen sebagai teks, angka tidak dikali 100)",
         edited(hook=lambda wb: (setattr(wb["Rekening"]["H2"], "number_format", '0.00"%"'),
                                 setattr(wb["Kinerja Indikator"]["D2"], "number_format",
                                         "0\\%"))), 0, VALID),
    Case("nilai_galat", "Mengetik #REF! sebagai nama pejabat dan menyimpan #N/A di Pagu",
         edited({("Pejabat", "B2"): "#REF!", ("Rekening", "F2"): "#N/A"}), 2,
         _invalid('Pejabat!B2 (Nama): berisi nilai galat Excel, bukan data. Ditemukan: '
                  '"#REF!". Diharapkan: nilai yang sebenarnya: perbaiki rumus atau sel '
                  'sumbernya di Excel, atau kosongkan sel.',
                  'Rekening!F2 (Pagu): berisi nilai galat Excel, bukan data. Ditemukan: '
                  '"#N/A". Diharapkan: nilai yang sebenarnya: perbaiki rumus atau sel '
                  'sumbernya di Excel, atau kosongkan sel.')),
    Case("sheet_tersembunyi", "Menyembunyikan sheet Rekening dan bekerja di salinannya "
         "\"Rekening (2)\"", edited(hook=_hidden_with_copy), 2,
         _invalid('Rekening: sheet yang dibaca tersembunyi, sedangkan salinannya terlihat '
                  '(sheet "Rekening" tersembunyi, sedangkan sheet "Rekening (2)" terlihat). '
                  'Diharapkan: satu sheet bernama "Rekening" yang terlihat: hapus sheet yang '
                  'tidak dipakai lalu beri nama "Rekening" pada yang dipakai.')),
    Case("baris_tersembunyi", "Menyembunyikan baris rekening (tetap dihitung, disebut di "
         "catatan pemeriksaan)",
         edited(hook=lambda wb: setattr(wb["Rekening"].row_dimensions[5], "hidden", True)),
         0, VALID,
         note="Rekening, baris 5: 1 baris berisi data di sheet Rekening tersembunyi (baris 5), "
              "tetapi tetap dibaca dan dihitung; tampilkan barisnya (Unhide) untuk memeriksa, "
              "atau hapus bila tidak dipakai."),
    Case("pagu_digabung", "Menggabungkan sel Pagu dua rekening (F2:F3)",
         edited(hook=lambda wb: (setattr(wb["Rekening"]["F3"], "value", None),
                                 wb["Rekening"].merge_cells("F2:F3"))), 2,
         _invalid('Rekening!F2 (Pagu): sel angka digabung (merge) melintasi beberapa baris '
                  'data (sel F2:F3 menggabungkan baris 2-3). Ditemukan: "110160000". '
                  'Diharapkan: pisahkan sel (Unmerge) dan tulis angka setiap baris di barisnya '
                  'sendiri.')),
    Case("judul_terlalu_bawah", "Menambah 12 baris catatan di atas tabel Rekening (judul di "
         "baris 13)", edited(hook=lambda wb: wb["Rekening"].insert_rows(1, 12)), 2,
         _invalid("Rekening, baris 13: baris judul tabel terlalu jauh di bawah (judul kolom "
                  "ditemukan di baris 13). Diharapkan: baris judul di salah satu dari 10 baris "
                  "pertama: hapus baris kosong atau catatan di atas tabel.")),
    # --- The workbook as a whole --------------------------------------------------------
    Case("kode_ganda", "Memberi dua sub kegiatan kode yang sama",
         edited({("Sub Kegiatan", "A3"): "1.06.01.2.01.0001"}), 2,
         _invalid('Sub Kegiatan!A3 (Kode): kode sudah dipakai di baris lain. Ditemukan: '
                  '"1.06.01.2.01.0001". Diharapkan: kode yang belum dipakai (sudah dipakai '
                  'di baris 2).',
                  'Rekening!A4 (Kode Sub Kegiatan): merujuk ke kode yang tidak ada. Ditemukan: '
                  '"1.06.01.2.01.0002". Diharapkan: kode yang ada di sheet Sub Kegiatan '
                  '(1.06.01.2.01.0001, 1.06.01.2.02.0001, 1.06.01.2.02.0002, '
                  '1.06.01.2.05.0001, 1.06.01.2.06.0001, 1.06.01.2.06.0002, '
                  '1.06.01.2.06.0003, 1.06.01.2.06.0004, …).',
                  'PK Anggaran!B58 (Kode Anggaran): merujuk ke kode yang tidak ada. Ditemukan: '
                  '"1.06.01.2.01.0002". Diharapkan: kode yang ada di sheet Program, Kegiatan '
                  'atau Sub Kegiatan (1.06.01, 1.06.01.2.01, 1.06.01.2.01.0001, '
                  '1.06.01.2.02, 1.06.01.2.02.0001, 1.06.01.2.02.0002, 1.06.01.2.05, '
                  '1.06.01.2.05.0001, …).')),
    Case("rujukan_program", "Menulis kode program yang tidak ada pada sebuah kegiatan",
         edited({("Kegiatan", "B2"): "1.06.99"}), 2,
         _invalid('Kegiatan!B2 (Kode Program): merujuk ke kode yang tidak ada. Ditemukan: '
                  '"1.06.99". Diharapkan: kode yang ada di sheet Program (1.06.01, 1.06.02, '
                  '1.06.03, 1.06.04, 1.06.05, 1.06.06, 1.06.07).')),
    Case("rujukan_sub", "Menulis kode sub kegiatan yang tidak ada pada sebuah rekening",
         edited({("Rekening", "A2"): "1.06.01.2.01.0099"}), 2,
         _invalid('Rekening!A2 (Kode Sub Kegiatan): merujuk ke kode yang tidak ada. '
                  'Ditemukan: "1.06.01.2.01.0099". Diharapkan: kode yang ada di sheet Sub '
                  'Kegiatan (1.06.01.2.01.0001, 1.06.01.2.01.0002, 1.06.01.2.02.0001, '
                  '1.06.01.2.02.0002, 1.06.01.2.05.0001, 1.06.01.2.06.0001, '
                  '1.06.01.2.06.0002, 1.06.01.2.06.0003, …).')),
    Case("tanpa_iku", "Tidak mengisi IKU yang didukung sebuah sub kegiatan",
         edited({("Sub Kegiatan", "H2"): None}), 2,
         _invalid("Sub Kegiatan!H2 (Kode Indikator): wajib diisi tetapi kosong. Ditemukan: "
                  "(kosong). Diharapkan: kode IKU yang didukung, atau porsi anggaran sub "
                  "kegiatan 1.06.01.2.01.0001 per IKU di sheet Porsi Anggaran.")),
    Case("dua_iku", "Menulis dua IKU untuk satu sub kegiatan",
         edited({("Sub Kegiatan", "H2"): "2.1; 1.3"}), 2,
         _invalid('Sub Kegiatan!H2 (Kode Indikator): harus merujuk ke tepat satu kode. '
                  'Ditemukan: "2.1;1.3". Diharapkan: satu kode Indikator.')),
    Case("realisasi_ganda", "Mengisi realisasi langsung padahal pembilang/penyebut sudah diisi",
         edited({("Kinerja Indikator", "G2"): 98}), 2,
         _invalid('Kinerja Indikator!G2 (Realisasi Langsung): realisasi diisi ganda. '
                  'Ditemukan: "98". Diharapkan: isi Realisasi Pembilang dan Penyebut, atau '
                  'Realisasi Langsung, tidak keduanya.')),
    Case("skala_acak", "Menulis batas bawah kategori yang tidak menurun",
         edited({("Skala Kategori", "B3"): 95}), 2,
         _invalid('Skala Kategori!B3 (Batas Bawah): skala kategori tidak berurutan. '
                  'Ditemukan: "95". Diharapkan: lebih kecil dari batas bawah urutan 1 (91).')),
    Case("pagu_dua_tingkat", "Mengisi pagu sebelum perubahan di sub kegiatan dan di rekeningnya",
         edited({("Rekening", "E2"): 80000000}), 2,
         _invalid('Rekening!E2 (Pagu Sebelum Perubahan): pagu sebelum perubahan diisi di dua '
                  'tingkat. Ditemukan: "80000000". Diharapkan: kosong, karena pagu sebelum '
                  'perubahan sub kegiatan 1.06.01.2.01.0001 sudah diisi di sheet Sub Kegiatan '
                  'baris 2.')),
    # --- Valid, but a reviewer must look (review notes, issue 13.11) -----------------------
    Case("rekening_ganda", "Memasukkan satu baris rekening dua kali (kode dan jumlah sama)",
         edited(hook=lambda wb: wb["Rekening"].append(
             [c.value for c in wb["Rekening"][2]])), 0, VALID,
         note='Rekening!C151 (Uraian): Rekening "Belanja Perjalanan Dinas Biasa" sub kegiatan '
              '1.06.01.2.01.0001 tercatat dua kali dengan kode dan jumlah yang sama (baris 2 '
              'dan 151); bila tidak disengaja, hapus salah satunya agar pagu Rp110.160.000 '
              'tidak terhitung dua kali.'),
    Case("pk_anggaran_ganda", "Memasukkan satu baris anggaran PK dua kali",
         edited(hook=lambda wb: wb["PK Anggaran"].append(["PK-KADIS", "1.06.01", "APBD"])),
         0, VALID,
         note="PK Anggaran!B85 (Kode Anggaran): Anggaran 1.06.01 tercatat dua kali di PK "
              "PK-KADIS (baris 2 dan 85); jumlah anggaran PK menghitungnya dua kali."),
    Case("persen_lebih_100", "Menulis satuan \"Persen\" dan realisasi langsung 105",
         edited({("Indikator", "D8"): "Persen", ("Kinerja Indikator", "G8"): 105}), 0, VALID,
         note="Kinerja Indikator!G8 (Realisasi Langsung): Realisasi indikator 2.1 (105) lebih "
              "dari 100 padahal satuannya persen (Persen)."),
    Case("pembilang_lebih", "Menulis satuan \"(%)\" dan pembilang lebih besar dari penyebut",
         edited({("Indikator", "D2"): "(%)", ("Kinerja Indikator", "E2"): 60}), 0, VALID,
         note="Kinerja Indikator!E2 (Realisasi Pembilang): Pembilang indikator 1.1 lebih besar "
              "dari penyebutnya (realisasi > 100%)."),
    Case("target_jauh", "Menulis target PK perubahan 10 padahal target Renstra 84,93",
         edited({("Kinerja Indikator", "D3"): 10}), 0, VALID,
         note="Kinerja Indikator!D3 (Target PK Perubahan): Target PK perubahan indikator 1.2 "
              "(10,00) jauh dari target Renstra tahun 2024 (84,93): selisihnya lebih dari 50% "
              "target Renstra; periksa angkanya."),
    Case("rentang_renstra", "Menulis target PK awal 90-100 yang tidak mencakup target Renstra",
         edited({("Kinerja Indikator", "C3"): "90-100"}), 0, VALID,
         note="Kinerja Indikator!C3 (Target PK Awal): Target PK awal indikator 1.2 (90,00–100,00) "
              "tidak mencakup target Renstra tahun 2024 (84,93)."),
    Case("target_pk_diabaikan", "Menulis target pada baris PK Indikator yang merujuk IKU",
         edited({("PK Indikator", "G2"): "80%"}), 0, VALID,
         note='PK Indikator!G2 (Target): Target "80%" pada baris IKU 1.1 PK PK-KADIS tidak '
              'dipakai: target IKU diambil dari sheet Kinerja Indikator (Target PK Awal atau '
              'Perubahan). Kosongkan sel ini atau ubah target di Kinerja Indikator.'),
    Case("tanggal_laporan", "Menulis tanggal laporan 1 Agustus 2025",
         edited({("Instansi", "B6"): dt.datetime(2025, 8, 1)}), 0, VALID,
         note="Instansi!B6 (Tanggal Laporan): Tanggal laporan 1 Agustus 2025 di luar "
              "Januari-Juni 2025, masa penyusunan LKjIP tahun 2024."),
    Case("tanggal_pk", "Menulis tanggal PK di tahun sebelumnya",
         edited({("Perjanjian Kinerja", "F2"): dt.datetime(2023, 12, 28)}), 0, VALID,
         note="Perjanjian Kinerja!F2 (Tanggal): Tanggal PK PK-KADIS (28 Desember 2023) di luar "
              "tahun laporan 2024."),
    Case("tahun_laporan", "Menyalin workbook tahun lalu tanpa mengubah tanggal PK",
         edited(hook=lambda wb: [setattr(wb["Perjanjian Kinerja"].cell(r, 6), "value",
                                         dt.datetime(2023, 1, 6))
                                 for r in range(2, wb["Perjanjian Kinerja"].max_row + 1)]),
         0, VALID,
         note="Instansi!B4 (Tahun Laporan): Tahun Laporan 2024, tetapi semua Perjanjian Kinerja "
              "bertanggal tahun 2023; periksa Tahun Laporan."),
    Case("sub_sasaran_lain", "Mengaitkan sub kegiatan program penunjang dengan IKU sasaran lain",
         edited({("Sub Kegiatan", "H2"): "1.1"}), 0, VALID,
         note="Program!E2 (Kode Indikator): Program 1.06.01 melayani 2 sasaran (sasaran 1 dan "
              "sasaran 2): sebagian sub kegiatannya mendukung IKU 1.1 di luar IKU programnya "
              "(2.1). Wajar untuk program penunjang; anggaran setiap sub kegiatan tetap dihitung "
              "pada IKU yang didukungnya (Tabel 3.8). Periksa bila tidak disengaja."),
    Case("program_sasaran_lain", "Memberi program IKU sasaran lain dari semua sub kegiatannya",
         edited({("Program", "E4"): "2.1"}), 0, VALID,
         note="Sub Kegiatan!H25 (Kode Indikator): Sub kegiatan 1.06.03.2.01.0001 mendukung IKU "
              "1.2 (sasaran 1), sedangkan programnya 1.06.03 diukur dengan IKU 2.1 (sasaran 2) "
              "dan tidak ada sub kegiatannya yang mendukung sasaran itu."),
    Case("nip_ganda", "Menyalin NIP kepala dinas ke sekretaris",
         edited({("Pejabat", "C4"): "19680415 198911 1 001"}), 0, VALID,
         note="Pejabat!C4 (NIP): NIP 19680415 198911 1 001 dipakai oleh dua pejabat: HAWIANAN, "
              "S.Sos (KADIS, baris 2) dan YANTINUR, S.E., M.M. (SEKDIS)."),
    Case("nama_ganda", "Memberi dua program nama yang sama dengan kode berbeda",
         edited({("Program", "C3"): "Program Penunjang Urusan Pemerintahan Daerah "
                                    "Kabupaten/Kota"}), 0, VALID,
         note='Program!C3 (Program): Nama "Program Penunjang Urusan Pemerintahan Daerah '
              'Kabupaten/Kota" dipakai untuk dua kode: 1.06.01 (baris 2) dan 1.06.02; periksa '
              'apakah keduanya memang berbeda.'),
    Case("fisik_tanpa_realisasi", "Mengisi fisik 100% dengan realisasi keuangan 0",
         edited({("Rekening", "G2"): 0}), 0, VALID,
         note='Rekening!G2 (Realisasi): Rekening "Belanja Perjalanan Dinas Biasa" fisiknya 100% '
              'tetapi realisasi keuangannya Rp0.'),
    # --- Totals that count once (issue 22.5) ------------------------------------------------
    Case("sarana_ganda", "Menempelkan baris sarana Tanah dua kali",
         edited(hook=_sarana_row), 0, VALID,
         note="Sarana Prasarana!C32 (Uraian): Baris 32 sama dengan baris 2 di sheet Sarana "
              "Prasarana (selain kolom No); bila tidak disengaja, hapus salah satunya agar "
              "isinya tidak tampil dan terhitung dua kali."),
    Case("sarana_tanpa_tingkat", "Mengosongkan kolom Tingkat sarana (kelompok dan rinciannya "
         "terhitung dua kali)", edited(hook=_sarana_tanpa_tingkat), 0, VALID,
         note='Sarana Prasarana!B25 (Tingkat): "Gedung dan Bangunan" (jumlah 27, nilai '
              'Rp6.690.215.752) sama dengan jumlah baris di bawahnya ("Bangunan Gedung" dan '
              '"Monumen"): bila baris itu kelompok dari baris-baris tersebut, tulis Tingkat 2 '
              'pada rinciannya agar nilainya tidak terhitung dua kali dalam JUMLAH.'),
    Case("tingkat_loncat", "Menulis Tingkat 3 langsung di bawah baris Tingkat 1",
         edited({("Sarana Prasarana", "B3"): 3}), 2,
         _invalid('Sarana Prasarana!B3 (Tingkat): nilai tidak valid. Ditemukan: "3". '
                  'Diharapkan: tingkat 1 sampai 2 (baris 2 di atasnya bertingkat 1; rincian satu '
                  'tingkat di bawah kelompoknya).')),
    Case("sarana_nilai_janggal", "Menulis nilai laptop Rp26,5 miliar (tiga nol berlebih)",
         edited({("Sarana Prasarana", "E30"): 26_500_000_000}), 0, VALID,
         note='Sarana Prasarana!E30 (Nilai): Nilai "Laptop" Rp26.500.000.000 untuk 1 barang jauh '
              'di atas nilai wajar peralatan komputer (paling tinggi sekitar Rp2.000.000.000 per '
              'barang); periksa angkanya, mis. angka nol yang berlebih.'),
    # --- Text that must stay literal in the outputs ---------------------------------------
    Case("narasi_tag", "Menulis {{ }}, {% %}, &, < dan > di narasi (tampil apa adanya di Word)",
         edited({("Narasi", "B6"): "Target {{ tahun }} & {% if x %} <tercapai> >100%"}),
         0, VALID),
    Case("narasi_escape_docxtpl", "Menulis {_{ x }_} dan {_% y %_} di narasi (tampil apa "
         "adanya di Word, tidak menjadi {{ x }})",
         edited({("Narasi", "B6"): "Contoh {_{ x }_} dan {_% y %_}"}), 0, VALID),
    Case("nama_rumus", "Menulis uraian rekening yang diawali =, +, - atau @ "
         "(tetap teks di spreadsheet)",
         edited(hook=lambda wb: _as_text(wb["Rekening"], {
             "C2": "=HYPERLINK(\"http://contoh\",\"klik\")", "C3": "+62 812 5098 161",
             "C4": "-Honor-", "C5": "@SUM(A1:A2)"})), 0, VALID),
]


def table() -> str:
    """The catalogue as the Markdown table of docs/keandalan.md."""
    rows = ["| No | Yang dilakukan pengguna | Kode keluar | Yang dikatakan `lkjip validate` |",
            "|---|---|---|---|"]
    for i, case in enumerate(CASES, start=1):
        said = case.output.format(path="masukan.xlsx", name="masukan.xlsx").strip()
        if case.exit_code == 0 and case.note:
            said += f" Catatan pemeriksaan memuat: {case.note}"
        elif case.exit_code == 0:
            said += " (lalu catatan pemeriksaan)"
        said = said.replace("|", "\\|").replace("\n", "<br>")
        rows.append(f"| {i} | {case.tindakan} | {case.exit_code} | {said} |")
    return "\n".join(rows) + "\n"


# --- Where the outputs go: what `lkjip generate` says (issue 22.4) ---------------------------
#
# Each case prepares the output folder (and, where the situation cannot be made for real in
# a test, e.g. a full disk, patches the one call that reports it), then runs
# `lkjip generate SAMPLE --out FOLDER`; stderr is checked exactly and, when given, one line
# of stdout. tests/test_output_catalogue.py runs them; docs/keandalan.md lists them.

TAG = "2024_Dinas_Sosial_Kabupaten_Kotawaringin_Timur"


@dataclass(frozen=True)
class OutputCase:
    id: str
    tindakan: str                      # what happened
    setup: Callable[[Path, Any], Any]  # (output folder, monkeypatch) -> a cleanup or None
    exit_code: int
    stderr: str                        # exact; {out} is the output folder, {perlu} the space
    stdout_line: str = ""              # a line stdout must hold, when it matters


def _nothing(out: Path, monkeypatch) -> None:
    return None


def _locked(out: Path, monkeypatch):
    """Another lkjip run holds the folder (its lock, taken as that run takes it)."""
    import fcntl

    out.mkdir(parents=True, exist_ok=True)
    handle = open(out / ".lkjip-kunci", "a+")
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    return handle.close


def _disk_full(out: Path, monkeypatch) -> None:
    import collections

    import generator.output as output

    usage = collections.namedtuple("usage", "total used free")
    monkeypatch.setattr(output.shutil, "disk_usage", lambda p: usage(10**9, 10**9, 300_000))


def _read_only_disk(out: Path, monkeypatch) -> None:
    import os

    import generator.output as output

    out.mkdir(parents=True)
    real = os.access
    monkeypatch.setattr(output.os, "access",
                        lambda p, mode: False if Path(p) == out and mode & os.W_OK
                        else real(p, mode))
    monkeypatch.setattr(output, "_read_only_disk", lambda folder: True)


def _no_permission(out: Path, monkeypatch) -> None:
    import os

    import generator.output as output

    out.mkdir(parents=True)
    real = os.access
    monkeypatch.setattr(output.os, "access",
                        lambda p, mode: False if Path(p) == out and mode & os.W_OK
                        else real(p, mode))
    monkeypatch.setattr(output, "_read_only_disk", lambda folder: False)


def _file_in_the_way(out: Path, monkeypatch) -> None:
    out.write_text("catatan", encoding="utf-8")


def _folder_named_like_an_output(out: Path, monkeypatch) -> None:
    (out / f"Efisiensi_{TAG}.xlsx").mkdir(parents=True)


def _open_in_word(out: Path, monkeypatch) -> None:
    """The draft is open in Word (on Windows its rename is refused)."""
    import os

    import generator.output as output

    real = os.replace

    def replace(src, dst):
        if Path(dst).name == f"LKjIP_{TAG}.docx" and ".n." in Path(src).name:
            raise PermissionError(13, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(output.os, "replace", replace)


def _killed_during_the_swap(out: Path, monkeypatch) -> None:
    """The previous run into the folder was killed (SIGKILL) in the middle of its swap: the
    journal names its new files, half of them renamed in."""
    import os
    import signal
    import subprocess
    import sys

    from generator.pipeline import generate

    generate(SAMPLE_WORKBOOK, out)
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    writer = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "import generator.output as output\n"
        "real, n = os.replace, [0]\n"
        "def slow(src, dst):\n"
        "    n[0] += 1\n"
        "    if n[0] == 5:\n"
        "        print('R5', flush=True); time.sleep(60)\n"
        "    return real(src, dst)\n"
        "os.replace = slow\n"
        "out = Path(sys.argv[1])\n"
        "output.write_set([(out / n, b'versi lain ' + n.encode()) for n in sys.argv[2:]])\n")
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent) + os.pathsep + \
        env.get("PYTHONPATH", "")
    proc = subprocess.Popen([sys.executable, "-c", writer, str(out), *names],
                            stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout.readline().strip() == "R5"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (out / ".lkjip-transaksi.json").exists()


def _interrupted_after_the_commit(out: Path, monkeypatch) -> None:
    """Ctrl+C arrives while the set is being swapped: it is held until the swap is done and
    then raised (what `_signals_held` does when a held signal is delivered)."""
    from contextlib import contextmanager

    import generator.output as output

    @contextmanager
    def held():
        yield
        raise KeyboardInterrupt

    monkeypatch.setattr(output, "_signals_held", held)


NOT_REPLACED = " Tidak ada berkas keluaran yang diganti."

OUTPUT_CASES: list[OutputCase] = [
    OutputCase("folder_sibuk", "Menjalankan generate ke folder yang sedang ditulis proses "
               "lkjip lain", _locked, 1,
               "Folder keluaran {out} sedang ditulis oleh proses lkjip lain. Tunggu sampai "
               "proses itu selesai lalu jalankan kembali, atau pilih folder lain dengan --out; "
               "tidak ada berkas yang diganti.\n"),
    OutputCase("disk_penuh", "Menulis keluaran ke disk yang hampir penuh", _disk_full, 1,
               "Disk penuh: keluaran tidak dapat ditulis ke {out}; diperlukan ±{perlu}, "
               "tersedia 0,3 MB. Kosongkan ruang di disk itu (hapus berkas yang tidak dipakai, "
               "kosongkan Recycle Bin/Tempat Sampah) atau pilih folder di disk lain dengan "
               "--out." + NOT_REPLACED + "\n"),
    OutputCase("disk_hanya_baca", "Memilih folder keluaran di disk yang hanya dapat dibaca",
               _read_only_disk, 1,
               "Folder keluaran {out} berada di disk yang hanya dapat dibaca (mis. CD, "
               "flashdisk yang dikunci, atau folder jaringan tanpa izin tulis); pilih folder "
               "lain dengan --out." + NOT_REPLACED + "\n"),
    OutputCase("tanpa_izin_tulis", "Memilih folder keluaran tanpa izin tulis", _no_permission,
               1, "Tidak ada izin menulis di folder keluaran {out}; pilih folder lain dengan "
               "--out (mis. di Documents), atau minta izin tulis folder itu." + NOT_REPLACED
               + "\n"),
    OutputCase("berkas_di_tempat_folder", "Memberi --out nama berkas yang sudah ada (bukan "
               "folder)", _file_in_the_way, 1,
               "Folder keluaran tidak dapat dibuat: {out} adalah berkas, bukan folder. "
               "Pindahkan atau ganti nama berkas hasil, atau pilih folder lain dengan --out."
               + NOT_REPLACED + "\n"),
    OutputCase("folder_bernama_keluaran", "Membuat folder yang bernama seperti berkas keluaran",
               _folder_named_like_an_output, 1,
               f"Keluaran Efisiensi_{TAG}.xlsx tidak dapat ditulis: {{out}}/Efisiensi_{TAG}"
               f".xlsx adalah folder. Pindahkan atau ganti nama folder itu, lalu jalankan "
               f"kembali; tidak ada berkas yang diganti.\n"),
    OutputCase("draf_sedang_dibuka", "Membiarkan draf Word terbuka (penggantian nama ditolak)",
               _open_in_word, 1,
               f"Berkas {{out}}/LKjIP_{TAG}.docx tidak dapat diganti (akses ditolak); mungkin "
               f"sedang dibuka di Word/Excel atau hanya-baca. Tutup berkas itu lalu jalankan "
               f"kembali; keluaran lain tidak diubah.\n"),
    OutputCase("terhenti_saat_mengganti", "Proses sebelumnya dimatikan (kill -9) di tengah "
               "penggantian berkas", _killed_during_the_swap, 0, "",
               stdout_line="Penulisan keluaran sebelumnya di {out} terhenti di tengah "
                            "penggantian berkas; penggantiannya sudah diselesaikan sehingga "
                            "set berkasnya utuh."),
    OutputCase("ctrl_c_setelah_selesai", "Menekan Ctrl+C tepat saat berkas keluaran diganti",
               _interrupted_after_the_commit, 0,
               "Pembatalan (Ctrl+C) datang setelah semua berkas keluaran selesai ditulis; "
               "keluarannya utuh.\n", stdout_line="Workbook valid: {workbook}."),
]

# The values the table in docs/keandalan.md shows for the placeholders.
EXAMPLE = {"out": "hasil", "perlu": "0,4 MB", "workbook": "lkjip_2024.xlsx"}


def output_table() -> str:
    """The output cases as the Markdown table of docs/keandalan.md."""
    rows = ["| No | Yang terjadi | Kode keluar | Yang dikatakan `lkjip generate` |",
            "|---|---|---|---|"]
    for i, case in enumerate(OUTPUT_CASES, start=1):
        said = " ".join(t.format(**EXAMPLE).strip() for t in (case.stdout_line, case.stderr)
                        if t)
        if case.exit_code == 0:
            said += " (lalu daftar berkas yang ditulis)"
        said = said.replace("|", "\\|").replace("\n", "<br>")
        rows.append(f"| {i} | {case.tindakan} | {case.exit_code} | {said} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(table(), end="")
    print()
    print(output_table(), end="")
