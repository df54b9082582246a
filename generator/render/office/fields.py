"""Write the entries LibreOffice computed (text, page number) into the Word draft's index
fields (Daftar Isi, Daftar Tabel, Daftar Gambar), so the draft opens with them filled.

Only the fields' results change: each field keeps its instruction (`TOC \\o "1-2" ...`,
`TOC \\h \\z \\c "Tabel"`), so Word rebuilds the list as usual when a reviewer updates
fields (F9) after editing. The entries are paragraphs in the styles Word uses for them
(toc 1-3, table of figures, found by name), the title, a dotted tab and the page number as
LibreOffice laid the pages out (Word's own layout may differ by a line here and there).
The fields are no longer marked dirty and settings.xml loses <w:updateFields>, so Word
does not ask to update fields when the file is opened.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Iterable

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_LABEL = re.compile(r'\\c\s+"?([^"\\]+?)"?(?:\s|$)')


def _field_kind(instr: str) -> tuple[str, str]:
    """("toc", "") for a table of contents, ("figures", "Tabel") for a table of figures."""
    m = _LABEL.search(instr)
    return ("figures", m.group(1).strip()) if m else ("toc", "")


def _fld_type(r) -> str | None:
    ch = r.find(f"{W}fldChar")
    return ch.get(f"{W}fldCharType") if ch is not None else None


def _style_ids(styles_root) -> dict[str, str]:
    out = {}
    if styles_root is None:
        return out
    for st in styles_root.iter(f"{W}style"):
        name = st.find(f"{W}name")
        if name is not None:
            out.setdefault((name.get(f"{W}val") or "").lower(), st.get(f"{W}styleId"))
    return out


def _text_width(p) -> int | None:
    """Twips between the margins of the section holding paragraph p."""
    body = p.getparent()
    while body is not None and body.tag != f"{W}body":
        body = body.getparent()
    if body is None:
        return None
    sect = None
    started = False
    for el in body.iter(f"{W}p", f"{W}sectPr"):
        if el is p:
            started = True
        if started and el.tag == f"{W}sectPr":
            sect = el
            break
    if sect is None:
        return None
    size, margins = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
    try:
        return int(size.get(f"{W}w")) - int(margins.get(f"{W}left")) \
            - int(margins.get(f"{W}right"))
    except (AttributeError, TypeError, ValueError):
        return None


def _ppr(p, style_id: str | None, width: int | None):
    old = p.find(f"{W}pPr")
    sect = old.find(f"{W}sectPr") if old is not None else None
    if old is not None:
        p.remove(old)
    ppr = etree.SubElement(p, f"{W}pPr")
    p.insert(0, ppr)
    if style_id:
        etree.SubElement(ppr, f"{W}pStyle").set(f"{W}val", style_id)
    if width:
        tabs = etree.SubElement(ppr, f"{W}tabs")
        tab = etree.SubElement(tabs, f"{W}tab")
        tab.set(f"{W}val", "right")
        tab.set(f"{W}leader", "dot")
        tab.set(f"{W}pos", str(width))
    if sect is not None:
        ppr.append(sect)


def _run(p, text: str | None = None, tab: bool = False):
    r = etree.SubElement(p, f"{W}r")
    if tab:
        etree.SubElement(r, f"{W}tab")
    if text is not None:
        t = etree.SubElement(r, f"{W}t")
        t.text = text
        t.set(XML_SPACE, "preserve")
    return r


def _entry(p, entry: dict) -> None:
    _run(p, entry["text"])
    if entry.get("page"):
        _run(p, tab=True)
        _run(p, entry["page"])


def _fill_field(instr_run, entries: list[dict], style_ids: dict[str, str], empty: str) -> bool:
    """Replace the result of the field whose instruction is in `instr_run`. False when the
    field's structure is not the simple one (begin .. end within paragraphs of one parent)."""
    p_first = instr_run.getparent()
    if p_first.tag != f"{W}p":
        return False
    runs = list(p_first.iterchildren(f"{W}r"))
    k = runs.index(instr_run)
    begin = next((r for r in reversed(runs[:k]) if _fld_type(r) == "begin"), None)
    separate = next((r for r in runs[k:] if _fld_type(r) == "separate"), None)
    if begin is None or separate is None:
        return False
    # the paragraphs from the separate to the matching end, siblings of the first
    depth, end_run, p_last = 0, None, None
    paragraphs = [p_first]
    el = p_first
    while el is not None and end_run is None:
        if el.tag == f"{W}p":
            seq = list(el.iterchildren(f"{W}r"))
            if el is p_first:
                seq = seq[seq.index(separate) + 1:]
            for r in seq:
                kind = _fld_type(r)
                if kind == "begin":
                    depth += 1
                elif kind == "end":
                    if depth == 0:
                        end_run, p_last = r, el
                        break
                    depth -= 1
        if end_run is None:
            el = el.getnext()
            if el is not None:
                paragraphs.append(el)
    if end_run is None:
        return False
    # drop the old result (runs, hyperlinks, bookmarks) between the separate and the end
    kids = list(p_first)
    i = kids.index(separate)
    tail = []
    if p_last is p_first:
        j = kids.index(end_run)
        doomed, tail = kids[i + 1:j + 1], kids[j + 1:]
    else:
        doomed = kids[i + 1:]
    for el in doomed:
        p_first.remove(el)
    for el in tail:
        p_first.remove(el)
    for el in paragraphs[1:-1]:
        el.getparent().remove(el)
    if p_last is not p_first:
        kids = list(p_last)
        for el in kids[1 if kids and kids[0].tag == f"{W}pPr" else 0:kids.index(end_run) + 1]:
            p_last.remove(el)
        if len([c for c in p_last if c.tag != f"{W}pPr"]) == 0 \
                and p_last.find(f"{W}pPr/{W}sectPr") is None:
            p_last.getparent().remove(p_last)
    begin.find(f"{W}fldChar").attrib.pop(f"{W}dirty", None)
    # the entries: the first in the field's own paragraph, then one paragraph each
    width = _text_width(p_first)

    def style_for(entry):
        name = "table of figures" if entry.get("figures") else f"toc {entry.get('level', 1)}"
        return style_ids.get(name)

    if not entries:
        entries = [{"text": empty, "page": "", "level": 1}]
    _ppr(p_first, style_for(entries[0]), width)
    _entry(p_first, entries[0])
    last = p_first
    for entry in entries[1:]:
        p = etree.Element(f"{W}p")
        _ppr(p, style_for(entry), width)
        _entry(p, entry)
        last.addnext(p)
        last = p
    end = _run(last)
    etree.SubElement(end, f"{W}fldChar").set(f"{W}fldCharType", "end")
    for el in tail:                       # what followed the field in its paragraph
        last.append(el)
    return True


EMPTY = {"toc": "Tidak ada judul bab.", "Tabel": "Laporan ini tidak memuat tabel bernomor.",
         "Gambar": "Laporan ini tidak memuat gambar bernomor."}


def fill_indexes(docx: bytes, indexes: Iterable[dict]) -> tuple[bytes, int]:
    """The draft with its index fields' results replaced by `indexes` (as lo_worker gives
    them), and how many fields were filled. Fields LibreOffice did not report are left as
    they are (and then Word is still asked to update fields on opening)."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        infos = z.infolist()
        parts = {i.filename: z.read(i.filename) for i in infos}
    root = etree.fromstring(parts["word/document.xml"])
    styles = etree.fromstring(parts["word/styles.xml"]) if "word/styles.xml" in parts else None
    ids = _style_ids(styles)
    pending = {"toc": [], "figures": {}}
    for ix in indexes:
        if ix["kind"] == "toc":
            pending["toc"].append(ix["entries"])
        else:
            pending["figures"].setdefault(ix["label"], []).append(ix["entries"])
    filled = total = 0
    for instr in list(root.iter(f"{W}instrText")):
        text = " ".join((instr.text or "").split())
        if not text.startswith("TOC"):
            continue
        total += 1
        kind, label = _field_kind(text)
        queue = pending["toc"] if kind == "toc" else pending["figures"].get(label, [])
        if not queue:
            continue
        entries = [dict(e, figures=kind == "figures") for e in queue.pop(0)]
        run = instr.getparent()
        if _fill_field(run, entries, ids, EMPTY.get(label or "toc", "-")):
            filled += 1
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                standalone=True)
    if filled and filled == total and "word/settings.xml" in parts:
        settings = etree.fromstring(parts["word/settings.xml"])
        for el in settings.findall(f"{W}updateFields"):
            settings.remove(el)
        parts["word/settings.xml"] = etree.tostring(settings, xml_declaration=True,
                                                    encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in infos:
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            z.writestr(entry, parts[info.filename])
    return out.getvalue(), filled


__all__ = ["fill_indexes"]
