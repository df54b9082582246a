"""Build templates/docx/lkjip.docx, the ONE master template of the LKjIP Word report.

    python templates/docx/builder/build.py [output.docx]

python-docx writes the styles (Title, Heading 1-3, Body Text, Caption, Daftar, table
text styles), the fixed set of sections (cover, front matter in lower-roman page
numbers, the body in arabic numbers from BAB I, landscape sections for the wide
tables), the headers/footers with a PAGE field, the Word TOC field, the boilerplate
prose and the Jinja tags that docxtpl fills (generator/render/docx). One module per
chapter beside this one (front, bab1-bab4, lampiran), in the order of the report; the
context each tag reads is built by the module of the same chapter in
generator/render/docx/. `base.py` holds the building blocks they share.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from bab1 import bab1  # noqa: E402
from bab2 import bab2  # noqa: E402
from bab3 import bab3  # noqa: E402
from bab4 import bab4  # noqa: E402
from base import setup_styles  # noqa: E402
from front import depan, sampul  # noqa: E402
from lampiran import lampiran  # noqa: E402

from generator.render.docx.layout import fit_tables  # noqa: E402


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


def drop_styles_with_effects(doc):
    """python-docx's blank document carries word/stylesWithEffects.xml (Word 2010's copy of
    the styles); once styles.xml changes the two disagree, which Word may report as
    unreadable content. Word 2013 and later do not write it: drop it."""
    for rId, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rId)


def build():
    from docx import Document

    doc = Document()
    drop_styles_with_effects(doc)
    setup_styles(doc)
    sampul(doc)
    depan(doc)
    bab1(doc)
    bab2(doc)
    bab3(doc)
    bab4(doc)
    lampiran(doc)
    settings(doc)
    # columns at least as wide as the longest word of their header texts
    fit_tables(doc, ignore_jinja=True)
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
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "lkjip.docx"
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
