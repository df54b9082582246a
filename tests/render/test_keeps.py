"""The post-render keeps of generator/render/docx/layout.py on small documents built here:
a signature after a long table becomes the table's last row (signature_row), after a short
table it stays apart with every row kept with it; a one-line paragraph under a heading keeps
with what follows (keep_heading_subtitles)."""

from __future__ import annotations

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from generator.render.docx.layout import (
    SHORT_TABLE_ROWS, keep_heading_subtitles, keep_signatures,
)


def _signature(doc):
    t = doc.add_table(rows=1, cols=1)
    t._tbl.tblGrid.findall(qn("w:gridCol"))[0].set(qn("w:w"), str(8 * 567))
    cap = OxmlElement("w:tblCaption")
    cap.set(qn("w:val"), "Tanda tangan")
    t._tbl.tblPr.append(cap)
    t.cell(0, 0).paragraphs[0].add_run("NIP. 19800512 200212 1 003")
    return t


def _document(rows, between=("Sumber: DPA", "")):
    doc = docx.Document()
    table = doc.add_table(rows=rows, cols=3)
    for gc in table._tbl.tblGrid.findall(qn("w:gridCol")):
        gc.set(qn("w:w"), str(5 * 567))
    for n, row in enumerate(table.rows):
        row.cells[0].paragraphs[0].add_run(f"baris {n + 1}")
    for text in between:
        doc.add_paragraph(text)
    sig = _signature(doc)
    doc.add_paragraph("Sesudah tanda tangan")
    return doc, table._tbl, sig._tbl


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def _kept(tr) -> bool:
    return all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
               for p in tr.iter(qn("w:p")))


def test_a_signature_after_a_long_table_becomes_its_last_row():
    rows = SHORT_TABLE_ROWS + 5
    doc, tbl, sig = _document(rows)
    keep_signatures(doc)
    body = doc.element.body
    trs = tbl.findall(qn("w:tr"))
    assert len(trs) == rows + 1
    last = trs[-1]
    # one cell over the three columns (3 x 5 cm), no borders, the row does not split
    assert last.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
    tcs = last.findall(qn("w:tc"))
    assert len(tcs) == 1
    tcPr = tcs[0].find(qn("w:tcPr"))
    assert tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "3"
    assert tcPr.find(qn("w:tcW")).get(qn("w:w")) == str(3 * 5 * 567)
    assert [b.get(qn("w:val")) for b in tcPr.find(qn("w:tcBorders"))] == ["nil"] * 4
    # the note, the empty paragraph and the signature moved into it, in their order,
    # then the paragraph a cell ends with
    kids = list(tcs[0])[1:]
    assert [k.tag for k in kids] == [qn("w:p"), qn("w:p"), qn("w:tbl"), qn("w:p")]
    assert _text(kids[0]) == "Sumber: DPA" and kids[2] is sig
    # the body goes on with the table, then the paragraph after the signature
    assert tbl.getnext().tag == qn("w:p")
    assert _text(tbl.getnext()) == "Sesudah tanda tangan"
    assert sig not in list(body)
    # the two rows before it keep with it; the ones above do not
    assert [_kept(tr) for tr in trs[-4:-1]] == [False, True, True]


def test_a_signature_after_a_short_table_stays_apart_with_the_whole_table_kept():
    doc, tbl, sig = _document(5)
    keep_signatures(doc)
    trs = tbl.findall(qn("w:tr"))
    assert len(trs) == 5 and all(_kept(tr) for tr in trs)
    assert sig.getparent() is doc.element.body


def test_a_section_break_between_keeps_them_apart():
    doc, tbl, sig = _document(SHORT_TABLE_ROWS + 5, between=("",))
    p = tbl.getnext()
    ppr = p.get_or_add_pPr()
    ppr.append(OxmlElement("w:sectPr"))
    keep_signatures(doc)
    assert len(tbl.findall(qn("w:tr"))) == SHORT_TABLE_ROWS + 5
    assert sig.getparent() is doc.element.body


def test_a_signature_wider_than_the_table_stays_under_it():
    doc, tbl, sig = _document(SHORT_TABLE_ROWS + 5)
    sig.find(qn("w:tblGrid"))[0].set(qn("w:w"), str(16 * 567))
    keep_signatures(doc)
    assert sig.getparent() is doc.element.body


def _keeps_next(p) -> bool:
    return p._p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None


def test_a_one_line_paragraph_under_a_heading_keeps_with_the_next():
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.left_margin, section.right_margin = Cm(21), Cm(3), Cm(2)
    doc.add_heading("Indikator 1.2 Persentase warga migran yang dipulangkan", 3)
    # 11 pt Helvetica: about 215 pt, a line of 16 cm is 453 pt
    short = doc.add_paragraph("Sasaran 1: Peningkatan pelayanan kepada PPKS")
    doc.add_paragraph("Realisasi indikator ini ...")
    doc.add_heading("Indikator 1.3", 3)
    # three lines' worth of text
    long = doc.add_paragraph("Realisasi indikator ini pada tahun sebesar delapan puluh. " * 6)
    doc.add_paragraph("Berikutnya")
    keep_heading_subtitles(doc)
    assert _keeps_next(short)
    assert not _keeps_next(long)


def _seq_paragraph(doc, instr: str, result: str):
    p = doc.add_paragraph("Tabel 2.")
    for kind, text in (("begin", None), (None, instr), ("separate", None), (None, None),
                       ("end", None)):
        r = OxmlElement("w:r")
        if kind:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            r.append(fc)
        elif text is not None:
            it = OxmlElement("w:instrText")
            it.text = text
            r.append(it)
        else:
            t = OxmlElement("w:t")
            t.text = result
            r.append(t)
        p._p.append(r)
    return p


def _instr(p) -> str:
    return "".join(i.text or "" for i in p._p.iter(qn("w:instrText")))


def test_a_caption_field_without_its_number_switch_gets_it_from_its_result():
    """As LibreOffice saves the template: "SEQ Tabel \\* ARABIC" without "\\r n"; the
    rendered result, 1, is the core's number and becomes the switch."""
    from generator.render.docx.layout import keep_caption_numbers

    doc = docx.Document()
    lost = _seq_paragraph(doc, " SEQ Tabel \\* ARABIC ", "1")
    kept = _seq_paragraph(doc, " SEQ Tabel \\* ARABIC \\r 4 ", "4")
    other = _seq_paragraph(doc, " PAGE ", "7")
    keep_caption_numbers(doc)
    assert _instr(lost) == " SEQ Tabel \\* ARABIC \\r 1 "
    assert _instr(kept) == " SEQ Tabel \\* ARABIC \\r 4 "
    assert _instr(other) == " PAGE "
