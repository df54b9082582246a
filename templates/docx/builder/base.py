"""The building blocks of the LKjIP master template: styles, paragraphs, fields,
sections, tables, frames and signature blocks (python-docx). The chapter modules beside
this one call only these.

Every Jinja tag is written as ONE run so that Word and docxtpl see it whole; a
secretariat editing the template in Word must likewise retype a tag in one go.
"""

from __future__ import annotations

import re

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
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

def _strip_fonts(style):
    """No font face of its own: the style takes it from the style it is based on, so that
    the font of Normal (set once, `base_font`) is the font of the whole report."""
    rpr = style.element.rPr
    if rpr is not None:
        for fonts in rpr.findall(qn("w:rFonts")):
            rpr.remove(fonts)


def _font(style, size, bold=None, italic=None, color=RGBColor(0, 0, 0)):
    _strip_fonts(style)
    style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    style.font.color.rgb = color


def _rfonts(rpr, name):
    """<w:rFonts> of a run-properties element set to `name` for every script, no theme."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)


def base_font(doc, name=FONT):
    """The report's one font face: in the document defaults and in Normal, which every
    other style is based on (directly or through Body Text, Heading 1, Tabel Isi)."""
    _rfonts(_default_rpr(doc), name)
    _rfonts(doc.styles["Normal"].element.get_or_add_rPr(), name)
    for st in doc.styles.element.iterchildren(qn("w:style")):
        rpr = st.find(qn("w:rPr"))
        if rpr is not None and st.get(qn("w:styleId")) != "Normal":
            for fonts in rpr.findall(qn("w:rFonts")):
                rpr.remove(fonts)


def _default_rpr(doc):
    styles = doc.styles.element
    dd = styles.find(qn("w:docDefaults"))
    if dd is None:
        dd = OxmlElement("w:docDefaults")
        styles.insert(0, dd)
    rpd = dd.find(qn("w:rPrDefault"))
    if rpd is None:
        rpd = OxmlElement("w:rPrDefault")
        dd.insert(0, rpd)
    rpr = rpd.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpd.append(rpr)
    return rpr


def _para_style(doc, name, base="Normal", size=11, bold=None, italic=None, align=None,
                before=0, after=6, line=1.15, left=None, first=None, keep_next=False,
                keep_together=None):
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if name != "Normal":
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
    pf.keep_with_next = keep_next or None
    if keep_together is not None:
        pf.keep_together = keep_together or None
    return style


def setup_styles(doc):
    """The report's styles, derived from a few bases so that an agency changes one style to
    change many: the font face is set in Normal only (every style is based on it, directly
    or through a base); Body Text is the base of the lists and formula lines, Heading 1 of
    Heading 2 and 3, Tabel Isi of the other table text styles."""
    _para_style(doc, "Normal", size=11, after=6)
    _para_style(doc, "Title", size=18, bold=True, align=CENTER, before=0, after=6, line=1.0)
    title = doc.styles["Title"]
    # drop the theme border/spacing of python-docx's default Title
    ppr = title.element.get_or_add_pPr()
    for child in list(ppr):
        if child.tag == qn("w:pBdr"):
            ppr.remove(child)
    _para_style(doc, "Heading 1", size=14, bold=True, align=CENTER, before=0, after=18,
                keep_next=True, keep_together=True)
    _para_style(doc, "Heading 2", base="Heading 1", size=12, bold=True, align=LEFT,
                before=12, after=6, keep_next=True, keep_together=True)
    _para_style(doc, "Heading 3", base="Heading 1", size=11, bold=True, align=LEFT,
                before=10, after=4, keep_next=True, keep_together=True)
    # the indicator subsections inside each sasaran of Bab III A
    _para_style(doc, "Heading 4", base="Heading 1", size=11, bold=True, align=LEFT,
                before=8, after=4, keep_next=True, keep_together=True)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        doc.styles[name].font.italic = False
    _para_style(doc, "Body Text", size=11, align=JUSTIFY, first=1.25, after=6, line=1.5)
    _para_style(doc, "Caption", size=10, bold=True, italic=False, align=CENTER, before=10,
                after=4, line=1.0, keep_next=True, keep_together=True)
    _para_style(doc, "Catatan Tabel", size=8, italic=True, align=LEFT, before=2, after=8,
                line=1.0)
    daftar = _para_style(doc, "Daftar", base="Body Text", size=11, align=JUSTIFY, left=1.0,
                         first=-0.6, after=3, line=1.5)
    daftar.paragraph_format.tab_stops.add_tab_stop(Cm(1.0))
    lebar = _para_style(doc, "Daftar Lebar", base="Body Text", size=11, align=JUSTIFY,
                        left=1.8, first=-1.8, after=3, line=1.5)
    lebar.paragraph_format.tab_stops.add_tab_stop(Cm(1.8))
    daftar2 = _para_style(doc, "Daftar 2", base="Body Text", size=11, align=JUSTIFY,
                          left=1.6, first=-0.6, after=2, line=1.5)
    daftar2.paragraph_format.tab_stops.add_tab_stop(Cm(1.6))
    _para_style(doc, "Tabel Isi", size=9, align=LEFT, after=0, line=1.0)
    _para_style(doc, "Tabel Judul", base="Tabel Isi", size=9, bold=True, align=CENTER,
                after=0, line=1.0)
    _para_style(doc, "Tabel Kecil", base="Tabel Isi", size=7, align=LEFT, after=0, line=1.0)
    _para_style(doc, "Tabel Kecil Judul", base="Tabel Kecil", size=7, bold=True,
                align=CENTER, after=0, line=1.0)
    _para_style(doc, "Tanda Tangan", size=11, align=CENTER, after=0, line=1.0)
    _para_style(doc, "Sampul", size=14, bold=True, align=CENTER, after=6, line=1.15)
    _para_style(doc, "Judul Lampiran", size=12, bold=True, align=CENTER, after=4, line=1.15,
                keep_next=True)
    # formula lines keep with the next line (label, figures, result); the last line of a
    # formula ("(Kategori ...)") turns it off in the template
    _para_style(doc, "Rumus", base="Body Text", size=11, align=CENTER, first=0, before=4,
                after=4, line=1.15, keep_next=True, keep_together=True)
    # a lead-in sentence or label ("Faktor penghambat:") keeps with the list or formula it
    # introduces, so it never ends a page alone
    _para_style(doc, "Pengantar", base="Body Text", size=11, align=JUSTIFY, after=6,
                line=1.5, keep_next=True, keep_together=True)
    _para_style(doc, "Header", size=8, italic=True, align=RIGHT, after=0, line=1.0)
    _para_style(doc, "Footer", size=9, align=CENTER, after=0, line=1.0)
    for level in (1, 2, 3):
        toc = _para_style(doc, f"TOC {level}", size=11, after=2, line=1.15,
                          left=0.6 * (level - 1))
        _leader_tab(toc)
    figures = _para_style(doc, "Table of Figures", size=11, after=2, line=1.15, left=0)
    _leader_tab(figures)
    base_font(doc)
    set_language(doc)
    builtin_names(doc)


# Word's own names of built-in styles that python-docx creates as custom styles: Word finds
# its Daftar Isi and table of figures styles by these names.
BUILTIN = {"TOC 1": "toc 1", "TOC 2": "toc 2", "TOC 3": "toc 3",
           "Table of Figures": "table of figures"}


def builtin_names(doc):
    for st in doc.styles.element.findall(qn("w:style")):
        name = st.find(qn("w:name"))
        if name is not None and name.get(qn("w:val")) in BUILTIN:
            name.set(qn("w:val"), BUILTIN[name.get(qn("w:val"))])
            if st.get(qn("w:customStyle")) is not None:
                del st.attrib[qn("w:customStyle")]


def _leader_tab(style, width=PORTRAIT_WIDTH):
    """A right tab with a dotted leader at the text's right edge: the page numbers of the
    Daftar Isi, Daftar Tabel and Daftar Gambar."""
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER

    style.paragraph_format.tab_stops.add_tab_stop(Cm(width), WD_TAB_ALIGNMENT.RIGHT,
                                                  WD_TAB_LEADER.DOTS)


LANGUAGE = "id-ID"


def _lang(rpr):
    old = rpr.find(qn("w:lang"))
    if old is not None:
        rpr.remove(old)
    el = OxmlElement("w:lang")
    el.set(qn("w:val"), LANGUAGE)
    el.set(qn("w:eastAsia"), LANGUAGE)
    el.set(qn("w:bidi"), LANGUAGE)
    # CT_RPr order: w:lang comes before w:eastAsianLayout, w:specVanish, w:oMath
    later = [rpr.find(qn(n)) for n in ("w:eastAsianLayout", "w:specVanish", "w:oMath")]
    later = [x for x in later if x is not None]
    if later:
        later[0].addprevious(el)
    else:
        rpr.append(el)


def set_language(doc):
    """Proofing language Indonesian in the default run properties and in every style, so
    Word checks the spelling in Indonesian instead of marking every word."""
    styles = doc.styles.element
    _lang(_default_rpr(doc))
    for st in styles.findall(qn("w:style")):
        if st.get(qn("w:type")) not in ("paragraph", "character"):
            continue
        rpr = st.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            # CT_Style order: ... w:pPr, w:rPr, w:tblPr, w:trPr, w:tcPr, w:tblStylePr
            after = [st.find(qn(n)) for n in ("w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")]
            after = [x for x in after if x is not None]
            if after:
                after[0].addprevious(rpr)
            else:
                st.append(rpr)
        _lang(rpr)


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


def figure(doc, tag_text, style="Rumus"):
    """A paragraph holding one picture tag ({{ x }} -> an InlineImage or a placeholder),
    kept with the caption under it."""
    return para(doc, tag_text, style=style, keep_next=True)


def caption(doc, title, key=None, *, label=None, prefix=None, number=None, below=False):
    """The caption of a table (above it) or of a figure (`below=True`, under the picture):
    the one helper every chapter calls.

    - `key`, a numbered item of generator/core/numbering.ITEMS ("tabel_kemajuan"): written
      "Tabel 3.<SEQ> <title>", the kind (Tabel, Gambar) and the chapter ("3") from ITEMS,
      the running number "{{ urut.<key> }}" as the core decides it, held in a Word SEQ
      field (`SEQ Tabel \\r n`): Word lists the caption in a Daftar Tabel / Daftar Gambar
      and keeps its number when fields are updated.
    - `label`, `prefix`, `number`: the same for a caption numbered in a loop, e.g.
      caption(doc, "{{ d.keterangan }}", label="Gambar", prefix="L.", number="d.no").
    - neither: a caption without a number (a form's name, a PK's sub-title); it is not
      listed in the Daftar Tabel.

    A table caption keeps with its table, and the lead-in sentence before it keeps with
    the caption, so neither is left at the foot of a page; a figure caption keeps with the
    picture above it.
    """
    keep_previous(doc, count=1, tables=False)
    p = doc.add_paragraph(style="Caption")
    if key is not None:
        from generator.core.numbering import ITEMS

        kinds = {k: (kind, pre) for k, kind, pre in ITEMS}
        if key not in kinds:
            raise BuildError(f"caption key {key!r} is not in generator/core/numbering.ITEMS")
        label, chapter = kinds[key]
        prefix, number = f"{chapter}.", f"urut.{key}"
    if label:
        p.add_run(f"{label} {prefix or ''}")
        seq = "{{ " + number + " }}"
        _fld(p.add_run(), f"SEQ {label} \\* ARABIC \\r {seq}", seq)
        p.add_run(" " + title)
    else:
        p.add_run(title)
    if below:
        p.paragraph_format.keep_with_next = False
    return p


def lead_in(doc, text):
    """A sentence or label introducing a list or a formula (style Pengantar: kept with what
    follows, so it never ends a page alone)."""
    return para(doc, text, style="Pengantar")


def items(doc, loop, marker="{{ x.no }}", text="{{ x.teks }}", style="Daftar"):
    """A list written by a loop: one paragraph per item with a literal marker; the sentence
    introducing it keeps with its first item."""
    keep_previous(doc, count=1, tables=False)
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


def toc_field(doc, instr='TOC \\o "1-2" \\h \\z \\u',
              placeholder="Klik kanan di sini lalu pilih Update Field untuk memperbarui daftar isi."):
    """A Word index field (Daftar Isi, Daftar Tabel, Daftar Gambar) in a paragraph of its
    own, marked dirty so that Word fills it when the document is opened; the renderer fills
    it with page numbers first when LibreOffice is installed (generator/render/office)."""
    p = doc.add_paragraph(style="Normal")
    _fld(p.add_run(), instr, placeholder, dirty=True)
    return p


def figures_field(doc, label, placeholder):
    """A table of figures over the captions numbered with SEQ `label` (Tabel, Gambar): what
    Word's References > Insert Table of Figures writes."""
    return toc_field(doc, f'TOC \\h \\z \\c "{label}"', placeholder)


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


class BuildError(Exception):
    """The template would not survive editing (a section break where an editor moves it)."""


_BLOCK_OPEN = re.compile(r"^\{%-?p\s+(if|for)\b")
_BLOCK_CLOSE = re.compile(r"^\{%-?p\s+end(if|for)\b")


def _ptext(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


_PARAGRAPH_TAG = re.compile(r"^\{[%{]-?p\s")


def is_tag_paragraph(p) -> bool:
    """A paragraph that docxtpl replaces as a whole ({%p ... %}, {{p ... }})."""
    return bool(_PARAGRAPH_TAG.match(_ptext(p).strip()))


def open_blocks(doc) -> list[str]:
    """The {%p if/for %} paragraphs of the body still open at its end."""
    stack: list[str] = []
    for p in doc.element.body.iterchildren(qn("w:p")):
        text = _ptext(p).strip()
        if _BLOCK_OPEN.match(text):
            stack.append(text)
        elif _BLOCK_CLOSE.match(text) and stack:
            stack.pop()
    return stack


def new_section(doc, landscape=False):
    """End the section here and start a new page section (portrait, or landscape for wide
    tables); the page numbering continues.

    The section break goes into the last paragraph of the section, which must be a
    paragraph of text outside any {%p if/for %} block, or into an empty paragraph right
    after a table. Word and LibreOffice keep a break there when the template is saved
    again; a break in an empty paragraph of its own is moved by LibreOffice into the
    paragraph before it, and when that is a tag paragraph the break is removed with the
    tag at rendering (the section and its orientation are lost). End a section with a
    sentence (or a table) instead.
    """
    body = doc.element.body
    sentinel = body.get_or_add_sectPr()
    last = sentinel.getprevious()
    if last is not None and last.tag == qn("w:tbl"):
        carrier = body.add_p()                      # empty, right after the table
    elif last is not None and last.tag == qn("w:p") and _ptext(last).strip() \
            and not is_tag_paragraph(last):
        carrier = last
    else:
        text = _ptext(last).strip() if last is not None else ""
        raise BuildError(f"section break after {text!r}: end the section with a paragraph "
                         f"of text or a table, not a tag or an empty paragraph")
    blocks = open_blocks(doc)
    if blocks:
        raise BuildError(f"section break inside {blocks[-1]!r}: close the block first")
    carrier.set_sectPr(sentinel.clone())
    for ref in sentinel.xpath("w:headerReference|w:footerReference"):
        sentinel.remove(ref)
    pg = sentinel.find(qn("w:pgNumType"))
    if pg is not None:
        sentinel.remove(pg)
    section = Section(sentinel, doc.part)
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
    trPr.append(OxmlElement("w:tblHeader"))


def cant_split(row):
    trPr = row._tr.get_or_add_trPr()
    trPr.insert(0, OxmlElement("w:cantSplit"))


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

def keep_previous(doc, count=2, tables=True, keep_rows=2):
    """Keep the last `count` real paragraphs before this point with what follows (template
    tag paragraphs, removed at render, are passed over but marked too). A table note
    ("Sumber: ...") stops the walk: it belongs to the table before it."""
    body = doc.element.body
    seen = 0
    for el in reversed(list(body.iterchildren())):
        if el.tag == qn("w:tbl") and not tables:
            break
        if el.tag == qn("w:tbl"):
            # a table right before: its last row keeps with the next paragraph
            # a table right before: its rows keep with the next paragraph (Word keeps the
            # last rows with the block; LibreOffice keeps the table with it when every row
            # says so)
            for tr in el.findall(qn("w:tr"))[-keep_rows:]:
                for p in tr.iter(qn("w:p")):
                    _keep_next_el(p)
            break
        if el.tag != qn("w:p"):
            continue
        ps = el.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if ps is not None and ps.get(qn("w:val")) in ("CatatanTabel", "Caption"):
            break
        _keep_next_el(el)
        text = "".join(t.text or "" for t in el.iter(qn("w:t")))
        if text.startswith("{%") or not text.strip():
            continue          # a tag or an empty spacing paragraph: look further back
        seen += 1
        if seen >= count:
            break


def _keep_next_el(p):
    from docx.text.paragraph import Paragraph
    Paragraph(p, None).paragraph_format.keep_with_next = True


SIGNATURE_CAPTION = "Tanda tangan"


def mark_signature(table):
    """Name the table as a signature block (w:tblCaption, the table's alt-text title): the
    renderer keeps the table that ends up right before it with it (see
    generator/render/docx/layout.keep_signatures)."""
    el = OxmlElement("w:tblCaption")
    el.set(qn("w:val"), SIGNATURE_CAPTION)
    tblpr_put(table._tbl.tblPr, el)


def signature(doc, who="info.ttd", left=8.0, place=True, width=PORTRAIT_WIDTH, keep_rows=2):
    """Signature block of the head of the agency, right of the page: one borderless cell
    whose row cannot split, kept with the paragraphs (or the last rows of the table)
    before it so it is never alone."""
    keep_previous(doc, keep_rows=keep_rows)
    t = doc.add_table(rows=1, cols=1)
    no_borders(t)
    mark_signature(t)
    t.alignment = WD_TABLE_ALIGNMENT.RIGHT
    w = width - left
    t._tbl.tblGrid.findall(qn("w:gridCol"))[0].set(qn("w:w"), str(int(w * 567)))
    cant_split(t.rows[0])
    cell = t.cell(0, 0)
    cell.width = Cm(w)
    first = cell.paragraphs[0]
    lines = []

    def line(text="", bold=False, underline=False, style="Tanda Tangan"):
        nonlocal first
        if first is not None:
            p, first = first, None
            p.style = style
        else:
            p = cell.add_paragraph(style=style)
        if text:
            r = p.add_run(text)
            r.bold = bold or None
            r.underline = underline or None
        lines.append(p)
        return p

    if place:
        line("{{ info.tempat }}, {{ info.bulan_tahun }}")
    line("{{ " + who + ".jabatan_upper }}", bold=True)
    # the pemda (or ministry) under the title, unless the title already names it
    line("{%p if info.induk_baris %}", style="Normal")
    line("{{ info.induk_baris }}", bold=True)
    line("{%p endif %}", style="Normal")
    for _ in range(3):
        line()
    line("{{ " + who + ".nama }}", bold=True, underline=True)
    line("{%p if " + who + ".pangkat_gol %}", style="Normal")
    line("{{ " + who + ".pangkat_gol }}")
    line("{%p endif %}", style="Normal")
    line("{%p if " + who + ".nip %}", style="Normal")
    line("NIP. {{ " + who + ".nip }}")
    line("{%p endif %}", style="Normal")
    for p in lines:
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.keep_together = True
    return t


def two_signatures(doc, left="pk.kedua", right="pk.pertama", width=PORTRAIT_WIDTH):
    """Two signature blocks side by side (PK: pihak kedua left, pihak pertama right), one
    table row per line so that the names and NIPs stand level even when one jabatan takes
    two lines; no row splits and every row keeps with the next, so the block stays whole."""
    keep_previous(doc)
    lines = (("{label}", {"bold": True}), ("{{ %s.jabatan }}", {}), (None, {}),
             ("{{ %s.nama }}", {"bold": True, "underline": True}), ("{{ %s.nip_baris }}", {}))
    t = doc.add_table(rows=len(lines), cols=2)
    no_borders(t)
    mark_signature(t)
    half = width / 2
    for gc in t._tbl.tblGrid.findall(qn("w:gridCol")):
        gc.set(qn("w:w"), str(int(half * 567)))
    for n, (row, (text, fmt)) in enumerate(zip(t.rows, lines)):
        cant_split(row)
        for cell, who, label in ((row.cells[0], left, "PIHAK KEDUA,"),
                                 (row.cells[1], right, "PIHAK PERTAMA,")):
            cell.width = Cm(half)
            paragraphs = [cell.paragraphs[0]]
            if text is None:                       # the space for the signature itself
                paragraphs += [cell.add_paragraph() for _ in range(2)]
            for p in paragraphs:
                p.style = "Tanda Tangan"
                p.paragraph_format.keep_with_next = n < len(lines) - 1 or None
            if text is not None:
                r = paragraphs[0].add_run(label if text == "{label}" else text % who)
                r.bold = fmt.get("bold") or None
                r.underline = fmt.get("underline") or None
    return t


def budget_rows(t, loop, cells, aligns, name_col=0):
    """Flat hierarchical rows: shaded bold group rows, then plain sub kegiatan rows; the
    indicators of a program or kegiatan with several (r.tingkat 'indikator') in italics.

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
    t.tag("{%tr elif r.tingkat == 'indikator' %}")    # one of several indicators of the row above
    t.row(cells, italic=True, aligns=aligns, indent=(name_col, 0.4))
    t.tag("{%tr else %}")
    t.row(cells, aligns=aligns, indent=(name_col, 0.4))
    t.tag("{%tr endif %}")
    t.tag("{%tr endfor %}")
