"""An agency's own templates: a copy to edit (`export`) and the check of an edited copy
against the shipped one (`check`), used by `lkjip templates export|check` and before
`lkjip generate --templates` / `lkjip serve --templates`.

The check reads the Word template as docxtpl will (a paragraph's runs joined) and reports,
in Indonesian with the place (section, heading above, paragraph or table caption):

- tags that are broken (a tag cut over two paragraphs, curly quotes typed by autocorrect,
  a Jinja syntax error, an unclosed block), unknown (a namespace or a key that the
  generator does not give: the report could not be filled) or split by the editor into
  differently formatted pieces (the formatting of the later pieces is lost);
- tags of the shipped template that are missing (that value or table no longer appears);
- sections or orientations lost, page numbering changed, and a section break in a tag
  paragraph (removed at rendering with it);
- styles that are missing or renamed (the renderer finds styles by name).

Errors stop the generator (the report would fail or come out broken); warnings are
printed and go into the review notes.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOCX = Path("docx") / "lkjip.docx"
XLSX = [Path("xlsx") / "realisasi.toml", Path("xlsx") / "efisiensi.toml"]
ERROR, WARNING = "galat", "peringatan"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_DOCXTPL_ONLY = re.compile(r"^\{%-?\s*(vm|hm|cellbg|colspan)\b")
_MARKER = re.compile(r"^(\{[{%])-?(p|tr|tc|r)\s")
_CLOSING = re.compile(r"^\{%-?\s*(end\w*|else|elif\b)")

README = """TEMPLAT LKjIP INSTANSI
======================

Folder ini salinan templat bawaan generator LKjIP untuk disunting instansi:

  docx/lkjip.docx     templat draf Word (sampul sampai lampiran)
  xlsx/*.toml         tata letak spreadsheet Tabel 1.1 dan Efisiensi

Cara memakai:
1. Buka docx/lkjip.docx di Word (atau LibreOffice Writer), ubah kop, logo, huruf
   (gaya Normal: seluruh laporan ikut), kalimat baku; simpan dengan nama yang sama.
2. Biarkan tag {{ ... }} dan {%p ... %} utuh: ketik ulang satu tag sekaligus, jangan
   menebalkan sebagian tag, dan matikan tanda kutip lengkung (AutoCorrect) untuknya.
   Jangan hapus pemisah bagian (section break): halaman mendatar untuk tabel lebar ada
   di antaranya.
3. Periksa:   lkjip templates check FOLDER_INI
4. Pakai:     lkjip generate WORKBOOK.xlsx --templates FOLDER_INI

Daftar variabel setiap bab ada di docs/template.md repositori generator.
"""


@dataclass(frozen=True)
class TemplateProblem:
    level: str                  # ERROR or WARNING
    place: str                  # where, in words
    message: str                # what, and what it means for the report

    def line(self) -> str:
        return f"{self.place}: {self.message}"


@dataclass
class TemplateReport:
    folder: Path
    problems: list[TemplateProblem] = field(default_factory=list)

    @property
    def errors(self) -> list[TemplateProblem]:
        return [p for p in self.problems if p.level == ERROR]

    @property
    def warnings(self) -> list[TemplateProblem]:
        return [p for p in self.problems if p.level == WARNING]

    @property
    def ok(self) -> bool:
        return not self.errors

    def add(self, level: str, place: str, message: str) -> None:
        problem = TemplateProblem(level, place, message)
        if problem not in self.problems:
            self.problems.append(problem)


class TemplateFolderError(Exception):
    """The export target cannot be used (message for the user)."""


# --- export -----------------------------------------------------------------------------------

def export(dest: Path, source: Path | None = None, overwrite: bool = False) -> list[Path]:
    """Copy the shipped templates (docx/lkjip.docx, xlsx/*.toml) and a README into dest."""
    from ..resources import TEMPLATES

    source = Path(source or TEMPLATES)
    dest = Path(dest)
    if dest.exists() and not dest.is_dir():
        raise TemplateFolderError(f"{dest} adalah berkas, bukan folder.")
    targets = [DOCX, *XLSX]
    if not overwrite:
        taken = [t for t in targets if (dest / t).exists()]
        if taken:
            raise TemplateFolderError(f"Folder {dest} sudah berisi templat ({taken[0]}); pilih "
                                      f"folder lain atau tambahkan --timpa.")
    written = []
    for rel in targets:
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / rel, dest / rel)
        written.append(dest / rel)
    (dest / "BACA.txt").write_text(README, encoding="utf-8")
    written.append(dest / "BACA.txt")
    return written


# --- reading a Word template --------------------------------------------------------------------

def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(f"{W}t"))


@dataclass
class Para:
    text: str
    place: str
    runs: list[tuple[str, bytes]]          # (text, formatting) of each run


@dataclass
class Doc:
    paragraphs: list[Para]
    sections: list[tuple[str, str, str | None]]        # orientation, format, restart
    section_places: list[str]
    break_problems: list[tuple[str, str, str]]          # (level, place, message)
    style_names: dict[str, str]                         # id -> name
    used_styles: set[str]                               # ids used by paragraphs and tables


def _snippet(text: str, n: int = 50) -> str:
    text = " ".join(text.split())
    return f"\u201c{text[:n]}{'…' if len(text) > n else ''}\u201d"


def read_docx(data: bytes) -> Doc:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        document = etree.fromstring(z.read("word/document.xml"))
        styles = etree.fromstring(z.read("word/styles.xml")) if "word/styles.xml" in \
            z.namelist() else None
        extra = [etree.fromstring(z.read(n)) for n in z.namelist()
                 if re.match(r"word/(header|footer)\d*\.xml$", n)]
    names = {}
    if styles is not None:
        for st in styles.iter(f"{W}style"):
            name = st.find(f"{W}name")
            names[st.get(f"{W}styleId")] = name.get(f"{W}val") if name is not None else ""
    heading_ids = {i for i, n in names.items() if (n or "").lower() in ("heading 1", "heading 2")}
    caption_ids = {i for i, n in names.items() if (n or "").lower() == "caption"}
    body = document.find(f"{W}body")
    paragraphs, section_places, breaks, used = [], [], [], set()
    section, heading, caption = 1, "", ""
    first_of_section = ""
    sections = []
    children = list(body)

    def where() -> str:
        w = f"bagian {section}"
        if heading:
            w += f", di bawah judul {_snippet(heading, 40)}"
        return w

    for k, el in enumerate(children):
        for ps in el.iter(f"{W}pStyle", f"{W}tblStyle"):
            used.add(ps.get(f"{W}val"))
        if el.tag == f"{W}tbl":
            rows = [p for p in el.iter(f"{W}p")]
            label = f"tabel {_snippet(caption, 60)}" if caption else "tabel"
            for p in rows:
                paragraphs.append(_para(p, f"{where()}, {label}"))
            caption = ""
            continue
        if el.tag != f"{W}p":
            continue
        ps = el.find(f"{W}pPr/{W}pStyle")
        sid = ps.get(f"{W}val") if ps is not None else ""
        text = _text(el).strip()
        if sid in heading_ids and text:
            heading = text
        if sid in caption_ids and text:
            caption = text
        if text and not first_of_section:
            first_of_section = text
        paragraphs.append(_para(el, f"{where()}, paragraf {_snippet(text)}"))
        sect = el.find(f"{W}pPr/{W}sectPr")
        if sect is not None:
            sections.append(_section(sect))
            section_places.append(first_of_section)
            if _MARKER.match(text):
                breaks.append((ERROR, where(), f"pemisah bagian (section break) ada di paragraf "
                               f"tag {_snippet(text)}: ikut terhapus saat laporan dibuat, "
                               f"sehingga halaman bagian ini dan berikutnya menyatu "
                               f"(orientasi dan penomoran halaman hilang). Pindahkan pemisah "
                               f"ke paragraf teks sesudah tag."))
            elif not text and k and children[k - 1].tag == f"{W}p" \
                    and _MARKER.match(_text(children[k - 1]).strip()):
                breaks.append((WARNING, where(), "pemisah bagian ada di paragraf kosong "
                               "sesudah paragraf tag: bila templat disimpan ulang, pemisah "
                               "dapat pindah ke paragraf tag dan hilang saat laporan dibuat."))
            section += 1
            first_of_section = ""
    last = body.find(f"{W}sectPr")
    if last is not None:
        sections.append(_section(last))
        section_places.append(first_of_section)
    for part in extra:
        for p in part.iter(f"{W}p"):
            paragraphs.append(_para(p, f"kepala/kaki halaman, paragraf {_snippet(_text(p))}"))
    return Doc(paragraphs, sections, section_places, breaks, names, used)


def _para(p, place: str) -> Para:
    runs = []
    for r in p.iter(f"{W}r"):
        rpr = r.find(f"{W}rPr")
        fmt = b""
        if rpr is not None:
            keep = [c for c in rpr if c.tag not in (f"{W}lang", f"{W}noProof",
                                                     f"{W}rFonts", f"{W}szCs")]
            fmt = b"".join(etree.tostring(c) for c in keep)
        runs.append((_text(r), fmt))
    return Para("".join(t for t, _ in runs), place, runs)


def _section(sect) -> tuple[str, str, str | None]:
    size = sect.find(f"{W}pgSz")
    try:
        landscape = int(size.get(f"{W}w")) > int(size.get(f"{W}h"))
    except (AttributeError, TypeError, ValueError):
        landscape = False
    pg = sect.find(f"{W}pgNumType")
    fmt = (pg.get(f"{W}fmt") if pg is not None else None) or "decimal"
    start = pg.get(f"{W}start") if pg is not None else None
    return ("mendatar" if landscape else "tegak", fmt, start)


# --- the tags -----------------------------------------------------------------------------------

def _tags(doc: Doc) -> list[tuple[str, Para]]:
    out = []
    for para in doc.paragraphs:
        for m in _TAG.finditer(para.text):
            out.append((m.group(0), para))
    return out


def _norm(tag: str) -> str:
    return " ".join(tag.split())


def _jinja(tag: str) -> str:
    """A docxtpl tag as plain Jinja ({%p if x %} -> {% if x %}); "" for docxtpl's own."""
    if _DOCXTPL_ONLY.match(tag) or tag.startswith("{#"):
        return ""
    return _MARKER.sub(lambda m: m.group(1) + " ", tag)


def _check_tags(doc: Doc, report: TemplateReport, context: dict) -> None:
    import jinja2
    from jinja2 import nodes

    # cut tags: an opening without its closing in the same paragraph
    for para in doc.paragraphs:
        rest = _TAG.sub("", para.text)
        for opener, closer in (("{{", "}}"), ("{%", "%}")):
            if opener in rest or closer in rest:
                report.add(ERROR, para.place, f"tag terpotong (\u201c{opener} … {closer}\u201d "
                           f"tidak lengkap dalam satu paragraf): laporan tidak dapat dibuat. "
                           f"Ketik ulang tag itu utuh dalam satu paragraf.")
                break
    tags = _tags(doc)
    for tag, para in tags:
        if any(q in tag for q in "\u2018\u2019\u201c\u201d"):
            report.add(ERROR, para.place, f"tag {tag} memuat tanda kutip lengkung (dari "
                       f"AutoCorrect): laporan tidak dapat dibuat. Ketik ulang dengan kutip "
                       f"lurus ' atau \".")
        _check_split(tag, para, report)
    # syntax and names: every tag on a line of its own, parsed as one template
    lines = [_jinja(t) for t, _ in tags]
    env = jinja2.Environment()
    try:
        ast = env.parse("\n".join(lines))
    except jinja2.TemplateSyntaxError as exc:
        k = (exc.lineno or 1) - 1
        tag, para = tags[min(k, len(tags) - 1)] if tags else ("", None)
        report.add(ERROR, para.place if para else "templat",
                   f"tag {tag} tidak dapat dibaca ({exc.message}): laporan tidak dapat "
                   f"dibuat. Periksa pasangan {{%p if %}}/{{%p endif %}} dan "
                   f"{{%p for %}}/{{%p endfor %}} serta ejaan tag.")
        return
    # names bound by the template itself: loop variables, {% set %}, and Jinja's `loop`
    loop_names = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    loop_names.add("loop")
    for name in ast.find_all(nodes.Name):
        if name.ctx != "load" or name.name in loop_names or name.name in context:
            continue
        tag, para = tags[name.lineno - 1]
        hint = nearest(name.name, list(context))
        report.add(ERROR, para.place, f"tag {tag} memakai \u201c{name.name}\u201d yang tidak "
                   f"dikenal generator" + (f" (maksud Anda \u201c{hint}\u201d?)" if hint else "")
                   + ": laporan tidak dapat dibuat.")
    for node in ast.find_all(nodes.Getattr):
        if not isinstance(node.node, nodes.Name) or node.node.name in loop_names:
            continue
        space = context.get(node.node.name)
        if not isinstance(space, dict) or node.attr in space:
            continue
        tag, para = tags[node.lineno - 1]
        hint = nearest(node.attr, list(space))
        report.add(ERROR, para.place, f"tag {tag} memakai \u201c{node.node.name}.{node.attr}"
                   f"\u201d yang tidak dikenal generator"
                   + (f" (maksud Anda \u201c{node.node.name}.{hint}\u201d?)" if hint else "")
                   + ": laporan tidak dapat dibuat.")


def nearest(word: str, candidates: list[str]) -> str | None:
    """The candidate closest to a misspelt name, if any is close enough."""
    import difflib

    found = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return found[0] if found else None


def _check_split(tag: str, para: Para, report: TemplateReport) -> None:
    """A tag whose characters come from runs formatted differently (Word split it when part
    of it was made bold, or when it was typed in pieces)."""
    start = para.text.find(tag)
    pos, formats = 0, set()
    for text, fmt in para.runs:
        end = pos + len(text)
        if text and end > start and pos < start + len(tag):
            formats.add(fmt)
        pos = end
    if len(formats) > 1:
        report.add(WARNING, para.place, f"tag {tag} terpecah dalam beberapa bagian berformat "
                   f"berbeda: hasilnya memakai format bagian pertama. Ketik ulang tag itu "
                   f"sekaligus dengan satu format.")


# --- the whole check ------------------------------------------------------------------------------

STYLE_MEANING = {
    "caption": "judul tabel dan gambar tampil tanpa gaya judulnya dan jarak di bawah tabel "
               "tidak lagi diatur",
    "tanda tangan": "blok tanda tangan tidak lagi dijaga agar tidak terpisah dari teks di "
                    "atasnya",
    "catatan tabel": "catatan di bawah tabel tampil sebagai teks biasa",
    "heading 1": "judul bab tidak masuk Daftar Isi",
    "heading 2": "judul subbab tidak masuk Daftar Isi",
}


def _check_styles(shipped: Doc, edited: Doc, report: TemplateReport) -> None:
    edited_names = {n.lower() for n in edited.style_names.values() if n}
    for sid in sorted(shipped.used_styles):
        name = shipped.style_names.get(sid)
        if not name or name.lower() in edited_names:
            continue
        meaning = STYLE_MEANING.get(name.lower(), "paragrafnya tampil dengan gaya bawaan Word")
        renamed = edited.style_names.get(sid)
        if renamed:
            report.add(WARNING, f"gaya \u201c{name}\u201d", f"diganti nama menjadi "
                       f"\u201c{renamed}\u201d; generator mencari gaya menurut namanya, jadi "
                       f"{meaning}. Kembalikan namanya.")
        else:
            report.add(WARNING, f"gaya \u201c{name}\u201d", f"tidak ada lagi: {meaning}.")


def _check_sections(shipped: Doc, edited: Doc, report: TemplateReport) -> None:
    for level, place, message in edited.break_problems:
        report.add(level, place, message)
    a, b = shipped.sections, edited.sections
    for i in range(max(len(a), len(b))):
        where = f"bagian {i + 1}" + (f" (templat bawaan: mulai {_snippet(shipped.section_places[i], 40)})"
                                      if i < len(a) and shipped.section_places[i] else "")
        if i >= len(b):
            report.add(ERROR, where, f"bagian ini hilang (templat memiliki {len(b)} bagian, "
                       f"bawaannya {len(a)}): halaman {a[i][0]} dan penomoran halamannya "
                       f"tidak ada lagi, tabel lebar dapat tercetak terpotong.")
            continue
        if i >= len(a):
            report.add(WARNING, f"bagian {i + 1}", "bagian tambahan yang tidak ada di templat "
                       "bawaan; periksa hasilnya.")
            continue
        if a[i][0] != b[i][0]:
            report.add(ERROR, where, f"orientasi halaman {b[i][0]}, seharusnya {a[i][0]}: "
                       f"tabel di bagian ini tercetak dengan orientasi yang salah.")
        if a[i][1:] != b[i][1:]:
            report.add(ERROR, where, f"penomoran halaman berubah ({_numbering(b[i])}, "
                       f"seharusnya {_numbering(a[i])}).")


def _numbering(section) -> str:
    _, fmt, start = section
    kind = {"lowerRoman": "i, ii, iii", "upperRoman": "I, II, III", "decimal": "1, 2, 3"}.get(
        fmt, fmt)
    return kind + (f", mulai dari {start}" if start else ", melanjutkan")


def check_docx(data: bytes, shipped_data: bytes, context: dict,
               report: TemplateReport) -> None:
    try:
        edited = read_docx(data)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        report.add(ERROR, str(DOCX), "bukan dokumen Word (.docx) yang dapat dibaca.")
        return
    shipped = read_docx(shipped_data)
    _check_sections(shipped, edited, report)
    _check_tags(edited, report, context)
    have = {_norm(t) for t, _ in _tags(edited)}
    missing_seen = set()
    for tag, para in _tags(shipped):
        key = _norm(tag)
        if key in have or key in missing_seen or not _jinja(tag):
            continue
        missing_seen.add(key)
        if _CLOSING.match(_jinja(tag)):
            continue                  # a missing closing tag shows as a syntax error
        if "urut." in tag:
            what = ("nomor judul ini bukan lagi field SEQ, sehingga tabel atau gambar ini "
                    "tidak masuk Daftar Tabel/Daftar Gambar")
        elif _MARKER.match(tag) or tag.startswith("{%"):
            what = "bagian yang diulang atau bersyarat di tempat ini tidak lagi diisi"
        else:
            what = "nilai ini tidak muncul di laporan"
        report.add(WARNING, para.place.replace("bagian", "templat bawaan: bagian", 1),
                   f"tag {tag} tidak ada lagi: {what}.")
    _check_styles(shipped, edited, report)


_CONTEXT: dict = {}


def sample_context() -> dict:
    """The context the generator gives a template, from the bundled sample workbook."""
    if not _CONTEXT:
        from ..core import compute
        from ..resources import SAMPLE_WORKBOOK
        from ..workbook import read_workbook, validate
        from .docx import build_context

        workbook, _ = validate(read_workbook(SAMPLE_WORKBOOK))
        _CONTEXT.update(build_context(workbook, compute(workbook)))
    return _CONTEXT


def check(folder: Path, shipped: Path | None = None) -> TemplateReport:
    """Check an agency's templates folder against the shipped templates."""
    from ..resources import TEMPLATES

    folder, shipped = Path(folder), Path(shipped or TEMPLATES)
    report = TemplateReport(folder)
    if not folder.is_dir():
        report.add(ERROR, str(folder), "folder templat tidak ditemukan.")
        return report
    for rel in XLSX:
        if not (folder / rel).is_file():
            report.add(ERROR, str(rel), "tidak ada: spreadsheet tidak dapat dibuat (salin "
                       "dari templat bawaan dengan lkjip templates export).")
    if not (folder / DOCX).is_file():
        report.add(ERROR, str(DOCX), "tidak ada: draf Word tidak dapat dibuat (salin dari "
                   "templat bawaan dengan lkjip templates export).")
        return report
    check_docx((folder / DOCX).read_bytes(), (shipped / DOCX).read_bytes(), sample_context(),
               report)
    return report


def report_lines(report: TemplateReport) -> list[str]:
    """The report as lines for the console and the review notes."""
    n_err, n_warn = len(report.errors), len(report.warnings)
    if not report.problems:
        return [f"Templat {report.folder}: tidak ada masalah."]
    lines = [f"Templat {report.folder}: {n_err} galat, {n_warn} peringatan."]
    for i, p in enumerate(report.errors + report.warnings, start=1):
        lines.append(f"{i}. [{p.level}] {p.line()}")
    return lines


__all__ = ["ERROR", "WARNING", "TemplateFolderError", "TemplateProblem", "TemplateReport",
           "check", "check_docx", "export", "report_lines", "sample_context"]
