"""FastDocxTemplate renders what docxtpl's own DocxTemplate renders (structurally)."""

from __future__ import annotations

import importlib
import io
import zipfile

from docxtpl import DocxTemplate
from lxml import etree

from generator.pipeline import TEMPLATES
from generator.render.docx import build_context, fasttpl

R = importlib.import_module("generator.render.docx.render")


def _tree(xml: bytes) -> list:
    root = etree.fromstring(xml, etree.XMLParser(huge_tree=True))
    return [(e.tag, sorted(e.attrib.items()), e.text, e.tail) for e in root.iter()]


def _parts(data: bytes) -> dict[str, bytes]:
    z = zipfile.ZipFile(io.BytesIO(data))
    return {n: z.read(n) for n in z.namelist()}


def test_same_document_as_docxtpl(sample_checked, tmp_path, monkeypatch):
    monkeypatch.setenv("LKJIP_CACHE", str(tmp_path / "cache"))
    workbook, result = sample_checked
    ctx = build_context(workbook, result)
    meta = R.meta_for(workbook)
    template = TEMPLATES / "docx" / "lkjip.docx"
    out = {}
    for name, cls in [("docxtpl", DocxTemplate), ("cold", fasttpl.FastDocxTemplate),
                      ("warm", fasttpl.FastDocxTemplate)]:
        if name == "warm":
            fasttpl._MEMORY.clear()  # from the disk cache this time
        monkeypatch.setattr(R, "FastDocxTemplate", cls)
        out[name] = _parts(R.render_context(template, ctx, meta))
    assert list((tmp_path / "cache").glob("*.jinja"))
    for name in ("cold", "warm"):
        assert sorted(out[name]) == sorted(out["docxtpl"])
        for part, data in out["docxtpl"].items():
            if part.endswith(".xml") or part.endswith(".rels"):
                assert _tree(out[name][part]) == _tree(data), part
            else:
                assert out[name][part] == data, part


def test_listing_characters_still_resolved(tmp_path, monkeypatch):
    import docx

    monkeypatch.setenv("LKJIP_CACHE", str(tmp_path / "cache"))
    d = docx.Document()
    d.add_paragraph("{{ x }}")
    d.save(str(tmp_path / "t.docx"))
    tpl = fasttpl.FastDocxTemplate(str(tmp_path / "t.docx"))
    tpl.render({"x": "a\tb"}, autoescape=True)
    xml = etree.tostring(tpl.docx.element).decode()
    assert "<w:tab/>" in xml


def test_unwritable_cache_is_ignored(tmp_path, monkeypatch):
    import docx

    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("LKJIP_CACHE", str(blocker / "cache"))  # a file in the way
    d = docx.Document()
    d.add_paragraph("{{ x }}")
    d.save(str(tmp_path / "t.docx"))
    tpl = fasttpl.FastDocxTemplate(str(tmp_path / "t.docx"))
    tpl.render({"x": "halo $5"}, autoescape=True)
    assert "halo $5" in etree.tostring(tpl.docx.element).decode()
