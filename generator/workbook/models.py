"""The input workbook as typed models: one model per sheet row (or key-value sheet).

Each field's alias is the header text staff see in the workbook; its description and
example feed docs/workbook.md. These models are what validation produces and what the
calculation core takes.
"""

# No `from __future__ import annotations` here: the model classes' annotations are then
# objects when each class is made, and pydantic need not compile and evaluate some 500
# annotation strings on every start (about 5 ms of a run's imports).

from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from .pictures import Picture
from .problems import Notice
from .fieldtypes import (
    Amount, BagianPK, CapaianSasaran, Code, Count, Date, Depth, GayaTerbilang, Items,
    JenisBelanja, JenisInstansi, JenisPembanding, JenisPK, KertasSpreadsheet, Line, Money,
    Narrative, Nip, Order, Pengali, Percent, Polaritas, Positive, Realisasi, Target,
    TingkatPembanding, Year,
    UPPER_SUFFIX, YaTidak, choice, combine_range,
)
from pydantic_core import PydanticCustomError


def col(header: str, description: str, example: Any, required: bool = True) -> Any:
    """A column (or a key of a key-value sheet): alias, docs and example in one place."""
    extra = {"example": example}
    if required:
        return Field(alias=header, description=description, json_schema_extra=extra)
    return Field(default=None, alias=header, description=description, json_schema_extra=extra)


class Row(BaseModel):
    """A row of a table sheet; `row` is its row number in the workbook."""

    model_config = ConfigDict(frozen=True, defer_build=True, validate_by_name=True, validate_by_alias=True,
                              extra="ignore")
    row: int = Field(default=0, exclude=True)


def upper(of: str) -> Any:
    """The optional upper-bound column of the target column `of` (a range in two columns)."""
    return col(f"{of} Batas Atas",
               f"Opsional. Batas atas bila {of} berupa rentang dalam dua kolom: kolom {of} "
               f"berisi batas bawah (mis. 90), kolom ini batas atasnya (100). Kosong: {of} satu "
               "angka, atau rentang yang ditulis dalam satu sel (90-100).", 100, required=False)


class RangeRow(Row):
    """A row with target columns that may carry an upper-bound column each (`x` and
    `x_batas_atas`); after validation `x` holds the range, so every rule downstream sees
    one target value."""

    @field_validator("*", mode="after")
    @classmethod
    def _check_upper(cls, value: Any, info: ValidationInfo) -> Any:
        name = info.field_name or ""
        if value is None or not name.endswith(UPPER_SUFFIX):
            return value
        lower = name.removesuffix(UPPER_SUFFIX)
        if lower not in info.data:
            return value       # the target cell failed on its own and is reported there
        # raises, located at the upper-bound cell
        combine_range(info.data[lower], value, cls.model_fields[lower].alias)
        return value

    @model_validator(mode="after")
    def _fold_upper(self) -> "RangeRow":
        for name in type(self).model_fields:
            if name.endswith(UPPER_SUFFIX) and getattr(self, name) is not None:
                lower = name.removesuffix(UPPER_SUFFIX)
                # frozen model: set once here, while it is being built
                object.__setattr__(self, lower, combine_range(getattr(self, lower),
                                                              getattr(self, name)))
        return self


# --- Identity and organisation -------------------------------------------------------

def _same_words(text: str) -> str:
    return " ".join(text.split()).casefold()


class Instansi(Row):
    nama_instansi: Line = col(
        "Nama Instansi", "Nama perangkat daerah atau unit kerja, tanpa nama pemerintah daerah "
        "atau kementerian/lembaganya (Dinas Sosial, bukan Dinas Sosial Kabupaten Kotawaringin "
        "Timur): draf menyambungkan keduanya.", "Dinas Sosial")
    jenis_instansi: Optional[choice(JenisInstansi)] = col(
        "Jenis Instansi",
        "Opsional. Perangkat Daerah Kabupaten/Kota (bawaan), Perangkat Daerah Provinsi, atau "
        "Unit Kementerian/Lembaga (direktorat, pusat, balai instansi pusat). Istilah draf "
        "mengikutinya: APBD, kepala daerah, RPJMD dan Pemerintah Kabupaten untuk perangkat "
        "daerah; APBN, pimpinan, RPJMN dan Renstra K/L untuk unit kementerian/lembaga.",
        "Perangkat Daerah Kabupaten/Kota", required=False)
    nama_pemda: Optional[Line] = Field(
        default=None, validate_default=True, alias="Nama Pemerintah Daerah",
        description="Kabupaten/kota atau provinsi. Wajib untuk perangkat daerah; kosongkan "
                    "untuk unit kementerian/lembaga.",
        json_schema_extra={"example": "Kabupaten Kotawaringin Timur"})
    nama_kl: Optional[Line] = Field(
        default=None, validate_default=True, alias="Nama Kementerian/Lembaga",
        description="Kementerian atau lembaga induk unit kerja. Wajib bila Jenis Instansi = Unit "
                    "Kementerian/Lembaga; kosongkan untuk perangkat daerah.",
        json_schema_extra={"example": "Badan Pengawas Obat dan Makanan"})
    tahun: Year = col("Tahun Laporan", "Tahun anggaran yang dilaporkan.", 2024)
    tempat: Line = col("Tempat", "Kota tempat laporan ditandatangani.", "Sampit")
    tanggal: Date = col("Tanggal Laporan", "Tanggal penandatanganan laporan (sel tanggal).",
                        "2025-01-20")
    renstra_awal: Year = col("Awal Periode Renstra", "Tahun pertama Renstra.", 2021)
    renstra_akhir: Year = col("Akhir Periode Renstra", "Tahun terakhir Renstra.", 2026)
    kode_kepala: Code = col("Kode Kepala Instansi",
                            "Kode pejabat (sheet Pejabat) yang menandatangani laporan.", "KADIS")
    jabatan_kepala: Optional[Line] = col(
        "Jabatan Kepala Instansi",
        "Opsional. Jabatan penanda tangan laporan seperti ditulis pada tanda tangan dan PK. "
        "Kosong: Camat untuk kecamatan (Kecamatan Baamang: Camat Baamang), Lurah untuk "
        "kelurahan, Inspektur untuk inspektorat, Sekretaris untuk sekretariat (Sekretariat "
        "DPRD: Sekretaris DPRD), selain itu Kepala dan nama instansi (Kepala Dinas Sosial).",
        "Camat Baamang", required=False)
    kode_kepala_daerah: Code = col("Kode Kepala Daerah",
                                   "Kode pejabat (sheet Pejabat) kepala daerah; untuk unit "
                                   "kementerian/lembaga, pimpinan kementerian/lembaga itu.",
                                   "BUPATI")
    ambang_serapan: Percent = col(
        "Ambang Serapan (%)",
        "Sub kegiatan dengan serapan di bawah angka ini wajib diberi penjelasan.", 92)
    batas_capaian: Optional[Positive] = col(
        "Batas Atas Capaian (%)",
        "Opsional. Capaian di atas angka ini dihitung sama dengan angka ini untuk kategori dan "
        "rata-rata (capaian sebenarnya tetap ditampilkan). Kosong: tanpa batas.", 120,
        required=False)
    capaian_sasaran: Optional[choice(CapaianSasaran)] = col(
        "Capaian Sasaran",
        "Opsional. Rata-rata Indikator (bawaan): capaian sasaran = rata-rata capaian "
        "indikatornya; Dari Workbook: diambil dari kolom Capaian pada sheet Sasaran.",
        "Rata-rata Indikator", required=False)
    gaya_terbilang: Optional[choice(GayaTerbilang)] = col(
        "Gaya Terbilang",
        "Opsional. Cara menulis bilangan dengan hurufnya: Huruf Kecil (PUEBI) (bawaan): "
        "38 (tiga puluh delapan) orang; Huruf Kapital: 38 (Tiga Puluh Delapan) Orang.",
        "Huruf Kecil (PUEBI)", required=False)
    visi: Narrative = col("Visi", "Visi kepala daerah (RPJMD); untuk unit kementerian/lembaga, "
                          "visi yang diacu Renstra K/L.",
                          "Terwujudnya Kabupaten Kotawaringin Timur yang Mandiri, Maju dan Sejahtera")
    sasaran_daerah: Optional[Narrative] = col(
        "Sasaran Strategis Daerah", "Sasaran RPJMD yang didukung perangkat daerah.",
        "Menguatnya penanganan PPKS", required=False)
    dasar_renstra: Optional[Narrative] = col(
        "Dasar Hukum Renstra", "Peraturan yang menetapkan Renstra.",
        "Peraturan Bupati Nomor 22 Tahun 2021", required=False)
    dasar_organisasi: Optional[Narrative] = col(
        "Dasar Hukum Organisasi", "Peraturan tentang susunan organisasi dan tata kerja.",
        "Peraturan Bupati Nomor 25 Tahun 2022", required=False)
    alamat: Optional[Line] = col("Alamat", "Alamat kantor.", "Jl. Contoh No. 1, Sampit",
                                 required=False)
    telepon: Optional[Line] = col("Telepon", "Nomor telepon kantor.", "0812 0000 000",
                                  required=False)
    website: Optional[Line] = col("Website", "Alamat situs web.", "https://dinsos.kotimkab.go.id",
                                  required=False)
    email: Optional[Line] = col("Email", "Alamat surel.", "dinsos@contoh.go.id", required=False)
    logo: Optional[Line] = col(
        "Berkas Logo", "Nama berkas gambar logo (PNG/JPEG) untuk sampul, diletakkan di folder "
        "yang sama dengan workbook.", "logo.png", required=False)
    bagan_organisasi: Optional[Line] = col(
        "Berkas Bagan Organisasi", "Nama berkas gambar bagan struktur organisasi (PNG/JPEG) "
        "untuk Bab I, di folder yang sama dengan workbook.", "bagan_organisasi.png",
        required=False)

    kertas_spreadsheet: Optional[choice(KertasSpreadsheet)] = col(
        "Kertas Spreadsheet",
        "Opsional. Ukuran kertas untuk mencetak spreadsheet Tabel 1.1 dan Efisiensi: A4, F4 "
        "(Folio, 215 x 330 mm) atau A3, mendatar. Kolom yang tidak muat terbaca pada satu "
        "halaman dibagi ke beberapa halaman menyamping. Kosong: A4.", "F4", required=False)

    @field_validator("nama_pemda", "nama_kl", mode="after")
    @classmethod
    def _induk_for_kind(cls, value: Optional[str], info: ValidationInfo) -> Optional[str]:
        """The parent body the kind of agency needs: a pemda for a perangkat daerah, a
        ministry or agency for a unit of one (located at the missing key)."""
        if value is not None or "jenis_instansi" not in info.data:
            return value       # given, or the kind itself failed and is reported there
        jenis = info.data["jenis_instansi"]
        pusat = jenis is not None and jenis.pusat
        if (info.field_name == "nama_kl") == pusat:
            raise PydanticCustomError("missing", "missing", {
                "expected": ("nama kementerian/lembaga induk, karena Jenis Instansi = Unit "
                             "Kementerian/Lembaga") if pusat else
                            "nama kabupaten/kota atau provinsi (untuk unit kementerian/lembaga: "
                            "isi Jenis Instansi dan Nama Kementerian/Lembaga)", "detail": ""})
        return value

    @property
    def terbilang_kapital(self) -> bool:
        """Number words capitalised ("Tiga Puluh Delapan"); PUEBI's lower case by default."""
        return self.gaya_terbilang is GayaTerbilang.KAPITAL

    @property
    def jenis(self) -> JenisInstansi:
        """The kind of agency (Perangkat Daerah Kabupaten/Kota when not given)."""
        return self.jenis_instansi or JenisInstansi.KABUPATEN

    @property
    def pusat(self) -> bool:
        """A unit of a ministry or central agency (words: APBN, pimpinan, RPJMN)."""
        return self.jenis.pusat

    @property
    def induk(self) -> str:
        """The body the agency belongs to: its pemda, or its ministry or agency."""
        return (self.nama_kl if self.pusat else self.nama_pemda) or ""

    @property
    def induk_dalam_nama(self) -> bool:
        """Whether Nama Instansi already names its pemda or ministry ("Sekretariat Daerah
        Provinsi Sumatera Utara" with the pemda "Provinsi Sumatera Utara")."""
        return bool(self.induk) and _same_words(self.induk) in _same_words(self.nama_instansi)

    @property
    def nama_lengkap(self) -> str:
        """The agency's full name, its pemda (or ministry) named once: "Dinas Sosial
        Kabupaten Kotawaringin Timur"; "Sekretariat Daerah Provinsi Sumatera Utara" when
        the name already holds "Provinsi Sumatera Utara"."""
        if not self.induk or self.induk_dalam_nama:
            return self.nama_instansi
        return f"{self.nama_instansi} {self.induk}"

    @property
    def jabatan_kepala_instansi(self) -> str:
        """The head's title: the Jabatan Kepala Instansi given, else by the kind of agency
        (Kecamatan X -> Camat X, Kelurahan X -> Lurah X, Inspektorat X -> Inspektur X,
        Sekretariat X -> Sekretaris X, anything else -> Kepala <nama instansi>)."""
        if self.jabatan_kepala:
            return self.jabatan_kepala
        nama = self.nama_instansi.strip()
        for jenis, kepala in (("kecamatan", "Camat"), ("kelurahan", "Lurah"),
                              ("inspektorat", "Inspektur"), ("sekretariat", "Sekretaris")):
            first, _, rest = nama.partition(" ")
            if first.lower() == jenis:
                return f"{kepala} {rest}".strip()
        return f"Kepala {nama}"


class Pejabat(Row):
    kode: Code = col("Kode", "Kode singkat yang dirujuk sheet lain.", "KADIS")
    nama: Line = col("Nama", "Nama lengkap dengan gelar.", "HAWIANAN, S.Sos")
    nip: Optional[Nip] = col("NIP", "NIP sebagai teks (kosong untuk pejabat politik).",
                             "19680415 198911 1 001", required=False)
    pangkat: Optional[Line] = col("Pangkat", "Pangkat.", "Pembina Utama Muda", required=False)
    golongan: Optional[Line] = col("Golongan", "Golongan ruang.", "IV/c", required=False)
    jabatan: Line = col("Jabatan", "Jabatan.", "Kepala Dinas Sosial")


class UnitOrganisasi(Row):
    no: Order = col("No", "Urutan tampil.", 1)
    unit: Line = col("Unit", "Nama unit organisasi.", "Sekretariat")
    jabatan: Line = col("Jabatan Pimpinan", "Jabatan yang memimpin unit.", "Sekretaris")
    tugas: Narrative = col("Tugas Pokok", "Uraian tugas pokok.",
                           "Membantu Kepala Dinas dalam urusan kesekretariatan.")
    fungsi: Optional[Items] = col("Fungsi", "Fungsi, satu butir per baris (Alt+Enter).",
                                  "Pengoordinasian penyusunan program", required=False)
    uraian_tugas: Optional[Items] = col("Uraian Tugas", "Uraian tugas, satu butir per baris.",
                                        "Menyusun rencana kerja", required=False)


class PegawaiJabatan(Row):
    no: Order = col("No", "Urutan tampil.", 1)
    jabatan: Line = col("Jabatan", "Kelompok jabatan.", "Kepala Bidang")
    pns: Count = col("PNS", "Jumlah PNS.", 3)
    pppk: Count = col("PPPK", "Jumlah PPPK.", 0)
    kontrak: Count = col("Tenaga Kontrak", "Jumlah tenaga kontrak.", 0)


class PegawaiPendidikan(Row):
    no: Order = col("No", "Urutan tampil.", 1)
    pendidikan: Line = col("Pendidikan", "Jenjang pendidikan.", "Strata-1 (S-1)")
    jumlah: Count = col("Jumlah", "Jumlah pegawai.", 12)


class PegawaiGolongan(Row):
    no: Order = col("No", "Urutan tampil.", 1)
    pangkat: Line = col("Pangkat", "Pangkat.", "Penata Tingkat I")
    golongan: Line = col("Golongan", "Golongan ruang.", "III/d")
    jumlah: Count = col("Jumlah", "Jumlah PNS.", 5)


# --- Planning -----------------------------------------------------------------------

class Misi(Row):
    no: Order = col("No", "Nomor misi.", 3)
    misi: Narrative = col("Misi", "Rumusan misi kepala daerah.",
                          "Mewujudkan penguatan ekonomi masyarakat")
    didukung: choice(YaTidak) = col("Didukung", "Ya bila perangkat daerah mendukung misi ini.",
                                    "Ya")


class Tujuan(Row):
    kode: Code = col("Kode", "Kode tujuan.", "T1")
    tujuan: Narrative = col("Tujuan", "Rumusan tujuan Renstra.",
                            "Meningkatkan kualitas dan jangkauan pelayanan kepada PPKS")


class Sasaran(Row):
    kode: Code = col("Kode", "Nomor sasaran.", "1")
    kode_tujuan: Code = col("Kode Tujuan", "Tujuan yang dijabarkan (sheet Tujuan).", "T1")
    sasaran: Narrative = col("Sasaran", "Rumusan sasaran strategis.",
                             "Peningkatan pelayanan kepada PPKS yang memperoleh bantuan sosial")
    capaian: Optional[Amount] = col(
        "Capaian", "Capaian sasaran (%) bila Instansi \"Capaian Sasaran\" = Dari Workbook; "
        "selain itu kosongkan.", 98.5, required=False)


class Indikator(Row):
    kode: Code = col("Kode", "Nomor indikator kinerja utama (IKU).", "1.3")
    kode_sasaran: Optional[Code] = col(
        "Kode Sasaran", "Sasaran yang diukur (sheet Sasaran); kosong untuk indikator tujuan.",
        "1", required=False)
    indikator: Line = col("Indikator", "Nama indikator.", "Persentase PPKS yang tertangani")
    satuan: Line = col("Satuan", "Satuan indikator.", "%")
    polaritas: choice(Polaritas) = col(
        "Polaritas", "Naik: makin tinggi makin baik; Turun: makin rendah makin baik.", "Naik")
    definisi: Optional[Narrative] = col("Definisi Operasional", "Penjelasan indikator.",
                                        "PPKS yang memperoleh pelayanan rehabilitasi sosial",
                                        required=False)
    label_pembilang: Optional[Line] = col("Label Pembilang", "Arti pembilang pada rumus.",
                                          "Jumlah PPKS yang tertangani", required=False)
    label_penyebut: Optional[Line] = col("Label Penyebut", "Arti penyebut pada rumus.",
                                         "Jumlah seluruh PPKS pada tahun ke-n", required=False)
    sumber_data: Line = col("Sumber Data", "Sumber data (Tabel 2.2).", "Dinas Sosial")
    penanggung_jawab: Optional[Line] = col("Penanggung Jawab", "Unit penanggung jawab (Tabel 3.2).",
                                           "Bidang Rehabilitasi Sosial", required=False)
    kondisi_awal: Optional[Amount] = col("Kondisi Awal", "Capaian pada awal periode Renstra.",
                                         65.05, required=False)
    kode_tujuan: Optional[Code] = col(
        "Kode Tujuan", "Indikator tujuan: tujuan yang diukur (sheet Tujuan); isi ini atau Kode "
        "Sasaran, tidak keduanya.", None, required=False)
    skala_kualitatif: Optional[Line] = col(
        "Skala Kualitatif", "Indikator kualitatif (predikat, opini): nama skala pada sheet Skala "
        "Kualitatif; target dan realisasinya ditulis sebagai tingkat skala itu (mis. BB).",
        None, required=False)
    pengali: Optional[Pengali] = col(
        "Pengali", "Opsional. Realisasi = pembilang / penyebut × pengali: 100 (bawaan, persen), "
        "atau mis. 1.000 / 100.000 untuk angka per 1.000 penduduk atau per 100.000 kelahiran "
        "hidup, 1 untuk rasio biasa.", 100000, required=False)


class TargetRenstra(RangeRow):
    kode_indikator: Code = col("Kode Indikator", "Indikator (sheet Indikator).", "1.3")
    tahun: Year = col("Tahun", "Tahun dalam periode Renstra.", 2024)
    target: Target = col("Target", "Target Renstra untuk tahun itu: angka, rentang (80–90) "
                         "atau tingkat skala kualitatif.", 85.05)
    target_batas_atas: Optional[Amount] = upper("Target")


class KinerjaIndikator(RangeRow):
    kode_indikator: Code = col("Kode Indikator", "Indikator (sheet Indikator).", "1.3")
    target_rkt: Optional[Target] = col("Target RKT", "Target pada Rencana Kerja Tahunan.",
                                         85.05, required=False)
    target_pk_awal: Target = col("Target PK Awal", "Target pada Perjanjian Kinerja awal tahun.",
                                 85.05)
    target_pk_perubahan: Optional[Target] = col(
        "Target PK Perubahan", "Target pada PK perubahan (kosong bila tidak ada perubahan).",
        95.35, required=False)
    pembilang: Optional[Amount] = col("Realisasi Pembilang", "Nilai pembilang yang dicapai.",
                                      1031, required=False)
    penyebut: Optional[Positive] = col("Realisasi Penyebut", "Nilai penyebut.", 1039,
                                       required=False)
    realisasi_langsung: Optional[Realisasi] = col(
        "Realisasi Langsung", "Realisasi bila tidak dihitung dari pembilang/penyebut: angka, "
        "tingkat skala kualitatif (BB), atau \"Tidak dapat diukur\" (alasan wajib di "
        "Keterangan).", None, required=False)
    keterangan: Optional[Narrative] = col("Keterangan", "Catatan tentang realisasi; alasan bila "
                                          "tidak dapat diukur.", None, required=False)
    target_rkt_batas_atas: Optional[Amount] = upper("Target RKT")
    target_pk_awal_batas_atas: Optional[Amount] = upper("Target PK Awal")
    target_pk_perubahan_batas_atas: Optional[Amount] = upper("Target PK Perubahan")


class KinerjaTahunLalu(RangeRow):
    kode_indikator: Code = col("Kode Indikator", "Indikator (sheet Indikator).", "1.3")
    tahun: Year = col("Tahun", "Tahun sebelum tahun laporan.", 2023)
    target: Target = col("Target", "Target tahun itu (angka, rentang atau tingkat skala).", 95)
    realisasi: Realisasi = col("Realisasi", "Realisasi tahun itu (angka, tingkat skala, atau "
                               "Tidak dapat diukur).", 91.94)
    capaian_tercatat: Optional[Amount] = col(
        "Capaian Tercatat", "Capaian (%) seperti tertulis di laporan tahun itu (untuk diperiksa).",
        97, required=False)
    keterangan: Optional[Narrative] = col(
        "Keterangan", "Alasan bila realisasi tidak dapat diukur.", None, required=False)
    target_batas_atas: Optional[Amount] = upper("Target")


# --- Programs, activities and budget ---------------------------------------------------

class Urusan(Row):
    kode: Code = col("Kode", "Kode urusan.", "1.06")
    urusan: Line = col("Urusan", "Nama urusan pemerintahan.", "Urusan Pemerintahan Bidang Sosial")


class Program(Row):
    kode: Code = col("Kode", "Kode program.", "1.06.04")
    kode_urusan: Code = col("Kode Urusan", "Urusan (sheet Urusan).", "1.06")
    program: Line = col("Program", "Nama program.", "Program Rehabilitasi Sosial")
    indikator: Optional[Line] = col("Indikator Program", "Indikator program (Tabel 2.6).",
                                    "Persentase PPKS yang tertangani", required=False)
    kode_indikator: Optional[Code] = col(
        "Kode Indikator", "IKU yang menjadi ukuran hasil program (sheet Indikator); boleh kosong "
        "bila program punya indikator sendiri (Target dan Realisasi diisi).", "1.3",
        required=False)
    satuan: Optional[Line] = col("Satuan", "Satuan indikator program sendiri.", "%",
                                 required=False)
    polaritas: Optional[choice(Polaritas)] = col(
        "Polaritas", "Polaritas indikator program sendiri (bawaan Naik).", "Naik", required=False)
    target: Optional[Target] = col("Target", "Target indikator program sendiri (Tabel 3.6).",
                                   90, required=False)
    realisasi: Optional[Amount] = col("Realisasi", "Realisasi indikator program sendiri.", 92.5,
                                      required=False)


class Kegiatan(Row):
    kode: Code = col("Kode", "Kode kegiatan.", "1.06.04.2.01")
    kode_program: Code = col("Kode Program", "Program (sheet Program).", "1.06.04")
    kegiatan: Line = col("Kegiatan", "Nama kegiatan.", "Rehabilitasi Sosial Dasar di Luar Panti")
    indikator: Optional[Line] = col("Indikator Kegiatan", "Indikator keluaran kegiatan.",
                                    "Jumlah PPKS yang terpenuhi kebutuhan dasarnya", required=False)
    satuan: Optional[Line] = col("Satuan", "Satuan indikator.", "Orang", required=False)
    target: Optional[Positive] = col("Target", "Target keluaran.", 1224, required=False)
    realisasi: Optional[Amount] = col("Realisasi", "Realisasi keluaran.", 1193, required=False)


class IndikatorProgram(RangeRow):
    kode: Code = col("Kode Program/Kegiatan",
                     "Program (sheet Program) atau kegiatan (sheet Kegiatan) yang diukur "
                     "indikator ini; satu baris per indikator, boleh beberapa per kode.",
                     "1.02.02")
    indikator: Line = col("Indikator", "Indikator hasil (program) atau keluaran (kegiatan).",
                          "Persentase puskesmas terakreditasi paripurna")
    satuan: Line = col("Satuan", "Satuan indikator.", "%")
    polaritas: Optional[choice(Polaritas)] = col(
        "Polaritas", "Naik (bawaan): makin tinggi makin baik; Turun: makin rendah makin baik.",
        "Naik", required=False)
    target: Target = col("Target", "Target: angka ≥ 0, rentang (40-50) atau tingkat skala "
                         "kualitatif.", 40)
    realisasi: Optional[Realisasi] = col(
        "Realisasi", "Realisasi: angka, tingkat skala kualitatif, atau \"Tidak dapat diukur\" "
        "(alasan wajib di Keterangan).", 45, required=False)
    skala_kualitatif: Optional[Line] = col(
        "Skala Kualitatif", "Indikator kualitatif: nama skala pada sheet Skala Kualitatif.",
        None, required=False)
    keterangan: Optional[Narrative] = col("Keterangan", "Catatan; alasan bila realisasi tidak "
                                          "dapat diukur.", None, required=False)
    target_batas_atas: Optional[Amount] = upper("Target")


class SubKegiatan(Row):
    kode: Code = col("Kode", "Kode sub kegiatan.", "1.06.04.2.01.0001")
    kode_kegiatan: Code = col("Kode Kegiatan", "Kegiatan (sheet Kegiatan).", "1.06.04.2.01")
    sub_kegiatan: Line = col("Sub Kegiatan", "Nama sub kegiatan.", "Penyediaan Permakanan")
    indikator: Line = col("Indikator Sub Kegiatan", "Indikator keluaran.",
                          "Jumlah orang yang mendapatkan permakanan")
    satuan: Line = col("Satuan", "Satuan indikator.", "Orang")
    target: Positive = col("Target", "Target keluaran.", 845)
    realisasi: Optional[Amount] = col("Realisasi", "Realisasi keluaran.", 845, required=False)
    kode_indikator: Optional[Code] = col(
        "Kode Indikator", "Satu IKU yang didukung sub kegiatan ini (sheet Indikator); kosong bila "
        "anggarannya dibagi ke beberapa IKU di sheet Porsi Anggaran.", "1.3", required=False)
    pagu_sebelum: Optional[Money] = col(
        "Pagu Sebelum Perubahan",
        "Pagu DPA murni bila tidak dirinci per rekening (kosongkan bila diisi di sheet Rekening).",
        148980000, required=False)
    penjelasan_serapan: Optional[Narrative] = col(
        "Penjelasan Serapan", "Alasan bila serapan di bawah ambang.",
        "Sebagian penerima tidak memenuhi kriteria.", required=False)


class Rekening(Row):
    kode_sub_kegiatan: Code = col("Kode Sub Kegiatan", "Sub kegiatan (sheet Sub Kegiatan).",
                                  "1.06.04.2.01.0001")
    kode_rekening: Optional[Code] = col("Kode Rekening", "Kode rekening belanja.",
                                        "5.1.02.01.01.0024", required=False)
    uraian: Line = col("Uraian", "Nama rekening.", "Belanja Perjalanan Dinas Biasa")
    jenis: choice(JenisBelanja) = col(
        "Jenis Belanja", "Kelompok belanja; Belanja Modal dihitung sebagai belanja modal, "
        "lainnya belanja operasi.", "Belanja Barang dan Jasa")
    pagu_sebelum: Optional[Money] = col(
        "Pagu Sebelum Perubahan", "Pagu DPA murni rekening ini (opsional).", 110160000,
        required=False)
    pagu: Money = col("Pagu", "Pagu setelah perubahan (DPPA).", 110160000)
    realisasi: Money = col("Realisasi", "Realisasi keuangan per 31 Desember.", 109829141)
    fisik: Percent = col("Fisik (%)", "Realisasi fisik 0-100.", 100)
    keterangan: Optional[Narrative] = col("Keterangan", "Catatan.", None, required=False)


# --- Narratives -----------------------------------------------------------------------

class AnalisisIndikator(Row):
    kode_indikator: Code = col("Kode Indikator", "Indikator (sheet Indikator).", "1.3")
    uraian: Optional[Narrative] = col("Uraian Capaian", "Penjelasan capaian indikator.",
                                      "Capaian didukung pelayanan rehabilitasi sosial.",
                                      required=False)
    perbandingan: Optional[Narrative] = col(
        "Perbandingan", "Penjelasan perbandingan dengan tahun-tahun sebelumnya (Tabel 3.3).",
        "Realisasi naik dibanding tahun lalu.", required=False)
    pendukung: Optional[Items] = col("Faktor Pendukung", "Satu butir per baris.",
                                     "Koordinasi yang baik", required=False)
    penghambat: Optional[Items] = col("Faktor Penghambat", "Satu butir per baris.",
                                      "Keterbatasan anggaran", required=False)
    upaya: Optional[Items] = col("Upaya", "Upaya yang telah dilakukan tahun ini; satu butir per "
                                 "baris.", "Menambah pekerja sosial", required=False)
    rencana: Optional[Items] = col(
        "Rencana Tindak Lanjut",
        "Opsional. Langkah yang direncanakan untuk tahun-tahun berikutnya, satu butir per baris: "
        "menjadi rekomendasi Bab IV, terutama untuk target yang belum tercapai.",
        "Mengusulkan tambahan kuota pemulangan pada APBD Perubahan", required=False)


class Narasi(Row):
    latar_belakang: Narrative = col("Latar Belakang", "Paragraf latar belakang (Bab I.A); "
                                    "pisahkan paragraf dengan baris baru.", "…")
    isu_strategis: Items = col("Isu Strategis", "Isu strategis Renstra, satu per baris.", "…")
    isu_tahunan: Optional[Items] = col("Isu Strategis Tahunan",
                                       "Isu yang ditangani tahun ini, satu per baris.", "…",
                                       required=False)
    landasan_hukum: Items = col("Landasan Hukum", "Peraturan, satu per baris.", "…")
    evaluasi: Narrative = col("Evaluasi Kinerja", "Paragraf Bab III.D.", "…")
    penutup: Optional[Narrative] = col("Penutup", "Paragraf tambahan Bab IV.", "…",
                                       required=False)


# --- Performance agreements -------------------------------------------------------------

class PerjanjianKinerja(Row):
    kode: Code = col("Kode", "Kode PK.", "PK-KADIS")
    jenis: choice(JenisPK) = col("Jenis", "Awal atau Perubahan: menentukan target IKU dan "
                                 "pagu yang dipakai.", "Awal")
    pihak_pertama: Code = col("Kode Pihak Pertama", "Pejabat yang berjanji (sheet Pejabat).",
                              "KADIS")
    pihak_kedua: Code = col("Kode Pihak Kedua", "Atasan langsung (sheet Pejabat).", "BUPATI")
    tempat: Line = col("Tempat", "Tempat penandatanganan.", "Sampit")
    tanggal: Date = col("Tanggal", "Tanggal penandatanganan.", "2024-01-06")


class PKIndikator(Row):
    kode_pk: Code = col("Kode PK", "PK (sheet Perjanjian Kinerja).", "PK-KADIS")
    bagian: choice(BagianPK) = col("Bagian", "Sasaran Strategis atau Sasaran Kegiatan.",
                                   "Sasaran Strategis")
    kode_indikator: Optional[Code] = col(
        "Kode Indikator", "Bila berisi IKU: sasaran, indikator dan target diambil dari IKU.",
        "1.1", required=False)
    sasaran: Optional[Narrative] = col("Sasaran", "Sasaran (bila bukan IKU).",
                                       "Terlaksananya administrasi keuangan", required=False)
    aspek: Optional[Line] = col("Aspek", "Kuantitas, Kualitas, dsb.", "Kuantitas", required=False)
    indikator: Optional[Line] = col("Indikator", "Indikator kinerja individu (bila bukan IKU).",
                                    "Persentase penyelesaian administrasi keuangan",
                                    required=False)
    target: Optional[Line] = col("Target", "Target seperti tertulis, mis. 90-100% atau 5 Laporan.",
                                 "90-100%", required=False)


class PKAnggaran(Row):
    kode_pk: Code = col("Kode PK", "PK (sheet Perjanjian Kinerja).", "PK-KADIS")
    kode_anggaran: Code = col("Kode Anggaran", "Kode program, kegiatan atau sub kegiatan; "
                              "jumlahnya dihitung dari sheet Rekening.", "1.06.02")
    sumber_dana: Line = col("Sumber Dana", "Keterangan sumber dana.", "APBD")


# --- Other ----------------------------------------------------------------------------

class SaranaPrasarana(Row):
    no: Order = col("No", "Urutan tampil.", 1)
    tingkat: Optional[Depth] = col(
        "Tingkat", "Opsional, untuk daftar yang memuat kelompok dan rinciannya (mis. Gedung dan "
        "Bangunan, lalu Bangunan Gedung dan Monumen). Kosong atau 1: barang atau kelompok "
        "teratas; 2: rincian dari baris tingkat 1 terdekat di atasnya (menurut urutan No); 3: "
        "rincian dari baris tingkat 2 di atasnya, dan seterusnya. JUMLAH tabel hanya menghitung "
        "baris tingkat 1, sehingga nilai kelompok dan rinciannya tidak terhitung dua kali.",
        2, required=False)
    uraian: Line = col("Uraian", "Jenis barang.", "Komputer")
    jumlah: Count = col("Jumlah", "Banyaknya.", 74)
    nilai: Money = col("Nilai", "Nilai perolehan (Rp).", 413894006)
    kondisi: Optional[Line] = col("Kondisi", "Kondisi barang.", "Baik", required=False)


class SkalaKategori(Row):
    urutan: Order = col("Urutan", "I, II, ... ditulis sebagai 1, 2, ...", 1)
    batas_bawah: Amount = col("Batas Bawah", "Capaian (%) terendah kategori ini "
                              "(kategori terakhir: 0).", 91)
    kategori: Line = col("Kategori", "Nama kategori.", "Sangat Tinggi")
    batas_atas: Optional[Amount] = col(
        "Batas Atas", "Opsional. Capaian tertinggi kategori ini seperti tertulis pada skala "
        "instansi, untuk Tabel 3.1 (mis. 90 pada Tinggi 76–90, 100 pada Sangat Tinggi 91–100). "
        "Kosong: dari batas bawah kategori di atasnya. Kategori tetap ditentukan oleh Batas "
        "Bawah: capaian 90,50 termasuk Tinggi.", 90, required=False)


class SkalaKualitatif(Row):
    skala: Line = col("Skala", "Nama skala, dirujuk kolom Skala Kualitatif sheet Indikator.",
                      "Predikat SAKIP")
    tingkat: Line = col("Tingkat", "Satu tingkat skala, mis. AA, A, BB, WTP.", "BB")
    nilai: Amount = col("Nilai", "Nilai tingkat ini. Polaritas indikator berlaku pada nilai: "
                        "Naik (makin besar makin baik) capaian = nilai(realisasi) / nilai(target) "
                        "x 100; Turun (makin kecil makin baik, mis. tingkat risiko) capaian = "
                        "(2 x nilai(target) - nilai(realisasi)) / nilai(target) x 100, paling "
                        "kecil 0.", 5)


class Pembanding(RangeRow):
    kode_indikator: Code = col("Kode Indikator", "Indikator (sheet Indikator) yang dibandingkan.",
                               "1.1")
    tahun: Optional[Year] = col("Tahun", "Opsional. Tahun angka pembanding; kosong: tahun laporan.",
                                2024, required=False)
    tingkat: choice(TingkatPembanding) = col(
        "Tingkat", "Nasional, Provinsi, Kabupaten/Kota, Standar Pelayanan Minimal atau Lainnya.",
        "Nasional")
    jenis: Optional[choice(JenisPembanding)] = col(
        "Jenis", "Opsional. Target (bawaan): target yang ditetapkan pihak lain, mis. target "
        "RPJMN; Realisasi: angka yang dicapai pihak lain, mis. rata-rata nasional.", "Target",
        required=False)
    nilai: Target = col("Nilai", "Angka pembanding dalam satuan indikator: angka, rentang "
                        "(90-100) atau tingkat skala kualitatif.", 183)
    sumber: Line = col("Sumber", "Dokumen sumber angka pembanding (wajib, dikutip di draf).",
                       "Peraturan Presiden Nomor 18 Tahun 2020 tentang RPJMN 2020-2024")
    keterangan: Optional[Narrative] = col(
        "Keterangan", "Opsional. Catatan, mis. perbedaan definisi indikator nasional.",
        "Target nasional diukur pada anak usia 12-23 bulan.", required=False)
    nilai_batas_atas: Optional[Amount] = upper("Nilai")


class PorsiAnggaran(Row):
    kode_sub_kegiatan: Code = col("Kode Sub Kegiatan", "Sub kegiatan (sheet Sub Kegiatan) yang "
                                  "Kode Indikator-nya kosong.", "1.02.02.2.02.0001")
    kode_indikator: Code = col("Kode Indikator", "IKU yang didukung (sheet Indikator).", "1.1")
    porsi: Percent = col("Porsi (%)", "Bagian anggaran sub kegiatan untuk IKU ini; jumlah per "
                         "sub kegiatan 100.", 60)


class Dokumentasi(Row):
    no: Order = col("No", "Urutan tampil.", 1)
    kode_indikator: Optional[Code] = col("Kode Indikator", "IKU yang didokumentasikan.", "1.3",
                                         required=False)
    keterangan: Narrative = col("Keterangan", "Keterangan foto kegiatan.",
                                "Penyaluran bantuan alat bantu")
    berkas: Optional[Line] = col("Berkas Foto", "Nama berkas foto (PNG/JPEG) di folder yang "
                                 "sama dengan workbook.", "foto_1.jpg", required=False)


# --- The whole workbook --------------------------------------------------------------------

class InputWorkbook(BaseModel):
    """Everything the report needs, validated. `columns` locates fields for review notes."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    instansi: Instansi
    pejabat: list[Pejabat]
    unit_organisasi: list[UnitOrganisasi]
    pegawai_jabatan: list[PegawaiJabatan]
    pegawai_pendidikan: list[PegawaiPendidikan]
    pegawai_golongan: list[PegawaiGolongan]
    misi: list[Misi]
    tujuan: list[Tujuan]
    sasaran: list[Sasaran]
    indikator: list[Indikator]
    target_renstra: list[TargetRenstra]
    kinerja_indikator: list[KinerjaIndikator]
    kinerja_tahun_lalu: list[KinerjaTahunLalu]
    urusan: list[Urusan]
    program: list[Program]
    kegiatan: list[Kegiatan]
    sub_kegiatan: list[SubKegiatan]
    indikator_program: list[IndikatorProgram] = []
    rekening: list[Rekening]
    analisis_indikator: list[AnalisisIndikator]
    narasi: Narasi
    perjanjian_kinerja: list[PerjanjianKinerja]
    pk_indikator: list[PKIndikator]
    pk_anggaran: list[PKAnggaran]
    sarana_prasarana: list[SaranaPrasarana]
    skala_kategori: list[SkalaKategori]
    dokumentasi: list[Dokumentasi] = []
    skala_kualitatif: list[SkalaKualitatif] = []
    porsi_anggaran: list[PorsiAnggaran] = []
    pembanding: list[Pembanding] = []
    columns: dict[str, dict[str, str]] = Field(default_factory=dict)
    """Sheet name -> field name -> column letter, as found in the workbook."""
    key_rows: dict[str, dict[str, int]] = Field(default_factory=dict)
    """Key-value sheets: sheet name -> field name -> the row of its key."""
    notices: list[Notice] = Field(default_factory=list)
    """What the reader did that the user should know (hidden sheets or rows read)."""
    gambar: dict[str, Picture] = Field(default_factory=dict)
    """Picture slot -> the picture read from beside the workbook (workbook/pictures.py)."""
