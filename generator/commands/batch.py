"""A whole kabupaten at once: every workbook of a folder (or several files) in parallel.

`run_batch(inputs, out_dir, jobs)` generates each workbook in its own process into its own
subfolder of `out_dir` (named after the workbook file), calls `on_done` with one
`Outcome` per workbook as it finishes, and writes `Rekap_<tahun>.xlsx` into `out_dir`:
one row per workbook, valid or not, with its problem count, review-note count, pagu,
realisasi, serapan, IKU per kategori and the files written. An invalid or failing workbook
never stops the others; `BatchResult.exit_code` says whether any did (2 invalid, 1 failed).

Every figure of the recap is taken from that workbook's own `Result` (the core's sums and
serapan), so the recap equals what each report says. Invalid workbooks get their problem
list as `Masalah_<nama>.txt` in their subfolder.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..output import atomic_path, safe_name

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".ods")

STATUS_VALID, STATUS_INVALID, STATUS_FAILED = "valid", "tidak valid", "gagal"


@dataclass
class Outcome:
    """What happened to one workbook (plain data: it crosses process boundaries)."""
    source: Path
    folder: Path
    status: str = STATUS_FAILED
    instansi: str = ""
    tahun: Optional[int] = None
    problems: int = 0
    notes: int = 0
    pagu: Optional[Decimal] = None
    realisasi: Optional[Decimal] = None
    serapan: Optional[Decimal] = None
    kategori: dict[str, int] = field(default_factory=dict)
    kategori_order: list[str] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    message: str = ""
    seconds: float = 0.0

    def line(self, index: int, total: int) -> str:
        """The one line printed when this workbook is done."""
        head = f"[{index}/{total}] {self.source.name}:"
        if self.status == STATUS_VALID:
            notes = f"{self.notes} catatan pemeriksaan" if self.notes else "tanpa catatan"
            secs = f"{self.seconds:.1f}".replace(".", ",")
            return (f"{head} selesai, {len(self.written)} berkas di {self.folder} "
                    f"({notes}, {secs} detik).")
        if self.status == STATUS_INVALID:
            return f"{head} tidak valid, {self.message}"
        return f"{head} gagal, {self.message}"


@dataclass
class BatchResult:
    outcomes: list[Outcome]
    recap: Optional[Path]

    @property
    def exit_code(self) -> int:
        statuses = {o.status for o in self.outcomes}
        if STATUS_FAILED in statuses:
            return 1
        if STATUS_INVALID in statuses:
            return 2
        return 0


def find_workbooks(inputs: Iterable[Path]) -> list[Path]:
    """The workbooks named, and those directly inside the folders named (sorted by name).

    Skipped: Excel's lock files (~$...), hidden files and earlier recaps (Rekap_*.xlsx).
    """
    found: list[Path] = []
    for p in inputs:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.iterdir(), key=lambda x: x.name.casefold()):
                if (f.is_file() and f.suffix.lower() in WORKBOOK_SUFFIXES
                        and not f.name.startswith(("~$", "."))
                        and not f.name.startswith("Rekap_")):
                    found.append(f)
        else:
            found.append(p)
    seen, unique = set(), []
    for f in found:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def _folders(workbooks: list[Path], out_dir: Path) -> list[Path]:
    """One subfolder per workbook, named after its file; repeated names get _2, _3, ..."""
    used: Counter = Counter()
    out = []
    for wb in workbooks:
        base = safe_name(wb.stem)
        used[base.casefold()] += 1
        n = used[base.casefold()]
        out.append(out_dir / (base if n == 1 else f"{base}_{n}"))
    return out


def generate_one(source: Path, folder: Path, templates: Optional[Path] = None,
                 pdf: bool = False, kertas: Optional[str] = None) -> Outcome:
    """Generate one workbook into `folder`; never raises (every failure is an Outcome)."""
    import time

    from .. import messages, pipeline
    from ..render import TemplateError
    from ..workbook import WorkbookError

    start = time.perf_counter()
    out = Outcome(source=Path(source), folder=Path(folder))
    try:
        kwargs = {"templates": templates} if templates is not None else {}
        if kertas:
            kwargs["kertas"] = kertas
        done = pipeline.generate(source, folder, pdf=pdf, **kwargs)
        out.problems = len(done.report)
        if done.workbook is None:
            out.status = STATUS_INVALID
            report = folder / f"Masalah_{safe_name(Path(source).stem)}.txt"
            lines = [messages.invalid_summary(len(done.report), Path(source).name)]
            lines += [f"{i}. {p.message()}" for i, p in enumerate(done.report, start=1)]
            with atomic_path(report) as tmp:
                tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
            out.written = [report]
            out.message = f"{out.problems} masalah (lihat {report})."
        else:
            _fill(out, done)
    except WorkbookError as exc:
        out.status = STATUS_INVALID
        out.problems = 1
        out.message = messages.unreadable(exc.problem)
    except (pipeline.OutputError, TemplateError) as exc:
        out.message = str(exc)
    except OSError as exc:
        from ..output import explain

        out.message = explain(exc, folder)
    except Exception as exc:  # noqa: BLE001  (one workbook's bug must not stop the others)
        out.message = messages.unexpected(exc)
    out.seconds = time.perf_counter() - start
    return out


def _fill(out: Outcome, done) -> None:
    wb, result = done.workbook, done.result
    out.status = STATUS_VALID
    out.instansi = wb.instansi.nama_lengkap
    out.tahun = wb.instansi.tahun
    out.notes = len(result.catatan)
    total = result.anggaran.budget
    out.pagu, out.realisasi, out.serapan = total.pagu, total.realisasi, total.serapan
    out.kategori_order = [b.kategori for b in sorted(result.skala, key=lambda b: b.urutan)]
    out.kategori = dict(Counter(i.kategori for i in result.indikator))
    out.written = list(done.written)


def _worker(args: tuple) -> Outcome:
    return generate_one(*args)


# What every worker imports, loaded once in the fork server: each worker is forked from it
# and starts with them in memory (about 0,5-0,8 s of CPU each when imported per worker).
PRELOAD = ["generator.pipeline", "generator.render.docx", "generator.render.docx.render",
           "generator.render.xlsx", "generator.render.notes", "openpyxl.reader.excel"]


def worker_context():
    """The workers' start method: a fork server that has the libraries imported (on
    platforms without one, spawn). Either way a worker starts clean: it is not a copy of
    the calling process (no threads, open files or state of the caller), only of the
    server, which has done nothing but import."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_batch(inputs: Iterable[Path], out_dir: Path, jobs: Optional[int] = None,
              templates: Optional[Path] = None,
              on_done: Optional[Callable[[Outcome, int, int], None]] = None,
              pdf: bool = False, kertas: Optional[str] = None) -> BatchResult:
    """Generate every workbook found in `inputs` into subfolders of `out_dir`, then the recap."""
    out_dir = Path(out_dir)
    workbooks = find_workbooks(inputs)
    folders = _folders(workbooks, out_dir)
    jobs = max(1, min(jobs or default_jobs(), len(workbooks) or 1))
    outcomes: dict[int, Outcome] = {}
    total = len(workbooks)

    def finished(i: int, outcome: Outcome) -> None:
        outcomes[i] = outcome
        if on_done is not None:
            on_done(outcome, len(outcomes), total)

    if jobs == 1:
        for i, (wb, folder) in enumerate(zip(workbooks, folders)):
            finished(i, generate_one(wb, folder, templates, pdf, kertas))
    else:
        ctx = worker_context()
        with cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            futures = {pool.submit(_worker, (wb, folder, templates, pdf, kertas)): i
                       for i, (wb, folder) in enumerate(zip(workbooks, folders))}
            for fut in cf.as_completed(futures):
                i = futures[fut]
                try:
                    outcome = fut.result()
                except Exception as exc:  # noqa: BLE001  (a worker killed, out of memory...)
                    outcome = Outcome(source=workbooks[i], folder=folders[i],
                                      message=f"proses berhenti tak terduga ({type(exc).__name__}).")
                finished(i, outcome)
    ordered = [outcomes[i] for i in range(total)]
    recap = write_recap(ordered, out_dir) if ordered else None
    return BatchResult(outcomes=ordered, recap=recap)


def recap_name(outcomes: list[Outcome]) -> str:
    years = Counter(o.tahun for o in outcomes if o.tahun is not None)
    return f"Rekap_{years.most_common(1)[0][0]}.xlsx" if years else "Rekap.xlsx"


RECAP_HEADERS = ["No", "Berkas Workbook", "Instansi", "Tahun", "Status", "Jumlah Masalah",
                 "Jumlah Catatan Pemeriksaan", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"]


def recap_kategori(outcomes: list[Outcome]) -> list[str]:
    """Kategori columns: every workbook's scale, in scale order, first seen first."""
    order: list[str] = []
    for o in outcomes:
        for k in o.kategori_order + list(o.kategori):
            if k not in order:
                order.append(k)
    return order


def write_recap(outcomes: list[Outcome], out_dir: Path) -> Path:
    """Rekap_<tahun>.xlsx: one row per workbook (XlsxWriter, written atomically)."""
    import datetime as dt

    import xlsxwriter

    kategori = recap_kategori(outcomes)
    target = Path(out_dir) / recap_name(outcomes)
    headers = (RECAP_HEADERS + [f"IKU {k}" for k in kategori]
               + ["Folder Keluaran", "Berkas Keluaran", "Keterangan"])
    with atomic_path(target) as tmp:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False,
                                            "strings_to_urls": False,
                                            "strings_to_numbers": False})
        wb.set_properties({"title": "Rekap LKjIP", "created": dt.datetime(2025, 1, 1)})
        head = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "border": 1,
                              "bg_color": "#DDEBF7"})
        text = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
        money = wb.add_format({"num_format": "#,##0", "valign": "top", "border": 1})
        pct = wb.add_format({"num_format": "0.00", "valign": "top", "border": 1})
        count = wb.add_format({"num_format": "0", "valign": "top", "border": 1})
        ws = wb.add_worksheet("Rekap")
        for c, h in enumerate(headers):
            ws.write_string(0, c, h, head)
        widths = [5, 32, 36, 7, 11, 10, 12, 18, 18, 10] + [10] * len(kategori) + [30, 50, 50]
        for c, w in enumerate(widths):
            ws.set_column(c, c, w)
        ws.freeze_panes(1, 2)
        for r, o in enumerate(outcomes, start=1):
            row = [(r, count), (o.source.name, text), (o.instansi, text),
                   (o.tahun, count), (o.status, text), (o.problems, count),
                   (o.notes if o.status == STATUS_VALID else None, count),
                   (o.pagu, money), (o.realisasi, money), (o.serapan, pct)]
            row += [(o.kategori.get(k, 0) if o.status == STATUS_VALID else None, count)
                    for k in kategori]
            row += [(str(o.folder), text), ("\n".join(p.name for p in o.written), text),
                    (o.message, text)]
            for c, (value, f) in enumerate(row):
                if value is None or value == "":
                    ws.write_blank(r, c, None, f)
                elif isinstance(value, str):
                    ws.write_string(r, c, value, f)
                else:
                    ws.write_number(r, c, float(value) if isinstance(value, Decimal) else value,
                                    f)
        ws.autofilter(0, 0, len(outcomes), len(headers) - 1)
        ws.set_landscape()
        ws.set_paper(9)
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)
        wb.close()
    return target


def cli_batch(inputs: list[Path], out_dir: Path, templates: Optional[Path],
              jobs: Optional[int], echo: Callable[[str], None], pdf: bool = False,
              kertas: Optional[str] = None) -> int:
    """`lkjip generate FOLDER|FILE...`: one line per workbook as it finishes; the exit code."""
    workbooks = find_workbooks(inputs)
    if not workbooks:
        echo("Tidak ada workbook (.xlsx) yang ditemukan di "
             + ", ".join(str(p) for p in inputs) + ".")
        return 2
    n = max(1, min(jobs or default_jobs(), len(workbooks)))
    echo(f"Membuat laporan untuk {len(workbooks)} workbook dengan {n} proses sejajar.")
    result = run_batch(workbooks, out_dir, jobs=n, templates=templates,
                       on_done=lambda o, i, total: echo(o.line(i, total)), pdf=pdf,
                       kertas=kertas)
    counts = Counter(o.status for o in result.outcomes)
    echo(f"Selesai: {counts[STATUS_VALID]} berhasil, {counts[STATUS_INVALID]} tidak valid, "
         f"{counts[STATUS_FAILED]} gagal. Rekap: {result.recap}.")
    return result.exit_code
