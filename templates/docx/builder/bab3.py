"""BAB III Akuntabilitas Kinerja."""

from __future__ import annotations

from base import (
    SHADE_GROUP, SHADE_HEADER, Table, budget_rows, caption, figure, heading,
    items, lead_in, merge,
    new_section, para, paragraphs, runs, set_shade, tag,
)


# --- BAB III -------------------------------------------------------------------------------------------

def bab3(doc):
    heading(doc, "BAB III AKUNTABILITAS KINERJA", 1, page_break_before=True)
    para(doc, "Akuntabilitas kinerja adalah kewajiban untuk menjelaskan secara terbuka keberhasilan "
              "dan kegagalan pelaksanaan misi organisasi kepada pihak yang berwenang menerima "
              "laporan. Bab ini menyajikan pengukuran tingkat pencapaian target setiap indikator "
              "sasaran strategis yang ditetapkan dalam Renstra {{ info.periode_renstra }} dan "
              "Perjanjian Kinerja Tahun {{ info.tahun }}, sesuai Peraturan Presiden Nomor 29 Tahun "
              "2014 dan Peraturan Menteri PANRB Nomor 53 Tahun 2014.")
    para(doc, "Capaian setiap indikator kinerja utama dihitung dari realisasi dibandingkan "
              "targetnya; capaian sasaran strategis adalah rata-rata capaian indikator-indikatornya. "
              "Nilai capaian dikelompokkan ke dalam kategori berikut.")
    caption(doc, key="tabel_skala", title="Skala Nilai Peringkat Kinerja")
    t = Table(doc, [2.0, 5.0, 5.0])
    t.head(["URUTAN", "RENTANG CAPAIAN (%)", "KATEGORI CAPAIAN"])
    t.tag("{%tr for b in bab3.skala %}")
    t.row(["{{ b.urutan }}", "{{ b.rentang }}", "{{ b.kategori }}"], aligns=["c", "c", "c"])
    t.tag("{%tr endfor %}")
    para(doc, "Selanjutnya dilakukan analisis untuk menjelaskan penyebab tercapai atau tidak "
              "tercapainya target kinerja beserta upaya perbaikannya.")

    heading(doc, "A. Capaian Kinerja Organisasi", 2)
    para(doc, "Indikator Kinerja Utama (IKU) merupakan ukuran keberhasilan tujuan dan sasaran "
              "strategis. Hasil pengukuran IKU {{ info.nama_lengkap }} Tahun {{ info.tahun }} "
              "adalah sebagai berikut.")
    caption(doc, key="tabel_capaian", title="Capaian Indikator Kinerja Utama {{ info.nama_lengkap }} Tahun "
                 "{{ info.tahun }}")
    t = Table(doc, [0.8, 2.5, 1.0, 3.4, 1.3, 1.6, 1.6, 1.6, 2.2], small=True)
    t.head(["NO", "SASARAN", "KODE", "INDIKATOR KINERJA", "TARGET", "REALISASI",
            "CAPAIAN (%)", "KATEGORI", "PENANGGUNG JAWAB"])
    t.tag("{%tr for g in bab3.iku %}")
    t.tag("{%tr for i in g.indikator %}")
    t.row(["{% vm %}{{ g.no }}", "{% vm %}{{ g.sasaran }}", "{{ i.kode }}", "{{ i.nama }}",
           "{{ i.target }}", "{{ i.realisasi }}", "{{ i.capaian }}", "{{ i.kategori }}",
           "{{ i.penanggung_jawab }}"], aligns=["c", None, "c", None, "c", "c", "c", "c", None])
    t.tag("{%tr endfor %}")
    t.tag("{%tr endfor %}")

    para(doc, "Uraian capaian setiap indikator adalah sebagai berikut.")
    tag(doc, "{%p for i in bab3.indikator %}")
    heading(doc, "Indikator {{ i.kode }} {{ i.nama }}", 3)
    runs(doc, ["{{ i.induk_label }}: ", ("“{{ i.sasaran }}”", {"italic": True})],
         style="Body Text")
    para(doc, "{{ i.kalimat_capaian }}")
    tag(doc, "{%p if i.dukungan %}")
    para(doc, "{{ i.dukungan_pengantar }}", keep_next=True)
    tag(doc, "{%p for g in i.dukungan %}")
    tag(doc, "{%p if g.judul %}")
    para(doc, "{{ g.judul }}", style="Normal", italic=True, keep_next=True)
    tag(doc, "{%p endif %}")
    items(doc, "g.sub")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if i.ada_rumus %}")
    lead_in(doc, "Perhitungan realisasi indikator:")
    para(doc, "{{ i.rumus_label }}", style="Rumus", italic=True)
    para(doc, "{{ i.rumus_angka }}", style="Rumus", bold=True, keep_next=False)
    tag(doc, "{%p else %}")
    para(doc, "{{ i.kalimat_langsung }}")
    tag(doc, "{%p endif %}")
    # the workbook's note on the realisation, after it, as a sentence of its own
    tag(doc, "{%p if i.keterangan %}")
    para(doc, "Keterangan: {{ i.keterangan }}")
    tag(doc, "{%p endif %}")
    lead_in(doc, "{{ i.pengantar_capaian }}")
    para(doc, "{{ i.rumus_capaian }}", style="Rumus", bold=True)
    para(doc, "(Kategori {{ i.kategori }})", style="Rumus", keep_next=False)
    tag(doc, "{%p endfor %}")
    # Tabel 3.3 only when there is an earlier year to compare with (the core decides);
    # otherwise one sentence
    tag(doc, "{%p if ada.tabel_perbandingan %}")
    para(doc, "Perbandingan capaian kinerja tahun ini dengan tahun-tahun sebelumnya disajikan pada "
              "Tabel {{ no.tabel_perbandingan }}.")

    # Tabel 3.3 on the portrait page, one row per indicator and year: no section of its own
    # (a landscape section left a short portrait page before it and a short page of its own),
    # and any number of earlier years fits the width. Sasaran as shaded group rows.
    caption(doc, key="tabel_perbandingan", title="Perbandingan Capaian Kinerja dengan "
                 "Tahun-Tahun Sebelumnya")
    t = Table(doc, [0.8, 7.1, 1.5, 2.2, 2.2, 2.2], small=True)
    t.head(["NO", "SASARAN / INDIKATOR KINERJA", "TAHUN", "TARGET", "REALISASI", "CAPAIAN (%)"])
    t.tag("{%tr for g in bab3.riwayat %}")
    row = t.row(["{{ g.no }}", "{{ g.sasaran }}", "", "", "", ""], bold=True, shade=SHADE_GROUP,
                aligns=["c", None, None, None, None, None])
    cell = merge(t, len(t.tbl.rows) - 1, 1, len(t.tbl.rows) - 1, 5)
    for p in cell.paragraphs[1:]:       # the merged empty cells' paragraphs
        p._p.getparent().remove(p._p)
    t.tag("{%tr for i in g.indikator %}")
    t.tag("{%tr for v in i.tahun %}")
    t.row(["", "{% vm %}{{ i.kode }} {{ i.nama }}", "{{ v.tahun }}", "{{ v.target }}",
           "{{ v.realisasi }}", "{{ v.capaian }}"], aligns=["c", None, "c", "c", "c", "c"])
    t.tag("{%tr endfor %}")
    t.tag("{%tr endfor %}")
    t.tag("{%tr endfor %}")
    para(doc, "Capaian dihitung dari target dan realisasi tahun yang bersangkutan.",
         style="Catatan Tabel")

    tag(doc, "{%p else %}")
    para(doc, "Capaian indikator-indikator ini pada tahun-tahun sebelumnya belum tersedia, sehingga "
              "capaian Tahun {{ info.tahun }} belum dapat dibandingkan dengan tahun sebelumnya.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if bab3.perbandingan %}")
    lead_in(doc, "Penjelasan perbandingan realisasi kinerja dengan tahun-tahun sebelumnya:")
    tag(doc, "{%p for x in bab3.perbandingan %}")
    p = doc.add_paragraph(style="Daftar")
    p.add_run("{{ x.no }}")
    p.add_run("\t")
    p.add_run("Indikator {{ x.kode }} {{ x.nama }}: ").bold = True
    p.add_run("{{ x.teks }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    para(doc, "Perbandingan realisasi kinerja sampai dengan Tahun {{ info.tahun }} terhadap target "
              "akhir Renstra periode {{ info.periode_renstra }} disajikan pada "
              "Tabel {{ no.tabel_kemajuan }}.")
    caption(doc, key="tabel_kemajuan", title="Tingkat Kemajuan Capaian Sasaran Strategis")
    t = Table(doc, [0.8, 3.8, 5.4, 2.0, 2.0, 2.0])
    t.head(["NO", "SASARAN", "INDIKATOR KINERJA", "REALISASI {{ info.tahun }}",
            "TARGET AKHIR {{ info.renstra_akhir }}", "TINGKAT KEMAJUAN (%)"])
    t.tag("{%tr for g in bab3.kemajuan %}")
    t.tag("{%tr for i in g.indikator %}")
    t.row(["{% vm %}{{ g.no }}", "{% vm %}{{ g.sasaran }}", "{{ i.kode }} {{ i.nama }}",
           "{{ i.realisasi }}", "{{ i.target_akhir }}", "{{ i.kemajuan }}"],
          aligns=["c", None, None, "c", "c", "c"])
    t.tag("{%tr endfor %}")
    t.tag("{%tr endfor %}")
    lead_in(doc, "Berdasarkan Tabel {{ no.tabel_kemajuan }} dapat disimpulkan:")
    items(doc, "bab3.kemajuan_simpulan")

    para(doc, "Analisis penyebab keberhasilan atau kegagalan serta upaya yang dilakukan disajikan "
              "pada tabel dan uraian berikut.")
    caption(doc, key="tabel_analisis", title="Analisis Keberhasilan, Kegagalan dan Solusi")
    t = Table(doc, [0.8, 3.8, 5.2, 1.6, 1.6, 1.5, 1.5])
    t.head(["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET", "REALISASI", "CAPAIAN (%)",
            "KATEGORI"])
    t.tag("{%tr for g in bab3.iku %}")
    t.tag("{%tr for i in g.indikator %}")
    t.row(["{% vm %}{{ g.no }}", "{% vm %}{{ g.sasaran }}", "{{ i.kode }} {{ i.nama }}",
           "{{ i.target }}", "{{ i.realisasi }}", "{{ i.capaian }}", "{{ i.kategori }}"],
          aligns=["c", None, None, "c", "c", "c", "c"])
    t.tag("{%tr endfor %}")
    t.tag("{%tr endfor %}")
    para(doc, "Interpretasi hasil analisis keberhasilan, hambatan dan upaya yang dilakukan untuk "
              "setiap indikator:")
    tag(doc, "{%p for a in bab3.analisis %}")
    heading(doc, "Analisis Indikator {{ a.kode }} {{ a.nama }}", 3)
    para(doc, "Realisasi Tahun {{ info.tahun }} sebesar {{ a.realisasi }} dari target {{ a.target }}, "
              "atau capaian {{ a.capaian }} (kategori {{ a.kategori }}).")
    paragraphs(doc, "a.uraian")
    tag(doc, "{%p if a.pendukung %}")
    lead_in(doc, "Faktor pendukung keberhasilan:")
    items(doc, "a.pendukung")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if a.penghambat %}")
    lead_in(doc, "Faktor penghambat:")
    items(doc, "a.penghambat")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if a.upaya %}")
    lead_in(doc, "Upaya yang dilakukan untuk meningkatkan kinerja:")
    items(doc, "a.upaya")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    para(doc, "Program dan kegiatan yang menunjang keberhasilan atau kegagalan pencapaian kinerja "
              "dianalisis pada tabel berikut.")

    # Tabel 3.6 + Gambar 3.1 + B (Tabel 3.7, Gambar 3.2): landscape
    new_section(doc, landscape=True)
    caption(doc, key="tabel_dukungan", title="Analisis Keberhasilan dan Kegagalan Program dan Kegiatan")
    t = Table(doc, [0.8, 2.8, 3.0, 1.6, 5.4, 5.0, 1.5, 1.7, 1.6, 2.1], small=True)
    t.head(["NO", "SASARAN", "INDIKATOR KINERJA", "CAPAIAN (%)",
            "PROGRAM / KEGIATAN / SUB KEGIATAN", "INDIKATOR KINERJA", "TARGET", "REALISASI",
            "CAPAIAN (%)", "MENUNJANG / TIDAK MENUNJANG"])
    t.tag("{%tr for g in bab3.dukungan %}")
    t.tag("{%tr for r in g.baris %}")
    cells = ["{% vm %}{{ g.no }}", "{% vm %}{{ g.sasaran }}", "{% vm %}{{ g.indikator }}",
             "{% vm %}{{ g.capaian }}", "{{ r.uraian }}", "{{ r.indikator }}", "{{ r.target }}",
             "{{ r.realisasi }}", "{{ r.capaian }}", "{{ r.menunjang }}"]
    al = ["c", None, None, "c", None, None, "c", "c", "c", "c"]
    t.tag("{%tr if r.tingkat == 'program' %}")
    t.row(cells, aligns=al)
    for c in t.tbl.rows[-1].cells[4:]:
        set_shade(c, SHADE_GROUP)
        for run in c.paragraphs[0].runs:
            run.bold = True
    t.tag("{%tr elif r.tingkat == 'kegiatan' %}")
    row = t.row(cells, aligns=al, indent=(4, 0.2))
    for run in row.cells[4].paragraphs[0].runs:
        run.bold = True
    t.tag("{%tr else %}")
    t.row(cells, aligns=al, indent=(4, 0.4))
    t.tag("{%tr endif %}")
    t.tag("{%tr endfor %}")
    t.tag("{%tr endfor %}")
    para(doc, "Menunjang: capaian keluaran berada pada kategori tertinggi skala Tabel {{ no.tabel_skala }}.",
         style="Catatan Tabel")
    tag(doc, "{%p if bab3.dukungan_catatan %}")
    para(doc, "{{ bab3.dukungan_catatan }}", style="Catatan Tabel")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for s in bab3.program_per_sasaran %}")
    lead_in(doc, "Program yang mendukung tercapainya {{ s.label }} “{{ s.nama }}”:")
    items(doc, "s.program")
    tag(doc, "{%p endfor %}")

    figure(doc, "{{ bab3.grafik_capaian }}")
    caption(doc, below=True, key="gambar_capaian", title="Target dan Realisasi Indikator Kinerja Utama Tahun {{ info.tahun }}")

    heading(doc, "B. Realisasi Anggaran", 2)
    para(doc, "Realisasi anggaran yang digunakan untuk mewujudkan kinerja sesuai Perjanjian "
              "Kinerja diuraikan sebagai berikut.")
    caption(doc, key="tabel_anggaran", title="Capaian Anggaran Program dan Kegiatan Tahun {{ info.tahun }}")
    t = Table(doc, [10.5, 3.1, 3.1, 3.1, 1.8, 3.1], small=True)
    t.row(["PROGRAM / KEGIATAN / SUB KEGIATAN", "ANGGARAN SEBELUM PERUBAHAN (Rp)",
           "ANGGARAN SESUDAH PERUBAHAN (Rp)", "REALISASI KEUANGAN", "", "SISA ANGGARAN (Rp)"],
          header=True, shade=SHADE_HEADER, aligns=["c"] * 6)
    t.row(["", "", "", "(Rp)", "(%)", ""], header=True, shade=SHADE_HEADER, aligns=["c"] * 6)
    merge(t, 0, 3, 0, 4, "REALISASI KEUANGAN", t.head_style)
    for c in (0, 1, 2, 5):
        texts = t.tbl.cell(0, c).text
        merge(t, 0, c, 1, c, texts, t.head_style)
    t.numbers()
    budget_rows(t, "bab3.anggaran",
                ["{{ r.uraian }}", "{{ r.pagu_sebelum }}", "{{ r.pagu }}", "{{ r.realisasi }}",
                 "{{ r.serapan }}", "{{ r.sisa }}"], aligns=[None, "r", "r", "r", "c", "r"])
    t.row(["JUMLAH BELANJA", "{{ bab3.total.pagu_sebelum }}", "{{ bab3.total.pagu }}",
           "{{ bab3.total.realisasi }}", "{{ bab3.total.serapan }}", "{{ bab3.total.sisa }}"],
          bold=True, shade=SHADE_HEADER, aligns=[None, "r", "r", "r", "c", "r"])
    tag(doc, "{%p if bab3.anggaran_catatan %}")
    para(doc, "{{ bab3.anggaran_catatan }}", style="Catatan Tabel")
    tag(doc, "{%p endif %}")
    figure(doc, "{{ bab3.grafik_serapan }}")
    caption(doc, below=True, key="gambar_serapan", title="Serapan Anggaran per Program Tahun {{ info.tahun }}")

    # back to portrait: the summary of Tabel 3.7 opens the page of the explanations, so
    # the landscape section does not end with two lines on a page of their own
    new_section(doc)
    para(doc, "Pada Tahun {{ info.tahun }}, {{ info.nama_lengkap }} memperoleh alokasi anggaran "
              "sebesar {{ bab3.total.rp_pagu }} dan merealisasikan {{ bab3.total.rp_realisasi }}, "
              "atau serapan anggaran {{ bab3.total.serapan_pct }}, dengan sisa anggaran "
              "{{ bab3.total.rp_sisa }} (Tabel {{ no.tabel_anggaran }}).")
    tag(doc, "{%p if bab3.ambang.ada %}")
    para(doc, "Terdapat {{ bab3.ambang.jumlah }} sub kegiatan yang serapan anggarannya di bawah "
              "{{ bab3.ambang.batas }}, dengan penjelasan sebagai berikut.")
    tag(doc, "{%p for pg in bab3.ambang.program %}")
    para(doc, "{{ pg.nama }}", style="Normal", bold=True, keep_next=True)
    tag(doc, "{%p for k in pg.kegiatan %}")
    para(doc, "Kegiatan {{ k.nama }}", style="Normal", bold=True, italic=True, keep_next=True)
    tag(doc, "{%p for s in k.sub %}")
    p = doc.add_paragraph(style="Daftar")
    p.add_run("–")
    p.add_run("\t")
    p.add_run("Sub Kegiatan {{ s.nama }}, serapan {{ s.serapan }}: ")
    p.add_run("{{ s.penjelasan }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    para(doc, "Seluruh sub kegiatan mencapai serapan anggaran sekurang-kurangnya "
              "{{ bab3.ambang.batas }}.")
    tag(doc, "{%p endif %}")
    # a sentence of its own ends the section (its break stays there when the template is
    # edited, base.new_section)
    para(doc, "Perbandingan serapan anggaran tersebut dengan capaian kinerja diuraikan pada "
              "bagian berikut.")

    # C. Efisiensi: landscape
    new_section(doc, landscape=True)
    heading(doc, "C. Tingkat Efisiensi Penggunaan Sumber Daya", 2)
    para(doc, "Analisis efisiensi penggunaan sumber daya dalam pencapaian tujuan dan sasaran "
              "disajikan pada tabel berikut.")
    caption(doc, key="tabel_efisiensi", title="Perbandingan Pencapaian Kinerja dan Anggaran Tujuan dan Sasaran")
    t = Table(doc, [0.8, 3.6, 5.0, 1.5, 1.7, 1.6, 3.1, 3.1, 1.7, 1.7], small=True)
    t.row(["NO", "SASARAN", "INDIKATOR KINERJA", "KINERJA", "", "", "ANGGARAN", "", "",
           "TINGKAT EFISIENSI"], header=True, shade=SHADE_HEADER, aligns=["c"] * 10)
    t.row(["", "", "", "TARGET", "REALISASI", "CAPAIAN (%)", "PAGU (Rp)", "REALISASI (Rp)",
           "SERAPAN (%)", ""], header=True, shade=SHADE_HEADER, aligns=["c"] * 10)
    merge(t, 0, 3, 0, 5, "KINERJA", t.head_style)
    merge(t, 0, 6, 0, 8, "ANGGARAN", t.head_style)
    for c in (0, 1, 2, 9):
        merge(t, 0, c, 1, c, t.tbl.cell(0, c).text, t.head_style)
    t.tag("{%tr for g in bab3.efisiensi %}")
    t.tag("{%tr for i in g.indikator %}")
    t.row(["{% vm %}{{ g.no }}", "{% vm %}{{ g.sasaran }}", "{{ i.kode }} {{ i.nama }}",
           "{{ i.target }}", "{{ i.realisasi }}", "{{ i.capaian }}", "{{ i.pagu }}",
           "{{ i.realisasi_rp }}", "{{ i.serapan }}", "{{ i.efisiensi }}"],
          aligns=["c", None, None, "c", "c", "c", "r", "r", "c", "c"])
    t.tag("{%tr endfor %}")
    t.tag("{%tr endfor %}")
    t.row(["", "JUMLAH", "", "", "", "", "{{ bab3.total.pagu }}", "{{ bab3.total.realisasi }}",
           "{{ bab3.total.serapan }}", ""], bold=True, shade=SHADE_GROUP,
          aligns=["c", None, None, "c", "c", "c", "r", "r", "c", "c"])
    tag(doc, "{%p for n in bab3.efisiensi_catatan %}")
    para(doc, "{{ n }}", style="Catatan Tabel")
    tag(doc, "{%p endfor %}")
    runs(doc, ["Tingkat efisiensi dihitung dengan rumus ",
               ("Efisiensi = capaian kinerja (%) / serapan anggaran (%)", {"bold": True}),
               ". Keluaran (output) adalah persentase capaian kinerja, sedangkan masukan (input) "
               "adalah persentase penyerapan anggaran. Nilai efisiensi ≥ 1 berarti penggunaan "
               "sumber daya efisien: capaian kinerja sebanding atau lebih tinggi daripada anggaran "
               "yang diserap; nilai < 1 berarti tidak efisien. Tingkat efisiensi ini berbeda dari "
               "efisiensi anggaran pada Ikhtisar Eksekutif (sisa anggaran, yaitu 100% dikurangi "
               "serapan). Bila serapan 0% atau tidak ada pagu, tingkat efisiensi tidak dapat "
               "dihitung dan indikator itu tidak dinilai efisien maupun tidak efisien."])
    para(doc, "Berdasarkan Tabel {{ no.tabel_efisiensi }} dapat diuraikan sebagai berikut:")
    items(doc, "bab3.efisiensi_analisis")
    para(doc, "{{ bab3.efisiensi_simpulan }}")
    para(doc, "Analisis efisiensi pada tingkat program, kegiatan dan sub kegiatan disajikan pada "
              "tabel berikut.")
    caption(doc, key="tabel_efisiensi_program", title="Perbandingan Pencapaian Kinerja dan Anggaran Program dan Kegiatan")
    t = Table(doc, [0.8, 8.6, 1.5, 1.7, 1.6, 3.1, 3.1, 1.7, 1.7], small=True)
    t.row(["NO", "PROGRAM / KEGIATAN / SUB KEGIATAN", "KINERJA", "", "", "ANGGARAN", "", "",
           "TINGKAT EFISIENSI"], header=True, shade=SHADE_HEADER, aligns=["c"] * 9)
    t.row(["", "", "TARGET", "REALISASI", "CAPAIAN (%)", "PAGU (Rp)", "REALISASI (Rp)",
           "SERAPAN (%)", ""], header=True, shade=SHADE_HEADER, aligns=["c"] * 9)
    merge(t, 0, 2, 0, 4, "KINERJA", t.head_style)
    merge(t, 0, 5, 0, 7, "ANGGARAN", t.head_style)
    for c in (0, 1, 8):
        merge(t, 0, c, 1, c, t.tbl.cell(0, c).text, t.head_style)
    budget_rows(t, "bab3.efisiensi_program",
                ["{{ r.no }}", "{{ r.uraian }}", "{{ r.target }}", "{{ r.realisasi }}",
                 "{{ r.capaian }}", "{{ r.pagu }}", "{{ r.realisasi_rp }}", "{{ r.serapan }}",
                 "{{ r.efisiensi }}"], aligns=["c", None, "c", "c", "c", "r", "r", "c", "c"],
                name_col=1)
    tag(doc, "{%p for n in bab3.efisiensi_program_catatan %}")
    para(doc, "{{ n }}", style="Catatan Tabel")
    tag(doc, "{%p endfor %}")
    para(doc, "Tingkat efisiensi program, kegiatan dan sub kegiatan dihitung dengan rumus yang "
              "sama seperti pada Tabel {{ no.tabel_efisiensi }}.")

    new_section(doc)
    heading(doc, "D. Evaluasi Kinerja", 2)
    paragraphs(doc, "bab3.evaluasi")
    heading(doc, "E. Akuntabilitas Keuangan", 2)
    para(doc, "Anggaran belanja {{ info.nama_lengkap }} Tahun {{ info.tahun }} berjumlah "
              "{{ bab3.keuangan.rp_pagu }}{% if bab3.keuangan.dua_jenis %}, terdiri atas Belanja "
              "Operasi {{ bab3.keuangan.rp_pagu_operasi }} dan Belanja Modal "
              "{{ bab3.keuangan.rp_pagu_modal }}{% elif bab3.keuangan.jenis_tunggal %}, "
              "seluruhnya {{ bab3.keuangan.jenis_tunggal }}{% endif %}. Realisasinya disajikan "
              "pada tabel berikut.")
    caption(doc, key="tabel_keuangan", title="Realisasi Belanja Operasi dan Belanja Modal Tahun {{ info.tahun }}")
    t = Table(doc, [1.0, 5.0, 3.5, 3.5, 2.5])
    t.head(["NO", "URAIAN", "ANGGARAN (Rp)", "REALISASI (Rp)", "SERAPAN (%)"])
    t.tag("{%tr for r in bab3.keuangan.baris %}")
    t.row(["{{ r.no }}", "{{ r.uraian }}", "{{ r.pagu }}", "{{ r.realisasi }}", "{{ r.serapan }}"],
          aligns=["c", None, "r", "r", "c"])
    t.tag("{%tr endfor %}")
    t.row(["", "JUMLAH", "{{ bab3.total.pagu }}", "{{ bab3.total.realisasi }}",
           "{{ bab3.total.serapan }}"], bold=True, shade=SHADE_GROUP,
          aligns=["c", None, "r", "r", "c"])
