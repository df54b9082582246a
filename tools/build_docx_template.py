"""Build templates/docx/lkjip.docx, the ONE master template of the LKjIP Word report.

    python tools/build_docx_template.py [output.docx]

python-docx writes the styles (Title, Heading 1-3, Body Text, Caption, Daftar, table
text styles), the fixed set of sections (cover, front matter in lower-roman page
numbers, the body in arabic numbers from BAB I, landscape sections for the wide
tables), the headers/footers with a PAGE field, the Word TOC field, the boilerplate
prose and the Jinja tags that docxtpl fills (generator/render/docx). One function per
chapter, in the order of the report; the context each tag reads is built by the module
of the same chapter in generator/render/docx/.

Every Jinja tag is written as ONE run so that Word and docxtpl see it whole; a
secretariat editing the template in Word must likewise retype a tag in one go.
"""

from __future__ import annotations

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

FONT = "Arial"
PORTRAIT_WIDTH = 16.0     # cm of text width, A4 portrait (left 3, right 2)
LANDSCAPE_WIDTH = 25.5    # cm of text width, A4 landscape (left 2, right 2)
SHADE_HEADER = "D9E2F3"
SHADE_GROUP = "EDEDED"

CENTER = WD_ALIGN_PARAGRAPH.CENTER
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT
LEFT = WD_ALIGN_PARAGRAPH.LEFT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


# --- Styles ------------------------------------------------------------------------------

def _font(style, size, bold=None, italic=None, color=RGBColor(0, 0, 0)):
    style.font.name = FONT
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    style.font.color.rgb = color


def _para_style(doc, name, base="Normal", size=11, bold=None, italic=None, align=None,
                before=0, after=6, line=1.15, left=None, first=None, keep_next=False):
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
    style.quick_style = True
    _font(style, size, bold, italic)
    pf = style.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing = line
    if align is not None:
        pf.alignment = align
    if left is not None:
        pf.left_indent = Cm(left)
    if first is not None:
        pf.first_line_indent = Cm(first)
    pf.keep_with_next = keep_next
    return style


def setup_styles(doc):
    _para_style(doc, "Normal", size=11, after=6)
    _para_style(doc, "Title", size=18, bold=True, align=CENTER, before=0, after=6, line=1.0)
    title = doc.styles["Title"]
    # drop the theme border/spacing of python-docx's default Title
    ppr = title.element.get_or_add_pPr()
    for child in list(ppr):
        if child.tag == qn("w:pBdr"):
            ppr.remove(child)
    _para_style(doc, "Heading 1", size=14, bold=True, align=CENTER, before=0, after=18,
                keep_next=True)
    _para_style(doc, "Heading 2", size=12, bold=True, align=LEFT, before=12, after=6,
                keep_next=True)
    _para_style(doc, "Heading 3", size=11, bold=True, align=LEFT, before=10, after=4,
                keep_next=True)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        doc.styles[name].font.italic = False
    _para_style(doc, "Body Text", size=11, align=JUSTIFY, first=1.25, after=6, line=1.5)
    _para_style(doc, "Caption", size=10, bold=True, italic=False, align=CENTER, before=10,
                after=4, line=1.0, keep_next=True)
    _para_style(doc, "Catatan Tabel", size=8, italic=True, align=LEFT, before=2, after=8,
                line=1.0)
    daftar = _para_style(doc, "Daftar", size=11, align=JUSTIFY, left=1.0, first=-0.6,
                         after=3, line=1.5)
    daftar.paragraph_format.tab_stops.add_tab_stop(Cm(1.0))
    lebar = _para_style(doc, "Daftar Lebar", size=11, align=JUSTIFY, left=1.8, first=-1.8,
                        after=3, line=1.5)
    lebar.paragraph_format.tab_stops.add_tab_stop(Cm(1.8))
    daftar2 = _para_style(doc, "Daftar 2", size=11, align=JUSTIFY, left=1.6, first=-0.6,
                          after=2, line=1.5)
    daftar2.paragraph_format.tab_stops.add_tab_stop(Cm(1.6))
    _para_style(doc, "Tabel Isi", size=9, align=LEFT, after=0, line=1.0)
    _para_style(doc, "Tabel Judul", size=9, bold=True, align=CENTER, after=0, line=1.0)
    _para_style(doc, "Tabel Kecil", size=7, align=LEFT, after=0, line=1.0)
    _para_style(doc, "Tabel Kecil Judul", size=7, bold=True, align=CENTER, after=0, line=1.0)
    _para_style(doc, "Tanda Tangan", size=11, align=CENTER, after=0, line=1.0)
    _para_style(doc, "Sampul", size=14, bold=True, align=CENTER, after=6, line=1.15)
    _para_style(doc, "Judul Lampiran", size=12, bold=True, align=CENTER, after=4, line=1.15,
                keep_next=True)
    _para_style(doc, "Rumus", size=11, align=CENTER, before=4, after=4, line=1.15)
    _para_style(doc, "Header", size=8, italic=True, align=RIGHT, after=0, line=1.0)
    _para_style(doc, "Footer", size=9, align=CENTER, after=0, line=1.0)
    for level in (1, 2, 3):
        _para_style(doc, f"TOC {level}", size=11, after=2, line=1.15, left=0.6 * (level - 1))


# --- Paragraphs ------------------------------------------------------------------------------

def para(container, text="", style="Body Text", bold=False, italic=False, align=None,
         page_break_before=False, keep_next=None, underline=False, size=None):
    p = container.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        run.underline = underline or None
        if size:
            run.font.size = Pt(size)
    if align is not None:
        p.alignment = align
    if page_break_before:
        p.paragraph_format.page_break_before = True
    if keep_next is not None:
        p.paragraph_format.keep_with_next = keep_next
    return p


def runs(container, parts, style="Body Text", align=None):
    """A paragraph of several runs: parts = [(text, {"bold": True}), "plain", ...]."""
    p = container.add_paragraph(style=style)
    for part in parts:
        text, opts = (part, {}) if isinstance(part, str) else part
        run = p.add_run(text)
        run.bold = opts.get("bold") or None
        run.italic = opts.get("italic") or None
        run.underline = opts.get("underline") or None
    if align is not None:
        p.alignment = align
    return p


def tag(container, text):
    """A paragraph holding only a {%p ... %} tag (removed at render)."""
    return para(container, text, style="Normal")


def heading(doc, text, level, page_break_before=False):
    p = doc.add_paragraph(style=f"Heading {level}")
    p.add_run(text)
    if page_break_before:
        p.paragraph_format.page_break_before = True
    return p


def caption(doc, text):
    return para(doc, text, style="Caption")


def items(doc, loop, marker="{{ x.no }}", text="{{ x.teks }}", style="Daftar"):
    """A list written by a loop: one paragraph per item with a literal marker."""
    tag(doc, "{%p for x in " + loop + " %}")
    p = doc.add_paragraph(style=style)
    p.add_run(marker)
    p.add_run("\t")
    p.add_run(text)
    tag(doc, "{%p endfor %}")


def paragraphs(doc, loop, style="Body Text"):
    tag(doc, "{%p for t in " + loop + " %}")
    para(doc, "{{ t }}", style=style)
    tag(doc, "{%p endfor %}")


def page_break(doc):
    p = doc.add_paragraph(style="Normal")
    p.add_run().add_break(WD_BREAK.PAGE)
    return p


# --- Fields ------------------------------------------------------------------------------

def _fld(run, instr, placeholder, dirty=False):
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    if dirty:
        begin.set(qn("w:dirty"), "true")
    run._r.append(begin)
    r2 = run._parent.add_run()
    instr_el = OxmlElement("w:instrText")
    instr_el.set(qn("xml:space"), "preserve")
    instr_el.text = f" {instr} "
    r2._r.append(instr_el)
    r3 = run._parent.add_run()
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    r3._r.append(sep)
    r4 = run._parent.add_run(placeholder)
    r5 = run._parent.add_run()
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    r5._r.append(end)
    return r4


def page_field(paragraph):
    _fld(paragraph.add_run(), "PAGE", "1")


def toc_field(doc):
    p = doc.add_paragraph(style="Normal")
    _fld(p.add_run(), 'TOC \\o "1-2" \\h \\z \\u',
         "Klik kanan di sini lalu pilih Update Field untuk memperbarui daftar isi.",
         dirty=True)
    return p


# --- Sections -------------------------------------------------------------------------------

def page_setup(section, landscape=False):
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.left_margin = section.right_margin = Cm(2.1)
        section.top_margin = section.bottom_margin = Cm(2.0)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin, section.right_margin = Cm(3.0), Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(2.5)
    section.header_distance = Cm(1.2)
    section.footer_distance = Cm(1.2)


def new_section(doc, landscape=False):
    """A new page section; python-docx copies the previous sectPr, so drop its page-number
    restart (the numbering continues) and set the orientation."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    pg = section._sectPr.find(qn("w:pgNumType"))
    if pg is not None:
        section._sectPr.remove(pg)
    page_setup(section, landscape)
    return section


def page_numbering(section, fmt=None, start=None):
    sect = section._sectPr
    pg = sect.find(qn("w:pgNumType"))
    if pg is None:
        pg = OxmlElement("w:pgNumType")
        # schema order: pgNumType comes after pgMar / paperSrc / pgBorders / lnNumType
        anchor = None
        for name in ("w:lnNumType", "w:pgBorders", "w:paperSrc", "w:pgMar", "w:pgSz"):
            anchor = sect.find(qn(name))
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addnext(pg)
        else:
            sect.append(pg)
    if fmt:
        pg.set(qn("w:fmt"), fmt)
    if start is not None:
        pg.set(qn("w:start"), str(start))


# --- Tables --------------------------------------------------------------------------------------

TBLPR_ORDER = ["w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual",
               "w:tblStyleRowBandSize", "w:tblStyleColBandSize", "w:tblW", "w:jc",
               "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
               "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"]


def tblpr_put(tblPr, el):
    """Insert (or replace) a child of w:tblPr at its place in the schema order."""
    name = el.tag
    old = tblPr.find(name)
    if old is not None:
        tblPr.remove(old)
    rank = {qn(n): i for i, n in enumerate(TBLPR_ORDER)}
    mine = rank[name]
    for child in tblPr:
        if rank.get(child.tag, -1) > mine:
            child.addprevious(el)
            return el
    tblPr.append(el)
    return el


class Table:
    """A table with fixed column widths (cm) and a text style for its cells."""

    def __init__(self, doc, widths, small=False):
        self.widths = widths
        self.style = "Tabel Kecil" if small else "Tabel Isi"
        self.head_style = "Tabel Kecil Judul" if small else "Tabel Judul"
        self.tbl = doc.add_table(rows=0, cols=len(widths))
        self.tbl.style = doc.styles["Table Grid"]
        self.tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
        tblPr = self.tbl._tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tblpr_put(tblPr, layout)
        tblW = tblPr.find(qn("w:tblW"))
        if tblW is None:
            tblW = tblpr_put(tblPr, OxmlElement("w:tblW"))
        tblW.set(qn("w:type"), "dxa")
        tblW.set(qn("w:w"), str(int(sum(widths) * 567)))
        for gc, w in zip(self.tbl._tbl.tblGrid.findall(qn("w:gridCol")), widths):
            gc.set(qn("w:w"), str(int(w * 567)))
        if small:
            # narrow cell margins so that 13-digit Rupiah amounts fit their columns
            mar = OxmlElement("w:tblCellMar")
            for side, w in (("top", 0), ("left", 45), ("bottom", 0), ("right", 45)):
                el = OxmlElement(f"w:{side}")
                el.set(qn("w:w"), str(w))
                el.set(qn("w:type"), "dxa")
                mar.append(el)
            tblpr_put(tblPr, mar)

    def row(self, texts, bold=False, italic=False, shade=None, aligns=None, header=False,
            indent=None, style=None):
        r = self.tbl.add_row()
        for i, (cell, text) in enumerate(zip(r.cells, texts)):
            cell.width = Cm(self.widths[i])
            p = cell.paragraphs[0]
            p.style = style or (self.head_style if header else self.style)
            if text:
                run = p.add_run(text)
                run.bold = bold or None
                run.italic = italic or None
            if aligns and aligns[i]:
                p.alignment = {"c": CENTER, "r": RIGHT, "l": LEFT}[aligns[i]]
            if indent and i == indent[0]:
                p.paragraph_format.left_indent = Cm(indent[1])
            if shade:
                set_shade(cell, shade)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER if header else \
                WD_CELL_VERTICAL_ALIGNMENT.TOP
        if header:
            repeat_header(r)
        cant_split(r)
        return r

    def head(self, texts):
        return self.row(texts, header=True, shade=SHADE_HEADER, aligns=["c"] * len(texts))

    def tag(self, text):
        """A row holding only a {%tr ... %} tag (removed at render)."""
        r = self.tbl.add_row()
        for i, cell in enumerate(r.cells):
            cell.width = Cm(self.widths[i])
        r.cells[0].paragraphs[0].style = self.style
        r.cells[0].paragraphs[0].add_run(text)
        return r

    def numbers(self, count=None):
        """The "(1) (2) ..." column-number row of Indonesian planning tables."""
        n = count or len(self.widths)
        return self.row([f"({i + 1})" for i in range(n)], header=True, italic=True,
                        aligns=["c"] * n)


def set_shade(cell, fill):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    later = {qn(n) for n in ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText",
                             "w:vAlign", "w:hideMark")}
    for child in tcPr:
        if child.tag in later:
            child.addprevious(shd)
            return
    tcPr.append(shd)


def repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def cant_split(row):
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    trPr.insert(0, el)


def no_borders(table):
    tblPr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr_put(tblPr, borders)


def merge(table, r1, c1, r2, c2, text=None, style=None):
    cell = table.tbl.cell(r1, c1).merge(table.tbl.cell(r2, c2))
    if text is not None:
        for p in cell.paragraphs[1:]:
            p._p.getparent().remove(p._p)
        p = cell.paragraphs[0]
        for r in list(p.runs):
            r._r.getparent().remove(r._r)
        p.add_run(text)
        if style:
            p.style = style
        p.alignment = CENTER
    return cell


def frame(doc, text, height_cm, width_cm=12.0):
    """A bordered empty box (logo / photo placeholder) with a hint text."""
    t = doc.add_table(rows=1, cols=1)
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    cell = t.cell(0, 0)
    cell.width = Cm(width_cm)
    t._tbl.tblGrid.findall(qn("w:gridCol"))[0].set(qn("w:w"), str(int(width_cm * 567)))
    tr = t.rows[0]
    tr.height = Cm(height_cm)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    p = cell.paragraphs[0]
    p.style = "Tabel Isi"
    p.alignment = CENTER
    run = p.add_run(text)
    run.italic = True
    run.font.color.rgb = RGBColor(0x80, 0x80, 0x80)
    return t


# =========================================================================================
# The report, chapter by chapter
# =========================================================================================

def signature(doc, who="info.ttd", left=8.0, place=True):
    """Signature block of the head of the agency, right of the page."""
    lines = []
    if place:
        lines.append(para(doc, "{{ info.tempat }}, {{ info.bulan_tahun }}", style="Tanda Tangan"))
    lines.append(para(doc, "{{ " + who + ".jabatan_upper }}", style="Tanda Tangan", bold=True))
    lines.append(para(doc, "{{ info.pemda_upper }}", style="Tanda Tangan", bold=True))
    for _ in range(3):
        lines.append(para(doc, "", style="Tanda Tangan"))
    lines.append(para(doc, "{{ " + who + ".nama }}", style="Tanda Tangan", bold=True,
                      underline=True))
    tag(doc, "{%p if " + who + ".pangkat_gol %}")
    lines.append(para(doc, "{{ " + who + ".pangkat_gol }}", style="Tanda Tangan"))
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if " + who + ".nip %}")
    lines.append(para(doc, "NIP. {{ " + who + ".nip }}", style="Tanda Tangan"))
    tag(doc, "{%p endif %}")
    for p in lines:
        p.paragraph_format.left_indent = Cm(left)
        p.paragraph_format.keep_with_next = True


def two_signatures(doc, left="pk.kedua", right="pk.pertama", width=PORTRAIT_WIDTH):
    """Two signature blocks side by side (PK: pihak kedua left, pihak pertama right)."""
    t = doc.add_table(rows=1, cols=2)
    no_borders(t)
    half = width / 2
    for gc in t._tbl.tblGrid.findall(qn("w:gridCol")):
        gc.set(qn("w:w"), str(int(half * 567)))
    cant_split(t.rows[0])
    for cell, who, label in ((t.cell(0, 0), left, "PIHAK KEDUA,"),
                             (t.cell(0, 1), right, "PIHAK PERTAMA,")):
        cell.width = Cm(half)
        p = cell.paragraphs[0]
        p.style = "Tanda Tangan"
        p.add_run(label).bold = True
        cell.add_paragraph("{{ " + who + ".jabatan }}", style="Tanda Tangan")
        for _ in range(3):
            cell.add_paragraph("", style="Tanda Tangan")
        r = cell.add_paragraph(style="Tanda Tangan").add_run("{{ " + who + ".nama }}")
        r.bold = True
        r.underline = True
        cell.add_paragraph("{{ " + who + ".nip_baris }}", style="Tanda Tangan")
    return t


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
    frame(doc, "[Tempat logo pemerintah daerah: klik kanan, Ganti Gambar]", 5.0, 5.0)
    for _ in range(2):
        para(doc, "", style="Sampul")
    para(doc, "{{ sampul.nama_instansi }}", style="Sampul", size=18)
    para(doc, "PEMERINTAH {{ sampul.nama_pemda }}", style="Sampul")
    for _ in range(6):
        para(doc, "", style="Sampul")
    tag(doc, "{%p for k in sampul.kontak %}")
    para(doc, "{{ k }}", style="Tanda Tangan")
    tag(doc, "{%p endfor %}")


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
              "dengan {{ depan.jumlah_indikator }} indikator kinerja utama. Rata-rata capaian "
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

    heading(doc, "IKHTISAR EKSEKUTIF", 1, page_break_before=True)
    para(doc, "Laporan Kinerja {{ info.nama_lengkap }} Tahun {{ info.tahun }} merupakan wujud "
              "transparansi dan akuntabilitas atas pelaksanaan tugas, fungsi dan penggunaan "
              "anggaran. Pengukuran kinerja dilakukan terhadap target yang ditetapkan dalam "
              "Perjanjian Kinerja Tahun {{ info.tahun }}.")
    para(doc, "Pada tahun {{ info.tahun }} ditetapkan {{ depan.jumlah_sasaran }} sasaran strategis "
              "yang diukur dengan {{ depan.jumlah_indikator }} indikator kinerja utama. Rata-rata "
              "capaian seluruh indikator sebesar {{ depan.rata_indikator }} dan rata-rata capaian "
              "sasaran sebesar {{ depan.rata_capaian }}, sehingga kinerja tahun ini berada pada "
              "kategori {{ depan.kategori }}. Sebaran capaian indikator menurut kategori adalah "
              "sebagai berikut:")
    items(doc, "depan.sebaran", marker="{{ x.no }}",
          text="{{ x.kategori }} ({{ x.rentang }}): {{ x.jumlah }} indikator")
    para(doc, "Pencapaian kinerja tersebut didukung anggaran APBD sebesar {{ depan.pagu }}, terdiri "
              "atas Belanja Operasi {{ depan.pagu_operasi }} dan Belanja Modal "
              "{{ depan.pagu_modal }}. Realisasi keuangan mencapai {{ depan.realisasi }} atau "
              "serapan anggaran {{ depan.serapan }} (Belanja Operasi {{ depan.realisasi_operasi }}, "
              "Belanja Modal {{ depan.realisasi_modal }}), sehingga efisiensi anggaran "
              "(100% dikurangi serapan) sebesar {{ depan.efisiensi_anggaran }}.")
    para(doc, "Kendala yang dihadapi dan upaya perbaikannya diuraikan pada Bab III. "
              "{{ info.nama_instansi }} akan terus berupaya mengatasi hambatan tersebut untuk "
              "meningkatkan kinerja pada tahun-tahun mendatang.")


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

    frame(doc, "[Tempat bagan struktur organisasi: sisipkan gambar di sini]", 9.0, 15.0)
    caption(doc, "Gambar 1.1 Struktur Organisasi {{ info.nama_lengkap }}")

    para(doc, "Jumlah pegawai di lingkungan {{ info.nama_lengkap }} sebanyak "
              "{{ bab1.pegawai.kalimat }}, dengan rincian sebagai berikut.")
    caption(doc, "Tabel 1.1 Jumlah PNS, PPPK dan Tenaga Kontrak Menurut Jabatan")
    t = Table(doc, [1.0, 6.5, 2.0, 2.0, 2.5, 2.0])
    t.head(["NO", "JABATAN", "PNS", "PPPK", "TENAGA KONTRAK", "JUMLAH"])
    t.tag("{%tr for r in bab1.pegawai.jabatan %}")
    t.row(["{{ r.no }}", "{{ r.jabatan }}", "{{ r.pns }}", "{{ r.pppk }}", "{{ r.kontrak }}",
           "{{ r.jumlah }}"], aligns=["c", None, "c", "c", "c", "c"])
    t.tag("{%tr endfor %}")
    t.row(["", "JUMLAH", "{{ bab1.pegawai.pns }}", "{{ bab1.pegawai.pppk }}",
           "{{ bab1.pegawai.kontrak }}", "{{ bab1.pegawai.jumlah }}"], bold=True,
          shade=SHADE_GROUP, aligns=["c", "c", "c", "c", "c", "c"])

    caption(doc, "Tabel 1.2 Jumlah Pegawai Menurut Tingkat Pendidikan")
    t = Table(doc, [1.0, 8.0, 3.0])
    t.head(["NO", "PENDIDIKAN", "JUMLAH"])
    t.tag("{%tr for r in bab1.pegawai.pendidikan %}")
    t.row(["{{ r.no }}", "{{ r.pendidikan }}", "{{ r.jumlah }}"], aligns=["c", None, "c"])
    t.tag("{%tr endfor %}")
    t.row(["", "JUMLAH", "{{ bab1.pegawai.jumlah_pendidikan }}"], bold=True, shade=SHADE_GROUP,
          aligns=["c", "c", "c"])

    caption(doc, "Tabel 1.3 Jumlah PNS Menurut Pangkat/Golongan")
    t = Table(doc, [1.0, 6.5, 3.0, 3.0])
    t.head(["NO", "PANGKAT", "GOLONGAN", "JUMLAH"])
    t.tag("{%tr for r in bab1.pegawai.golongan %}")
    t.row(["{{ r.no }}", "{{ r.pangkat }}", "{{ r.golongan }}", "{{ r.jumlah }}"],
          aligns=["c", None, "c", "c"])
    t.tag("{%tr endfor %}")
    t.row(["", "JUMLAH", "", "{{ bab1.pegawai.jumlah_golongan }}"], bold=True, shade=SHADE_GROUP,
          aligns=["c", "c", "c", "c"])

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
    tag(doc, "{%p for m in bab2.misi_didukung %}")
    para(doc, "Dalam penyelenggaraan tugasnya, {{ info.nama_instansi }} mendukung misi ke-{{ m.nomor }}, "
              "yaitu “{{ m.misi }}”.")
    tag(doc, "{%p endfor %}")
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
    caption(doc, "Tabel 2.1 Tujuan, Sasaran, Indikator dan Target Kinerja Renstra "
                 "{{ info.periode_renstra }}")
    tabel_renstra(doc, "bab2.renstra", small=True)
    para(doc, "Sumber: Renstra {{ info.nama_lengkap }} periode {{ info.periode_renstra }}",
         style="Catatan Tabel")

    heading(doc, "4. Indikator Kinerja Utama", 3)
    para(doc, "Indikator Kinerja Utama (IKU) merupakan ukuran keberhasilan tujuan dan sasaran "
              "strategis perangkat daerah. IKU {{ info.nama_lengkap }} Tahun {{ info.tahun }} "
              "beserta definisi, cara perhitungan dan sumber datanya adalah sebagai berikut.")
    caption(doc, "Tabel 2.2 Indikator Kinerja Utama {{ info.nama_lengkap }}")
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
    caption(doc, "Tabel 2.3 Rencana Kerja Tahun {{ info.tahun }} {{ info.nama_lengkap }}")
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
    para(doc, "Perjanjian Kinerja Kepala {{ info.nama_instansi }} ditandatangani pada tanggal "
              "{{ bab2.pk_tanggal }} dengan target sebagai berikut.")
    tag(doc, "{%p endif %}")
    caption(doc, "Tabel 2.4 Perjanjian Kinerja {{ info.nama_lengkap }} Tahun {{ info.tahun }}")
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
    tag(doc, "{%p if bab2.ada_perubahan %}")
    para(doc, "Pada Tahun {{ info.tahun }} dilakukan perubahan Perjanjian Kinerja seiring perubahan "
              "anggaran, dengan target sebagai berikut. Target inilah yang menjadi dasar "
              "pengukuran capaian pada Bab III.")
    tag(doc, "{%p else %}")
    para(doc, "Pada Tahun {{ info.tahun }} tidak dilakukan perubahan target Perjanjian Kinerja; "
              "tabel berikut menyajikan target yang menjadi dasar pengukuran capaian pada Bab III.")
    tag(doc, "{%p endif %}")
    caption(doc, "Tabel 2.5 Perubahan Perjanjian Kinerja Tahun {{ info.tahun }}")
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

    para(doc, "Untuk mencapai target kinerja tersebut dilaksanakan program, kegiatan dan sub "
              "kegiatan sesuai Dokumen Pelaksanaan Anggaran (DPA) sebagai berikut.")
    caption(doc, "Tabel 2.6 Program, Kegiatan dan Sub Kegiatan {{ info.nama_lengkap }} Tahun "
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


def budget_rows(t, loop, cells, aligns, name_col=0):
    """Flat hierarchical rows: shaded bold group rows, then plain sub kegiatan rows.

    The row variant is chosen by r.tingkat so the formatting stays in the template.
    """
    t.tag("{%tr for r in " + loop + " %}")
    t.tag("{%tr if r.tingkat == 'urusan' %}")
    t.row(cells, bold=True, shade=SHADE_HEADER, aligns=aligns)
    t.tag("{%tr elif r.tingkat == 'program' %}")
    t.row(cells, bold=True, shade=SHADE_GROUP, aligns=aligns)
    t.tag("{%tr elif r.tingkat == 'kegiatan' %}")
    t.row(cells, bold=True, aligns=aligns, indent=(name_col, 0.2))
    t.tag("{%tr elif r.tingkat == 'jenis' %}")
    t.row(cells, italic=True, aligns=aligns, indent=(name_col, 0.6))
    t.tag("{%tr elif r.tingkat == 'rekening' %}")
    t.row(cells, aligns=aligns, indent=(name_col, 0.8))
    t.tag("{%tr else %}")
    t.row(cells, aligns=aligns, indent=(name_col, 0.4))
    t.tag("{%tr endif %}")
    t.tag("{%tr endfor %}")


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
    caption(doc, "Tabel 3.1 Skala Nilai Peringkat Kinerja")
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
    caption(doc, "Tabel 3.2 Capaian Indikator Kinerja Utama {{ info.nama_lengkap }} Tahun "
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
    runs(doc, ["Sasaran {{ i.sasaran_kode }}: ", ("“{{ i.sasaran }}”", {"italic": True})],
         style="Body Text")
    para(doc, "Realisasi indikator ini pada Tahun {{ info.tahun }} sebesar {{ i.realisasi }} dari "
              "target {{ i.target }} ({{ i.target_sumber }}), sehingga capaian kinerjanya "
              "{{ i.capaian }} dengan kategori {{ i.kategori }}.")
    tag(doc, "{%p if i.dukungan %}")
    para(doc, "Sub kegiatan yang mendukung pencapaian indikator {{ i.kode }}:")
    items(doc, "i.dukungan")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if i.keterangan %}")
    para(doc, "Keterangan: {{ i.keterangan }}")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if i.ada_rumus %}")
    para(doc, "Perhitungan realisasi indikator:")
    para(doc, "{{ i.rumus_label }}", style="Rumus", italic=True)
    para(doc, "{{ i.rumus_angka }}", style="Rumus", bold=True)
    tag(doc, "{%p else %}")
    para(doc, "Realisasi indikator ini dicatat langsung sebesar {{ i.realisasi }}.")
    tag(doc, "{%p endif %}")
    para(doc, "Capaian kinerja terhadap target {{ i.target_sumber }} Tahun {{ info.tahun }}:")
    para(doc, "{{ i.rumus_capaian }}", style="Rumus", bold=True)
    para(doc, "(Kategori {{ i.kategori }})", style="Rumus")
    tag(doc, "{%p endfor %}")
    para(doc, "Perbandingan capaian kinerja tahun ini dengan tahun-tahun sebelumnya disajikan pada "
              "tabel berikut.")

    # Tabel 3.3: one landscape section
    new_section(doc, landscape=True)
    caption(doc, "Tabel 3.3 Perbandingan Capaian Kinerja dengan Tahun-Tahun Sebelumnya")
    t = Table(doc, [0.8, 3.6, 4.6, 0.01, 1.9, 1.9, 1.9, 0.01], small=True)
    t.head(["NO", "SASARAN", "INDIKATOR KINERJA", "{%tc for y in bab3.riwayat_tahun %}",
            "TARGET {{ y }}", "REALISASI {{ y }}", "CAPAIAN {{ y }} (%)", "{%tc endfor %}"])
    t.tag("{%tr for g in bab3.riwayat %}")
    t.tag("{%tr for i in g.indikator %}")
    t.row(["{% vm %}{{ g.no }}", "{% vm %}{{ g.sasaran }}", "{{ i.kode }} {{ i.nama }}",
           "{%tc for v in i.tahun %}", "{{ v.target }}", "{{ v.realisasi }}", "{{ v.capaian }}",
           "{%tc endfor %}"], aligns=["c", None, None, "c", "c", "c", "c", "c"])
    t.tag("{%tr endfor %}")
    t.tag("{%tr endfor %}")
    para(doc, "Capaian dihitung dari target dan realisasi tahun yang bersangkutan.",
         style="Catatan Tabel")

    new_section(doc)
    tag(doc, "{%p if bab3.perbandingan %}")
    para(doc, "Penjelasan perbandingan realisasi kinerja dengan tahun-tahun sebelumnya:")
    tag(doc, "{%p for x in bab3.perbandingan %}")
    p = doc.add_paragraph(style="Daftar")
    p.add_run("{{ x.no }}")
    p.add_run("\t")
    p.add_run("Indikator {{ x.kode }} {{ x.nama }}: ").bold = True
    p.add_run("{{ x.teks }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    para(doc, "Perbandingan realisasi kinerja sampai dengan Tahun {{ info.tahun }} terhadap target "
              "akhir Renstra periode {{ info.periode_renstra }} disajikan sebagai berikut.")
    caption(doc, "Tabel 3.4 Tingkat Kemajuan Capaian Sasaran Strategis")
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
    para(doc, "Berdasarkan Tabel 3.4 dapat disimpulkan:")
    items(doc, "bab3.kemajuan_simpulan")

    para(doc, "Analisis penyebab keberhasilan atau kegagalan serta upaya yang dilakukan disajikan "
              "pada tabel dan uraian berikut.")
    caption(doc, "Tabel 3.5 Analisis Keberhasilan, Kegagalan dan Solusi")
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
    para(doc, "Faktor pendukung keberhasilan:")
    items(doc, "a.pendukung")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if a.penghambat %}")
    para(doc, "Faktor penghambat:")
    items(doc, "a.penghambat")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if a.upaya %}")
    para(doc, "Upaya yang dilakukan untuk meningkatkan kinerja:")
    items(doc, "a.upaya")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    para(doc, "Program dan kegiatan yang menunjang keberhasilan atau kegagalan pencapaian kinerja "
              "dianalisis pada tabel berikut.")

    # Tabel 3.6 + Gambar 3.1 + B (Tabel 3.7, Gambar 3.2): landscape
    new_section(doc, landscape=True)
    caption(doc, "Tabel 3.6 Analisis Keberhasilan dan Kegagalan Program dan Kegiatan")
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
    para(doc, "Menunjang: capaian keluaran berada pada kategori tertinggi skala Tabel 3.1.",
         style="Catatan Tabel")
    tag(doc, "{%p for s in bab3.program_per_sasaran %}")
    para(doc, "Program yang mendukung tercapainya Sasaran {{ s.kode }} “{{ s.nama }}”:")
    items(doc, "s.program")
    tag(doc, "{%p endfor %}")

    para(doc, "{{ bab3.grafik_capaian }}", style="Rumus")
    caption(doc, "Gambar 3.1 Target dan Realisasi Indikator Kinerja Utama Tahun {{ info.tahun }}")

    heading(doc, "B. Realisasi Anggaran", 2)
    para(doc, "Realisasi anggaran yang digunakan untuk mewujudkan kinerja sesuai Perjanjian "
              "Kinerja diuraikan sebagai berikut.")
    caption(doc, "Tabel 3.7 Capaian Anggaran Program dan Kegiatan Tahun {{ info.tahun }}")
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
    para(doc, "{{ bab3.grafik_serapan }}", style="Rumus")
    caption(doc, "Gambar 3.2 Serapan Anggaran per Program Tahun {{ info.tahun }}")
    para(doc, "Pada Tahun {{ info.tahun }}, {{ info.nama_lengkap }} memperoleh alokasi anggaran "
              "sebesar {{ bab3.total.rp_pagu }} dan merealisasikan {{ bab3.total.rp_realisasi }}, "
              "atau serapan anggaran {{ bab3.total.serapan_pct }}, dengan sisa anggaran "
              "{{ bab3.total.rp_sisa }}.")

    new_section(doc)
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

    # C. Efisiensi: landscape
    new_section(doc, landscape=True)
    heading(doc, "C. Tingkat Efisiensi Penggunaan Sumber Daya", 2)
    para(doc, "Analisis efisiensi penggunaan sumber daya dalam pencapaian tujuan dan sasaran "
              "disajikan pada tabel berikut.")
    caption(doc, "Tabel 3.8 Perbandingan Pencapaian Kinerja dan Anggaran Tujuan dan Sasaran")
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
               "yang diserap; nilai < 1 berarti tidak efisien."])
    para(doc, "Berdasarkan Tabel 3.8 dapat diuraikan sebagai berikut:")
    items(doc, "bab3.efisiensi_analisis")
    para(doc, "{{ bab3.efisiensi_simpulan }}")
    para(doc, "Analisis efisiensi pada tingkat program, kegiatan dan sub kegiatan disajikan pada "
              "tabel berikut.")
    caption(doc, "Tabel 3.9 Perbandingan Pencapaian Kinerja dan Anggaran Program dan Kegiatan")
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

    new_section(doc)
    heading(doc, "D. Evaluasi Kinerja", 2)
    paragraphs(doc, "bab3.evaluasi")
    heading(doc, "E. Akuntabilitas Keuangan", 2)
    para(doc, "Anggaran belanja {{ info.nama_lengkap }} Tahun {{ info.tahun }} berjumlah "
              "{{ bab3.keuangan.rp_pagu }}, terdiri atas Belanja Operasi "
              "{{ bab3.keuangan.rp_pagu_operasi }} dan Belanja Modal "
              "{{ bab3.keuangan.rp_pagu_modal }}. Realisasinya disajikan pada tabel berikut.")
    caption(doc, "Tabel 3.10 Realisasi Belanja Operasi dan Belanja Modal Tahun {{ info.tahun }}")
    t = Table(doc, [1.0, 5.0, 3.5, 3.5, 2.5])
    t.head(["NO", "URAIAN", "ANGGARAN (Rp)", "REALISASI (Rp)", "SERAPAN (%)"])
    t.tag("{%tr for r in bab3.keuangan.baris %}")
    t.row(["{{ r.no }}", "{{ r.uraian }}", "{{ r.pagu }}", "{{ r.realisasi }}", "{{ r.serapan }}"],
          aligns=["c", None, "r", "r", "c"])
    t.tag("{%tr endfor %}")
    t.row(["", "JUMLAH", "{{ bab3.total.pagu }}", "{{ bab3.total.realisasi }}",
           "{{ bab3.total.serapan }}"], bold=True, shade=SHADE_GROUP,
          aligns=["c", None, "r", "r", "c"])


# --- BAB IV -------------------------------------------------------------------------------------------

def bab4(doc):
    heading(doc, "BAB IV PENUTUP", 1, page_break_before=True)
    para(doc, "Laporan Kinerja {{ info.nama_lengkap }} Tahun {{ info.tahun }} merupakan "
              "pertanggungjawaban tertulis atas penyelenggaraan tugas dan fungsi selama tahun "
              "{{ info.tahun }}, sekaligus pemenuhan amanat Peraturan Presiden Nomor 29 Tahun 2014 "
              "tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah.")
    para(doc, "Pada Tahun {{ info.tahun }} ditetapkan {{ bab4.jumlah_sasaran }} sasaran strategis "
              "dengan {{ bab4.jumlah_indikator }} indikator kinerja utama sesuai Rencana Kerja "
              "Tahunan dan Perjanjian Kinerja. Pencapaiannya secara ringkas adalah sebagai berikut:")
    tag(doc, "{%p for s in bab4.sasaran %}")
    runs(doc, [("Sasaran {{ s.kode }} “{{ s.nama }}”", {"bold": True}),
               " dengan rata-rata capaian {{ s.capaian }} (kategori {{ s.kategori }}):"],
         style="Body Text")
    items(doc, "s.indikator")
    tag(doc, "{%p endfor %}")
    para(doc, "Untuk mencapai target tersebut, {{ info.nama_lengkap }} mengelola anggaran APBD Tahun "
              "{{ info.tahun }} sebesar {{ bab4.rp_pagu }} dengan realisasi {{ bab4.rp_realisasi }}, "
              "sehingga serapan anggaran sebesar {{ bab4.serapan }} dan efisiensi anggaran sebesar "
              "{{ bab4.efisiensi_anggaran }}.")
    paragraphs(doc, "bab4.penutup")
    para(doc, "Semoga laporan ini memberikan gambaran yang utuh tentang kinerja "
              "{{ info.nama_lengkap }} kepada para pemangku kepentingan dan menjadi bahan perbaikan "
              "pada tahun-tahun berikutnya.")
    para(doc, "", style="Normal")
    signature(doc)


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

    heading(doc, "A. Perjanjian Kinerja", 2, page_break_before=True)
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
    caption(doc, "Tabel L.1 Rencana Kerja Tahunan {{ info.nama_lengkap }} Tahun {{ info.tahun }}")
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
    para(doc, "", style="Normal")
    signature(doc, left=16.0)

    new_section(doc)
    heading(doc, "E. Sarana dan Prasarana", 2)
    caption(doc, "Tabel L.2 Sarana dan Prasarana {{ info.nama_lengkap }}")
    t = Table(doc, [1.0, 7.0, 2.0, 3.8, 2.2])
    t.head(["NO", "URAIAN", "JUMLAH", "NILAI (Rp)", "KONDISI"])
    t.numbers()
    t.tag("{%tr for s in lampiran.sarana %}")
    t.row(["{{ s.no }}", "{{ s.uraian }}", "{{ s.jumlah }}", "{{ s.nilai }}", "{{ s.kondisi }}"],
          aligns=["c", None, "c", "r", "c"])
    t.tag("{%tr endfor %}")
    t.row(["", "JUMLAH", "{{ lampiran.sarana_jumlah }}", "{{ lampiran.sarana_nilai }}", ""],
          bold=True, shade=SHADE_GROUP, aligns=["c", None, "c", "r", "c"])

    heading(doc, "F. Dokumentasi Program/Kegiatan", 2, page_break_before=True)
    para(doc, "Dokumentasi program dan kegiatan {{ info.nama_lengkap }} Tahun {{ info.tahun }}. "
              "Ganti setiap bingkai dengan foto kegiatan yang sesuai.")
    tag(doc, "{%p for d in lampiran.dokumentasi %}")
    frame(doc, "[Foto {{ d.no }}: sisipkan foto kegiatan di sini]", 6.5, 11.0)
    caption(doc, "Gambar L.{{ d.no }} {{ d.keterangan }}")
    tag(doc, "{%p endfor %}")


# =========================================================================================

def settings(doc):
    """<w:updateFields w:val="true"/> in settings.xml, placed in schema order (before w:compat)."""
    s = doc.settings.element
    el = s.find(qn("w:updateFields"))
    if el is None:
        el = OxmlElement("w:updateFields")
        # CT_Settings order: ... w:hdrShapeDefaults? w:footnotePr w:endnotePr w:compat ...
        # updateFields comes right after w:doNotAutoCompressPictures / before w:hdrShapeDefaults,
        # w:footnotePr, w:endnotePr, w:compat.
        later = ("w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars",
                 "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
                 "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
                 "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions",
                 "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
                 "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")
        anchor = None
        for child in s:
            if child.tag in {qn(x) for x in later if not x.startswith(("m:", "sl:"))}:
                anchor = child
                break
        if anchor is not None:
            anchor.addprevious(el)
        else:
            s.append(el)
    el.set(qn("w:val"), "true")
    lang = s.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), "id-ID")


def build():
    from docx import Document

    doc = Document()
    setup_styles(doc)
    sampul(doc)
    depan(doc)
    bab1(doc)
    bab2(doc)
    bab3(doc)
    bab4(doc)
    lampiran(doc)
    settings(doc)
    # the first paragraph of python-docx's blank document: none, the body starts with ours
    cp = doc.core_properties
    cp.title = "Laporan Kinerja Instansi Pemerintah (LKjIP)"
    cp.subject = "Templat induk LKjIP"
    cp.author = "Generator LKjIP"
    cp.comments = "Templat docxtpl; bagian bertanda kurung kurawal diisi otomatis (docs/template.md)."
    cp.keywords = "LKjIP, SAKIP"
    cp.last_modified_by = "Generator LKjIP"
    cp.revision = 1
    import datetime as dt

    fixed = dt.datetime(2025, 1, 1, 0, 0, 0)
    cp.created = fixed
    cp.modified = fixed
    return doc


def main(argv=None) -> int:
    import sys
    from pathlib import Path

    argv = sys.argv[1:] if argv is None else argv
    root = Path(__file__).resolve().parent.parent
    out = Path(argv[0]) if argv else root / "templates" / "docx" / "lkjip.docx"
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = build()
    doc.save(out)
    _normalise_zip(out)
    print(f"templat ditulis: {out}")
    return 0


def _normalise_zip(path):
    """Rewrite the zip with fixed timestamps so that rebuilding gives identical bytes."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


if __name__ == "__main__":
    raise SystemExit(main())
