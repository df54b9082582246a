"""The parts of an ordinary .xlsx besides its worksheets' cells, read without openpyxl.

openpyxl's loader takes about 0.1 s to import and set up, only for the reader to learn the
sheet list, the shared strings, the cell styles' number formats and the date epoch (the
cells themselves are read by the reader's own expat pass). `read_parts` reads those parts
with expat, with the reader's defences against hostile XML (`defended_parser`), and gives
what openpyxl's ExcelReader (3.1.5) would have given for them.

It only reads the plain form Excel, LibreOffice, openpyxl and our own builder write. Each
part is checked against what openpyxl's classes accept (the tables below name, per
element, the attributes and children allowed and the values openpyxl converts without
raising); anything else - an element or attribute it does not know, a value openpyxl might
refuse, a DTD, a comment, a chartsheet, custom properties, a missing relationship - raises
`NotPlain`, and the reader then loads the workbook's parts with openpyxl exactly as before.
So a file openpyxl refuses is still refused with the same problem, and every odd file still
gets openpyxl's reading.

The small pure pieces of openpyxl copied here (BUILTIN_FORMATS, is_date_format,
is_timedelta_format, from_excel, the sheet-title rules) are from openpyxl 3.1.5,
Copyright (c) 2010-2024 openpyxl, MIT licence.
"""

from __future__ import annotations

import datetime
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field


class NotPlain(Exception):
    """A part the fast reader does not fully understand: openpyxl reads the workbook."""


def _forbidden(*_args) -> None:
    raise ValueError("entity")


def defended_parser():
    """An expat parser (namespace separator "}") that refuses entity declarations,
    external references and entities it does not know (defusedxml's defences)."""
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator="}")
    parser.EntityDeclHandler = _forbidden
    parser.UnparsedEntityDeclHandler = _forbidden
    parser.ExternalEntityRefHandler = _forbidden
    parser.SkippedEntityHandler = _forbidden       # an entity expat does not know
    return parser


# Namespaces, as expat names elements and attributes ("namespace}local").
_CT = "http://schemas.openxmlformats.org/package/2006/content-types}"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships}"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006}"

_CT_PREFIX = "application/vnd.openxmlformats-officedocument.spreadsheetml."
# openpyxl's _find_workbook_part looks for these content types in this order
_WORKBOOK_TYPES = [
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    _CT_PREFIX + "template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    _CT_PREFIX + "sheet.main+xml",
]
_SHARED_STRINGS_TYPE = _CT_PREFIX + "sharedStrings+xml"

# Parts larger than this are left to openpyxl: libxml2 (which openpyxl's lxml uses) refuses
# a text node above 10,000,000 bytes, which a smaller part cannot hold.
MAX_PART_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64              # libxml2 refuses nesting deeper than 256


# --- a small element tree, built by the defended parser ---------------------------------

class _El:
    __slots__ = ("tag", "attrs", "children", "text")

    def __init__(self, tag: str, attrs: dict):
        self.tag = tag
        self.attrs = attrs
        self.children: list[_El] = []
        self.text: list[str] = []

    def joined(self) -> str | None:
        """The element's text as ElementTree gives it (None when empty); only asked of
        elements without children."""
        return "".join(self.text) or None


def _not_plain(*_args) -> None:
    raise NotPlain("markup the fast reader leaves to openpyxl")


_NAMESPACE_URI = re.compile(r"(?:https?://|urn:)[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]+")


def _plain_declaration(version, encoding, _standalone) -> None:
    if version != "1.0" or encoding is not None and \
            encoding.lower() not in ("utf-8", "utf-16"):
        raise NotPlain("XML declaration")


def _plain_namespace(_prefix, uri) -> None:
    if not uri or not _NAMESPACE_URI.fullmatch(uri):
        raise NotPlain("namespace")


def _parse(stream, on_item=None) -> _El:
    """A part's XML as an _El tree. With `on_item`, each child of the root is handed to it
    when complete and not kept (for a long shared-strings part)."""
    parser = defended_parser()
    parser.buffer_text = True
    # openpyxl's parsers accept a DTD (without entities), comments and processing
    # instructions; Excel writes none of them: left to openpyxl.
    parser.StartDoctypeDeclHandler = _not_plain
    parser.CommentHandler = _not_plain
    parser.ProcessingInstructionHandler = _not_plain
    # libxml2 refuses what expat lets pass: an XML version other than 1.x, a namespace
    # that is not a valid URI. Only the plain forms are read here.
    parser.XmlDeclHandler = _plain_declaration
    parser.StartNamespaceDeclHandler = _plain_namespace
    stack: list[_El] = []
    root: list[_El] = []

    def start(tag, attrs):
        el = _El(tag, attrs)
        if stack:
            stack[-1].children.append(el)
        elif root:
            raise NotPlain("two roots")
        else:
            root.append(el)
        stack.append(el)
        if len(stack) > MAX_DEPTH:
            raise NotPlain("deep")

    def end(_tag):
        el = stack.pop()
        if on_item is not None and len(stack) == 1:
            stack[0].children.pop()
            on_item(el)

    def text(data):
        if stack:
            stack[-1].text.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.ParseFile(stream)
    return root[0]


def _read_part(zf: zipfile.ZipFile, name: str, on_item=None) -> _El:
    if zf.getinfo(name).file_size > MAX_PART_BYTES and on_item is None:
        raise NotPlain("large part")
    with zf.open(name) as stream:
        return _parse(stream, on_item)


# --- what openpyxl accepts, per element ------------------------------------------------

_UINT = re.compile(r"[0-9]{1,9}")           # converts with int(), fits openpyxl's int32 arrays
_SINT = re.compile(r"-?[0-9]{1,9}")
_DECIMAL = re.compile(r"-?[0-9]{1,15}(?:\.[0-9]{1,15})?")
_RGB = re.compile(r"[A-Fa-f0-9]{8}|[A-Fa-f0-9]{6}")   # openpyxl's aRGB_REGEX
ANY = None                                  # any text (String, Bool: never refused)


def _between(low: float | None, high: float | None):
    def check(value: str) -> bool:
        if not _DECIMAL.fullmatch(value):
            return False
        number = float(value)
        return (low is None or number >= low) and (high is None or number <= high)
    return check


def _ok(check, value: str) -> bool:
    if check is ANY:
        return True
    if isinstance(check, frozenset):
        return value in check
    if isinstance(check, re.Pattern):
        return check.fullmatch(value) is not None
    return check(value)


@dataclass
class Spec:
    """An element openpyxl reads: its attributes (name -> check), the ones it requires,
    its children (local name in the main namespace -> Spec)."""

    attrs: dict = field(default_factory=dict)
    required: tuple = ()
    children: dict = field(default_factory=dict)
    foreign_children: frozenset = frozenset()   # skipped by openpyxl (AlternateContent)


def _values(*names) -> frozenset:
    return frozenset(names)


_COLOR = Spec({"rgb": _RGB, "indexed": _SINT, "auto": ANY, "theme": _SINT,
               "tint": _between(-1, 1), "type": ANY})
_VAL_ANY = Spec({"val": ANY})
_FONT_CHILDREN = {
    "b": _VAL_ANY, "i": _VAL_ANY, "strike": _VAL_ANY, "outline": _VAL_ANY,
    "shadow": _VAL_ANY, "condense": _VAL_ANY, "extend": _VAL_ANY,
    "name": _VAL_ANY,
    "sz": Spec({"val": _between(None, None)}),
    "charset": Spec({"val": _SINT}),
    "family": Spec({"val": _between(0, 14)}),
    "color": _COLOR,
    "u": Spec({"val": _values("single", "double", "singleAccounting", "doubleAccounting",
                              "none")}),
    "vertAlign": Spec({"val": _values("superscript", "subscript", "baseline", "none")}),
    "scheme": Spec({"val": _values("major", "minor", "none")}),
}
_FONT = Spec(children=_FONT_CHILDREN)
# a run's font (InlineFont) names its typeface rFont; its constructor refuses "name"
_RUN_FONT_CHILDREN = {**{k: v for k, v in _FONT_CHILDREN.items() if k != "name"},
                      "rFont": _VAL_ANY}
_PATTERN_FILL = Spec(
    {"patternType": _values(
        "none", "solid", "darkDown", "darkGray", "darkGrid", "darkHorizontal", "darkTrellis",
        "darkUp", "darkVertical", "gray0625", "gray125", "lightDown", "lightGray",
        "lightGrid", "lightHorizontal", "lightTrellis", "lightUp", "lightVertical",
        "mediumGray")},
    children={"fgColor": _COLOR, "bgColor": _COLOR})
_FILL = Spec(children={"patternFill": _PATTERN_FILL})
_SIDE = Spec({"style": _values(
    "none", "dashDot", "dashDotDot", "dashed", "dotted", "double", "hair", "medium",
    "mediumDashDot", "mediumDashDotDot", "mediumDashed", "slantDashDot", "thick", "thin")},
    children={"color": _COLOR})
_BORDER = Spec({"outline": ANY, "diagonalUp": ANY, "diagonalDown": ANY},
               children={s: _SIDE for s in ("start", "end", "left", "right", "top", "bottom",
                                            "diagonal", "vertical", "horizontal")})
_ALIGNMENT = Spec({
    "horizontal": _values("general", "left", "center", "right", "fill", "justify",
                          "centerContinuous", "distributed", "none"),
    "vertical": _values("top", "center", "bottom", "justify", "distributed", "none"),
    "textRotation": lambda v: _UINT.fullmatch(v) is not None and (int(v) <= 180
                                                                  or int(v) == 255),
    "wrapText": ANY, "shrinkToFit": ANY, "justifyLastLine": ANY,
    "indent": _between(0, 255), "relativeIndent": _between(-255, 255),
    "readingOrder": _between(0, None)})
_PROTECTION = Spec({"locked": ANY, "hidden": ANY})
_XF = Spec({"numFmtId": _UINT, "fontId": _UINT, "fillId": _UINT, "borderId": _UINT,
            "xfId": _UINT, "quotePrefix": ANY, "pivotButton": ANY,
            "applyNumberFormat": ANY, "applyFont": ANY, "applyFill": ANY,
            "applyBorder": ANY, "applyAlignment": ANY, "applyProtection": ANY},
           children={"alignment": _ALIGNMENT, "protection": _PROTECTION})
_XFS = Spec({"count": ANY}, children={"xf": _XF})
# extLst/ext: openpyxl keeps the uri and skips what is inside; the children Excel and
# LibreOffice write there (any other is left to openpyxl).
_EXT_CHILDREN = frozenset({"extCalcPr", "workbookPr", "calcFeatures", "slicerStyles",
                           "timelineStyles", "dxfs", "slicerCaches", "timelineCachePivotCaches",
                           "workbookProtection", "pivotCaches", "dataModel"})
_EXT_LIST = Spec(children={"ext": Spec({"uri": ANY}, ("uri",),
                                       foreign_children=_EXT_CHILDREN)})
_STYLESHEET = Spec(children={
    "numFmts": Spec({"count": ANY}, children={
        "numFmt": Spec({"numFmtId": _SINT, "formatCode": ANY}, ("numFmtId", "formatCode"))}),
    "fonts": Spec({"count": ANY}, children={"font": _FONT}),
    "fills": Spec({"count": ANY}, children={"fill": _FILL}),
    "borders": Spec({"count": ANY}, children={"border": _BORDER}),
    "cellStyleXfs": _XFS,
    "cellXfs": _XFS,
    "cellStyles": Spec({"count": ANY}, children={"cellStyle": Spec(
        {"name": ANY, "xfId": _UINT, "builtinId": _SINT, "iLevel": _SINT, "hidden": ANY,
         "customBuiltin": ANY}, ("name", "xfId"))}),
    "dxfs": Spec({"count": ANY}),
    "tableStyles": Spec({"count": _SINT, "defaultTableStyle": ANY, "defaultPivotStyle": ANY}),
    "colors": Spec(children={
        "indexedColors": Spec(children={"rgbColor": Spec({"rgb": _RGB}, ("rgb",))}),
        "mruColors": Spec(children={"color": _COLOR})}),
    "extLst": _EXT_LIST,
}, foreign_children=frozenset({"AlternateContent"}))

_BOOL_ATTRS = ("date1904", "dateCompatibility", "showBorderUnselectedTables",
               "filterPrivacy", "promptedSolutions", "showInkAnnotation", "backupFile",
               "saveExternalLinkValues", "hidePivotFieldList", "showPivotChartFilter",
               "allowRefreshQuery", "publishItems", "checkCompatibility",
               "autoCompressPictures", "refreshAllConnections")
_WORKBOOK = Spec({"conformance": _values("strict", "transitional", "none"),
                  _MC + "Ignorable": ANY}, children={
    "fileVersion": Spec({"appName": ANY, "lastEdited": ANY, "lowestEdited": ANY,
                         "rupBuild": ANY}),
    "workbookPr": Spec({**{a: ANY for a in _BOOL_ATTRS}, "codeName": ANY,
                        "defaultThemeVersion": _SINT,
                        "showObjects": _values("all", "placeholders", "none"),
                        "updateLinks": _values("userSet", "never", "always", "none")}),
    "bookViews": Spec(children={"workbookView": Spec({
        "visibility": _values("visible", "hidden", "veryHidden", "none"),
        "minimized": ANY, "showHorizontalScroll": ANY, "showVerticalScroll": ANY,
        "showSheetTabs": ANY, "autoFilterDateGrouping": ANY,
        "xWindow": _SINT, "yWindow": _SINT, "windowWidth": _SINT, "windowHeight": _SINT,
        "tabRatio": _SINT, "firstSheet": _SINT, "activeTab": _SINT})}),
    "sheets": Spec(children={"sheet": Spec(
        {"name": ANY, "sheetId": _SINT, "state": _values("visible", "hidden", "veryHidden"),
         _REL + "id": ANY}, ("name", "sheetId"))}),
    "definedNames": Spec(children={"definedName": Spec(
        {"name": ANY, "comment": ANY, "customMenu": ANY, "description": ANY, "help": ANY,
         "statusBar": ANY, "localSheetId": _SINT, "hidden": ANY, "function": ANY,
         "vbProcedure": ANY, "xlm": ANY, "functionGroupId": _SINT, "shortcutKey": ANY,
         "publishToServer": ANY, "workbookParameter": ANY}, ("name",))}),
    "calcPr": Spec({"calcId": _SINT, "calcMode": _values("manual", "auto", "autoNoTable",
                                                         "none"),
                    "fullCalcOnLoad": ANY, "refMode": _values("A1", "R1C1", "none"),
                    "iterate": ANY, "iterateCount": _SINT, "iterateDelta": _between(None, None),
                    "fullPrecision": ANY, "calcCompleted": ANY, "calcOnSave": ANY,
                    "concurrentCalc": ANY, "concurrentManualCount": _SINT,
                    "forceFullCalc": ANY}, ("calcId",)),
    "extLst": _EXT_LIST,
}, foreign_children=frozenset({"AlternateContent", "revisionPtr"}))

_RELATIONSHIPS = ("Id", "Type", "Target", "TargetMode")


def _check(el: _El, spec: Spec, path: str = "") -> None:
    """Raise NotPlain unless `el` is of a form openpyxl reads without raising, as `spec`
    describes it."""
    for name, value in el.attrs.items():
        if "}" in name and name not in spec.attrs:
            # openpyxl drops attributes of other namespaces, except the relationship id
            # it maps (r:id) and mc:Ignorable
            if name.startswith(_REL) or name.startswith(_MC):
                raise NotPlain(f"attribute {name} of {path}")
            continue
        if name not in spec.attrs or not _ok(spec.attrs[name], value):
            raise NotPlain(f"attribute {name} of {path}")
    for name in spec.required:
        if name not in el.attrs:
            raise NotPlain(f"{path} without {name}")
    for child in el.children:
        if child.tag.startswith(_MAIN):
            local = child.tag[len(_MAIN):]
            sub = spec.children.get(local)
            if sub is None:
                raise NotPlain(f"element {local} in {path}")
            _check(child, sub, f"{path}/{local}")
        elif child.tag.rpartition("}")[2] not in spec.foreign_children \
                or "}" not in child.tag:
            raise NotPlain(f"element {child.tag} in {path}")


# --- the parts --------------------------------------------------------------------------

@dataclass
class SheetEntry:
    title: str
    member: str                 # the zip member, resolved as openpyxl resolves it
    state: str                  # visible, hidden or veryHidden


@dataclass
class Parts:
    """What openpyxl's ExcelReader would have read of these parts."""

    sheets: list[SheetEntry]
    shared_strings: list[str]
    style_formats: list[int]    # per cellXfs entry: its numFmtId, rebased as openpyxl does
    custom_formats: list[str]   # openpyxl's wb._number_formats (id 164 onwards)
    date_formats: set[int]
    timedelta_formats: set[int]
    date1904: bool


def read_parts(data: bytes) -> Parts:
    """The sheet list, shared strings, styles and epoch of a plain .xlsx; NotPlain (or any
    other exception) when openpyxl should read them."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = set(zf.namelist())
        if "docProps/custom.xml" in names:
            raise NotPlain("custom properties")
        workbook_part, strings_part = _manifest(zf)
        if workbook_part != "xl/workbook.xml":
            raise NotPlain("workbook part elsewhere")
        shared = _shared_strings(zf, strings_part) if strings_part is not None else []
        sheets, date1904 = _workbook(zf, names)
        if "docProps/core.xml" in names:
            _core_properties(zf)
        if "xl/styles.xml" not in names:
            raise NotPlain("no styles")   # openpyxl then uses its own defaults
        formats = _styles(zf)
    return Parts(sheets=sheets, shared_strings=shared, date1904=date1904, **formats)


def _manifest(zf: zipfile.ZipFile) -> tuple[str, str | None]:
    """[Content_Types].xml: the workbook part and the shared-strings part (or None)."""
    root = _read_part(zf, "[Content_Types].xml")
    if root.tag != _CT + "Types" or root.attrs and any("}" not in a for a in root.attrs):
        raise NotPlain("content types")
    overrides = []
    for child in root.children:
        if child.tag == _CT + "Default":
            wanted = ("Extension", "ContentType")
        elif child.tag == _CT + "Override":
            wanted = ("PartName", "ContentType")
            overrides.append(child.attrs)
        else:
            raise NotPlain("content types")
        if sorted(child.attrs) != sorted(wanted) or child.children:
            raise NotPlain("content types")
    found = None
    for content_type in _WORKBOOK_TYPES:
        found = next((o["PartName"] for o in overrides if o["ContentType"] == content_type),
                     None)
        if found:
            break
    if not found:
        raise NotPlain("no workbook override")
    strings = next((o["PartName"] for o in overrides
                    if o["ContentType"] == _SHARED_STRINGS_TYPE), None)
    if strings is not None:
        strings = strings[1:]
        if strings not in zf.namelist():
            raise NotPlain("shared strings missing")
    return found[1:], strings


def _shared_strings(zf: zipfile.ZipFile, member: str) -> list[str]:
    """openpyxl's read_string_table: the text of each <si>, formatting left out."""
    strings: list[str] = []

    def item(si: _El) -> None:
        if si.tag != _MAIN + "si":
            raise NotPlain("shared strings")
        strings.append(plain_text(si).replace("x005F_", ""))

    root = _read_part(zf, member, on_item=item)
    if root.tag != _MAIN + "sst" or any(a not in ("count", "uniqueCount") and "}" not in a
                                        for a in root.attrs):
        raise NotPlain("shared strings root")
    return strings


_RUN = Spec(children={"rPr": Spec(children=_RUN_FONT_CHILDREN), "t": Spec()})
_TEXT = Spec(children={
    "t": Spec(), "r": _RUN,
    "rPh": Spec({"sb": _SINT, "eb": _SINT}, ("sb", "eb"), children={"t": Spec()}),
    "phoneticPr": Spec({"fontId": _SINT, "type": _values(
        "halfwidthKatakana", "fullwidthKatakana", "Hiragana", "noConversion", "none"),
        "alignment": _values("noControl", "left", "center", "distributed", "none")},
        ("fontId",))})


def plain_text(el: _El) -> str:
    """openpyxl's Text.from_tree(el).content: the <t> and the runs' <t>, phonetic runs
    left out. NotPlain for a form it might read otherwise."""
    _check(el, _TEXT, "si")
    plain = None
    runs = []
    for child in el.children:
        if child.children and child.tag == _MAIN + "t":
            raise NotPlain("t with children")
        if child.tag == _MAIN + "t":
            if plain is not None:
                raise NotPlain("two t")
            plain = child
        elif child.tag == _MAIN + "r":
            ts = [c for c in child.children if c.tag == _MAIN + "t"]
            if len(ts) > 1 or ts and ts[0].children:
                raise NotPlain("run")
            if ts:
                runs.append(ts[0].joined())
    snippets = [plain.joined()] if plain is not None else []
    snippets += runs
    return "".join(s for s in snippets if s is not None)


def _workbook(zf: zipfile.ZipFile, names: set[str]) -> tuple[list[SheetEntry], bool]:
    """workbook.xml and its relationships: the sheets openpyxl makes, and date1904."""
    root = _read_part(zf, "xl/workbook.xml")
    if root.tag != _MAIN + "workbook":
        raise NotPlain("workbook root")
    _check(root, _WORKBOOK, "workbook")
    seen = [c.tag for c in root.children]
    if len(seen) != len(set(seen)):
        raise NotPlain("repeated workbook element")
    date1904 = False
    sheets = []
    for child in root.children:
        if child.tag == _MAIN + "workbookPr":
            date1904 = _bool(child.attrs.get("date1904"))
        elif child.tag == _MAIN + "sheets":
            sheets = child.children
    rels = _relationships(zf, "xl/_rels/workbook.xml.rels", names, required=True)
    found: list[SheetEntry] = []
    titles: set[str] = set()
    for sheet in sheets:
        rid = sheet.attrs.get(_REL + "id")
        if not rid:
            continue                     # openpyxl warns and leaves the sheet out
        rel = rels[rid]                  # KeyError (openpyxl raises it too): fall back
        target = rel["target"]
        if target not in names:
            continue
        if "chartsheet" in rel["Type"] or not rel["Type"].endswith("/worksheet"):
            raise NotPlain("not a worksheet")
        sheet_rels = _rels_path(target)
        if sheet_rels in names:
            _relationships(zf, sheet_rels, names)
        title = sheet.attrs["name"]
        if not title or _INVALID_TITLE.search(title) or title.lower() in titles:
            raise NotPlain("sheet title openpyxl changes or refuses")
        titles.add(title.lower())
        found.append(SheetEntry(title, target, sheet.attrs.get("state", "visible")))
    return found, date1904


# openpyxl's INVALID_TITLE_REGEX (workbook/child.py)
_INVALID_TITLE = re.compile(r'[\\*?:/\[\]]')


def _bool(value: str | None) -> bool:
    """openpyxl's Bool descriptor on an attribute's text."""
    if value is None or value in ("false", "f", "0"):
        return False
    return bool(value)


def _rels_path(path: str) -> str:
    """openpyxl's get_rels_path."""
    folder, name = posixpath.split(path)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _relationships(zf: zipfile.ZipFile, member: str, names: set[str],
                   required: bool = False) -> dict[str, dict]:
    """A .rels part as openpyxl's get_dependents reads it: Id -> the relationship, its
    target made absolute ("target")."""
    if member not in names:
        raise NotPlain("relationships missing")
    root = _read_part(zf, member)
    if root.tag != _PKG_REL + "Relationships" or any("}" not in a for a in root.attrs):
        raise NotPlain("relationships root")
    rels = {}
    folder = posixpath.dirname(member)
    parent = posixpath.split(folder)[0]
    for child in root.children:
        attrs = child.attrs
        if child.tag != _PKG_REL + "Relationship" or child.children \
                or any(a not in _RELATIONSHIPS for a in attrs) \
                or not all(attrs.get(a) for a in ("Id", "Type")) or "Target" not in attrs:
            raise NotPlain("relationship")
        rel = dict(attrs)
        target = attrs["Target"]
        if attrs.get("TargetMode") == "External":
            pass
        elif target.startswith("/"):
            target = target[1:]
        else:
            target = posixpath.normpath(posixpath.join(parent, target))
        rel["target"] = target
        rels[attrs["Id"]] = rel
    return rels


_CORE_CHILDREN = frozenset({"creator", "title", "description", "subject", "identifier",
                            "language", "created", "modified", "lastModifiedBy", "category",
                            "contentStatus", "version", "revision", "keywords",
                            "lastPrinted"})
_CORE_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,3})?Z")


def _core_properties(zf: zipfile.ZipFile) -> None:
    """docProps/core.xml: NotPlain unless openpyxl's DocumentProperties reads it without
    raising (plain texts, dates as Excel writes them)."""
    root = _read_part(zf, "docProps/core.xml")
    if any("}" not in a for a in root.attrs):
        raise NotPlain("core properties")
    for child in root.children:
        local = child.tag.rpartition("}")[2]
        if local not in _CORE_CHILDREN or child.children:
            raise NotPlain("core properties")
        if local in ("created", "modified", "lastPrinted"):
            text = child.joined()
            if text is not None:
                if not _CORE_DATE.fullmatch(text):
                    raise NotPlain("core date")
                datetime.datetime(int(text[:4]), int(text[5:7]), int(text[8:10]),
                                  int(text[11:13]), int(text[14:16]), int(text[17:19]))


def _styles(zf: zipfile.ZipFile) -> dict:
    """styles.xml as openpyxl's apply_stylesheet reads it: each cellXfs entry's number
    format (custom ones rebased from 164), and which are dates and durations."""
    root = _read_part(zf, "xl/styles.xml")
    if root.tag != _MAIN + "styleSheet":
        raise NotPlain("styles root")
    root.attrs = {}                             # openpyxl strips the root's attributes
    _check(root, _STYLESHEET, "styleSheet")
    parts = {c.tag[len(_MAIN):]: c for c in root.children if c.tag.startswith(_MAIN)}
    if len(parts) != len([c for c in root.children if c.tag.startswith(_MAIN)]):
        raise NotPlain("repeated styles element")
    for fill in _items(parts, "fills"):
        if len(fill.children) != 1:
            raise NotPlain("fill")
    cell_xfs = _items(parts, "cellXfs")
    if not cell_xfs:
        raise NotPlain("no cell styles")        # openpyxl then keeps its defaults
    _check_named_styles(parts)
    custom = {int(n.attrs["numFmtId"]): n.attrs["formatCode"]
              for n in _items(parts, "numFmts")}
    formats: list[str] = []                     # openpyxl's IndexedList of custom codes
    style_formats, dates, durations = [], set(), set()
    for idx, xf in enumerate(cell_xfs):
        num_fmt = int(xf.attrs.get("numFmtId", "0"))
        if num_fmt in custom:
            fmt = custom[num_fmt]
            if fmt in BUILTIN_FORMATS_REVERSE:
                num_fmt = BUILTIN_FORMATS_REVERSE[fmt]
            else:
                if fmt not in formats:
                    formats.append(fmt)
                num_fmt = formats.index(fmt) + BUILTIN_FORMATS_MAX_SIZE
        else:
            fmt = BUILTIN_FORMATS.get(num_fmt)
        style_formats.append(num_fmt)
        if is_date_format(fmt):
            dates.add(idx)
        if is_timedelta_format(fmt):
            durations.add(idx)
    return {"style_formats": style_formats, "custom_formats": formats,
            "date_formats": dates, "timedelta_formats": durations}


def _items(parts: dict, name: str) -> list[_El]:
    return parts[name].children if name in parts else []


def _check_named_styles(parts: dict) -> None:
    """openpyxl binds each named style (cellStyles) to its cellStyleXfs entry and that
    entry's font, fill and border: all must exist, and at least one named style."""
    named = _items(parts, "cellStyles")
    if not named:
        raise NotPlain("no named style")        # openpyxl adds its own Normal
    xfs = _items(parts, "cellStyleXfs")
    counts = {k: len(_items(parts, p)) for k, p in
              (("fontId", "fonts"), ("fillId", "fills"), ("borderId", "borders"))}
    for style in named:
        xf_id = int(style.attrs["xfId"])
        if xf_id >= len(xfs):
            raise NotPlain("named style without its xf")
        xf = xfs[xf_id]
        for key, count in counts.items():
            if int(xf.attrs.get(key, "0")) >= count:
                raise NotPlain("named style without its font, fill or border")


# --- openpyxl's number formats and dates (openpyxl 3.1.5, MIT licence) -------------------

BUILTIN_FORMATS = {
    0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00',
    5: '"$"#,##0_);("$"#,##0)', 6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
    14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM',
    19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm',
    37: '#,##0_);(#,##0)', 38: '#,##0_);[Red](#,##0)', 39: '#,##0.00_);(#,##0.00)',
    40: '#,##0.00_);[Red](#,##0.00)',
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
}
BUILTIN_FORMATS_MAX_SIZE = 164
BUILTIN_FORMATS_REVERSE = {value: key for key, value in BUILTIN_FORMATS.items()}

_LITERAL_GROUP = r'".*?"'                                   # anything in quotes
_LOCALE_GROUP = r'\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]'           # [..] except hours/minutes/seconds
_STRIP_RE = re.compile(f"{_LITERAL_GROUP}|{_LOCALE_GROUP}")
_TIMEDELTA_RE = re.compile(r'\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?',
                           re.I)
_DATE_RE = re.compile(r"(?<![_\\])[dmhysDMHYS]")


def is_date_format(fmt: str | None) -> bool:
    if fmt is None:
        return False
    fmt = fmt.split(";")[0]            # only the first section
    fmt = _STRIP_RE.sub("", fmt)
    return _DATE_RE.search(fmt) is not None


def is_timedelta_format(fmt: str | None) -> bool:
    if fmt is None:
        return False
    fmt = fmt.split(";")[0]
    return _TIMEDELTA_RE.search(fmt) is not None


MAC_EPOCH = datetime.datetime(1904, 1, 1)
WINDOWS_EPOCH = datetime.datetime(1899, 12, 30)
_SECS_PER_DAY = 86400


def from_excel(value, epoch=WINDOWS_EPOCH, timedelta=False):
    """openpyxl.utils.datetime.from_excel: an Excel serial as a datetime (or time,
    or timedelta)."""
    if value is None:
        return None
    if timedelta:
        td = datetime.timedelta(days=value)
        if td.microseconds:
            # round to millisecond precision
            td = datetime.timedelta(seconds=td.total_seconds() // 1,
                                    microseconds=round(td.microseconds, -3))
        return td
    day, fraction = divmod(value, 1)
    diff = datetime.timedelta(milliseconds=round(fraction * _SECS_PER_DAY * 1000))
    if 0 <= value < 1 and diff.days == 0:
        return _days_to_time(diff)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1
    return epoch + datetime.timedelta(days=day) + diff


def _days_to_time(value: datetime.timedelta) -> datetime.time:
    mins, seconds = divmod(value.seconds, 60)
    hours, mins = divmod(mins, 60)
    return datetime.time(hours, mins, seconds, value.microseconds)
