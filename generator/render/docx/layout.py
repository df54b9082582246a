"""Table column widths that fit their words, for the template builder and the renderer.

A column is never narrower than its longest unbreakable word (at the font size and
weight of the cell's text, plus the cell margins), so LibreOffice and Word never break
"KETERANGAN" into "KETERAN/GAN" or a Rupiah amount over two lines. Widths above that
minimum are kept as the template designed them; where columns must grow, the columns
with room to spare give it back in proportion to their spare room, so the table keeps
its total width.

The text widths use the advance widths of Helvetica / Helvetica-Bold (Adobe's AFM
metrics, in 1/1000 em), which Arial and Liberation Sans share. No font file is read,
so the builder and the renderer give the same widths on every machine.

`fit_tables(document)` works on a python-docx Document: the template builder calls it
with Jinja tags ignored (the header texts decide), the renderer after rendering (the
data decides too).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from docx.oxml.ns import qn as _qn
from lxml import etree

# python-docx's `qn` ("w:p" -> "{namespace}p") remembered: the passes below ask for the
# same few names thousands of times (each table, paragraph and style)
qn = lru_cache(maxsize=None)(_qn)

# Helvetica advance widths for the printable ASCII range 32..126.
_REGULAR = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
]
_BOLD = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
]
_OTHER = {"×": 584, "−": 584, "–": 556, "—": 1000, "≥": 549, "≤": 549, "“": 333, "”": 333,
          "‘": 222, "’": 222, "\u00a0": 278}

TWIPS_PER_PT = 20
DEFAULT_MARGIN = 108          # twips, left and right cell margin of "Table Grid"
SLACK = 1.04                  # rendering differences between Word and LibreOffice
WHOLE_RANGES_SHARE = 0.15     # of a table's width, the most that keeping ranges whole may take
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")


def _body(document):
    """The document's <w:body> (python-docx's element classes or plain lxml ones)."""
    return document.element.find(_W + "body")


def text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    table = _BOLD if bold else _REGULAR
    units = 0
    for ch in text:
        o = ord(ch)
        if 32 <= o <= 126:
            units += table[o - 32]
        else:
            units += _OTHER.get(ch, 556)
    return units * size_pt / 1000


@lru_cache(maxsize=1 << 16)
def _word_units(word: str, bold: bool) -> int:
    """A word's advance width in 1/1000 em (cached: the draft repeats its words a lot)."""
    table = _BOLD if bold else _REGULAR
    units = 0
    for ch in word:
        o = ord(ch)
        units += table[o - 32] if 32 <= o <= 126 else _OTHER.get(ch, 556)
    return units


def longest_word_pt(text: str, size_pt: float, bold: bool = False,
                    break_dash: bool = True) -> float:
    """The widest piece of `text` that a line cannot break: words, where a range's en dash
    ("90,00–100,00") allows a break after it, as in Word and LibreOffice (`break_dash`
    False: the range taken whole)."""
    if break_dash and "–" in text:
        text = text.replace("–", "– ")
    words = text.split()
    if not words:
        return 0.0
    return max(_word_units(w, bold) for w in words) * size_pt / 1000


def fit_widths(widths: list[int], minimums: list[int]) -> list[int]:
    """Widths (twips) at least their minimums, with the same total where possible."""
    total = sum(widths)
    out = [max(w, m) for w, m in zip(widths, minimums)]
    excess = sum(out) - total
    if excess <= 0:
        return out
    spare = [o - m if o > m else 0 for o, m in zip(out, minimums)]
    room = sum(spare)
    if room <= 0:
        return out
    take = min(excess, room)
    out = [o - round(take * s / room) for o, s in zip(out, spare)]
    return out


# --- styles -----------------------------------------------------------------------------

def _style_fonts(document) -> dict[str, tuple[float, bool]]:
    """Paragraph style id -> (size pt, bold), following basedOn."""
    styles = document.styles.element
    raw: dict[str, tuple] = {}
    default_size, default_bold = 11.0, False
    dd = styles.find(qn("w:docDefaults"))
    if dd is not None:
        sz = dd.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
        if sz is not None and sz.get(qn("w:val")):
            default_size = int(sz.get(qn("w:val"))) / 2
    for st in styles.findall(qn("w:style")):
        sid = st.get(qn("w:styleId"))
        based = st.find(qn("w:basedOn"))
        rpr = st.find(qn("w:rPr"))
        size = bold = None
        if rpr is not None:
            sz = rpr.find(qn("w:sz"))
            if sz is not None and sz.get(qn("w:val")):
                size = int(sz.get(qn("w:val"))) / 2
            b = rpr.find(qn("w:b"))
            if b is not None:
                bold = b.get(qn("w:val"), "true") not in ("0", "false")
        raw[sid] = (based.get(qn("w:val")) if based is not None else None, size, bold)
    out: dict[str, tuple[float, bool]] = {}

    def resolve(sid, depth=0):
        if sid in out:
            return out[sid]
        if sid not in raw or depth > 20:
            return default_size, default_bold
        parent, size, bold = raw[sid]
        psize, pbold = resolve(parent, depth + 1) if parent else (default_size, default_bold)
        out[sid] = (size if size is not None else psize, bold if bold is not None else pbold)
        return out[sid]

    for sid in raw:
        resolve(sid)
    out.setdefault("", (default_size, default_bold))
    return out


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _PPR, _PSTYLE, _IND, _R, _T, _RPR, _SZ, _B = (
    _W + "p", _W + "pPr", _W + "pStyle", _W + "ind", _W + "r", _W + "t", _W + "rPr",
    _W + "sz", _W + "b")
_VAL, _LEFT, _START = _W + "val", _W + "left", _W + "start"


def first_child(el, tag):
    """The first child of `el` with `tag`, or None. The property elements (pPr, rPr,
    tcPr) come first in their parent, so this is usually one index, several times cheaper
    than lxml's `find`."""
    if len(el) and el[0].tag == tag:
        return el[0]
    for child in el.iterchildren(tag):
        return child
    return None


def _first_two(props, tag_a, tag_b):
    """The first children of a property element (pPr, rPr) with tag_a and with tag_b, each
    None when absent, in one pass over its children."""
    a = b = None
    for child in props:
        tag = child.tag
        if tag == tag_a:
            if a is None:
                a = child
        elif tag == tag_b:
            if b is None:
                b = child
    return a, b


@lru_cache(maxsize=1 << 16)
def _run_widths_pt(text: str, size_pt: float, bold: bool) -> tuple[float, float]:
    """`longest_word_pt` of a run's text with a range's dash breaking, and with ranges
    whole (cached: the cells of a draft repeat their texts and formats a lot)."""
    broken = longest_word_pt(text, size_pt, bold)
    if "–" in text:
        return broken, longest_word_pt(text, size_pt, bold, False)
    return broken, broken


def _paragraph_font(ppr, fonts, default) -> tuple[float, bool, int]:
    """The size (pt), weight and left indent (twips) of a paragraph's text: its style's
    (`ppr`: its properties; the first w:pStyle and w:ind of them)."""
    sid = ""
    indent = 0
    if ppr is not None:
        ps, ind = _first_two(ppr, _PSTYLE, _IND)
        if ps is not None:
            sid = ps.get(_VAL)
        if ind is not None:
            indent = int(ind.get(_LEFT) or ind.get(_START) or 0)
    size, bold = fonts.get(sid, default)
    return size, bold, indent


def _run_font(rpr, size: float, bold: bool) -> tuple[float, bool]:
    """A run's size and weight: the paragraph's unless its properties (`rpr`, with children)
    set their own."""
    sz, b = _first_two(rpr, _SZ, _B)
    if sz is not None and sz.get(_VAL):
        size = int(sz.get(_VAL)) / 2
    if b is not None:
        bold = b.get(_VAL, "true") not in ("0", "false")
    return size, bold


def _run_twips(rpr, text: str, size: float, bold: bool, indent: int) -> tuple[float, float]:
    """A run's widest unbreakable word and widest word with ranges whole, in twips with the
    paragraph's indent, at the paragraph's size and weight unless the run's properties
    (`rpr`) set their own."""
    if rpr is not None and len(rpr):        # most runs have no properties of their own
        size, bold = _run_font(rpr, size, bold)
    broken, unbroken = _run_widths_pt(text, size, bold)
    return (broken * TWIPS_PER_PT * SLACK + indent,
            unbroken * TWIPS_PER_PT * SLACK + indent)


def _plain_paragraph_twips(p, fonts, default, ignore_jinja: bool = False):
    """`_paragraph_twips` of a paragraph that holds only plain runs (text, tabs, breaks; no
    hyperlink, field or picture), measured in the one walk that finds its runs: each of its
    elements is visited once, its properties (pPr) only when a run has text. None when the
    paragraph is not plain. Property elements (pPr, rPr) hold no runs or text
    (ISO 29500-1); lxml's tag-filtered iterators cost more to set up than such a paragraph
    has elements."""
    ppr = font = None
    widest = whole = 0.0
    for pc in p:
        ptag = pc.tag
        if ptag == _R:
            rpr, text = None, ""
            for rc in pc:
                rtag = rc.tag
                if rtag == _RPR:
                    if rpr is None:
                        rpr = rc
                elif len(rc):
                    return None
                elif rtag == _T:
                    piece = rc.text
                    if piece:
                        text = text + piece if text else piece
            if ignore_jinja:
                text = _JINJA.sub(" ", text)
            if not text or text.isspace():
                continue
            if font is None:
                font = _paragraph_font(ppr, fonts, default)
            w, u = _run_twips(rpr, text, *font)
            if w > widest:
                widest = w
            if u > whole:
                whole = u
        elif ptag == _PPR:
            if ppr is None:
                ppr = pc
        elif len(pc):
            return None
    return widest, whole


def _walk_cell(tc, fonts, default, ignore_jinja: bool = False):
    """What one walk of the cell's elements finds (each visited once, see
    `_plain_paragraph_twips`): (tcPr, its tcW, its gridSpan, whether the properties are
    more than one and end with a w:vMerge, then `_cell_widths` of the cell when it holds
    only plain paragraphs and no nested table, else None). The first tcPr counts, and the
    first tcW and gridSpan in it."""
    tcPr = tcW = span_el = None
    merge_last = False
    widest = whole = 0.0
    plain = True
    for child in tc:
        tag = child.tag
        if tag == _P:
            if not plain:
                continue
            measured = _plain_paragraph_twips(child, fonts, default, ignore_jinja)
            if measured is None:
                plain = False
                continue
            w, u = measured
            if w > widest:
                widest = w
            if u > whole:
                whole = u
        elif tag == _TCPR:
            if tcPr is None:
                tcPr = child
                count = 0
                for prop in child:      # `_first_two`, and which property is last
                    prop_tag = prop.tag
                    if prop_tag == _TCW:
                        if tcW is None:
                            tcW = prop
                    elif prop_tag == _GRIDSPAN:
                        if span_el is None:
                            span_el = prop
                    count += 1
                merge_last = count > 1 and prop_tag == _VMERGE
        elif len(child):
            plain = False
    return tcPr, tcW, span_el, merge_last, (widest, whole) if plain else None


def _cell_widths(tc, fonts, ignore_jinja: bool = False) -> tuple[float, float]:
    """The widths (twips, before the cell margins) of the cell's widest unbreakable word
    and of its widest word with ranges whole; 0.0 for a cell without text. Every paragraph
    of the cell counts, nested ones too, and every run with text of each, nested ones too
    (a hyperlink's); the runs at the size and weight of their paragraph's style unless
    they set their own."""
    default = fonts[""]
    plain = _walk_cell(tc, fonts, default, ignore_jinja)[4]
    if plain is not None:
        return plain
    widest = whole = 0.0
    for p in tc.iter(_P):
        texts = []
        for r in p.iter(_R):
            text = "".join(r.itertext(_T, with_tail=False))
            if ignore_jinja:
                text = _JINJA.sub(" ", text)
            if text.strip():
                texts.append((first_child(r, _RPR), text))
        w, u = _paragraph_twips(first_child(p, _PPR), texts, fonts, default)
        if w > widest:
            widest = w
        if u > whole:
            whole = u
    return widest, whole


def _paragraph_twips(ppr, runs, fonts, default) -> tuple[float, float]:
    """The widest unbreakable word and the widest word with ranges whole of a paragraph's
    `runs` ((rPr, text) of the runs with text), in twips with the paragraph's indent, at
    the size and weight of its style (`ppr`: its properties) unless a run sets its own."""
    if not runs:
        return 0.0, 0.0
    size, bold, indent = _paragraph_font(ppr, fonts, default)
    widest = whole = 0.0
    for rpr, text in runs:
        w, u = _run_twips(rpr, text, size, bold, indent)
        if w > widest:
            widest = w
        if u > whole:
            whole = u
    return widest, whole


def _cell_min(tc, fonts, margins: int, ignore_jinja: bool) -> tuple[int, int]:
    """The cell's minimum width (twips) and the width it would rather have: a range such as
    "90,00–100,00" may break after its dash, but reads better whole."""
    widest, whole = _cell_widths(tc, fonts, ignore_jinja)
    return (int(widest) + margins if widest else 0, int(whole) + margins if whole else 0)


def _measured_cells(tr, fonts):
    """`_cells` of the row, each with `_cell_widths` of the cell appended and whether its
    properties (tcPr) are more than one and end with a w:vMerge (`order_cell_properties`
    may have work), found in one walk of the cell's elements (`_walk_cell`). A cell that is
    not plain is measured again by `_cell_widths`, nested paragraphs included."""
    out = []
    default = fonts[""]
    for tc in tr.iterchildren(_TC):
        tcPr, tcW, span_el, merge_last, widths = _walk_cell(tc, fonts, default)
        if widths is None:
            widths = _cell_widths(tc, fonts)
        span = 1 if span_el is None else int(span_el.get(_VAL))
        out.append((tc, tcPr, span, tcW, span_el is not None, *widths, merge_last))
    return out


def _margins(tbl) -> int:
    tblPr = tbl.find(qn("w:tblPr"))
    mar = tblPr.find(qn("w:tblCellMar")) if tblPr is not None else None
    total = 0
    for side, alt in (("left", "start"), ("right", "end")):
        el = None
        if mar is not None:
            el = mar.find(qn(f"w:{side}"))
            if el is None:
                el = mar.find(qn(f"w:{alt}"))
        total += int(el.get(qn("w:w"))) if el is not None else DEFAULT_MARGIN
    return total


_TBL, _TBLGRID, _GRIDCOL, _WW, _TR, _TC, _TCPR, _GRIDSPAN, _TCW, _TYPE, _TBLPR, _TBLW = (
    _W + "tbl", _W + "tblGrid", _W + "gridCol", _W + "w", _W + "tr", _W + "tc", _W + "tcPr",
    _W + "gridSpan", _W + "tcW", _W + "type", _W + "tblPr", _W + "tblW")


def _cells(tr):
    """(tc, tcPr, span, tcW, spanned) of each cell of a row: the cell, its properties,
    its gridSpan (1 without one), its tcW element (or None) and whether it has a gridSpan
    element."""
    out = []
    for tc in tr.iterchildren(_TC):
        tcPr = first_child(tc, _TCPR)
        span, tcW, span_el = 1, None, None
        if tcPr is not None:
            tcW, span_el = _first_two(tcPr, _TCW, _GRIDSPAN)
            if span_el is not None:
                span = int(span_el.get(_VAL))
        out.append((tc, tcPr, span, tcW, span_el is not None))
    return out


def fit_table(tbl, fonts, ignore_jinja: bool = False, rows=None) -> None:
    """`rows`: the table's rows as `_cells` gives them, when the caller has them; as
    `_measured_cells` gives them, the cells are not measured again."""
    grid = first_child(tbl, _TBLGRID)
    if grid is None:
        return
    cols = list(grid.iterchildren(_GRIDCOL))
    widths = [int(c.get(_WW) or 0) for c in cols]
    if not widths or not all(widths):
        return
    margins = _margins(tbl)
    minimums = [0] * len(widths)
    wished = [0] * len(widths)
    if rows is None:
        rows = [_cells(tr) for tr in tbl.iterchildren(_TR)]
    for cells in rows:
        col = 0
        for cell in cells:
            span = cell[2]
            if span == 1 and col < len(minimums):
                widest, whole = (cell[5], cell[6]) if len(cell) > 5 else \
                    _cell_widths(cell[0], fonts, ignore_jinja)
                m = int(widest) + margins if widest else 0
                whole = int(whole) + margins if whole else 0
                if m > minimums[col]:
                    minimums[col] = m
                if whole > wished[col]:
                    wished[col] = whole
            col += span
    # Ranges are kept whole where that costs the other columns little (one target column);
    # where many columns hold ranges (a target per year), they break after the dash instead.
    extra = sum(max(w, x) - max(w, m) for w, m, x in zip(widths, minimums, wished))
    if 0 < extra <= WHOLE_RANGES_SHARE * sum(widths):
        minimums = [max(m, x) for m, x in zip(minimums, wished)]
    new = fit_widths(widths, minimums)
    if new == widths:
        return
    for c, w in zip(cols, new):
        c.set(_WW, str(w))
    for cells in rows:
        col = 0
        for cell in cells:
            span, tcW = cell[2], cell[3]
            if tcW is not None:
                tcW.set(_WW, str(sum(new[col:col + span])))
                tcW.set(_TYPE, "dxa")
            col += span
    tblPr = first_child(tbl, _TBLPR)
    tblW = first_child(tblPr, _TBLW) if tblPr is not None else None
    if tblW is not None and tblW.get(_TYPE) == "dxa":
        tblW.set(_WW, str(sum(new)))


def fit_tables(document, ignore_jinja: bool = False) -> None:
    """Fit every table of the document body (nested tables included) to its words."""
    fonts = _style_fonts(document)
    for tbl in _body(document).iter(qn("w:tbl")):
        fit_table(tbl, fonts, ignore_jinja)


def fix_grid(tbl, rows) -> bool:
    """Set the table's gridCol widths from the widths of its widest row without spans
    (docxtpl's {%tc %} column loops leave the grid widths approximate). `rows`: the
    table's rows as `_cells` gives them. Whether it did (a table without such a row keeps
    its grid)."""
    grid = first_child(tbl, _TBLGRID)
    if grid is None:
        return False
    best = None
    for cells in rows:
        if best is not None and len(cells) <= len(best):
            continue                    # it could not be wider than the one found
        widths = []
        for cell in cells:
            tcPr, tcW, spanned = cell[1], cell[3], cell[4]
            if tcPr is None or spanned:
                widths = None
                break
            w = tcW.get(_WW) if tcW is not None else None
            if w is None:
                widths = None
                break
            widths.append(int(w))
        if widths and (best is None or len(widths) > len(best)):
            best = widths
    if not best:
        return False
    for gc in list(grid.iterchildren(_GRIDCOL)):
        grid.remove(gc)
    for w in best:
        grid.append(grid.makeelement(_GRIDCOL, {_WW: str(w)}))
    tblW = first_child(first_child(tbl, _TBLPR), _TBLW)
    if tblW is not None and tblW.get(_TYPE) == "dxa":
        tblW.set(_WW, str(sum(best)))
    return True


def fix_table_columns(tbl) -> None:
    """docxtpl's `fix_tables` (0.20.2) for one table, the same changes, in place: a table
    whose rows have more cells than grid columns gets columns added (the old ones scaled
    to keep the width); one with more grid columns than its widest row (spans counted)
    loses the extra ones, their width spread over the rest. Like docxtpl, rows of nested
    tables count for the outer table too. Done twice, the second time changes nothing."""
    grid = first_child(tbl, _TBLGRID)
    columns = list(grid.iterchildren(_GRIDCOL))
    counts = [list(r.iterchildren(_TC)) for r in tbl.iter(_TR)]
    to_add = 0
    for cells in counts:
        if len(columns) + to_add < len(cells):
            to_add = len(cells) - len(columns)
    if to_add > 0:
        width = 0.0
        for c in columns:
            if c.get(_WW) is not None:
                width += float(c.get(_WW))
        if width > 0:
            old_average = width / len(columns)
            new_average = width / (len(columns) + to_add)
            for c in columns:
                c.set(_WW, str(int(float(c.get(_WW)) * new_average / old_average)))
            for _ in range(to_add):
                etree.SubElement(grid, _GRIDCOL, {_WW: str(int(new_average))})
    columns = list(grid.iterchildren(_GRIDCOL))
    cells_len_max = 0
    for cells in counts:
        n = 0
        for cell in cells:
            tc_pr = first_child(cell, _TCPR)
            span = None if tc_pr is None else first_child(tc_pr, _GRIDSPAN)
            n += int(span.get(_VAL)) if span is not None else 1
        if n > cells_len_max:
            cells_len_max = n
    to_remove = len(columns) - cells_len_max
    if to_remove > 0:
        removed_width = 0.0
        for c in columns[-to_remove:]:
            removed_width += float(c.get(_WW))
            grid.remove(c)
        left = list(grid.iterchildren(_GRIDCOL))
        extra = int(removed_width / len(left)) if left else 0
        for c in left:
            c.set(_WW, str(int(float(c.get(_WW)) + extra)))


# CT_TcPr's children in schema order (ISO 29500-1, 17.4.70)
_TCPR_ORDER = {_W + n: i for i, n in enumerate((
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel",
    "cellMerge", "tcPrChange"))}
_VMERGE = _W + "vMerge"


def order_cell_properties(tcPr) -> None:
    """Put a cell's properties in schema order. docxtpl's {% vm %} appends <w:vMerge> at the
    end of <w:tcPr>, after <w:shd> and <w:vAlign>; LibreOffice reads it anyway, the Open
    XML SDK's rules (and so possibly Word) call it unexpected."""
    children = list(tcPr)
    ranks = [_TCPR_ORDER.get(c.tag, len(_TCPR_ORDER)) for c in children]
    if ranks == sorted(ranks):
        return
    for child in children:
        tcPr.remove(child)
    for _, child in sorted(zip(ranks, range(len(children))), key=lambda x: x):
        tcPr.append(children[child])


def body_tables(document) -> list:
    """Every table of the document body (nested ones too) in document order."""
    return list(_body(document).iter(_TBL))


_SECTPR, _FLDSIMPLE, _FLDCHAR, _INSTRTEXT = (_W + "sectPr", _W + "fldSimple", _W + "fldChar",
                                             _W + "instrText")
_WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


class BodyIndex(NamedTuple):
    """What the passes below look for in the body, each in document order, found in one
    walk (a walk of a large draft costs tens of milliseconds: its tree does not fit in the
    processor's caches). The passes that take them: `finish_tables`, `keep_signatures`,
    `keep_totals`, `space_below_tables` (tables), `keep_heading_subtitles` (sections),
    `keep_caption_numbers` (fields), `finish_text` (texts), render's `lists_to_update`
    (instructions), fasttpl's `number_pictures` (pictures, right after rendering). Run in
    render's order they stay right: no pass before `finish_text`
    adds or removes a table, a section, a field, a text or an instruction, and the one that
    moves elements (`keep_signatures` puts a signature block into a last row of the table
    before it) keeps their order. `finish_text` replaces the runs it splits (with copies);
    it says when one of them held an instruction, and `lists_to_update` then looks again."""
    tables: list          # w:tbl, nested ones too
    sections: list        # w:sectPr
    fields: list          # w:fldSimple and w:fldChar
    texts: list           # w:t
    instructions: list    # w:instrText
    pictures: list        # wp:docPr


def index_body(document) -> BodyIndex:
    index = BodyIndex([], [], [], [], [], [])
    lists = {_TBL: index.tables, _SECTPR: index.sections, _FLDSIMPLE: index.fields,
             _FLDCHAR: index.fields, _T: index.texts, _INSTRTEXT: index.instructions,
             _WP_DOCPR: index.pictures}
    for el in _body(document).iter(*lists):
        lists[el.tag].append(el)
    return index


def finish_tables(document, tables=None, fonts=None) -> None:
    """After rendering, in one walk of each table's cells: the cell properties in schema
    order (`order_cell_properties`), the grid from the cell widths (`fix_grid`) or, for a
    table without a row to take them from, docxtpl's column fix (`fix_table_columns`; the
    grid `fix_grid` builds does not depend on it), then the columns fitted to their words
    (`fit_table`). The cells are measured in the same walk that finds their properties
    (`_measured_cells`): no step changes a text. Each step reads and changes only its own
    table, so table by table is the same as step by step. `tables`: the body's tables
    (`index_body`); `fonts`: `_style_fonts` of the document."""
    if fonts is None:
        fonts = _style_fonts(document)
    for tbl in body_tables(document) if tables is None else tables:
        rows = [_measured_cells(tr, fonts) for tr in tbl.iterchildren(_TR)]
        for cells in rows:
            for cell in cells:
                if cell[7]:
                    order_cell_properties(cell[1])
        if not fix_grid(tbl, rows):
            fix_table_columns(tbl)
        fit_table(tbl, fonts, rows=rows)


# --- styles by name ----------------------------------------------------------------------

def style_ids(document, *names: str) -> set[str]:
    """The ids of the styles with these names. Styles are found by name, never by id: an
    editor saving the template may rename ids (LibreOffice writes BodyText as TextBody and
    Caption as Caption1) but keeps names; names compare without case (Word writes the
    built-in "caption", python-docx "Caption")."""
    wanted = {n.lower() for n in names}
    out = set()
    for st in document.styles.element.iterchildren(qn("w:style")):
        name = st.find(qn("w:name"))
        if name is not None and (name.get(qn("w:val")) or "").lower() in wanted:
            out.add(st.get(qn("w:styleId")))
    return out


# --- signature blocks -------------------------------------------------------------------

_PSTYLE_PATH = f"{_PPR}/{_PSTYLE}"
_TBLCAPTION = _W + "tblCaption"
_KEEPNEXT = _W + "keepNext"
SIGNATURE_CAPTION = "Tanda tangan"
SIGNATURE_STYLE = "Tanda Tangan"
SHORT_TABLE_ROWS = 25


def _is_signature(tbl, signature_ids: set[str]) -> bool:
    """A signature block: captioned "Tanda tangan" by the template, or (the caption is lost
    when LibreOffice saves the template) a table whose every line of text is in the style
    Tanda Tangan."""
    cap = None
    for tblPr in tbl.iterchildren(_TBLPR):        # tbl.find("w:tblPr/w:tblCaption")
        cap = first_child(tblPr, _TBLCAPTION)
        if cap is not None:
            break
    if cap is not None:
        return cap.get(qn("w:val")) == SIGNATURE_CAPTION
    has_line = False
    for p in tbl.iter(_P):       # a line of text in another style ends the search
        ps = p.find(_PSTYLE_PATH)
        signature_style = ps is not None and ps.get(_VAL) in signature_ids
        if signature_style and has_line:
            continue
        if "".join(t.text or "" for t in p.iter(_T)).strip():
            if not signature_style:
                return False
            has_line = True
    return has_line


def _keep_next(p) -> None:
    ppr = first_child(p, _PPR)
    if ppr is None:
        ppr = p.makeelement(_PPR, {})
        p.insert(0, ppr)
    if first_child(ppr, _KEEPNEXT) is not None:
        return
    el = ppr.makeelement(_KEEPNEXT, {})
    # CT_PPr order: pStyle, keepNext, ...
    style = first_child(ppr, _PSTYLE)
    if style is not None:
        style.addnext(el)
    else:
        ppr.insert(0, el)


def keep_signatures(document, tables=None) -> None:
    """Keep every signature block (a table captioned "Tanda tangan" by the template) with
    the table that precedes it after rendering, so the block never stands alone at the
    top of a page. Which table that is depends on the data (a PK without budget lines
    ends with its indicator table), hence here. A short table keeps all its rows with the
    block (LibreOffice then moves the table as a whole); a long one its last two rows
    (Word moves those)."""
    signature_ids = style_ids(document, SIGNATURE_STYLE)
    for tbl in body_tables(document) if tables is None else tables:
        if not _is_signature(tbl, signature_ids):
            continue
        prev = tbl.getprevious()
        real = 0
        while prev is not None and prev.tag == qn("w:p"):
            text = "".join(t.text or "" for t in prev.iter(qn("w:t"))).strip()
            if text:
                real += 1
                if real > 1:
                    break
            prev = prev.getprevious()
        if prev is None or prev.tag != qn("w:tbl"):
            continue
        rows = prev.findall(qn("w:tr"))
        keep = rows if len(rows) <= SHORT_TABLE_ROWS else rows[-2:]
        for tr in keep:
            for p in tr.iter(qn("w:p")):
                _keep_next(p)
        if len(rows) > SHORT_TABLE_ROWS:
            signature_row(prev, tbl)


def _el(parent, tag, **attrs):
    el = parent.makeelement(qn(tag), {qn(f"w:{k}"): v for k, v in attrs.items()})
    parent.append(el)
    return el


def signature_row(table, signature) -> None:
    """Move a signature block (and the paragraphs between it and `table`) into a last row of
    `table`: one borderless cell over the whole width that cannot split. The rows before it
    keep with it, so where the page ends a few of the table's last rows go over with the
    signature (under the repeated header rows); both Word and LibreOffice move rows kept
    together within a table, where LibreOffice moves a long table's last rows to the
    paragraph after it only with the whole table."""
    grid = first_child(table, _TBLGRID)
    cols = list(grid.iterchildren(_GRIDCOL)) if grid is not None else []
    sig_grid = first_child(signature, _TBLGRID)
    sig_width = sum(int(c.get(_WW) or 0) for c in sig_grid.iterchildren(_GRIDCOL)) \
        if sig_grid is not None else 0
    if not cols or sig_width > sum(int(c.get(_WW) or 0) for c in cols):
        return                       # a narrow table: the block stays under it
    moving = []
    el = table.getnext()
    while el is not None and el is not signature:
        moving.append(el)
        el = el.getnext()
    if any(node.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None for node in moving):
        return                       # a section ends between them: they stay apart
    moving.append(signature)
    tr = _el(table, "w:tr")
    _el(_el(tr, "w:trPr"), "w:cantSplit")
    tc = _el(tr, "w:tc")
    tcPr = _el(tc, "w:tcPr")
    _el(tcPr, "w:tcW", w=str(sum(int(c.get(_WW) or 0) for c in cols)), type="dxa")
    if len(cols) > 1:
        _el(tcPr, "w:gridSpan", val=str(len(cols)))
    borders = _el(tcPr, "w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        _el(borders, f"w:{side}", val="nil")
    for node in moving:
        tc.append(node)
    # a cell ends with a paragraph: a hairline one after the signature table
    p = _el(tc, "w:p")
    ppr = _el(p, "w:pPr")
    _el(ppr, "w:spacing", before="0", after="0", line="20", lineRule="exact")
    _el(_el(ppr, "w:rPr"), "w:sz", val="2")


def _text_width_twips(document, sections=None) -> int:
    """The narrowest text width of the document's sections (twips). `sections`: the
    body's sectPr elements (`index_body`)."""
    widths = []
    for sect in _body(document).iter(_SECTPR) if sections is None else sections:
        size, mar = first_child(sect, _W + "pgSz"), first_child(sect, _W + "pgMar")
        if size is None or mar is None:
            continue
        try:
            widths.append(int(size.get(_WW)) - int(mar.get(_LEFT) or 0)
                          - int(mar.get(_W + "right") or 0))
        except (TypeError, ValueError):
            continue
    return min(widths) if widths else 9072          # 16 cm


def _style_first_lines(document) -> dict[str, int]:
    """Paragraph style id -> its first-line indent (twips, negative for a hanging one),
    following basedOn."""
    raw = {}
    for st in document.styles.element.iterchildren(qn("w:style")):
        based = st.find(qn("w:basedOn"))
        ind = st.find(f"{qn('w:pPr')}/{qn('w:ind')}")
        first = None
        if ind is not None:
            if ind.get(qn("w:firstLine")) is not None:
                first = int(ind.get(qn("w:firstLine")))
            elif ind.get(qn("w:hanging")) is not None:
                first = -int(ind.get(qn("w:hanging")))
        raw[st.get(qn("w:styleId"))] = (based.get(qn("w:val")) if based is not None else None,
                                        first)

    def resolve(sid, depth=0):
        if sid not in raw or depth > 20:
            return 0
        parent, first = raw[sid]
        return first if first is not None else resolve(parent, depth + 1)

    return {sid: resolve(sid) for sid in raw}


def keep_heading_subtitles(document, sections=None, fonts=None) -> None:
    """A heading keeps with the first lines of what follows it (the heading styles say so);
    a paragraph of about one line right under it ("Sasaran 1: ...") belongs to the heading
    and keeps with what follows too, so that no page ends with a heading and one line. About
    one line: its text, at its style's size, takes at most 1.1 times the narrowest text width
    of the document less its first-line indent (a short two-line paragraph kept with the
    next costs nothing). `sections`: the body's sectPr elements (`index_body`); `fonts`:
    `_style_fonts` of the document."""
    heading_ids = style_ids(document, *(f"heading {n}" for n in range(1, 10)))
    if not heading_ids:
        return
    if fonts is None:
        fonts = _style_fonts(document)
    firsts = _style_first_lines(document)
    width = _text_width_twips(document, sections)
    for p in _body(document).iterchildren(_P):
        ppr = first_child(p, _PPR)
        ps = first_child(ppr, _PSTYLE) if ppr is not None else None
        if ps is None or ps.get(_VAL) not in heading_ids:
            continue
        nxt = p.getnext()
        if nxt is None or nxt.tag != _P:
            continue
        text = "".join(nxt.itertext(_T)).strip()
        nppr = first_child(nxt, _PPR)
        nps = first_child(nppr, _PSTYLE) if nppr is not None else None
        sid = nps.get(_VAL) if nps is not None else ""
        if not text or sid in heading_ids:
            continue
        size, bold = fonts.get(sid, fonts[""])
        first = firsts.get(sid, 0)
        ind = first_child(nppr, _IND) if nppr is not None else None
        if ind is not None and ind.get(_W + "firstLine") is not None:
            first = int(ind.get(_W + "firstLine"))
        if text_width_pt(text, size, bold) * TWIPS_PER_PT <= 1.1 * (width - max(first, 0)):
            _keep_next(nxt)


def keep_totals(document, tables=None) -> None:
    """A table's total row (its last row, starting "JUMLAH") never stands alone at the top of
    a page: the row before it keeps with it (Word moves the two together)."""
    for tbl in body_tables(document) if tables is None else tables:
        rows = list(tbl.iterchildren(_TR))
        if len(rows) < 3:
            continue
        cells = ["".join(tc.itertext()).strip() for tc in rows[-1].iterchildren(_TC)]
        first = next((c for c in cells if c), "")
        if not first.upper().startswith("JUMLAH"):
            continue
        for p in rows[-2].iter(_P):
            _keep_next(p)


# --- caption numbers ----------------------------------------------------------------------

_RESTART = re.compile(r"\\r\s+\S+")


def _seq_restart(instr: str, number: str) -> str | None:
    """The SEQ instruction with its number set by `\\r number`, or None when it is not a SEQ
    instruction or already says so."""
    words = instr.split()
    if words[:1] != ["SEQ"] or not number.isdigit():
        return None
    if _RESTART.search(instr):
        if _RESTART.search(instr).group(0).split()[1] == number:
            return None
        return " " + _RESTART.sub(lambda m: f"\\r {number}", " ".join(words)) + " "
    return f" {' '.join(words)} \\r {number} "


def keep_caption_numbers(document, fields=None) -> None:
    """Every caption's SEQ field says its number itself (`\\r n`, n its rendered result, the
    number the core decided). The template's fields carry `\\r {{ urut.<key> }}`; LibreOffice
    drops that switch when it saves the template again, and a SEQ field without it is
    renumbered when the fields are updated (by LibreOffice when it fills the lists, by Word
    on F9): Tabel 2.1 would read "Tabel 2.4", counting every Tabel before it. `fields`:
    the body's fldSimple and fldChar elements (`index_body`)."""
    if fields is None:
        fields = _body(document).iter(_FLDSIMPLE, _FLDCHAR)
    simple_fields, with_fields = [], {}
    for el in fields:
        if el.tag == _FLDSIMPLE:
            simple_fields.append(el)
        else:      # the paragraphs holding a field, outer ones first, in document order
            for p in reversed(list(el.iterancestors(_P))):
                with_fields[p] = None
    for simple in simple_fields:
        instr = simple.get(_W + "instr") or ""
        new = _seq_restart(instr, "".join(simple.itertext(_T)).strip())
        if new:
            simple.set(_W + "instr", new)
    for p in with_fields:
        fields, current = [], None      # (instrText elements, result) of each field
        for el in p.iter(_W + "fldChar", _W + "instrText", _T):
            if el.tag == _W + "fldChar":
                kind = el.get(_W + "fldCharType")
                if kind == "begin":
                    current = ([], [], False)
                elif kind == "separate" and current is not None:
                    current = (current[0], current[1], True)
                elif kind == "end" and current is not None:
                    fields.append(current)
                    current = None
            elif current is not None:
                if el.tag == _W + "instrText" and not current[2]:
                    current[0].append(el)
                elif el.tag == _T and current[2]:
                    current[1].append(el.text or "")
        for instrs, result, _ in fields:
            if not instrs:
                continue
            new = _seq_restart("".join(i.text or "" for i in instrs), "".join(result).strip())
            if new:
                instrs[0].text = new
                for extra in instrs[1:]:
                    extra.text = ""


# --- placeholders and formulas ------------------------------------------------------------

PH_OPEN, PH_CLOSE = "\ue000", "\ue001"
_PH = re.compile("\ue000(.*?)\ue001")
_RPR_AFTER_HIGHLIGHT = [qn(f"w:{n}") for n in (
    "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
    "eastAsianLayout", "specVanish", "oMath")]
# "× 100%" and "= result" stay on the line of what they follow
_TIMES = re.compile(r"\s*×\s*100\s*%")
_EQUALS = re.compile(r"(100%|\))\s+=\s+")


def _highlight(rpr) -> None:
    el = rpr.makeelement(qn("w:highlight"), {qn("w:val"): "yellow"})
    for child in rpr:
        if child.tag in _RPR_AFTER_HIGHLIGHT:
            child.addprevious(el)
            return
    rpr.append(el)


def _split_run(r) -> None:
    import copy

    texts = r.findall(qn("w:t"))
    if len(texts) != 1:
        for t in texts:
            t.text = (t.text or "").replace(PH_OPEN, "").replace(PH_CLOSE, "")
        return
    text = texts[0].text or ""
    parts, pos = [], 0
    for m in _PH.finditer(text):
        if m.start() > pos:
            parts.append((text[pos:m.start()], False))
        parts.append((m.group(1), True))
        pos = m.end()
    if pos < len(text):
        parts.append((text[pos:], False))
    parts = [(t.replace(PH_OPEN, "").replace(PH_CLOSE, ""), h) for t, h in parts]
    for piece, marked in parts:
        new = copy.deepcopy(r)
        new.find(qn("w:t")).text = piece
        new.find(qn("w:t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        if marked:
            rpr = new.find(qn("w:rPr"))
            if rpr is None:
                rpr = new.makeelement(qn("w:rPr"), {})
                new.insert(0, rpr)
            _highlight(rpr)
        r.addprevious(new)
    r.getparent().remove(r)


def finish_text(document, texts=None) -> bool:
    """Highlight every placeholder in yellow (and drop its markers); keep "× 100%" and
    "= result" of a formula on the line of the figure before them. `texts`: the body's
    w:t elements (`index_body`). Whether a run it split (replaced by copies) held a field
    instruction (w:instrText), which a list of the body's instructions made before then
    no longer holds."""
    # One pass over the texts (the draft has some 100,000 at 1,000 rekening lines); the
    # runs holding a marker are collected in document order and split afterwards.
    to_split: dict = {}
    for t in _body(document).iter(_T) if texts is None else texts:
        text = t.text
        if not text:
            continue
        if "×" in text or "=" in text:
            text = _TIMES.sub("\u00a0×\u00a0100%", text)
            text = _EQUALS.sub(lambda m: m.group(1) + "\u00a0= ", text)
            t.text = text
        if PH_OPEN in text or PH_CLOSE in text:
            r = t.getparent()
            if r is not None and r.tag == _R:
                to_split[r] = None
    instructions = False
    for r in to_split:
        if not instructions and next(r.iter(_INSTRTEXT), None) is not None:
            instructions = True
        _split_run(r)
    return instructions


# --- spacing below tables -------------------------------------------------------------------

SPACE_AFTER_TABLE = 160          # twips (8 pt) between a table and the text under it
_PPR_BEFORE_SPACING = [qn(f"w:{n}") for n in (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
    "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku",
    "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
    "adjustRightInd", "snapToGrid")]


def space_below_tables(document, skip_styles=("Catatan Tabel", "Caption"),
                       tables=None) -> None:
    """Text right under a table keeps a paragraph's distance from it (Word has no spacing
    after a table): the paragraph gets space before, unless it is a table note or the
    caption of the next table (styles named in `skip_styles`), which have their own."""
    skip_styles = style_ids(document, *skip_styles)
    for tbl in body_tables(document) if tables is None else tables:
        p = tbl.getnext()
        if p is None or p.tag != qn("w:p"):
            continue
        ppr = p.find(qn("w:pPr"))
        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        if style is not None and style.get(qn("w:val")) in skip_styles:
            continue
        if ppr is None:
            ppr = p.makeelement(qn("w:pPr"), {})
            p.insert(0, ppr)
        spacing = ppr.find(qn("w:spacing"))
        if spacing is None:
            spacing = ppr.makeelement(qn("w:spacing"), {})
            anchor = None
            for child in ppr:
                if child.tag in _PPR_BEFORE_SPACING:
                    anchor = child
            if anchor is not None:
                anchor.addnext(spacing)
            else:
                ppr.insert(0, spacing)
        if int(spacing.get(qn("w:before")) or 0) < SPACE_AFTER_TABLE:
            spacing.set(qn("w:before"), str(SPACE_AFTER_TABLE))
