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

Satu workbook memuat semua bahan laporan: .xlsx dari Excel, LibreOffice atau WPS Office
(juga Strict Open XML), atau .ods dari LibreOffice. Setiap sheet berisi satu jenis
data; judul kolom ada di baris pertama tabel (boleh ada baris judul di atasnya). Contoh
lengkap: `inputs/lkjip_2024_dinas_sosial_kotim.xlsx` (sumbernya, satu CSV per sheet, di
`inputs/sample/`). Periksa workbook dengan `lkjip validate NAMA_BERKAS.xlsx`: semua
masalah ditampilkan sekaligus, masing-masing dengan sheet, sel, nilai yang ditemukan dan
yang diharapkan.

Dua contoh lain menunjukkan instansi dengan susunan berbeda (angkanya fiktif):
`inputs/lkjip_2024_kecamatan_baamang.xlsx` (sumber `inputs/kecamatan/`: indikator tujuan,
indeks dan persentase, satu sasaran, program penunjang dan kewilayahan saja) dan
`inputs/lkjip_2024_dinas_kesehatan_kotim.xlsx` (sumber `inputs/dinkes/`: indikator makin
rendah makin baik, AKI per 100.000 kelahiran hidup dengan pengali, target 0, target rentang
dalam satu sel dan dua kolom, predikat SAKIP, program dan kegiatan dengan beberapa indikator,
porsi anggaran).

## Cara mulai

Tidak perlu menyalin workbook contoh lalu mengosongkannya. Buat workbook kosong:

```sh
lkjip init lkjip_2025.xlsx --tahun 2025 --instansi "Dinas Sosial"
```

Workbook itu berisi semua sheet di bawah ini dengan judul kolomnya (jingga: wajib, biru:
boleh kosong), sheet **Petunjuk** yang menjelaskan urutan pengisian, pesan bantuan saat
sel dipilih (arti kolom, jenis, contoh), daftar pilihan untuk kolom pilihan dan untuk kode
yang merujuk sheet lain (daftar kode bertambah sendiri saat baris baru diisi; kode di sheet
Indikator Program dipilih dari kode program dan kegiatan sekaligus, lewat sheet tersembunyi
**Daftar Kode** yang tidak dibaca generator), format
angka, dan skala kategori bawaan. Isi sheet yang dirujuk lebih dulu (Pejabat, Tujuan,
Sasaran, Indikator, Urusan, Program, Kegiatan, Sub Kegiatan), lalu yang merujuknya.
Selama masih ada sheet kosong, `lkjip validate` hanya menampilkan daftar sheet yang masih
perlu diisi. Tahun berikutnya, buat workbook baru dari yang lama dengan
`lkjip rollover lkjip_2025.xlsx --out lkjip_2026.xlsx`.

## Aturan umum

- **Judul kolom** dicocokkan tanpa membedakan huruf besar/kecil dan spasi. Urutan kolom
  bebas. Judul yang mirip judul kolom sheet itu tetapi tidak sama ("Pagu Sebelum Perubahan
  (Rp)", "Pagu Sblm Perubahan", "Ket.") ditolak dengan "maksud Anda ...?" agar isinya tidak
  hilang tanpa kabar; begitu pula nama sheet yang mirip nama sheet masukan ("Analisa
  Indikator", "Sarana dan Prasarana"). Kolom dan sheet lain boleh ada: tidak dibaca, dan
  disebut di catatan pemeriksaan.
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
  pejabat. Setiap kode unik di sheetnya dan setiap rujukan harus ada. Kode hanya berisi
  huruf, angka dan tanda baca biasa: tanda pisah "–" dari autocorrect Word atau titik lebar
  penuh "．" ditolak di sel kodenya.
- **Daftar** (fungsi, faktor pendukung, isu strategis, ...): satu butir per baris di
  dalam sel (Alt+Enter). Penomoran "a.", "1.", "-" di awal baris dibuang.
- **Rumus** boleh dipakai; nilainya yang tersimpan yang dibaca. Simpan workbook dari
  Excel/LibreOffice agar hasil rumus ikut tersimpan. Rumus yang hasilnya teks kosong
  (`=IF(G2>F2;"lebih";"")`) dibaca sebagai sel kosong.
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

## Jenis indikator dan cara capaiannya dihitung

Setiap aturan di bawah berlaku di Tabel 3.2 sampai 3.9, di Tabel 3.4 (tingkat kemajuan,
dengan target akhir Renstra menggantikan target tahun ini) dan di tahun-tahun lalu
(Tabel 3.3). Angka dihitung penuh, dibulatkan hanya saat ditampilkan.

- **Makin tinggi makin baik** (Polaritas Naik): capaian = realisasi / target × 100.
  Contoh: IKM 88,95 terhadap target 85 → 104,65%.
- **Makin rendah makin baik** (Polaritas Turun): capaian = (2 × target − realisasi) /
  target × 100, paling kecil 0. Contoh: peringkat 3 terhadap target 5 → (10 − 3) / 5 ×
  100 = 140%; AKI 7 / 8.350 × 100.000 = 83,83 per 100.000 KH terhadap target 90 →
  (180 − 83,8323) / 90 × 100 = 106,85%. Draf menyebut di subbab indikator dan di Tabel 2.2
  bahwa makin rendah makin baik, beserta rumusnya.
- **Pengali** (angka per 100, per 1.000, per 100.000): realisasi = pembilang / penyebut ×
  pengali. Isi kolom Pengali sheet Indikator dengan 1, 10, 100, 1.000, 10.000, 100.000 atau
  1.000.000; kosong berarti 100 (persen). Contoh Angka Kematian Ibu per 100.000 kelahiran
  hidup: Label Pembilang "Jumlah kematian ibu", Label Penyebut "Jumlah kelahiran hidup",
  Pengali 100.000, Realisasi Pembilang 7, Realisasi Penyebut 8.350 → 7 / 8.350 × 100.000 =
  83,83. Rumus di Tabel 2.2 dan di subbab indikator ditulis dengan pengali yang sama
  ("Jumlah kematian ibu / Jumlah kelahiran hidup × 100.000"; pengali 100 ditulis "× 100%",
  pengali 1 tanpa pengali).
- **Target rentang**, ditulis `80-90`, `80–90` atau `80 s.d. 90` di kolom target mana pun
  (Target Renstra per tahun termasuk akhir periode, RKT, PK Awal, PK Perubahan, Kinerja
  Tahun Lalu); batas bawah boleh 0. Rentang juga boleh ditulis dalam **dua kolom**: batas
  bawah di kolom target itu sendiri dan batas atas di kolom `... Batas Atas` di sebelah
  kanan sheet (`Target Batas Atas` di Target Renstra dan Kinerja Tahun Lalu; `Target RKT
  Batas Atas`, `Target PK Awal Batas Atas`, `Target PK Perubahan Batas Atas` di Kinerja
  Indikator). Contoh: Target PK Awal `90` dan Target PK Awal Batas Atas `100` sama dengan
  `90-100` di satu sel. Kolom batas atas kosong: target satu angka seperti biasa. Bila sel
  target sudah berisi rentang dan batas atas juga diisi, keduanya harus sama (`90-100` dan
  `100` diterima; `90-100` dan `95` ditolak dengan sel batas atasnya). Batas atas harus
  lebih besar dari batas bawah, dan tidak boleh diisi bila sel target kosong atau berisi
  tingkat skala kualitatif.
  Realisasi di dalam rentang (batas termasuk) → 100%. Naik: di bawah rentang diukur
  terhadap batas bawah, di atasnya terhadap batas atas (realisasi / batas × 100, bisa di
  atas 100). Turun: di atas rentang aturan makin-rendah terhadap batas atas, di bawahnya
  terhadap batas bawah (di atas 100). Contoh rentang 0–5 dengan realisasi 7: Naik 7 / 5 ×
  100 = 140%; Turun (2 × 5 − 7) / 5 × 100 = 60%. Draf menulis rentang dengan tanda pisah
  (90–100) dan menyebut batas mana yang dipakai, atau bahwa realisasi ada di dalamnya.
- **Target 0** (mis. jumlah kasus, Polaritas Turun): realisasi 0 → 100%; realisasi lain
  → capaian tidak terdefinisi, ditampilkan "-" dengan alasannya dan disebut di catatan
  pemeriksaan. Target 0 pada indikator Naik ditolak saat validasi.
- **Indikator kualitatif** (predikat AA/A/BB/B/CC/C/D, opini WTP/WDP/TW/TMP, tingkat
  risiko): buat skala di sheet Skala Kualitatif (satu baris per tingkat dengan nilainya),
  tulis nama skala di kolom Skala Kualitatif sheet Indikator, lalu tulis target dan
  realisasinya sebagai tingkat (Realisasi Langsung `BB`). Nilai tingkat menggantikan angka
  dan **polaritas indikator berlaku** seperti pada indikator angka:
  - Polaritas Naik (nilai makin besar makin baik): capaian = nilai(realisasi) /
    nilai(target) × 100. Contoh skala AA=7, A=6, BB=5, B=4, CC=3, C=2, D=1: BB terhadap
    target A = 5 / 6 × 100 = 83,33%.
  - Polaritas Turun (nilai makin kecil makin baik, mis. tingkat risiko Rendah=1, Sedang=2,
    Tinggi=3 dengan "Rendah" sebagai tujuan): capaian = (2 × nilai(target) −
    nilai(realisasi)) / nilai(target) × 100, paling kecil 0. Contoh target Sedang,
    realisasi Rendah: (2 × 2 − 1) / 2 × 100 = 150%; realisasi Tinggi: (4 − 3) / 2 × 100 =
    50%; target Rendah, realisasi Tinggi: (2 − 3) / 1 × 100 → 0%.
  - Tingkat target bernilai 0 mengikuti aturan target 0 (Turun: realisasi bernilai 0 →
    100%, lainnya tidak terdefinisi; Naik: tidak terdefinisi).
  Tabel 2.2 dan subbab indikator menulis rumus sesuai polaritasnya.
- **Tidak dapat diukur**: tulis `Tidak dapat diukur` (atau `n/a`) di Realisasi Langsung
  dan alasannya di Keterangan (wajib). Indikator itu ditampilkan "Tidak dapat diukur" di
  setiap tabel, tanpa kategori, dan tidak ikut dalam rata-rata mana pun.
- **Indikator tujuan** (IKU tujuan Renstra): isi Kode Tujuan dan kosongkan Kode Sasaran.
  Indikator itu mendapat baris sendiri ("Indikator Tujuan: ...") di Tabel 2.1, 2.2, 3.2
  sampai 3.5 dan 3.8, tidak ikut rata-rata sasaran tetapi ikut rata-rata seluruh indikator.
- **Indikator program sendiri**: isi Indikator Program, Satuan, Polaritas, Target dan
  Realisasi di sheet Program; Kode Indikator boleh kosong. Tabel 3.6 mencantumkan di bawah
  setiap IKU program yang sub kegiatannya mendukung IKU itu, dengan angka program itu
  sendiri (tanpa indikator sendiri: angka IKU yang menjadi ukuran hasilnya). Contoh:
  Program Pemenuhan Upaya Kesehatan, target 85%, realisasi 88% → 103,53%, di bawah IKU
  1.1, 1.2 dan 2.1.
- **Beberapa indikator per program atau kegiatan**: tulis setiap indikator tambahan satu
  baris di sheet **Indikator Program** (Kode Program/Kegiatan, Indikator, Satuan,
  Polaritas, Target, Realisasi, Skala Kualitatif, Keterangan, Target Batas Atas). Capaian
  setiap indikator dihitung dengan aturan IKU di atas (polaritas, rentang, target 0,
  kualitatif, tidak dapat diukur). Indikator di sheet Program/Kegiatan (bila diisi) menjadi
  yang pertama. Tabel 2.6 dan 3.6 menampilkan satu baris per indikator; Tabel 3.9 menampilkan
  baris program/kegiatan dengan **capaian = rata-rata capaian indikatornya** (yang tidak dapat
  diukur atau tidak terdefinisi tidak dihitung) dan tingkat efisiensi = rata-rata itu /
  serapan, lalu satu baris "Indikator: ..." per indikator. Pembagian anggaran ke IKU (Tabel
  3.8) tidak berubah: tetap per sub kegiatan. Contoh Dinas Kesehatan, Program Pemenuhan
  Upaya Kesehatan: 88 / 85 × 100 = 103,53%; akreditasi paripurna 45 dalam rentang 40–50 →
  100%; angka kesakitan DBD 42 terhadap target 50, Turun → (100 − 42) / 50 × 100 = 116%;
  rata-rata (103,53 + 100 + 116) / 3 = 106,51%; serapan 2.681.660.000 / 2.887.000.000 =
  92,89%; tingkat efisiensi 106,51 / 92,89 = 1,15.

## Pilihan instansi (sheet Instansi)

- **Ambang Serapan (%)**: bawaan contoh 92; sub kegiatan di bawahnya wajib dijelaskan.
- **Batas Atas Capaian (%)**: kosong (bawaan) = tanpa batas. Bila diisi, mis. 120,
  capaian di atasnya dihitung 120 untuk kategori dan semua rata-rata; capaian sebenarnya
  tetap ditampilkan. Contoh dengan batas 100: capaian 130 dan 80 → rata-rata (100 + 80) / 2
  = 90 (Tinggi), bukan 105.
- **Capaian Sasaran**: `Rata-rata Indikator` (bawaan) = rata-rata capaian indikator
  sasaran itu; `Dari Workbook` = kolom Capaian sheet Sasaran (wajib diisi).
- **Skala Kategori** (sheet): batas bawah setiap kategori, dari yang tertinggi.
- **Efisiensi**: tingkat efisiensi (Bab III) = capaian (%) / serapan (%), ≥ 1 efisien;
  tidak terdefinisi bila serapan 0% atau tanpa pagu, dan indikator itu tidak dihitung
  efisien maupun tidak efisien. "Efisiensi anggaran" di Ikhtisar = 100 − serapan (sisa
  anggaran), angka yang berbeda dan dinamai berbeda.

## Aturan perhitungan yang perlu diketahui pengisi

- Realisasi indikator = pembilang / penyebut × pengali (bawaan 100), atau Realisasi
  Langsung.
- Capaian dihitung terhadap Target PK Perubahan bila diisi, selain itu Target PK Awal.
- Setiap sub kegiatan mendukung tepat satu IKU; anggaran IKU (Tabel 3.8) adalah jumlah
  anggaran sub kegiatan yang mendukungnya. Bila satu sub kegiatan melayani beberapa IKU,
  kosongkan Kode Indikator-nya dan isi sheet Porsi Anggaran (porsi per IKU, berjumlah 100).
  Contoh: Pengelolaan Pelayanan Imunisasi, pagu Rp612.000.000, porsi 70% untuk IKU 2.1 dan
  30% untuk IKU 1.2: IKU 2.1 mendapat Rp428.400.000 dan IKU 1.2 Rp183.600.000.
- Belanja Modal dihitung sebagai belanja modal; jenis belanja lain sebagai belanja operasi.
- Pagu sebelum perubahan diisi sekali per sub kegiatan: di sheet Sub Kegiatan, atau di
  setiap rekeningnya di sheet Rekening (tidak keduanya).
- Jumlah anggaran PK dihitung dari pagu (sebelum perubahan untuk PK Awal, setelah
  perubahan untuk PK Perubahan). Bila PK mencantumkan program beserta sebagian kegiatan
  atau sub kegiatannya, jumlah program itu adalah bagian yang dicantumkan saja.
- Program/kegiatan/sub kegiatan "menunjang" sasaran bila capaian keluarannya masuk
  kategori tertinggi pada Skala Kategori (dengan beberapa indikator: dinilai per indikator,
  pada barisnya masing-masing di Tabel 3.6).
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
    ft._pengali: "Pilihan: " + ft.PENGALI_TEXT,
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
