"""FastDocxTemplate renders what docxtpl's own DocxTemplate renders (structurally)."""

from __future__ import annotations

import importlib
import io
import zipfile

from docxtpl import DocxTemplate
from hypothesis import given, strategies as st
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


_PIECES = ["<w:t>", '<w:t xml:space="preserve">', "</w:t>", "<w:tab/>", "<w:tbl>", "<w:t",
           "<", ">", " ", "a", "\t", "\a", "\n", "\f", '<w:t x="\n">', "<w:p>", "</w:p>"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_needs_listing_is_the_regular_expression(pieces):
    """`needs_listing` answers as docxtpl's test (the regular expression) on any text."""
    xml = "".join(pieces)
    assert fasttpl.needs_listing(xml) == bool(fasttpl._LISTING.search(xml))


def test_needs_listing_examples():
    assert fasttpl.needs_listing('<w:r><w:t xml:space="preserve">a\tb</w:t></w:r>')
    assert not fasttpl.needs_listing('<wp:inline>\n  <wp:extent/>\n</wp:inline><w:t>a</w:t>')
    assert not fasttpl.needs_listing('<w:t x="\n">a</w:t>')       # inside the tag itself
    assert not fasttpl.needs_listing("<w:tbl>\n</w:tbl>")
    assert fasttpl.needs_listing("<w:t>a > b\fc</w:t>")


def test_braces_in_user_text_stay_literal(tmp_path, monkeypatch):
    """Text with docxtpl's escape syntax ("{_{") or braces comes out as typed; text without
    them (returned by the finalize as it is) is escaped once by the environment."""
    import docx
    from generator.render.docx.render import jinja_env

    monkeypatch.setenv("LKJIP_CACHE", str(tmp_path / "cache"))
    d = docx.Document()
    d.add_paragraph("{{ a }}|{{ b }}")
    d.save(str(tmp_path / "t.docx"))
    tpl = fasttpl.FastDocxTemplate(str(tmp_path / "t.docx"))
    tpl.render({"a": "x {_{ y }_} & <z>", "b": "R&D <5%>"}, jinja_env(), autoescape=True)
    text = "".join(tpl.docx.element.itertext())
    assert "x {_{ y }_} & <z>|R&D <5%>" in text


def test_syntax_error_line_is_docxtpls(tmp_path, monkeypatch):
    """The template is compiled without docxtpl's line break before each paragraph (nothing
    to take out of the result), but a syntax error still names the line docxtpl names: the
    paragraph that holds it."""
    import docx
    import jinja2
    import pytest

    monkeypatch.setenv("LKJIP_CACHE", str(tmp_path / "cache"))
    d = docx.Document()
    for text in ("{{ a }}", "dua", "tiga {{ b", "empat"):
        d.add_paragraph(text)
    d.save(str(tmp_path / "t.docx"))
    with pytest.raises(jinja2.TemplateSyntaxError) as theirs:
        DocxTemplate(str(tmp_path / "t.docx")).render({"a": 1, "b": 2})
    with pytest.raises(jinja2.TemplateSyntaxError) as ours:
        fasttpl.FastDocxTemplate(str(tmp_path / "t.docx")).render({"a": 1, "b": 2},
                                                                    autoescape=True)
    assert theirs.value.lineno > 1
    assert ours.value.lineno == theirs.value.lineno


def test_rendered_part_keeps_no_line_break_of_the_template(tmp_path, monkeypatch):
    """A template whose XML has line breaks before its paragraphs (saved pretty-printed)
    renders without them, as docxtpl's own render gives it."""
    import docx

    monkeypatch.setenv("LKJIP_CACHE", str(tmp_path / "cache"))
    d = docx.Document()
    for text in ("{{ a }}", "b"):
        d.add_paragraph(text)
    body = d.element.body
    for p in body.iterchildren("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
        previous = p.getprevious()
        if previous is not None:
            previous.tail = "\n"
    d.save(str(tmp_path / "t.docx"))
    ours = fasttpl.FastDocxTemplate(str(tmp_path / "t.docx"))
    ours.render({"a": "x"}, autoescape=True)
    theirs = DocxTemplate(str(tmp_path / "t.docx"))
    theirs.render({"a": "x"}, autoescape=True)
    assert _tree(etree.tostring(ours.docx.element)) == _tree(etree.tostring(theirs.docx.element))
    assert "\n<w:p" not in etree.tostring(ours.docx.element, encoding="unicode")
