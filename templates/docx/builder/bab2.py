"""BAB II Perencanaan Kinerja."""

from __future__ import annotations

from base import (
    SHADE_GROUP, Table, budget_rows, caption, heading, para, tag,
)


# --- BAB II ------------------------------------------------------------------------------------------

def tabel_renstra(doc, data, small=False):
    """Tujuan / sasaran / indikator with a Renstra target per year (Tabel 2.1, T.C-25)."""
    t = Table(doc, [0.8, 2.8, 2.8, 3.3, 0.01, 1.05, 0.01], small=small)
    t.head(["NO", "TUJUAN", "SASARAN", "INDIKATOR KINERJA", "{%tc for y in " + data + ".tahun %}",
            "{{ y }}", "{%tc endfor %}"])
    t.tag("{%tr for g in " + data + ".kelompok %}")
    t.tag("{%tr for i in g.indikator %}")
    t.row(["{% vm %}{{ g.no }}", "{% vm %}{{ g.tujuan }}", "{% vm %}{{ g.sasaran }}",
           "{{ i.kode }} {{ i.nama }}", "{%tc for v in i.target %}", "{{ v }}", "{%tc endfor %}"],
          aligns=["c", None, None, None, "c", "c", "c"])
    t.tag("{%tr endfor %}")
    t.tag("{%tr endfor %}")
    return t


def bab2(doc):
    heading(doc, "BAB II PERENCANAAN KINERJA", 1, page_break_before=True)
    heading(doc, "A. Rencana Strategis", 2)
    para(doc, "Rencana Strategis (Renstra) {{ info.nama_lengkap }} periode {{ info.periode_renstra }} "
              "menjabarkan visi dan misi kepala daerah ke dalam tujuan, sasaran, strategi, kebijakan, "
              "program dan kegiatan perangkat daerah. Renstra disusun selaras dengan Rencana "
              "Pembangunan Jangka Menengah Daerah (RPJMD) dan menjadi acuan Rencana Kerja "
              "tahunan.")
    tag(doc, "{%p if bab2.dasar_renstra %}")
    para(doc, "Renstra tersebut ditetapkan dengan {{ bab2.dasar_renstra }}.")
    tag(doc, "{%p endif %}")

    heading(doc, "1. Visi", 3)
    para(doc, "Visi adalah gambaran kondisi ideal yang ingin diwujudkan pada akhir periode "
              "perencanaan. Visi kepala daerah periode {{ info.periode_renstra }} adalah:")
    para(doc, "“{{ bab2.visi }}”", style="Rumus", bold=True)

    heading(doc, "2. Misi", 3)
    para(doc, "Untuk mewujudkan visi tersebut ditetapkan misi sebagai berikut:")
    tag(doc, "{%p for m in bab2.misi %}")
    tag(doc, "{%p if m.didukung %}")
    p = doc.add_paragraph(style="Daftar Lebar")
    p.add_run("{{ m.no }}")
    p.add_run("\t")
    r = p.add_run("{{ m.misi }} (didukung {{ info.nama_instansi }})")
    r.bold = True
    tag(doc, "{%p else %}")
    p = doc.add_paragraph(style="Daftar Lebar")
    p.add_run("{{ m.no }}")
    p.add_run("\t")
    p.add_run("{{ m.misi }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if bab2.misi_didukung_teks %}")
    para(doc, "Dalam penyelenggaraan tugasnya, {{ info.nama_instansi }} mendukung "
              "{{ bab2.misi_didukung_teks }}.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if bab2.sasaran_daerah %}")
    para(doc, "Sasaran strategis daerah yang didukung secara langsung adalah "
              "“{{ bab2.sasaran_daerah }}”.")
    tag(doc, "{%p endif %}")

    heading(doc, "3. Tujuan dan Sasaran", 3)
    para(doc, "Tujuan adalah hasil yang akan dicapai dalam kurun waktu satu sampai lima tahun, "
              "dirumuskan dari visi, misi dan isu strategis. Sasaran adalah hasil yang lebih "
              "spesifik dan terukur yang dicapai secara bertahap setiap tahun. Renstra menetapkan "
              "{{ bab2.jumlah_tujuan }} tujuan dan {{ bab2.jumlah_sasaran }} sasaran strategis "
              "dengan indikator dan target sebagai berikut.")
    caption(doc, key="tabel_renstra", title="Tujuan, Sasaran, Indikator dan Target Kinerja Renstra "
                 "{{ info.periode_renstra }}")
    tabel_renstra(doc, "bab2.renstra", small=True)
    para(doc, "Sumber: Renstra {{ info.nama_lengkap }} periode {{ info.periode_renstra }}",
         style="Catatan Tabel")

    heading(doc, "4. Indikator Kinerja Utama", 3)
    para(doc, "Indikator Kinerja Utama (IKU) merupakan ukuran keberhasilan tujuan dan sasaran "
              "strategis perangkat daerah. IKU {{ info.nama_lengkap }} Tahun {{ info.tahun }} "
              "beserta definisi, cara perhitungan dan sumber datanya adalah sebagai berikut.")
    caption(doc, key="tabel_iku", title="Indikator Kinerja Utama {{ info.nama_lengkap }}")
    t = Table(doc, [0.7, 2.4, 1.0, 2.8, 1.2, 3.0, 3.1, 1.8], small=True)
    t.head(["NO", "SASARAN STRATEGIS", "KODE", "INDIKATOR KINERJA", "SATUAN",
            "DEFINISI OPERASIONAL", "FORMULA", "SUMBER DATA"])
    t.tag("{%tr for g in bab2.iku %}")
    t.tag("{%tr for i in g.indikator %}")
    t.row(["{% vm %}{{ g.no }}", "{% vm %}{{ g.sasaran }}", "{{ i.kode }}", "{{ i.nama }}",
           "{{ i.satuan }}", "{{ i.definisi }}", "{{ i.formula }}", "{{ i.sumber }}"],
          aligns=["c", None, "c", None, "c", None, None, None])
    t.tag("{%tr endfor %}")
    t.tag("{%tr endfor %}")

    heading(doc, "B. Rencana Kinerja Tahun {{ info.tahun }}", 2)
    para(doc, "Rencana Kinerja Tahunan (RKT) menjabarkan tujuan, sasaran dan program Renstra "
              "ke dalam target yang hendak dicapai dalam satu tahun melalui kegiatan tahunan. "
              "RKT Tahun {{ info.tahun }} dimuat dalam Rencana Kerja (Renja) perangkat daerah "
              "sebagai berikut.")
    caption(doc, key="tabel_rkt", title="Rencana Kerja Tahun {{ info.tahun }} {{ info.nama_lengkap }}")
    t = Table(doc, [0.9, 3.3, 3.3, 4.7, 1.8, 2.0])
    t.head(["NO", "TUJUAN", "SASARAN", "INDIKATOR KINERJA", "SATUAN", "TARGET {{ info.tahun }}"])
    t.tag("{%tr for g in bab2.rkt %}")
    t.tag("{%tr for i in g.indikator %}")
    t.row(["{% vm %}{{ g.no }}", "{% vm %}{{ g.tujuan }}", "{% vm %}{{ g.sasaran }}",
           "{{ i.kode }} {{ i.nama }}", "{{ i.satuan }}", "{{ i.target }}"],
          aligns=["c", None, None, None, "c", "c"])
    t.tag("{%tr endfor %}")
    t.tag("{%tr endfor %}")
    para(doc, "Sumber: Rencana Kerja {{ info.nama_lengkap }} Tahun {{ info.tahun }}",
         style="Catatan Tabel")

    heading(doc, "C. Perjanjian Kinerja Tahun {{ info.tahun }}", 2)
    para(doc, "Perjanjian Kinerja (PK) adalah pernyataan komitmen pimpinan untuk mewujudkan target "
              "kinerja dalam satu tahun sesuai sumber daya yang tersedia. PK Tahun {{ info.tahun }} "
              "disusun dengan mengacu pada Renstra, Renja dan Dokumen Pelaksanaan Anggaran (DPA) "
              "Tahun {{ info.tahun }}.")
    tag(doc, "{%p if bab2.pk_tanggal %}")
    para(doc, "Perjanjian Kinerja {{ info.ttd.jabatan }} ditandatangani pada tanggal "
              "{{ bab2.pk_tanggal }} dengan target sebagai berikut.")
    tag(doc, "{%p endif %}")
    caption(doc, key="tabel_pk", title="Perjanjian Kinerja {{ info.nama_lengkap }} Tahun {{ info.tahun }}")
    t = Table(doc, [0.9, 4.5, 1.2, 6.9, 2.5])
    t.head(["NO", "SASARAN", "KODE", "INDIKATOR KINERJA", "TARGET {{ info.tahun }}"])
    t.tag("{%tr for g in bab2.pk %}")
    t.tag("{%tr for i in g.indikator %}")
    t.row(["{% vm %}{{ g.no }}", "{% vm %}{{ g.sasaran }}", "{{ i.kode }}", "{{ i.nama }}",
           "{{ i.target_awal }}"], aligns=["c", None, "c", None, "c"])
    t.tag("{%tr endfor %}")
    t.tag("{%tr endfor %}")
    para(doc, "Sumber: Perjanjian Kinerja {{ info.nama_lengkap }} Tahun {{ info.tahun }}",
         style="Catatan Tabel")

    para(doc, "Perjanjian Kinerja dapat direvisi apabila terjadi perubahan strategi yang "
              "memengaruhi pencapaian tujuan dan sasaran (perubahan program, kegiatan atau alokasi "
              "anggaran), atau perubahan prioritas dan asumsi yang berdampak signifikan terhadap "
              "pencapaian tujuan dan sasaran.")
    # Tabel 2.5 only where a PK perubahan exists (the core decides); otherwise one sentence.
    tag(doc, "{%p if ada.tabel_pk_perubahan %}")
    para(doc, "Pada Tahun {{ info.tahun }} dilakukan perubahan Perjanjian Kinerja seiring perubahan "
              "anggaran, dengan target sebagaimana Tabel {{ no.tabel_pk_perubahan }}. Target "
              "inilah yang menjadi dasar pengukuran capaian pada Bab III.")
    caption(doc, key="tabel_pk_perubahan", title="Perubahan Perjanjian Kinerja Tahun {{ info.tahun }}")
    t = Table(doc, [0.9, 4.0, 1.2, 5.8, 2.1, 2.0])
    t.head(["NO", "SASARAN", "KODE", "INDIKATOR KINERJA", "TARGET {{ info.tahun }} (PERUBAHAN)",
            "KETERANGAN"])
    t.tag("{%tr for g in bab2.pk %}")
    t.tag("{%tr for i in g.indikator %}")
    t.row(["{% vm %}{{ g.no }}", "{% vm %}{{ g.sasaran }}", "{{ i.kode }}", "{{ i.nama }}",
           "{{ i.target_perubahan }}", "{{ i.keterangan }}"],
          aligns=["c", None, "c", None, "c", "c"])
    t.tag("{%tr endfor %}")
    t.tag("{%tr endfor %}")
    tag(doc, "{%p else %}")
    para(doc, "Pada Tahun {{ info.tahun }} Perjanjian Kinerja tidak mengalami perubahan, sehingga "
              "target pada Tabel {{ no.tabel_pk }} tetap menjadi dasar pengukuran capaian pada "
              "Bab III.")
    tag(doc, "{%p endif %}")

    para(doc, "Untuk mencapai target kinerja tersebut dilaksanakan program, kegiatan dan sub "
              "kegiatan sesuai Dokumen Pelaksanaan Anggaran (DPA) sebagai berikut.")
    caption(doc, key="tabel_program", title="Program, Kegiatan dan Sub Kegiatan {{ info.nama_lengkap }} Tahun "
                 "{{ info.tahun }}")
    t = Table(doc, [6.2, 5.4, 1.6, 2.8], small=True)
    t.head(["PROGRAM / KEGIATAN / SUB KEGIATAN", "INDIKATOR KINERJA", "TARGET",
            "ANGGARAN (SESUDAH PERUBAHAN) (Rp)"])
    t.numbers()
    budget_rows(t, "bab2.program",
                ["{{ r.uraian }}", "{{ r.indikator }}", "{{ r.target }}", "{{ r.pagu }}"],
                aligns=[None, None, "c", "r"])
    t.row(["JUMLAH BELANJA", "", "", "{{ bab2.jumlah_pagu }}"], bold=True, shade=SHADE_GROUP,
          aligns=[None, None, "c", "r"])
    para(doc, "Sumber: DPA/DPPA {{ info.nama_lengkap }} Tahun {{ info.tahun }}",
         style="Catatan Tabel")
    tag(doc, "{%p if bab2.program_catatan %}")
    para(doc, "{{ bab2.program_catatan }}", style="Catatan Tabel")
    tag(doc, "{%p endif %}")
