"""The names a Word template may use: each namespace of the render context (`info`,
`bab3`, ...) and its keys, as `build_context` gives them for any workbook.

The template check (generator/render/templates.py: `lkjip templates check`, `generate
--templates`, `serve --templates`) looks an edited template's tags up here, so it does not
build the sample workbook's context on every run. The table below is written by
`python tools/context_names.py` from the sample's context; tests/render/
test_context_names.py checks it against the context of the three samples, so a key added
to a context builder fails that test until the table is written again.
"""

from __future__ import annotations


def names_of(context: dict) -> dict[str, tuple[str, ...]]:
    """Each namespace of a render context and its keys (sorted); () for a namespace that is
    not a mapping."""
    return {space: tuple(sorted(value)) if isinstance(value, dict) else ()
            for space, value in context.items()}


# --- generated: begin (python tools/context_names.py)
NAMES: dict[str, tuple[str, ...]] = {
    'info': (
        'bulan_tahun', 'induk', 'induk_baris', 'induk_upper', 'nama_instansi',
        'nama_lengkap', 'nama_lengkap_upper', 'nama_pemda', 'pemda_upper',
        'periode_renstra', 'renstra_akhir', 'tahun', 'tanggal', 'tempat', 'ttd',
    ),
    'no': (
        'gambar_capaian', 'gambar_serapan', 'gambar_struktur', 'tabel_analisis',
        'tabel_anggaran', 'tabel_capaian', 'tabel_dukungan', 'tabel_efisiensi',
        'tabel_efisiensi_program', 'tabel_golongan', 'tabel_iku', 'tabel_jabatan',
        'tabel_kemajuan', 'tabel_keuangan', 'tabel_pembanding', 'tabel_pendidikan',
        'tabel_perbandingan', 'tabel_pk', 'tabel_pk_perubahan', 'tabel_program',
        'tabel_renstra', 'tabel_rkt', 'tabel_rkt_lampiran', 'tabel_sarana', 'tabel_skala',
    ),
    'urut': (
        'gambar_capaian', 'gambar_serapan', 'gambar_struktur', 'tabel_analisis',
        'tabel_anggaran', 'tabel_capaian', 'tabel_dukungan', 'tabel_efisiensi',
        'tabel_efisiensi_program', 'tabel_golongan', 'tabel_iku', 'tabel_jabatan',
        'tabel_kemajuan', 'tabel_keuangan', 'tabel_pembanding', 'tabel_pendidikan',
        'tabel_perbandingan', 'tabel_pk', 'tabel_pk_perubahan', 'tabel_program',
        'tabel_renstra', 'tabel_rkt', 'tabel_rkt_lampiran', 'tabel_sarana', 'tabel_skala',
    ),
    'ada': (
        'gambar_capaian', 'gambar_serapan', 'gambar_struktur', 'tabel_analisis',
        'tabel_anggaran', 'tabel_capaian', 'tabel_dukungan', 'tabel_efisiensi',
        'tabel_efisiensi_program', 'tabel_golongan', 'tabel_iku', 'tabel_jabatan',
        'tabel_kemajuan', 'tabel_keuangan', 'tabel_pembanding', 'tabel_pendidikan',
        'tabel_perbandingan', 'tabel_pk', 'tabel_pk_perubahan', 'tabel_program',
        'tabel_renstra', 'tabel_rkt', 'tabel_rkt_lampiran', 'tabel_sarana', 'tabel_skala',
    ),
    'istilah': (
        'apb', 'apb_panjang', 'dpa', 'dpa_panjang', 'jenis', 'pembanding', 'pemerintah',
        'pimpinan', 'pusat', 'renstra_acuan', 'rpjm', 'rpjm_panjang', 'sasaran_atas',
    ),
    'sampul': (
        'induk', 'kontak', 'logo', 'nama_instansi', 'nama_pemda',
    ),
    'depan': (
        'dua_jenis', 'efisiensi_anggaran', 'jenis_tunggal', 'jumlah_indikator',
        'jumlah_indikator_sasaran', 'jumlah_indikator_tujuan', 'jumlah_sasaran',
        'kalimat_target', 'kategori', 'pagu', 'pagu_modal', 'pagu_operasi', 'rata_capaian',
        'rata_indikator', 'realisasi', 'realisasi_modal', 'realisasi_operasi', 'sebaran',
        'serapan',
    ),
    'bab1': (
        'bagan', 'dasar_organisasi', 'isu_strategis', 'isu_tahunan', 'landasan_hukum',
        'latar_belakang', 'pegawai', 'unit',
    ),
    'bab2': (
        'dasar_renstra', 'iku', 'jumlah_pagu', 'jumlah_sasaran', 'jumlah_tujuan', 'misi',
        'misi_didukung', 'misi_didukung_teks', 'pk', 'pk_tanggal', 'program',
        'program_catatan', 'renstra', 'rkt', 'sasaran_daerah', 'visi',
    ),
    'bab3': (
        'ambang', 'anggaran', 'anggaran_catatan', 'dukungan', 'dukungan_catatan',
        'efisiensi', 'efisiensi_analisis', 'efisiensi_catatan', 'efisiensi_program',
        'efisiensi_program_catatan', 'efisiensi_simpulan', 'evaluasi', 'grafik_capaian',
        'grafik_serapan', 'iku', 'indikator', 'kemajuan', 'keuangan', 'pembanding',
        'program_per_sasaran', 'riwayat', 'riwayat_tahun', 'sasaran', 'skala',
        'skala_catatan', 'status', 'total',
    ),
    'bab4': (
        'efisiensi_anggaran', 'jumlah_indikator', 'jumlah_indikator_sasaran',
        'jumlah_indikator_tujuan', 'jumlah_sasaran', 'penutup', 'rekomendasi',
        'rekomendasi_lain', 'rp_pagu', 'rp_realisasi', 'sasaran', 'serapan',
    ),
    'lampiran': (
        'dokumentasi', 'indikator_renstra', 'pk', 'realisasi', 'realisasi_catatan',
        'renstra', 'rkt', 'sarana', 'sarana_jumlah', 'sarana_nilai', 'total',
    ),
}
# --- generated: end
