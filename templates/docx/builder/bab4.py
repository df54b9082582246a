"""BAB IV Penutup."""

from __future__ import annotations

from base import (
    heading, items, lead_in, para, paragraphs, runs, signature, tag,
)


# --- BAB IV -------------------------------------------------------------------------------------------

def bab4(doc):
    heading(doc, "BAB IV PENUTUP", 1, page_break_before=True)
    para(doc, "Laporan Kinerja {{ info.nama_lengkap }} Tahun {{ info.tahun }} merupakan "
              "pertanggungjawaban tertulis atas penyelenggaraan tugas dan fungsi selama tahun "
              "{{ info.tahun }}, sekaligus pemenuhan amanat Peraturan Presiden Nomor 29 Tahun 2014 "
              "tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah.")
    para(doc, "Pada Tahun {{ info.tahun }} ditetapkan {{ bab4.jumlah_sasaran }} sasaran strategis "
              "dengan {{ bab4.jumlah_indikator_sasaran }} indikator kinerja utama"
              "{% if bab4.jumlah_indikator_tujuan %} serta {{ bab4.jumlah_indikator_tujuan }} "
              "indikator kinerja utama tingkat tujuan{% endif %} sesuai Rencana Kerja "
              "Tahunan dan Perjanjian Kinerja. Pencapaiannya secara ringkas adalah sebagai berikut:")
    tag(doc, "{%p for s in bab4.sasaran %}")
    runs(doc, [("{{ s.judul }}", {"bold": True}), "{{ s.ringkas }}"],
         style="Body Text")
    items(doc, "s.indikator")
    tag(doc, "{%p endfor %}")
    para(doc, "Untuk mencapai target tersebut, {{ info.nama_lengkap }} mengelola anggaran "
              "{{ istilah.apb }} Tahun {{ info.tahun }} sebesar {{ bab4.rp_pagu }} dengan realisasi "
              "{{ bab4.rp_realisasi }}, sehingga serapan anggaran sebesar {{ bab4.serapan }} dan "
              "efisiensi anggaran (sisa anggaran, 100% dikurangi serapan) sebesar "
              "{{ bab4.efisiensi_anggaran }}.")
    # recommendations for the years ahead, from the workbook's planned steps: every target
    # missed or weak first (why, then the steps), then the steps planned for the others
    tag(doc, "{%p if bab4.rekomendasi or bab4.rekomendasi_lain %}")
    para(doc, "Langkah perbaikan untuk tahun-tahun berikutnya", style="Normal", bold=True,
         keep_next=True)
    tag(doc, "{%p if bab4.rekomendasi %}")
    lead_in(doc, "Target yang belum tercapai atau capaiannya belum optimal, beserta langkah yang "
                 "direncanakan untuk memperbaikinya:")
    tag(doc, "{%p for r in bab4.rekomendasi %}")
    runs(doc, [("{{ r.judul }}", {"bold": True}), " ({{ r.alasan }}):"],
         style="Body Text").paragraph_format.keep_with_next = True
    items(doc, "r.butir")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if bab4.rekomendasi_lain %}")
    lead_in(doc, "{% if bab4.rekomendasi %}Langkah lain yang direncanakan untuk mempertahankan "
                 "capaian:{% else %}Seluruh target tercapai pada kategori tertinggi. Langkah "
                 "yang direncanakan untuk mempertahankan capaian:{% endif %}")
    tag(doc, "{%p for r in bab4.rekomendasi_lain %}")
    runs(doc, [("{{ r.judul }}", {"bold": True}), ":"],
         style="Body Text").paragraph_format.keep_with_next = True
    items(doc, "r.butir")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endif %}")
    paragraphs(doc, "bab4.penutup")
    # the closing wish only where the agency wrote no closing text of its own (it would
    # say the same thing twice)
    tag(doc, "{%p if not bab4.penutup %}")
    para(doc, "Semoga laporan ini memberikan gambaran yang utuh tentang kinerja "
              "{{ info.nama_lengkap }} kepada para pemangku kepentingan dan menjadi bahan perbaikan "
              "pada tahun-tahun berikutnya.")
    tag(doc, "{%p endif %}")
    para(doc, "", style="Normal")
    signature(doc)
