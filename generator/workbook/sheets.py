"""The sheets of the input workbook, in order: name, model and what each holds.

This registry is the single description of the workbook format: the reader, the
validator, the sample builder, the dump command and docs/workbook.md all read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import models as m


@dataclass(frozen=True)
class SheetSpec:
    name: str
    model: type[m.Row]
    attr: str
    description: str
    keyvalue: bool = False
    key_header: str = "Kunci"
    value_header: str = "Nilai"
    required: bool = True
    min_rows: int = 1

    @property
    def slug(self) -> str:
        return self.attr

    def fields(self) -> list[tuple[str, Any]]:
        """(field name, FieldInfo) for the columns or keys, in order."""
        return [(name, info) for name, info in self.model.model_fields.items()
                if info.alias is not None]

    def headers(self) -> list[str]:
        if self.keyvalue:
            return [self.key_header, self.value_header]
        return [info.alias for _, info in self.fields()]

    def alias_of(self, field_name: str) -> str:
        return self.model.model_fields[field_name].alias

    def is_required(self, field_name: str) -> bool:
        return self.model.model_fields[field_name].is_required()


SHEETS: list[SheetSpec] = [
    SheetSpec("Instansi", m.Instansi, "instansi",
              "Identitas instansi, tahun laporan, penanda tangan dan pengaturan.",
              keyvalue=True),
    SheetSpec("Pejabat", m.Pejabat, "pejabat",
              "Pejabat yang disebut dalam laporan: penanda tangan dan para pihak PK."),
    SheetSpec("Unit Organisasi", m.UnitOrganisasi, "unit_organisasi",
              "Unit organisasi dengan tugas pokok, fungsi dan uraian tugas (Bab I.C)."),
    SheetSpec("Pegawai Jabatan", m.PegawaiJabatan, "pegawai_jabatan",
              "Jumlah pegawai per jabatan dan status (Tabel 1.1). Opsional: tanpa sheet ini "
              "tabelnya diganti satu kalimat dan nomor tabel berikutnya bergeser.",
              required=False, min_rows=0),
    SheetSpec("Pegawai Pendidikan", m.PegawaiPendidikan, "pegawai_pendidikan",
              "Jumlah pegawai per jenjang pendidikan (Tabel 1.2). Opsional, seperti Pegawai "
              "Jabatan.", required=False, min_rows=0),
    SheetSpec("Pegawai Golongan", m.PegawaiGolongan, "pegawai_golongan",
              "Jumlah PNS per pangkat/golongan (Tabel 1.3). Opsional, seperti Pegawai Jabatan.",
              required=False, min_rows=0),
    SheetSpec("Misi", m.Misi, "misi", "Misi kepala daerah (Bab II.A)."),
    SheetSpec("Tujuan", m.Tujuan, "tujuan", "Tujuan Renstra."),
    SheetSpec("Sasaran", m.Sasaran, "sasaran", "Sasaran strategis, masing-masing di bawah satu tujuan."),
    SheetSpec("Indikator", m.Indikator, "indikator",
              "Indikator kinerja utama (IKU): definisi, rumus, sumber data, polaritas."),
    SheetSpec("Target Renstra", m.TargetRenstra, "target_renstra",
              "Target Renstra per indikator per tahun (Tabel 2.1, 3.4)."),
    SheetSpec("Kinerja Indikator", m.KinerjaIndikator, "kinerja_indikator",
              "Target RKT/PK dan realisasi tahun laporan, satu baris per indikator."),
    SheetSpec("Kinerja Tahun Lalu", m.KinerjaTahunLalu, "kinerja_tahun_lalu",
              "Target dan realisasi tahun-tahun sebelumnya (Tabel 3.3).", min_rows=0, required=False),
    SheetSpec("Pembanding", m.Pembanding, "pembanding",
              "Angka pembanding (benchmark) indikator: target nasional, provinsi, standar "
              "pelayanan minimal atau realisasi instansi lain, dengan sumbernya. Opsional: "
              "dipakai di Bab III (perbandingan dengan pembanding) dan di pemeriksaan kesiapan "
              "evaluasi.", required=False, min_rows=0),
    SheetSpec("Urusan", m.Urusan, "urusan", "Urusan pemerintahan."),
    SheetSpec("Program", m.Program, "program", "Program, dengan IKU yang menjadi ukuran hasilnya."),
    SheetSpec("Kegiatan", m.Kegiatan, "kegiatan", "Kegiatan dengan indikator keluaran."),
    SheetSpec("Sub Kegiatan", m.SubKegiatan, "sub_kegiatan",
              "Sub kegiatan: indikator keluaran, IKU yang didukung, penjelasan serapan."),
    SheetSpec("Indikator Program", m.IndikatorProgram, "indikator_program",
              "Indikator hasil program dan indikator keluaran kegiatan, satu baris per "
              "indikator: sebuah program atau kegiatan boleh punya beberapa, masing-masing "
              "dengan target, realisasi dan capaiannya sendiri (Tabel 2.6, 3.6, 3.9). Opsional.",
              required=False, min_rows=0),
    SheetSpec("Rekening", m.Rekening, "rekening",
              "Anggaran per rekening: pagu, realisasi dan fisik (Tabel 1.1 lampiran)."),
    SheetSpec("Analisis Indikator", m.AnalisisIndikator, "analisis_indikator",
              "Analisis per indikator: uraian, perbandingan, faktor pendukung/penghambat, upaya.",
              min_rows=0, required=False),
    SheetSpec("Narasi", m.Narasi, "narasi", "Teks khusus instansi per bagian laporan.",
              keyvalue=True, key_header="Bagian", value_header="Teks"),
    SheetSpec("Perjanjian Kinerja", m.PerjanjianKinerja, "perjanjian_kinerja",
              "Perjanjian kinerja setiap pejabat (lampiran)."),
    SheetSpec("PK Indikator", m.PKIndikator, "pk_indikator",
              "Sasaran, indikator dan target setiap PK."),
    SheetSpec("PK Anggaran", m.PKAnggaran, "pk_anggaran",
              "Program/kegiatan/sub kegiatan yang dianggarkan pada setiap PK.", min_rows=0, required=False),
    SheetSpec("Sarana Prasarana", m.SaranaPrasarana, "sarana_prasarana",
              "Sarana dan prasarana (lampiran).", min_rows=0, required=False),
    SheetSpec("Skala Kategori", m.SkalaKategori, "skala_kategori",
              "Skala kategori capaian (Tabel 3.1), dari kategori tertinggi."),
    SheetSpec("Skala Kualitatif", m.SkalaKualitatif, "skala_kualitatif",
              "Skala ordinal indikator kualitatif (predikat AA..D, opini WTP..TMP) dengan nilai "
              "tiap tingkat. Opsional.", required=False, min_rows=0),
    SheetSpec("Porsi Anggaran", m.PorsiAnggaran, "porsi_anggaran",
              "Pembagian anggaran sub kegiatan ke beberapa IKU (Tabel 3.8). Opsional.",
              required=False, min_rows=0),
    SheetSpec("Dokumentasi", m.Dokumentasi, "dokumentasi",
              "Keterangan dokumentasi kegiatan (lampiran) dan berkas fotonya (kolom Berkas Foto).",
              required=False, min_rows=0),
]

SHEET_BY_NAME = {spec.name: spec for spec in SHEETS}
SHEET_ORDER = [spec.name for spec in SHEETS]


def spec_for(attr: str) -> SheetSpec:
    for spec in SHEETS:
        if spec.attr == attr:
            return spec
    raise KeyError(attr)
