"""Lampiran: PK statements, RKT, Renstra tables, Tabel 1.1, sarana, dokumentasi."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from base import (
    PORTRAIT_WIDTH, RIGHT, SHADE_GROUP, SHADE_HEADER, Table, budget_rows, caption,
    figure, heading, merge, new_section, no_borders, para, signature, tag,
    two_signatures,
)
from bab2 import tabel_renstra


# --- Lampiran -----------------------------------------------------------------------------------------

def identity(doc, rows, width=PORTRAIT_WIDTH):
    t = doc.add_table(rows=0, cols=3)
    no_borders(t)
    ws = (4.5, 0.5, width - 5.0)
    for gc, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), ws):
        gc.set(qn("w:w"), str(int(w * 567)))
    for label, value, bold in rows:
        cells = t.add_row().cells
        for cell, text, w in zip(cells, (label, ":", value), ws):
            cell.width = Cm(w)
            cell.paragraphs[0].style = "Normal"
            cell.paragraphs[0].paragraph_format.space_after = Pt(2)
            run = cell.paragraphs[0].add_run(text)
            if text == value and bold:
                run.bold = True
    return t


def pk_table(doc, loop, title, indikator_title):
    t = Table(doc, [1.0, 4.5, 1.8, 6.3, 2.4])
    t.head(["NO", title, "ASPEK", indikator_title, "TARGET {{ info.tahun }}"])
    t.numbers()
    t.tag("{%tr for g in " + loop + " %}")
    t.tag("{%tr for i in g.baris %}")
    t.row(["{% vm %}{{ g.no }}", "{% vm %}{{ g.sasaran }}", "{{ i.aspek }}", "{{ i.indikator }}",
           "{{ i.target }}"], aligns=["c", None, "c", None, "c"])
    t.tag("{%tr endfor %}")
    t.tag("{%tr endfor %}")


def lampiran(doc):
    heading(doc, "LAMPIRAN", 1, page_break_before=True)
    para(doc, "Lampiran laporan ini terdiri atas:")
    for no, text in (("A.", "Perjanjian Kinerja Tahun {{ info.tahun }};"),
                     ("B.", "Rencana Kinerja Tahunan Tahun {{ info.tahun }};"),
                     ("C.", "Tabel Renstra periode {{ info.periode_renstra }} (T.C-25 dan T.C-28);"),
                     ("D.", "Laporan Realisasi Keuangan dan Fisik APBD Tahun {{ info.tahun }};"),
                     ("E.", "Sarana dan Prasarana;"),
                     ("F.", "Dokumentasi Program/Kegiatan.")):
        p = doc.add_paragraph(style="Daftar")
        p.add_run(no)
        p.add_run("\t")
        p.add_run(text)

    # on the page of the list: every statement below starts a page of its own anyway
    heading(doc, "A. Perjanjian Kinerja", 2)
    para(doc, "Berikut Perjanjian Kinerja Tahun {{ info.tahun }} seluruh pejabat dan pegawai "
              "{{ info.nama_lengkap }}; setiap perjanjian dimulai pada halaman baru.")
    tag(doc, "{%p for pk in lampiran.pk %}")
    para(doc, "PERNYATAAN PERJANJIAN KINERJA TAHUN {{ info.tahun }}{{ pk.jenis_judul }}",
         style="Judul Lampiran", page_break_before=True)
    para(doc, "{{ info.nama_lengkap_upper }}", style="Judul Lampiran")
    para(doc, "", style="Normal")
    para(doc, "Untuk mewujudkan penyelenggaraan pemerintahan yang efektif, transparan, akuntabel "
              "dan berorientasi pada hasil, kami yang bertanda tangan di bawah ini:")
    identity(doc, [("Nama", "{{ pk.pertama.nama }}", True),
                   ("Jabatan", "{{ pk.pertama.jabatan }}", False)])
    para(doc, "selanjutnya disebut PIHAK PERTAMA;", style="Normal")
    identity(doc, [("Nama", "{{ pk.kedua.nama }}", True),
                   ("Jabatan", "{{ pk.kedua.jabatan }}", False)])
    para(doc, "selaku atasan langsung PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA.",
         style="Normal")
    para(doc, "PIHAK PERTAMA berjanji akan mewujudkan target kinerja tahunan sebagaimana "
              "tercantum dalam lampiran perjanjian ini, dalam rangka mencapai target kinerja "
              "jangka menengah yang ditetapkan dalam dokumen perencanaan. Tercapai atau tidaknya "
              "target tersebut menjadi tanggung jawab PIHAK PERTAMA.")
    para(doc, "PIHAK KEDUA akan melakukan supervisi yang diperlukan serta mengevaluasi capaian "
              "kinerja dari perjanjian ini, dan mengambil tindakan yang diperlukan dalam rangka "
              "pemberian penghargaan dan sanksi.")
    para(doc, "{{ pk.tempat }}, {{ pk.tanggal }}", style="Tanda Tangan", align=RIGHT)
    two_signatures(doc)

    para(doc, "PERJANJIAN KINERJA TAHUN {{ info.tahun }}{{ pk.jenis_judul }}", style="Judul Lampiran",
         page_break_before=True)
    para(doc, "{{ pk.pertama.jabatan_upper }}", style="Judul Lampiran")
    para(doc, "", style="Normal")
    identity(doc, [("Nama", "{{ pk.pertama.nama }}", True),
                   ("NIP", "{{ pk.pertama.nip }}", False),
                   ("Pangkat/Gol. Ruang", "{{ pk.pertama.pangkat_gol }}", False),
                   ("Jabatan", "{{ pk.pertama.jabatan }}", False),
                   ("Perangkat Daerah", "{{ info.nama_lengkap }}", False),
                   ("Tahun Anggaran", "{{ info.tahun }}", False)])
    tag(doc, "{%p if pk.strategis %}")
    caption(doc, "Sasaran Strategis")
    pk_table(doc, "pk.strategis", "SASARAN STRATEGIS", "INDIKATOR KINERJA")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if pk.kegiatan %}")
    caption(doc, "Sasaran Kegiatan")
    pk_table(doc, "pk.kegiatan", "SASARAN KEGIATAN", "INDIKATOR KINERJA INDIVIDU")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if pk.anggaran %}")
    caption(doc, "Anggaran")
    t = Table(doc, [1.0, 9.0, 3.8, 2.2])
    t.head(["NO", "PROGRAM / KEGIATAN / SUB KEGIATAN", "JUMLAH ANGGARAN (Rp)", "SUMBER DANA"])
    t.tag("{%tr for a in pk.anggaran %}")
    t.tag("{%tr if a.tingkat == 'program' %}")
    t.row(["{{ a.no }}", "{{ a.nama }}", "{{ a.jumlah }}", "{{ a.sumber }}"], bold=True,
          aligns=["c", None, "r", "c"])
    t.tag("{%tr elif a.tingkat == 'kegiatan' %}")
    t.row(["{{ a.no }}", "{{ a.nama }}", "{{ a.jumlah }}", "{{ a.sumber }}"],
          aligns=["c", None, "r", "c"], indent=(1, 0.3))
    t.tag("{%tr else %}")
    t.row(["{{ a.no }}", "{{ a.nama }}", "{{ a.jumlah }}", "{{ a.sumber }}"], italic=True,
          aligns=["c", None, "r", "c"], indent=(1, 0.6))
    t.tag("{%tr endif %}")
    t.tag("{%tr endfor %}")
    t.row(["", "JUMLAH", "{{ pk.jumlah_anggaran }}", ""], bold=True, shade=SHADE_GROUP,
          aligns=["c", None, "r", "c"])
    tag(doc, "{%p endif %}")
    para(doc, "", style="Normal")
    para(doc, "{{ pk.tempat }}, {{ pk.tanggal }}", style="Tanda Tangan", align=RIGHT)
    two_signatures(doc)
    tag(doc, "{%p endfor %}")

    heading(doc, "B. Rencana Kinerja Tahunan", 2, page_break_before=True)
    para(doc, "RENCANA KERJA TAHUNAN (RKT) TAHUN {{ info.tahun }}", style="Judul Lampiran")
    para(doc, "{{ info.nama_lengkap_upper }}", style="Judul Lampiran")
    caption(doc, key="tabel_rkt_lampiran", title="Rencana Kerja Tahunan {{ info.nama_lengkap }} Tahun {{ info.tahun }}")
    t = Table(doc, [0.9, 4.9, 1.2, 6.5, 2.5])
    t.head(["NO", "SASARAN", "KODE", "INDIKATOR KINERJA", "TARGET {{ info.tahun }}"])
    t.numbers()
    t.tag("{%tr for g in lampiran.rkt %}")
    t.tag("{%tr for i in g.indikator %}")
    t.row(["{% vm %}{{ g.no }}", "{% vm %}{{ g.sasaran }}", "{{ i.kode }}", "{{ i.nama }}",
           "{{ i.target }}"], aligns=["c", None, "c", None, "c"])
    t.tag("{%tr endfor %}")
    t.tag("{%tr endfor %}")
    para(doc, "", style="Normal")
    signature(doc)

    heading(doc, "C. Tabel Renstra", 2, page_break_before=True)
    caption(doc, "Tabel T.C-25 Tujuan dan Sasaran Jangka Menengah Pelayanan Perangkat Daerah")
    tabel_renstra(doc, "lampiran.renstra", small=True)
    caption(doc, "Tabel T.C-28 Indikator Kinerja Perangkat Daerah yang Mengacu pada Tujuan dan "
                 "Sasaran RPJMD (target capaian setiap tahun)")
    t = Table(doc, [0.8, 4.6, 1.7, 0.01, 1.1, 0.01, 1.7], small=True)
    t.head(["NO", "INDIKATOR", "KONDISI AWAL PERIODE", "{%tc for y in lampiran.renstra.tahun %}",
            "{{ y }}", "{%tc endfor %}", "KONDISI AKHIR PERIODE"])
    t.tag("{%tr for i in lampiran.indikator_renstra %}")
    t.row(["{{ i.no }}", "{{ i.kode }} {{ i.nama }}", "{{ i.kondisi_awal }}",
           "{%tc for v in i.target %}", "{{ v }}", "{%tc endfor %}", "{{ i.kondisi_akhir }}"],
          aligns=["c", None, "c", "c", "c", "c", "c"])
    t.tag("{%tr endfor %}")

    new_section(doc, landscape=True)
    heading(doc, "D. Laporan Realisasi Keuangan dan Fisik", 2)
    caption(doc, "Tabel 1.1 Laporan Realisasi Keuangan dan Fisik APBD (Perubahan) "
                 "{{ info.nama_lengkap }} per 31 Desember {{ info.tahun }}")
    money, pct = 1.95, 1.0
    t = Table(doc, [5.9, money, money, money, money, pct, pct, money, pct, pct, money, pct, pct,
                    1.9], small=True)
    t.row(["PROGRAM / KEGIATAN / SUB KEGIATAN / RINCIAN", "PAGU ANGGARAN (Rp)", "",
           "JUMLAH ANGGARAN (Rp)", "REALISASI BELANJA OPERASI", "", "",
           "REALISASI BELANJA MODAL", "", "", "TOTAL REALISASI", "", "", "SISA ANGGARAN (Rp)"],
          header=True, shade=SHADE_HEADER, aligns=["c"] * 14)
    t.row(["", "BELANJA OPERASI", "BELANJA MODAL", "", "KEUANGAN (Rp)", "KEU (%)", "FISIK (%)",
           "KEUANGAN (Rp)", "KEU (%)", "FISIK (%)", "KEUANGAN (Rp)", "KEU (%)", "FISIK (%)", ""],
          header=True, shade=SHADE_HEADER, aligns=["c"] * 14)
    merge(t, 0, 1, 0, 2, "PAGU ANGGARAN (Rp)", t.head_style)
    merge(t, 0, 4, 0, 6, "REALISASI BELANJA OPERASI", t.head_style)
    merge(t, 0, 7, 0, 9, "REALISASI BELANJA MODAL", t.head_style)
    merge(t, 0, 10, 0, 12, "TOTAL REALISASI", t.head_style)
    for c in (0, 3, 13):
        merge(t, 0, c, 1, c, t.tbl.cell(0, c).text, t.head_style)
    t.row(["(1)", "(2)", "(3)", "(4)=(2)+(3)", "(5)", "(6)=(5)/(2)", "(7)", "(8)", "(9)=(8)/(3)",
           "(10)", "(11)=(5)+(8)", "(12)=(11)/(4)", "(13)", "(14)=(4)-(11)"], header=True,
          italic=True, aligns=["c"] * 14)
    cells = ["{{ r.uraian }}", "{{ r.pagu_operasi }}", "{{ r.pagu_modal }}", "{{ r.pagu }}",
             "{{ r.realisasi_operasi }}", "{{ r.serapan_operasi }}", "{{ r.fisik_operasi }}",
             "{{ r.realisasi_modal }}", "{{ r.serapan_modal }}", "{{ r.fisik_modal }}",
             "{{ r.realisasi }}", "{{ r.serapan }}", "{{ r.fisik }}", "{{ r.sisa }}"]
    aligns = [None, "r", "r", "r", "r", "c", "c", "r", "c", "c", "r", "c", "c", "r"]
    budget_rows(t, "lampiran.realisasi", cells, aligns=aligns)
    t.row([c.replace("r.", "lampiran.total.") if i else "JUMLAH BELANJA"
           for i, c in enumerate(cells)], bold=True, shade=SHADE_HEADER, aligns=aligns)
    tag(doc, "{%p if lampiran.realisasi_catatan %}")
    para(doc, "{{ lampiran.realisasi_catatan }}", style="Catatan Tabel")
    tag(doc, "{%p endif %}")
    para(doc, "", style="Normal")
    signature(doc, left=16.0)

    new_section(doc)
    heading(doc, "E. Sarana dan Prasarana", 2)
    # An agency without a sarana list (optional sheet) gets one sentence, not an empty table.
    tag(doc, "{%p if ada.tabel_sarana %}")
    caption(doc, key="tabel_sarana", title="Sarana dan Prasarana {{ info.nama_lengkap }}")
    t = Table(doc, [1.0, 7.0, 2.0, 3.8, 2.2])
    t.head(["NO", "URAIAN", "JUMLAH", "NILAI (Rp)", "KONDISI"])
    t.numbers()
    t.tag("{%tr for s in lampiran.sarana %}")
    t.row(["{{ s.no }}", "{{ s.uraian }}", "{{ s.jumlah }}", "{{ s.nilai }}", "{{ s.kondisi }}"],
          aligns=["c", None, "c", "r", "c"])
    t.tag("{%tr endfor %}")
    t.row(["", "JUMLAH", "{{ lampiran.sarana_jumlah }}", "{{ lampiran.sarana_nilai }}", ""],
          bold=True, shade=SHADE_GROUP, aligns=["c", None, "c", "r", "c"])
    tag(doc, "{%p else %}")
    para(doc, "Daftar sarana dan prasarana {{ info.nama_lengkap }} tidak disertakan dalam "
              "lampiran laporan ini.")
    tag(doc, "{%p endif %}")

    # the photos start a page of their own; without them the sentence follows E on its page
    tag(doc, "{%p if lampiran.dokumentasi %}")
    heading(doc, "F. Dokumentasi Program/Kegiatan", 2, page_break_before=True)
    para(doc, "Dokumentasi program dan kegiatan {{ info.nama_lengkap }} Tahun {{ info.tahun }}.")
    tag(doc, "{%p for d in lampiran.dokumentasi %}")
    figure(doc, "{{ d.foto }}")
    caption(doc, "{{ d.keterangan }}", label="Gambar", prefix="L.", number="d.no",
            below=True)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    heading(doc, "F. Dokumentasi Program/Kegiatan", 2)
    para(doc, "Dokumentasi program dan kegiatan {{ info.nama_lengkap }} Tahun {{ info.tahun }} "
              "tidak disertakan dalam lampiran laporan ini.")
    tag(doc, "{%p endif %}")
