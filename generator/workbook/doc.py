"""docs/workbook.md, generated from the sheet registry and the models.

Run `python -m generator.workbook.doc > docs/workbook.md`; a test keeps the committed
page equal to this output, so the documentation cannot drift from the format.
"""

from __future__ import annotations

from pydantic import BeforeValidator

from . import fieldtypes as ft
from .sheets import SHEETS
from .text import choice_values

INTRO = """\
# Workbook masukan LKjIP: panduan pengisian

Satu workbook Excel (.xlsx) memuat semua bahan laporan. Setiap sheet berisi satu jenis
data; judul kolom ada di baris pertama tabel (boleh ada baris judul di atasnya). Contoh
lengkap: `inputs/lkjip_2024_dinas_sosial_kotim.xlsx` (sumbernya, satu CSV per sheet, di
`inputs/sample/`). Periksa workbook dengan `lkjip validate NAMA_BERKAS.xlsx`: semua
masalah ditampilkan sekaligus, masing-masing dengan sheet, sel, nilai yang ditemukan dan
yang diharapkan.

## Aturan umum

- **Judul kolom** dicocokkan tanpa membedakan huruf besar/kecil dan spasi. Kolom lain
  boleh ada dan diabaikan. Urutan kolom bebas.
- **Baris kosong** dilewati. **Sel gabungan (merge)** berlaku untuk semua sel yang
  digabung, mis. satu kode tujuan untuk beberapa sasaran.
- **Angka** boleh berupa sel angka atau teks bergaya Indonesia: `8.825.083.700`,
  `98,25`, `Rp. 8.825.083.700,-`, `98,25%`. Gaya Inggris juga diterima:
  `8,825,083,700`, `98.25`. Satu pemisah diikuti tepat tiga angka (`1.234`) dibaca
  sebagai ribuan untuk Rupiah dan jumlah, tetapi ditolak untuk persen dan target karena
  ambigu: tulis `1234` bila maksudnya seribu lebih, atau `1,23` bila maksudnya desimal.
  Tanda `-` saja berarti nol. Sel berformat persen (98%) dibaca sebagai 98.
- **Tanggal**: sel tanggal Excel, atau teks `31/01/2025`, `2025-01-31`, `31 Januari 2025`.
- **Kode** menghubungkan sheet: kode sasaran, indikator, program, kegiatan, sub kegiatan,
  pejabat. Setiap kode unik di sheetnya dan setiap rujukan harus ada.
- **Daftar** (fungsi, faktor pendukung, isu strategis, ...): satu butir per baris di
  dalam sel (Alt+Enter). Penomoran "a.", "1.", "-" di awal baris dibuang.
- **Rumus** boleh dipakai; nilainya yang tersimpan yang dibaca. Simpan workbook dari
  Excel/LibreOffice agar hasil rumus ikut tersimpan.
- Karakter kendali tak terlihat ditolak; tanda arah teks dan spasi lebar-nol dibuang.
- Teks dalam satu sel paling panjang 32.767 karakter (batas Excel); nama dan judul
  paling panjang 2.000 karakter.
- Sheet berjenis **kunci-nilai** (Instansi, Narasi) berisi dua kolom: nama isian dan
  nilainya, satu isian per baris.

## Gambar (logo, bagan organisasi, foto dokumentasi)

Gambar tidak ditempel di dalam workbook, tetapi disimpan sebagai **berkas gambar di folder
yang sama dengan workbook** dan disebut namanya di workbook: `Berkas Logo` dan `Berkas Bagan
Organisasi` di sheet Instansi, `Berkas Foto` di sheet Dokumentasi (mis. `logo.png`,
`foto_1.jpg`). Ketentuannya:

- hanya nama berkas, tanpa nama folder; huruf besar/kecil harus sama dengan nama berkasnya;
- format PNG atau JPEG, paling besar 10 MB dan 40 juta piksel;
- gambar diperkecil agar muat di tempatnya (logo 5 x 5 cm, bagan 16 x 12 cm, foto
  15 x 9,5 cm) tanpa mengubah perbandingan sisinya.

Gambar yang tidak disebut, tidak ada, atau tidak dapat dibaca tidak menggagalkan pembuatan
draf: di tempatnya tampil tanda kurung berwarna kuning, dan catatan pemeriksaan menyebut
sel yang perlu diisi.

## Aturan perhitungan yang perlu diketahui pengisi

- Realisasi indikator = pembilang / penyebut × 100, atau Realisasi Langsung.
- Capaian dihitung terhadap Target PK Perubahan bila diisi, selain itu Target PK Awal.
- Setiap sub kegiatan mendukung tepat satu IKU; anggaran IKU (Tabel 3.8) adalah jumlah
  anggaran sub kegiatan yang mendukungnya.
- Belanja Modal dihitung sebagai belanja modal; jenis belanja lain sebagai belanja operasi.
- Pagu sebelum perubahan diisi sekali per sub kegiatan: di sheet Sub Kegiatan, atau di
  setiap rekeningnya di sheet Rekening (tidak keduanya).
- Jumlah anggaran PK dihitung dari pagu (sebelum perubahan untuk PK Awal, setelah
  perubahan untuk PK Perubahan). Bila PK mencantumkan program beserta sebagian kegiatan
  atau sub kegiatannya, jumlah program itu adalah bagian yang dicantumkan saja.
- Program/kegiatan/sub kegiatan "menunjang" sasaran bila capaian keluarannya masuk
  kategori tertinggi pada Skala Kategori.
"""

_TYPE_NAMES = {
    ft._money: "Angka Rupiah ≥ 0",
    ft._decimal: "Angka",
    ft._integer: "Bilangan bulat",
    ft._line: "Teks",
    ft._text: "Teks panjang",
    ft._items: "Daftar (satu butir per baris)",
    ft._code: "Kode",
    ft._date: "Tanggal",
    ft._nip: "NIP (teks)",
    ft._target: "Angka ≥ 0, rentang (90–100) atau tingkat skala kualitatif (BB)",
    ft._realisasi: "Angka ≥ 0, tingkat skala kualitatif (BB) atau Tidak dapat diukur",
}


def describe_type(info) -> str:
    metadata = ft.field_parsers(info)
    values = choice_values(info)
    if values:
        return "Pilihan: " + " / ".join(values)
    funcs = [m.func for m in metadata if isinstance(m, BeforeValidator)]
    name = next((_TYPE_NAMES[f] for f in funcs if f in _TYPE_NAMES), "Teks")
    bounds = []
    for m in metadata:
        for attr, sign in (("gt", ">"), ("ge", "≥"), ("le", "≤")):
            value = getattr(m, attr, None)
            if value is not None and not (name.startswith("Angka Rupiah") and attr == "ge"):
                bounds.append(f"{sign} {value}")
    if name == "Bilangan bulat" and "≥ 1900" in bounds:
        return "Tahun"
    return name + (" " + ", ".join(bounds) if bounds else "")


def _cell(text: object) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def render() -> str:
    out = [INTRO, "## Sheet\n"]
    for spec in SHEETS:
        required = "wajib" if spec.required else "opsional"
        out.append(f"### {spec.name} ({required})\n")
        out.append(spec.description + "\n")
        if spec.keyvalue:
            out.append(f"Dua kolom: **{spec.key_header}** (nama isian di bawah) dan "
                       f"**{spec.value_header}** (nilainya).\n")
            head = f"| {spec.key_header} | Wajib | Jenis | Keterangan | Contoh |"
        else:
            if spec.min_rows:
                out.append(f"Paling sedikit {spec.min_rows} baris data.\n")
            head = "| Kolom | Wajib | Jenis | Keterangan | Contoh |"
        out.append(head)
        out.append("|---|---|---|---|---|")
        for _, info in spec.fields():
            extra = info.json_schema_extra or {}
            example = extra.get("example")
            out.append(f"| {_cell(info.alias)} | {'ya' if info.is_required() else 'tidak'} | "
                       f"{_cell(describe_type(info))} | {_cell(info.description)} | "
                       f"{_cell(example if example is not None else '')} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    print(render(), end="")
