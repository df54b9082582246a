"""The library API: read -> validate -> compute -> render, one call per use.

The CLI is a thin layer over these functions; tests and other programs can call them
directly. Problems in the input come back as a `Report`; unreadable files raise
`WorkbookError`; only the CLI turns either into a message and an exit code.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from .core import Result, compute
from .workbook import InputWorkbook, Report, read_workbook, validate
from .workbook.pictures import load_pictures
from .output import (Kept, OutputError, Recovered, folder_lock, make_folder, recover,
                     safe_name, write_set)

from .resources import REPO_ROOT, SAMPLE_SOURCES, SAMPLE_WORKBOOK, TEMPLATES  # noqa: F401


# The stages of one run, in order, with the words a user reads (CLI progress, web page).
STAGES = {
    "baca": "Membaca workbook",
    "periksa": "Memeriksa isi workbook",
    "hitung": "Menghitung capaian dan anggaran",
    "word": "Menulis draf Word",
    "excel": "Menulis spreadsheet",
    "simpan": "Menyimpan berkas",
}

# Called with a stage key of STAGES when that stage starts.
StageCallback = Optional[Callable[[str], None]]


def _stage(on_stage: StageCallback, key: str) -> None:
    if on_stage is not None:
        on_stage(key)


def load(path: Path | str, on_stage: StageCallback = None
         ) -> tuple[InputWorkbook | None, Report]:
    """Read and validate a workbook: the typed models (if valid) and the report."""
    _stage(on_stage, "baca")
    raw = read_workbook(path)
    _stage(on_stage, "periksa")
    workbook, report = validate(raw)
    if workbook is not None:
        # pictures named in the workbook, from its folder; a missing one is a review note
        instansi = raw.sheets.get("Instansi")
        key_rows = {name: r for name, (r, _) in instansi.keys.items()} if instansi else {}
        workbook = workbook.model_copy(update={
            "gambar": load_pictures(workbook, key_rows, Path(path).parent)})
    return workbook, report


def check(path: Path | str, on_stage: StageCallback = None
          ) -> tuple[InputWorkbook | None, Report, Result | None]:
    """Load and, when valid, compute (for the review notes)."""
    workbook, report = load(path, on_stage)
    if workbook is None:
        return None, report, None
    _stage(on_stage, "hitung")
    return workbook, report, compute(workbook)


@dataclass
class OutputNames:
    docx: Path
    realisasi: Path
    efisiensi: Path
    catatan: Path
    pdf: Optional[Path] = None          # the publication PDF, only when asked for

    def all(self) -> list[Path]:
        pdf = [self.pdf] if self.pdf is not None else []
        return [self.docx, *pdf, self.realisasi, self.efisiensi, self.catatan]


def output_names(workbook: InputWorkbook, out_dir: Path, pdf: bool = False) -> OutputNames:
    tag = f"{workbook.instansi.tahun}_{safe_name(workbook.instansi.nama_lengkap)}"
    return OutputNames(
        docx=out_dir / f"LKjIP_{tag}.docx",
        realisasi=out_dir / f"Tabel_1.1_Realisasi_{tag}.xlsx",
        efisiensi=out_dir / f"Efisiensi_{tag}.xlsx",
        catatan=out_dir / f"Catatan_Pemeriksaan_{tag}.txt",
        pdf=out_dir / f"LKjIP_{tag}.pdf" if pdf else None,
    )


_GC_LOCK = threading.Lock()
_GC_STATE = {"depth": 0, "enabled": True}


@contextmanager
def gc_paused(one_shot: bool = False):
    """Python's cyclic garbage collector paused for a run (and for any run overlapping it
    in another thread). A run allocates millions of objects (cells, XML elements, models)
    and almost no cycles, so the automatic collections only scan live objects again and
    again: about a fifth of the CPU time of the sample, a quarter at 10,000 rows. The run
    collects where cycles become garbage instead (`gc_checkpoint`). What exists when the
    run starts (the modules, their classes and functions: most of the objects of a fresh
    process) is set aside at once (gc.freeze), so those collections scan only what the run
    made: 0,02-0,03 s instead of 0,07-0,10 s for the first one of the sample.

    `one_shot`: the process ends as soon as this run is done (the command line, which also
    skips the interpreter's teardown): what the run leaves is set aside too (gc.freeze)
    instead of handed back to the collector, which would otherwise spend the moments before
    the exit freeing it (the Word draft's trees: 0,03-0,04 s of the sample)."""
    with _GC_LOCK:
        if _GC_STATE["depth"] == 0:
            _GC_STATE["enabled"] = gc.isenabled()
            gc.disable()
            gc.freeze()
        _GC_STATE["depth"] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_STATE["depth"] -= 1
            if _GC_STATE["depth"] == 0:
                if one_shot:
                    gc.freeze()
                else:
                    gc.unfreeze()
                if _GC_STATE["enabled"]:
                    gc.enable()


def gc_checkpoint() -> None:
    """One collection where a stage's cycles have become garbage (openpyxl's workbook
    after reading, python-docx's package after the Word draft), then what survives is set
    aside (gc.freeze) so the next collection does not scan it again."""
    if _GC_STATE["enabled"]:
        gc.collect()
        gc.freeze()


@dataclass
class Generated:
    workbook: InputWorkbook | None
    report: Report
    result: Result | None = None
    written: list[Path] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)   # edited earlier outputs, kept aside
    recovered: Recovered | None = None   # an earlier run's interrupted set, completed
    interrupted: bool = False            # Ctrl+C/kill came after the set was complete
    # LibreOffice: whether it filled the draft's Daftar Isi/Tabel/Gambar, and why not when
    # it was there and failed (the draft is then written as Word will fill it)
    filled: bool = False
    office_problem: str = ""
    # warnings of the check of an agency's own templates (also in the review notes)
    template_warnings: list[str] = field(default_factory=list)


def check_templates(templates: Path) -> list[str]:
    """`lkjip templates check` on a templates folder other than the shipped one: raises
    TemplateCheckError with the lines when it has errors; its warnings otherwise."""
    if Path(templates).resolve() == Path(TEMPLATES).resolve():
        return []
    from .render import TemplateCheckError
    from .render import templates as template_check   # only for an agency's own folder

    report = template_check.check(templates)
    if not report.ok:
        raise TemplateCheckError(template_check.report_lines(report))
    return [p.line() for p in report.warnings]


def generate(path: Path | str, out_dir: Path | str, templates: Path = TEMPLATES,
             on_stage: StageCallback = None, pdf: bool = False,
             office: Optional[bool] = None, kertas: str | None = None,
             on_commit: Optional[Callable[[list[Path]], None]] = None,
             one_shot: bool = False) -> Generated:
    """Everything: validate the workbook, compute, and write every output into out_dir.

    `on_stage(key)` is called as each stage of STAGES starts. `office`: whether LibreOffice
    fills the draft's Daftar Isi, Daftar Tabel and Daftar Gambar with page numbers (None:
    when it is installed, generator/render/office.wanted); `pdf` also writes the
    publication PDF, which needs LibreOffice (OfficeError otherwise, before any work).
    `kertas` (A4, F4, A3), when given, is the paper of the spreadsheets instead of the
    workbook's Kertas Spreadsheet. `on_commit(paths)` is called as soon as the new set of
    outputs is complete (see `output.write_set`). The output folder is locked for the whole
    run: a second run into it gets `output.FolderBusy` at once. `one_shot`: the process
    ends right after this run (the command line; see `gc_paused`): the Word draft's
    package is not collected before the spreadsheets are made, nor at the end (a server or
    a batch worker leaves it False and gets that memory back).
    """
    with gc_paused(one_shot):
        # The renderers' modules (python-docx, docxtpl, Jinja, XlsxWriter, Pillow) imported
        # with the collector paused: an import makes tens of thousands of objects and no
        # garbage, and some fifty collections ran during these imports (about 0,01 s); then
        # they are set aside like every module imported before the run.
        from .render import docx as render_docx
        from .render import notes as render_notes
        from .render import office as render_office
        from .render import xlsx as render_xlsx
        gc.freeze()

        if pdf and not render_office.available():
            raise render_office.OfficeError(render_office.MISSING)
        warnings = check_templates(templates)
        use_office = pdf or (render_office.wanted() if office is None else office)
        with _output_folder(Path(out_dir)) as recovered:
            done = _generate(Path(path), Path(out_dir), templates, on_stage, render_docx,
                             render_notes, render_xlsx,
                             render_office if use_office else None, pdf, warnings, kertas,
                             on_commit, one_shot)
            done.recovered = recovered or done.recovered
            return done


@contextmanager
def _output_folder(out_dir: Path):
    """The output folder, made and locked for a run; a set that an earlier run left
    half-swapped (killed) is completed first. A folder made for a run that wrote nothing
    (an invalid workbook) is removed again."""
    made = not out_dir.exists()
    make_folder(out_dir)
    try:
        with folder_lock(out_dir):
            yield recover(out_dir)
    finally:
        if made:
            try:
                out_dir.rmdir()          # only when empty
            except OSError:
                pass


def _generate(path: Path, out_dir: Path, templates: Path, on_stage: StageCallback,
              render_docx, render_notes, render_xlsx, render_office=None,
              pdf: bool = False, warnings: list[str] = (),
              kertas: str | None = None, on_commit=None, one_shot: bool = False
              ) -> Generated:
    workbook, report = load(path, on_stage)
    gc_checkpoint()
    if workbook is None:
        return Generated(workbook=None, report=report)
    _stage(on_stage, "hitung")
    result = compute(workbook)
    names = output_names(workbook, out_dir, pdf=pdf)
    source = path.resolve()
    if any(p.resolve() == source for p in names.all()):
        raise OutputError(f"Folder keluaran {out_dir} akan menimpa workbook masukan "
                          f"{path.name}; pilih folder lain dengan --out.")
    # Render everything in memory first, then write each file atomically, so a failure
    # in any renderer leaves no partial file and no earlier output replaced.
    _stage(on_stage, "word")
    docx = render_docx.render(workbook, result, templates / "docx")
    if not one_shot:
        gc_checkpoint()
    filled, problem, pdf_bytes = False, "", None
    if render_office is not None:
        try:
            done = render_office.finish(docx, pdf=pdf, name=names.docx.name)
            docx, pdf_bytes, filled = done.docx, done.pdf, done.filled > 0
        except render_office.OfficeError as exc:
            if pdf:
                raise
            problem = str(exc)
    _stage(on_stage, "excel")
    parts = [
        (names.docx, docx),
        *([(names.pdf, pdf_bytes)] if pdf_bytes is not None else []),
        (names.realisasi, render_xlsx.render_realisasi(workbook, result, templates / "xlsx",
                                                       kertas)),
        (names.efisiensi, render_xlsx.render_efisiensi(workbook, result, templates / "xlsx",
                                                       kertas)),
        (names.catatan, render_notes.render(workbook, result, list(warnings)).encode("utf-8")),
    ]
    _stage(on_stage, "simpan")
    done = write_set(parts, on_commit=on_commit)
    return Generated(workbook=workbook, report=report, result=result, written=done.written,
                     kept=done.kept, recovered=done.recovered, interrupted=done.interrupted,
                     filled=filled, office_problem=problem,
                     template_warnings=list(warnings))
