"""BAB I Pendahuluan."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.shared import Cm

from base import (
    SHADE_GROUP, Table, caption, figure, heading, items, new_section, no_borders,
    page_numbering, para, paragraphs, tag,
)


# --- BAB I ---------------------------------------------------------------------------------------

def bab1(doc):
    section = new_section(doc)
    page_numbering(section, fmt="decimal", start=1)
    section.header.is_linked_to_previous = False
    para(section.header, "LKjIP {{ info.nama_lengkap }} Tahun {{ info.tahun }}", style="Header")

    heading(doc, "BAB I PENDAHULUAN", 1)
    heading(doc, "A. Latar Belakang", 2)
    paragraphs(doc, "bab1.latar_belakang")

    heading(doc, "B. Maksud dan Tujuan", 2)
    para(doc, "Laporan Kinerja ini disusun sebagai bentuk pertanggungjawaban {{ info.nama_lengkap }} "
              "atas pelaksanaan tugas dan fungsi serta penggunaan anggaran Tahun {{ info.tahun }}. "
              "Maksud penyusunannya adalah mengukur dan mengevaluasi kinerja serta mengungkapkan "
              "hasil analisisnya secara memadai. Tujuannya adalah:")
    for no, text in (("1.", "menyampaikan informasi kinerja yang terukur kepada pemberi mandat "
                             "tentang kinerja yang telah dan seharusnya dicapai;"),
                     ("2.", "menjadi dasar perbaikan yang berkelanjutan agar kinerja instansi "
                            "terus meningkat.")):
        p = doc.add_paragraph(style="Daftar")
        p.add_run(no)
        p.add_run("\t")
        p.add_run(text)

    heading(doc, "C. Struktur Organisasi dan Tata Kerja", 2)
    tag(doc, "{%p if bab1.dasar_organisasi %}")
    para(doc, "Kedudukan, susunan organisasi, tugas dan fungsi serta tata kerja "
              "{{ info.nama_lengkap }} diatur dalam {{ bab1.dasar_organisasi }}. Uraiannya adalah "
              "sebagai berikut.")
    tag(doc, "{%p else %}")
    para(doc, "Susunan organisasi, tugas dan fungsi {{ info.nama_lengkap }} diuraikan sebagai "
              "berikut.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p for u in bab1.unit %}")
    heading(doc, "{{ u.nomor }} {{ u.unit }}", 3)
    para(doc, "Tugas pokok {{ u.jabatan }}: {{ u.tugas }}")
    tag(doc, "{%p if u.fungsi %}")
    para(doc, "Untuk melaksanakan tugas pokok tersebut, {{ u.jabatan }} menyelenggarakan fungsi:")
    items(doc, "u.fungsi")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if u.uraian_tugas %}")
    para(doc, "Dalam melaksanakan fungsinya, {{ u.jabatan }} mempunyai uraian tugas:")
    items(doc, "u.uraian_tugas")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")

    figure(doc, "{{ bab1.bagan }}")
    caption(doc, below=True, key="gambar_struktur", title="Struktur Organisasi {{ info.nama_lengkap }}")

    # Staff (optional sheets): each table present is introduced by a sentence whose count is
    # its own total; the tables the agency has no rows for are named in one sentence after
    # the staff tables.
    tag(doc, "{%p if ada.tabel_jabatan %}")
    para(doc, "Jumlah pegawai di lingkungan {{ info.nama_lengkap }} sebanyak "
              "{{ bab1.pegawai.kalimat }}; rinciannya menurut jabatan disajikan pada "
              "Tabel {{ no.tabel_jabatan }}.")
    caption(doc, key="tabel_jabatan", title="{{ bab1.pegawai.judul_jabatan }}")
    # One column per staff status the agency has (none when it has one status only).
    t = Table(doc, [1.0, 6.4, 0.3, 2.2, 0.3, 2.0])
    t.head(["NO", "JABATAN", "{%tc for k in bab1.pegawai.kolom %}", "{{ k }}", "{%tc endfor %}",
            "JUMLAH"])
    t.tag("{%tr for r in bab1.pegawai.jabatan %}")
    t.row(["{{ r.no }}", "{{ r.jabatan }}", "{%tc for v in r.nilai %}", "{{ v }}",
           "{%tc endfor %}", "{{ r.jumlah }}"], aligns=["c", None, "c", "c", "c", "c"])
    t.tag("{%tr endfor %}")
    t.row(["", "JUMLAH", "{%tc for v in bab1.pegawai.nilai %}", "{{ v }}", "{%tc endfor %}",
           "{{ bab1.pegawai.jumlah }}"], bold=True, shade=SHADE_GROUP,
          aligns=["c", "c", "c", "c", "c", "c"])
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if ada.tabel_pendidikan %}")
    para(doc, "Susunan {{ bab1.pegawai.kata_pendidikan }} pegawai menurut tingkat pendidikan "
              "disajikan pada Tabel {{ no.tabel_pendidikan }}.")
    caption(doc, key="tabel_pendidikan", title="Jumlah Pegawai Menurut Tingkat Pendidikan")
    t = Table(doc, [1.0, 8.0, 3.0])
    t.head(["NO", "PENDIDIKAN", "JUMLAH"])
    t.tag("{%tr for r in bab1.pegawai.pendidikan %}")
    t.row(["{{ r.no }}", "{{ r.pendidikan }}", "{{ r.jumlah }}"], aligns=["c", None, "c"])
    t.tag("{%tr endfor %}")
    t.row(["", "JUMLAH", "{{ bab1.pegawai.jumlah_pendidikan }}"], bold=True, shade=SHADE_GROUP,
          aligns=["c", "c", "c"])
    tag(doc, "{%p endif %}")

    tag(doc, "{%p if ada.tabel_golongan %}")
    para(doc, "Susunan {{ bab1.pegawai.kata_golongan }} PNS menurut pangkat dan golongan ruang "
              "disajikan pada Tabel {{ no.tabel_golongan }}.")
    caption(doc, key="tabel_golongan", title="Jumlah PNS Menurut Pangkat/Golongan")
    t = Table(doc, [1.0, 6.5, 3.0, 3.0])
    t.head(["NO", "PANGKAT", "GOLONGAN", "JUMLAH"])
    t.tag("{%tr for r in bab1.pegawai.golongan %}")
    t.row(["{{ r.no }}", "{{ r.pangkat }}", "{{ r.golongan }}", "{{ r.jumlah }}"],
          aligns=["c", None, "c", "c"])
    t.tag("{%tr endfor %}")
    t.row(["", "JUMLAH", "", "{{ bab1.pegawai.jumlah_golongan }}"], bold=True, shade=SHADE_GROUP,
          aligns=["c", "c", "c", "c"])
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if bab1.pegawai.tidak_disajikan %}")
    para(doc, "{{ bab1.pegawai.tidak_disajikan }}")
    tag(doc, "{%p endif %}")

    heading(doc, "D. Isu Strategis", 2)
    para(doc, "Isu strategis adalah kondisi yang perlu diutamakan dalam perencanaan karena "
              "berdampak besar terhadap pencapaian tujuan perangkat daerah: bersifat penting, "
              "mendasar, mendesak dan menentukan keberhasilan pada masa mendatang. Isu strategis "
              "yang ditangani selama periode Renstra {{ info.periode_renstra }} adalah:")
    items(doc, "bab1.isu_strategis")
    tag(doc, "{%p if bab1.isu_tahunan %}")
    para(doc, "Dengan memperhatikan Renstra, arah kebijakan pemerintah daerah dan hasil evaluasi "
              "kinerja tahun sebelumnya, isu strategis yang ditangani pada Tahun {{ info.tahun }} "
              "adalah:")
    items(doc, "bab1.isu_tahunan")
    tag(doc, "{%p endif %}")

    heading(doc, "E. Landasan Hukum", 2)
    para(doc, "Laporan Kinerja ini disusun berdasarkan ketentuan berikut:")
    items(doc, "bab1.landasan_hukum")

    heading(doc, "F. Sistematika Penulisan", 2)
    para(doc, "Laporan Kinerja {{ info.nama_lengkap }} Tahun {{ info.tahun }} disusun dengan "
              "sistematika sebagai berikut:")
    t = doc.add_table(rows=0, cols=2)
    no_borders(t)
    for a, b in (("Ikhtisar Eksekutif", "Ringkasan capaian kinerja dan realisasi anggaran."),
                 ("BAB I Pendahuluan", "Latar belakang, maksud dan tujuan, struktur organisasi dan "
                                       "tata kerja, isu strategis, landasan hukum dan "
                                       "sistematika penulisan."),
                 ("BAB II Perencanaan Kinerja", "Rencana strategis, rencana kinerja tahunan dan "
                                                "perjanjian kinerja beserta program dan "
                                                "kegiatannya."),
                 ("BAB III Akuntabilitas Kinerja", "Capaian kinerja organisasi, realisasi "
                                                   "anggaran, efisiensi penggunaan sumber daya, "
                                                   "evaluasi kinerja dan akuntabilitas keuangan."),
                 ("BAB IV Penutup", "Kesimpulan atas capaian kinerja serta langkah perbaikan ke "
                                    "depan."),
                 ("Lampiran", "Perjanjian kinerja, rencana kerja tahunan, tabel Renstra, laporan "
                              "realisasi keuangan dan fisik, sarana dan prasarana serta "
                              "dokumentasi.")):
        cells = t.add_row().cells
        cells[0].width, cells[1].width = Cm(5.0), Cm(11.0)
        cells[0].paragraphs[0].style = "Tabel Isi"
        cells[0].paragraphs[0].add_run(a).bold = True
        cells[1].paragraphs[0].style = "Tabel Isi"
        cells[1].paragraphs[0].add_run(b)
    for gc, w in zip(t._tbl.tblGrid.findall(qn("w:gridCol")), (5.0, 11.0)):
        gc.set(qn("w:w"), str(int(w * 567)))
