"""Sampul (cover) and the front matter: Kata Pengantar, Daftar Isi, Ikhtisar Eksekutif."""

from __future__ import annotations

from base import (
    figure, figures_field, heading, items, new_section, page_field, page_numbering, page_setup, para,
    signature, tag, toc_field,
)


# --- Cover ------------------------------------------------------------------------------------

def sampul(doc):
    section = doc.sections[0]
    page_setup(section)
    page_numbering(section, fmt="lowerRoman", start=1)
    section.footer.is_linked_to_previous = False
    section.header.is_linked_to_previous = False
    for _ in range(2):
        para(doc, "", style="Sampul")
    para(doc, "LAPORAN KINERJA INSTANSI PEMERINTAH", style="Title")
    para(doc, "(LKjIP)", style="Title")
    para(doc, "TAHUN {{ info.tahun }}", style="Title")
    for _ in range(2):
        para(doc, "", style="Sampul")
    figure(doc, "{{ sampul.logo }}", style="Sampul")
    for _ in range(2):
        para(doc, "", style="Sampul")
    para(doc, "{{ sampul.nama_instansi }}", style="Sampul", size=18)
    para(doc, "PEMERINTAH {{ sampul.nama_pemda }}", style="Sampul")
    for _ in range(6):
        para(doc, "", style="Sampul")
    # the address lines in one paragraph, a line break between them: the cover section ends
    # with a paragraph of text, which keeps its section break when the template is re-saved
    p = doc.add_paragraph(style="Tanda Tangan")
    p.add_run("{% for k in sampul.kontak %}{{ k }}{% if not loop.last %}")
    p.add_run().add_break()
    p.add_run("{% endif %}{% endfor %}")


# --- Front matter: Kata Pengantar, Daftar Isi, Ikhtisar Eksekutif -----------------------------

def depan(doc):
    section = new_section(doc)
    page_numbering(section, fmt="lowerRoman")
    section.footer.is_linked_to_previous = False
    section.header.is_linked_to_previous = False
    page_field(para(section.footer, "", style="Footer"))

    heading(doc, "KATA PENGANTAR", 1)
    para(doc, "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa karena Laporan Kinerja "
              "Instansi Pemerintah (LKjIP) {{ info.nama_lengkap }} Tahun {{ info.tahun }} dapat "
              "diselesaikan. Laporan ini menyajikan pertanggungjawaban atas pelaksanaan tugas dan "
              "fungsi serta penggunaan anggaran selama tahun {{ info.tahun }}, dengan mengacu pada "
              "Rencana Strategis periode {{ info.periode_renstra }} dan Perjanjian Kinerja tahun "
              "{{ info.tahun }}.")
    para(doc, "Penyusunan laporan berpedoman pada Peraturan Presiden Nomor 29 Tahun 2014 tentang "
              "Sistem Akuntabilitas Kinerja Instansi Pemerintah dan Peraturan Menteri PANRB Nomor "
              "53 Tahun 2014. Kinerja diukur melalui {{ depan.jumlah_sasaran }} sasaran strategis "
              "dengan {{ depan.jumlah_indikator_sasaran }} indikator kinerja utama"
              "{% if depan.jumlah_indikator_tujuan %} serta {{ depan.jumlah_indikator_tujuan }} "
              "indikator kinerja utama tingkat tujuan{% endif %}. Rata-rata capaian "
              "sasaran tahun ini sebesar {{ depan.rata_capaian }} dengan kategori "
              "{{ depan.kategori }}, sedangkan realisasi anggaran sebesar {{ depan.realisasi }} dari "
              "pagu {{ depan.pagu }} atau {{ depan.serapan }}.")
    para(doc, "Kami menyadari masih terdapat hal yang perlu disempurnakan, baik dalam pencapaian "
              "kinerja maupun dalam penyajian laporan ini. Hasil evaluasi dalam laporan ini akan "
              "menjadi bahan perbaikan perencanaan dan pelaksanaan program pada tahun berikutnya. "
              "Terima kasih kami sampaikan kepada semua pihak yang telah membantu penyusunan "
              "laporan ini.")
    para(doc, "", style="Normal")
    signature(doc)

    heading(doc, "DAFTAR ISI", 1, page_break_before=True)
    toc_field(doc)
    heading(doc, "DAFTAR TABEL", 1, page_break_before=True)
    figures_field(doc, "Tabel", "Klik kanan di sini lalu pilih Update Field untuk memperbarui "
                                "daftar tabel.")
    heading(doc, "DAFTAR GAMBAR", 1, page_break_before=True)
    figures_field(doc, "Gambar", "Klik kanan di sini lalu pilih Update Field untuk memperbarui "
                                 "daftar gambar.")

    heading(doc, "IKHTISAR EKSEKUTIF", 1, page_break_before=True)
    para(doc, "Laporan Kinerja {{ info.nama_lengkap }} Tahun {{ info.tahun }} merupakan wujud "
              "transparansi dan akuntabilitas atas pelaksanaan tugas, fungsi dan penggunaan "
              "anggaran. Pengukuran kinerja dilakukan terhadap target yang ditetapkan dalam "
              "Perjanjian Kinerja Tahun {{ info.tahun }}.")
    para(doc, "Pada tahun {{ info.tahun }} ditetapkan {{ depan.jumlah_sasaran }} sasaran strategis "
              "yang diukur dengan {{ depan.jumlah_indikator_sasaran }} indikator kinerja utama"
              "{% if depan.jumlah_indikator_tujuan %}, ditambah "
              "{{ depan.jumlah_indikator_tujuan }} indikator kinerja utama tingkat tujuan"
              "{% endif %}. Rata-rata "
              "capaian seluruh indikator sebesar {{ depan.rata_indikator }} dan rata-rata capaian "
              "sasaran sebesar {{ depan.rata_capaian }}, sehingga kinerja tahun ini berada pada "
              "kategori {{ depan.kategori }}. Sebaran capaian indikator menurut kategori adalah "
              "sebagai berikut:")
    items(doc, "depan.sebaran", marker="{{ x.no }}",
          text="{{ x.kategori }} ({{ x.rentang }}): {{ x.jumlah }} indikator")
    para(doc, "Pencapaian kinerja tersebut didukung anggaran APBD sebesar {{ depan.pagu }}"
              "{% if depan.dua_jenis %}, terdiri atas Belanja Operasi {{ depan.pagu_operasi }} dan "
              "Belanja Modal {{ depan.pagu_modal }}{% elif depan.jenis_tunggal %}, seluruhnya "
              "{{ depan.jenis_tunggal }}{% endif %}. Realisasi keuangan mencapai "
              "{{ depan.realisasi }} atau serapan anggaran {{ depan.serapan }}"
              "{% if depan.dua_jenis %} (Belanja Operasi {{ depan.realisasi_operasi }}, "
              "Belanja Modal {{ depan.realisasi_modal }}){% endif %}, sehingga efisiensi anggaran "
              "(100% dikurangi serapan) sebesar {{ depan.efisiensi_anggaran }}. Efisiensi "
              "anggaran ini adalah sisa anggaran, berbeda dari tingkat efisiensi pada Bab III "
              "(rasio capaian kinerja terhadap serapan anggaran).")
    para(doc, "Kendala yang dihadapi dan upaya perbaikannya diuraikan pada Bab III. "
              "{{ info.nama_instansi }} akan terus berupaya mengatasi hambatan tersebut untuk "
              "meningkatkan kinerja pada tahun-tahun mendatang.")
