"""Benchmark of `lkjip generate` at given sizes, next to the floor of its libraries.

    python tools/bench.py                          # sample, 1000x327 and 10000x48, 3 runs each
    python tools/bench.py --sizes sample,10000x3219 --repeat 5 --markdown
    python tools/bench.py --sizes 100000x48 --repeat 1 --max-rows 200000
    python tools/bench.py --sizes batch40 --repeat 3 --jobs 2 --markdown
    python tools/bench.py --sizes impor,impor20000 --repeat 5 --markdown   # lkjip import

A size is `REKENINGxSUBKEGIATAN` (e.g. `10000x48`), `sample` (the sample workbook as it
is), `programN` (N programs: the sample's, then copies with nothing below them, as the
issue 22 probe), `programtreeN` (the same, each copy with one kegiatan, one sub kegiatan and
one rekening line) or `batchN`: N copies of the sample (with its pictures) in one folder, generated as
`lkjip generate FOLDER --jobs J` does (`generator.commands.batch.run_batch`, `--jobs`, default 2);
its CPU time is the whole batch's (the driver stops the fork server, which has reaped the
workers, before it exits, so wait4 counts them all); it has no floor and no stages. Synthetic workbooks are built from the sample's CSV sources (inputs/sample/) through
the project's own builder (`generator.workbook.text.build_workbook`), so they are valid by
construction: extra sub kegiatan are copies of the sample's under the same kegiatan with new
codes, and rekening lines are the sample's lines dealt round-robin over all sub kegiatan.
Indicators and PK statements stay the sample's (7 IKU, 26 PK).

Each run is a fresh interpreter (a small driver: it imports `generator.cli`, as the command
does, then calls `pipeline.generate` with an `on_stage` callback that records timestamps).
Reported per size: median wall, CPU (user+sys) and peak memory (max RSS, from wait4) of the
runs, and the median time of each stage ("impor" is interpreter start plus imports).

The floor is the same I/O done by the bare libraries in one fresh interpreter. With
`--floor document` (the default, issue 21): the imports of openpyxl, python-docx, XlsxWriter
and Pillow; openpyxl loading the same workbook and reading every value; python-docx
parsing and saving the draft the run produced; XlsxWriter writing as many numbers, strings
and formulas (with values) as the generated spreadsheets hold; Pillow drawing two charts of
the draft's pixel sizes; each stage of the run is set against its floor stage. With
`--floor template` (the older floor): docxtpl rendering a one-table template (8 columns)
with as many table rows in total as the generated draft has, instead of the draft's own
parse and save. "ratio" is wall / floor wall.

Nothing here asserts a time; tests/test_bench.py runs the smallest size once as a smoke
test.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_SOURCES = ROOT / "inputs" / "sample"
SAMPLE_WORKBOOK = ROOT / "inputs" / "lkjip_2024_dinas_sosial_kotim.xlsx"
DEFAULT_SIZES = "sample,1000x327,10000x48"

# The driver runs in a fresh interpreter: it starts the clock before any import.
DRIVER = r"""
import time, json, sys, os, resource
t0 = time.perf_counter()
marks = [("impor", 0.0)]
try:  # the command's imports, made as `lkjip` makes them (older trees: a plain import)
    from generator.entry import import_cli
except ImportError:
    import generator.cli
else:
    import_cli()
import inspect
from generator import pipeline
from generator.workbook import reader
if os.environ.get("LKJIP_BENCH_MAX_ROWS"):  # the bounds of this run only
    n = int(os.environ["LKJIP_BENCH_MAX_ROWS"])
    reader.MAX_ROWS_PER_SHEET = max(reader.MAX_ROWS_PER_SHEET, n)
    reader.MAX_READ_ROWS = reader.MAX_ROWS_PER_SHEET + reader.HEADER_SEARCH_ROWS
    reader.MAX_CELLS = max(reader.MAX_CELLS, 12 * n)
def on_stage(key):
    marks.append((key, time.perf_counter() - t0))
# `lkjip generate` on one workbook runs as the process's only run (one_shot), where the
# tree's pipeline knows the option
one_shot = {"one_shot": True} if "one_shot" in inspect.signature(pipeline.generate).parameters else {}
done = pipeline.generate(sys.argv[1], sys.argv[2], on_stage=on_stage, **one_shot)
end = time.perf_counter() - t0
stages = {}
for (key, start), (_, stop) in zip(marks, marks[1:] + [("end", end)]):
    stages[key] = stop - start
print(json.dumps({"valid": done.workbook is not None, "problems": len(done.report),
                  "written": [str(p) for p in done.written], "stages": stages,
                  "in_process": end, "source": sys.modules["generator"].__file__}))
# Leave as `lkjip generate` leaves (generator/entry.py exit_now): output flushed, then
# os._exit, without the interpreter's teardown; LKJIP_BENCH_TEARDOWN=1 (--teardown) keeps it.
sys.stdout.flush()
if not os.environ.get("LKJIP_BENCH_TEARDOWN"):
    os._exit(0)
"""

# The batch driver: the CLI's batch path (a pool of spawned workers) over one folder.
BATCH_DRIVER = r"""
import time, json, sys
t0 = time.perf_counter()
from generator.commands import batch
res = batch.run_batch([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]))
# The workers are children of the fork server, which reaps them: stop (and reap) it here
# so that wait4 counts its CPU time and theirs.
from multiprocessing import forkserver
try:
    forkserver._forkserver._stop()
except Exception:
    pass
print(json.dumps({"valid": all(o.status == "valid" for o in res.outcomes),
                  "problems": sum(o.problems for o in res.outcomes),
                  "written": [], "stages": {}, "in_process": time.perf_counter() - t0}))
"""

FLOOR = r"""
import time, json, sys, os
t0 = time.perf_counter()
import openpyxl, docxtpl, xlsxwriter, docx
t_import = time.perf_counter() - t0
args = json.loads(sys.argv[1])
times = {"impor": t_import}

t = time.perf_counter()
wb = openpyxl.load_workbook(args["workbook"], data_only=True)
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        n += sum(1 for v in row if v is not None)
times["baca"] = time.perf_counter() - t

t = time.perf_counter()
tpl = docxtpl.DocxTemplate(args["template"])
cols = args["docx_cols"]
rows = [[f"{i}.{c} Belanja 1.234.567" for c in range(cols)] for i in range(args["docx_rows"])]
tpl.render({"rows": rows}, autoescape=True)
tpl.save(args["out_docx"])
times["word"] = time.perf_counter() - t

t = time.perf_counter()
book = xlsxwriter.Workbook(args["out_xlsx"])
ws = book.add_worksheet()
fmt = book.add_format({"num_format": "#,##0", "border": 1})
per_row = 10
total = args["numbers"] + args["strings"] + args["formulas"]
kinds = ["n"] * args["numbers"] + ["s"] * args["strings"] + ["f"] * args["formulas"]
for i, kind in enumerate(kinds):
    r, c = divmod(i, per_row)
    if kind == "n":
        ws.write_number(r, c, 1234567 + i, fmt)
    elif kind == "s":
        ws.write_string(r, c, f"Belanja {i}", fmt)
    else:
        ws.write_formula(r, c, f"=SUM(A{r + 1}:B{r + 1})", fmt, 2469134)
book.close()
times["excel"] = time.perf_counter() - t
print(json.dumps({"stages": times, "in_process": time.perf_counter() - t0, "cells": n}))
# Leave as `lkjip generate` leaves (generator/entry.py exit_now): output flushed, then
# os._exit, without the interpreter's teardown; LKJIP_BENCH_TEARDOWN=1 (--teardown) keeps it.
sys.stdout.flush()
if not os.environ.get("LKJIP_BENCH_TEARDOWN"):
    os._exit(0)
"""

# The document floor (issue 21): the same I/O as the run, done bare by the libraries in one
# fresh interpreter, stage by stage: their imports; openpyxl reading every cell of the same
# workbook; python-docx parsing and saving the draft the run produced; XlsxWriter writing two
# workbooks with as many numbers, strings (as many distinct ones, as long) and formulas with
# values as the run's two spreadsheets; Pillow drawing and encoding two charts of the size of
# the run's. With "rounds" > 1 the I/O stages are repeated in the same process (imports paid
# once: the warm floor) and the median of the rounds after the first is reported too.
FLOOR_DOC = r"""
import time, json, sys, os, io, statistics
t0 = time.perf_counter()
import openpyxl, docx, xlsxwriter
from PIL import Image, ImageDraw, ImageFont
t_import = time.perf_counter() - t0
args = json.loads(sys.argv[1])

def read():
    wb = openpyxl.load_workbook(args["workbook"], data_only=True)
    n = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if v is not None:
                    n += 1
    return n

def word():
    d = docx.Document(args["draft"])
    out = io.BytesIO()
    d.save(out)
    return len(out.getvalue())

def charts():
    size = 0
    font = ImageFont.truetype(args["font"], 25) if args["font"] else ImageFont.load_default()
    for w, h in args["charts"]:
        img = Image.new("RGB", (w, h), "white")
        d = ImageDraw.Draw(img)
        x0 = int(w * 0.38)
        for x in range(x0, w - 150, (w - 150 - x0) // 10):
            d.line([x, 20, x, h - 80], fill=(215, 215, 215), width=1)
        bars = max(1, (h - 120) // 80)
        for i in range(bars):
            y = 20 + i * 80
            d.text((20, y), f"Program penunjang urusan pemerintahan {i}", font=font,
                   fill=(0, 0, 0))
            d.rectangle([x0, y + 10, x0 + (w - 150 - x0) * (i + 1) // (bars + 1), y + 45],
                        fill=(31, 78, 121))
            d.text((w - 140, y + 10), "98,25%", font=font, fill=(0, 0, 0))
        buf = io.BytesIO()
        img.save(buf, format="PNG", compress_level=1)
        size += len(buf.getvalue())
    return size

def excel():
    total = 0
    for k, sheet in enumerate(args["sheets"]):
        out = io.BytesIO()
        book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False,
                                         "strings_to_urls": False})
        ws = book.add_worksheet()
        fmt = book.add_format({"num_format": "#,##0", "border": 1})
        per_row = max(1, sheet["columns"])
        unique = max(1, sheet["unique"])
        texts = [("Belanja barang dan jasa " * 8)[:max(1, sheet["length"]) - 7] + f" {i:06d}"
                 for i in range(unique)]
        i = 0
        for kind, count in (("n", sheet["numbers"]), ("s", sheet["strings"]),
                            ("f", sheet["formulas"])):
            for _ in range(count):
                r, c = divmod(i, per_row)
                if kind == "n":
                    ws.write_number(r, c, 1234567.5 + i, fmt)
                elif kind == "s":
                    ws.write_string(r, c, texts[i % unique], fmt)
                else:
                    ws.write_formula(r, c, f"=SUM(A{r + 1}:B{r + 1})", fmt, 2469135)
                i += 1
        book.close()
        total += len(out.getvalue())
    return total

rounds = []
for k in range(max(1, args.get("rounds", 1))):
    times = {}
    for key, step in (("baca", read), ("word", word), ("gambar", charts), ("excel", excel)):
        t, c = time.perf_counter(), time.process_time()
        step()
        times[key] = time.perf_counter() - t
        times[key + "_cpu"] = time.process_time() - c
    rounds.append(times)
later = rounds[1:] or rounds
warm = {k: statistics.median(r[k] for r in later) for k in later[0]}
print(json.dumps({"stages": {"impor": t_import, **rounds[0]}, "warm": warm,
                  "in_process": time.perf_counter() - t0}))
# Leave as `lkjip generate` leaves (generator/entry.py exit_now): output flushed, then
# os._exit, without the interpreter's teardown; LKJIP_BENCH_TEARDOWN=1 (--teardown) keeps it.
sys.stdout.flush()
if not os.environ.get("LKJIP_BENCH_TEARDOWN"):
    os._exit(0)
"""

# LibreOffice filling the draft's lists (Daftar Isi, Tabel, Gambar): outside the floor and
# outside the measured runs (they set LKJIP_LIBREOFFICE=0); timed apart on the run's draft.
OFFICE_DRIVER = r"""
import time, json, sys
from pathlib import Path
from generator.render import office
data = Path(sys.argv[1]).read_bytes()
t = time.perf_counter()
done = office.finish(data, name=Path(sys.argv[1]).name)
print(json.dumps({"office": time.perf_counter() - t, "filled": done.filled}))
"""

# The warm run: the sample generated again and again in one process, the imports paid once,
# as `lkjip serve` and a batch worker do (each run through pipeline.generate).
WARM_DRIVER = r"""
import time, json, sys, os
t0 = time.perf_counter()
import generator.cli
from generator import pipeline
t_import = time.perf_counter() - t0
runs = []
for i in range(int(sys.argv[3])):
    marks = []
    def on_stage(key):
        marks.append((key, time.perf_counter()))
    t, c = time.perf_counter(), time.process_time()
    done = pipeline.generate(sys.argv[1], os.path.join(sys.argv[2], f"run{i}"),
                             on_stage=on_stage)
    end = time.perf_counter()
    stages = {k: b - a for (k, a), (_, b) in zip(marks, marks[1:] + [("end", end)])}
    runs.append({"wall": end - t, "cpu": time.process_time() - c, "stages": stages})
import resource
print(json.dumps({"valid": done.workbook is not None, "problems": len(done.report),
                  "written": [str(p) for p in done.written], "runs": runs,
                  "impor": t_import, "source": generator.__file__,
                  "in_process": time.perf_counter() - t0}))
"""


# The import driver: `lkjip import` (generator.commands.impor) with its stages timed, the two
# files written as the command writes them.
IMPORT_DRIVER = r"""
import time, json, sys
t0 = time.perf_counter()
marks = [("impor", 0.0)]
import generator.cli  # the command's imports
from pathlib import Path
from generator.commands.impor import import_budget, reconciliation_name
from generator.output import write_all
def on_stage(key):
    marks.append((key, time.perf_counter() - t0))
args = json.loads(sys.argv[1])
done = import_budget(Path(args["workbook"]), murni=[Path(p) for p in args["murni"]] or None,
                     perubahan=[Path(p) for p in args["perubahan"]] or None,
                     skpd=args["skpd"], on_stage=on_stage)
on_stage("simpan")
out = Path(args["out"])
write_all([(out, done.workbook), (reconciliation_name(out), done.text.encode())])
end = time.perf_counter() - t0
stages = {}
for (key, start), (_, stop) in zip(marks, marks[1:] + [("end", end)]):
    stages[key] = stop - start
rows = sum(f[3] for f in done.rekonsiliasi.files)   # rows read from the exports
print(json.dumps({"valid": True, "problems": 0, "written": [str(out)], "stages": stages,
                  "in_process": end, "rows": rows}))
"""
IMPORT_STAGES = ["impor", "ekspor", "workbook", "gabung", "tulis", "simpan"]
DINSOS = "1.06.0.00.0.00.01.0000"


def export_folder() -> tuple[Path, str]:
    """The full SIPD-RI exports when ../shared is there, else the trimmed test copies."""
    for base in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        folder = base / "finance-exports" / "sipd-ri"
        if (folder / "rekap_2025_murni.xlsx").exists():
            return folder, "ekspor lengkap (42 SKPD)"
    return ROOT / "tests" / "fixtures" / "sipd-ri", "ekspor terpangkas (4 SKPD)"


def make_standar_harga(source: Path, out: Path, rows: int) -> Path:
    """An export of `rows` rows in the standar-harga layout, from a real rekap: every row
    split into priced components (KODE/NAMA STANDAR HARGA instead of the paket columns),
    the pagu divided among them, until the file has `rows` data rows."""
    import openpyxl
    import xlsxwriter

    ws = openpyxl.load_workbook(source, read_only=True).worksheets[0]
    it = ws.iter_rows(values_only=True)
    header = list(next(it))
    data = [list(r) + [None] * (len(header) - len(r)) for r in it]
    drop = [i for i, h in enumerate(header) if h in ("PAKET/KELOMPOK", "NAMA PAKET/KELOMPOK")]
    keep = [i for i in range(len(header)) if i not in drop]
    pagu = header.index("PAGU")
    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    sheet = book.add_worksheet("Sheet 1")
    sheet.write_row(0, 0, [header[i] for i in keep] + ["KODE STANDAR HARGA",
                                                       "NAMA STANDAR HARGA"])
    parts = max(1, -(-rows // len(data)))
    r = 1
    for n, row in enumerate(data):
        left = rows - (r - 1)
        k = min(parts, left - (len(data) - n - 1)) if left > len(data) - n else 1
        total = row[pagu] or 0
        total = int(total) if float(total).is_integer() else total
        for j in range(max(1, k)):
            share = total // k if j < k - 1 else total - (total // k) * (k - 1)
            values = [row[i] for i in keep]
            values[keep.index(pagu)] = share if row[pagu] is not None else None
            sheet.write_row(r, 0, values + [f"1.1.12.01.{n:05d}.{j}", f"Komponen {j + 1}"])
            r += 1
    book.close()
    return out


def bench_import(size: str, repeat: int, work: Path, timeout: float,
                 tree: Path = ROOT) -> dict:
    """`impor`: the real murni and perubahan exports into the sample, one SKPD;
    `imporN`: a standar-harga export of N rows (made from the perubahan one) as --perubahan."""
    folder, source = export_folder()
    murni, perubahan = [folder / "rekap_2025_murni.xlsx"], [folder / "rekap_2025_perubahan.xlsx"]
    label = f"murni + perubahan, {source}"
    if size != "impor":
        n = int(size[len("impor"):])
        big = make_standar_harga(perubahan[0], work / f"standar_harga_{n}.xlsx", n)
        murni, perubahan = [], [big]
        label = f"{n:,} baris standar harga (dari {source})".replace(",", ".")
    env = tree_env(tree)
    runs = []
    for i in range(repeat):
        out = work / f"impor_{size}_{i}" / "baru.xlsx"
        args = {"workbook": str(SAMPLE_WORKBOOK), "murni": [str(p) for p in murni],
                "perubahan": [str(p) for p in perubahan], "skpd": DINSOS, "out": str(out)}
        data, wall, cpu, rss = run_child([sys.executable, "-c", IMPORT_DRIVER,
                                          json.dumps(args)], env, timeout)
        runs.append({"wall": wall, "cpu": cpu, "rss": rss, **data})
        shutil.rmtree(out.parent, ignore_errors=True)
    stages = {k: statistics.median(r["stages"].get(k, 0.0) for r in runs)
              for k in IMPORT_STAGES}
    return {"size": size, "label": label, "valid": True, "problems": 0, "runs": len(runs),
            "rows": runs[-1]["rows"], "import": True,
            "wall": statistics.median(r["wall"] for r in runs),
            "cpu": statistics.median(r["cpu"] for r in runs),
            "rss": statistics.median(r["rss"] for r in runs), "stages": stages}


def markdown_import(rows: list[dict]) -> str:
    head = ("| impor | runs | baris ekspor | wall s | CPU s | peak MB | "
            + " | ".join(IMPORT_STAGES) + " |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        lines.append(f"| {r['label']} | {r['runs']} | " + f"{r['rows']:,}".replace(",", ".")
                     + f" | {_s(r['wall'])} | {_s(r['cpu'])} | {r['rss']:.0f} | "
                     + " | ".join(_s(r["stages"][k]) for k in IMPORT_STAGES) + " |")
    return "\n".join(lines)


# --- synthetic workbooks -------------------------------------------------------------------

def _read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def make_workbook(out: Path, rekening: int, sub_kegiatan: int) -> Path:
    """A valid input workbook with `rekening` lines over `sub_kegiatan` sub kegiatan."""
    sys.path.insert(0, str(ROOT))
    from generator.workbook.text import build_workbook

    with tempfile.TemporaryDirectory(prefix="lkjip_bench_src_") as tmp:
        src = Path(tmp)
        for f in SAMPLE_SOURCES.glob("*.csv"):
            shutil.copy(f, src / f.name)
        sh, subs = _read_csv(src / "sub_kegiatan.csv")
        i_code, i_keg = sh.index("Kode"), sh.index("Kode Kegiatan")
        subs = list(subs)
        used: dict[str, int] = {}
        base = list(subs)
        while len(subs) < sub_kegiatan:
            proto = list(base[len(subs) % len(base)])
            keg = proto[i_keg]
            used[keg] = used.get(keg, 999) + 1
            proto[i_code] = f"{keg}.{used[keg]:04d}"
            subs.append(proto)
        subs = subs[:max(1, sub_kegiatan)]
        _write_csv(src / "sub_kegiatan.csv", sh, subs)

        rh, reks = _read_csv(src / "rekening.csv")
        i_sub = rh.index("Kode Sub Kegiatan")
        i_kode = rh.index("Kode Rekening")
        out_rows = []
        for k in range(rekening):
            row = list(reks[k % len(reks)])
            row[i_sub] = subs[k % len(subs)][i_code]
            if k >= len(reks):
                row[i_kode] = ""
            out_rows.append(row)
        out_rows.sort(key=lambda r: [int(p) for p in r[i_sub].split(".") if p.isdigit()])
        _write_csv(src / "rekening.csv", rh, out_rows)

        # PK budget lines may name only sub kegiatan that still exist.
        codes = {r[i_code] for r in subs} | _read_codes(src)
        ph, pks = _read_csv(src / "pk_anggaran.csv")
        i_ang = ph.index("Kode Anggaran")
        _write_csv(src / "pk_anggaran.csv", ph, [r for r in pks if r[i_ang] in codes])
        build_workbook(src, out)
    return out


def make_program_workbook(out: Path, programs: int, tree: bool = True) -> Path:
    """A valid input workbook with `programs` programs: the sample's 7, then copies of them
    (new codes under the same urusan, same IKU, numbered names); with `tree` each copy has
    one kegiatan, one sub kegiatan and one rekening line copied from the sample's first
    ones of that program, otherwise nothing below it."""
    sys.path.insert(0, str(ROOT))
    from generator.workbook.text import build_workbook

    with tempfile.TemporaryDirectory(prefix="lkjip_bench_src_") as tmp:
        src = Path(tmp)
        for f in SAMPLE_SOURCES.glob("*.csv"):
            shutil.copy(f, src / f.name)
        ph, progs = _read_csv(src / "program.csv")
        kh, kegs = _read_csv(src / "kegiatan.csv")
        sh, subs = _read_csv(src / "sub_kegiatan.csv")
        rh, reks = _read_csv(src / "rekening.csv")
        p_code, p_name = ph.index("Kode"), ph.index("Program")
        k_code, k_prog = kh.index("Kode"), kh.index("Kode Program")
        s_code, s_keg = sh.index("Kode"), sh.index("Kode Kegiatan")
        r_sub, r_kode = rh.index("Kode Sub Kegiatan"), rh.index("Kode Rekening")
        base = list(progs)
        first_keg = {k[k_prog]: k for k in reversed(kegs)}
        first_sub = {s[s_keg]: s for s in reversed(subs)}
        first_rek = {r[r_sub]: r for r in reversed(reks)}
        n = 100
        while len(progs) < programs:
            proto = base[len(progs) % len(base)]
            keg = first_keg[proto[p_code]]
            sub = first_sub[keg[k_code]]
            rek = first_rek[sub[s_code]]
            n += 1
            prog = list(proto)
            prog[p_code] = f"{proto[p_code].rsplit('.', 1)[0]}.{n:04d}"
            prog[p_name] = f"{proto[p_name]} {n}"
            k = list(keg)
            k[k_prog], k[k_code] = prog[p_code], f"{prog[p_code]}.2.01"
            s = list(sub)
            s[s_keg], s[s_code] = k[k_code], f"{k[k_code]}.0001"
            r = list(rek)
            r[r_sub], r[r_kode] = s[s_code], ""
            progs.append(prog)
            if tree:
                kegs.append(k)
                subs.append(s)
                reks.append(r)
        for name, head, rows in (("program.csv", ph, progs), ("kegiatan.csv", kh, kegs),
                                 ("sub_kegiatan.csv", sh, subs), ("rekening.csv", rh, reks)):
            _write_csv(src / name, head, rows)
        build_workbook(src, out)
    return out


def _read_codes(src: Path) -> set[str]:
    codes = set()
    for name in ("program.csv", "kegiatan.csv"):
        h, rows = _read_csv(src / name)
        codes |= {r[h.index("Kode")] for r in rows}
    return codes


# --- floor inputs --------------------------------------------------------------------------

def _floor_template(path: Path, cols: int) -> Path:
    import docx

    d = docx.Document()
    t = d.add_table(rows=3, cols=cols)
    t.rows[0].cells[0].text = "{%tr for r in rows %}"
    for c in range(cols):
        t.rows[1].cells[c].text = "{{ r[%d] }}" % c
    t.rows[2].cells[0].text = "{%tr endfor %}"
    d.save(str(path))
    return path


def _count_outputs(written: list[str]) -> dict:
    """Table rows of the draft; numbers, strings and formulas of the spreadsheets (in all,
    and per spreadsheet with its distinct strings, their mean length and its columns)."""
    counts = {"docx_rows": 0, "numbers": 0, "strings": 0, "formulas": 0, "sheets": [],
              "charts": []}
    for name in written:
        if name.endswith(".docx"):
            counts["draft"] = name
            with zipfile.ZipFile(name) as z:
                xml = z.read("word/document.xml")
                counts["docx_rows"] += xml.count(b"<w:tr>") + xml.count(b"<w:tr ")
                counts["charts"] = _chart_sizes(z)
        elif name.endswith(".xlsx"):
            sheet = {"numbers": 0, "strings": 0, "formulas": 0, "unique": 0, "length": 10,
                     "columns": 1}
            with zipfile.ZipFile(name) as z:
                for n in z.namelist():
                    if re.match(r"xl/worksheets/sheet\d+\.xml$", n):
                        xml = z.read(n)
                        f = xml.count(b"<f>")
                        st = xml.count(b't="s"')
                        c = xml.count(b"<c ")
                        sheet["formulas"] += f
                        sheet["strings"] += st
                        sheet["numbers"] += max(0, c - f - st)
                        dim = re.search(rb'<dimension ref="A1:([A-Z]+)\d+"', xml)
                        if dim:
                            sheet["columns"] = max(sheet["columns"], _col_number(dim.group(1)))
                if "xl/sharedStrings.xml" in z.namelist():
                    sst = z.read("xl/sharedStrings.xml")
                    texts = re.findall(rb"<t[^>]*>([^<]*)</t>", sst)
                    sheet["unique"] = len(texts)
                    if texts:
                        sheet["length"] = max(8, round(sum(len(t) for t in texts) / len(texts)))
            counts["sheets"].append(sheet)
            for k in ("numbers", "strings", "formulas"):
                counts[k] += sheet[k]
    return counts


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters.decode():
        n = n * 26 + ord(ch) - 64
    return n


def _chart_sizes(z: zipfile.ZipFile) -> list[list[int]]:
    """Pixel sizes of the draft's two largest chart pictures (PNG of the charts' width)."""
    import struct

    width = None
    try:
        sys.path.insert(0, str(ROOT))
        from generator.render.docx import charts
        width = round(charts.WIDTH_MM / 25.4 * charts.DPI)
    except Exception:  # noqa: BLE001  (another tree: any PNG of the draft will do)
        pass
    sizes = []
    for n in z.namelist():
        if n.startswith("word/media/") and n.endswith(".png"):
            head = z.read(n)[:24]
            w, h = struct.unpack(">II", head[16:24])
            if width is None or w == width:
                sizes.append([w, h])
    sizes.sort(key=lambda s: -s[0] * s[1])
    return sizes[:2] or [[1575, 900], [1575, 900]]


def _font_path() -> str:
    try:
        sys.path.insert(0, str(ROOT))
        from generator.render.docx import charts
        return charts._font_file() or ""
    except Exception:  # noqa: BLE001
        return ""


# --- running -------------------------------------------------------------------------------

def run_child(argv: list[str], env: dict, timeout: float,
              cwd: Optional[Path] = None) -> tuple[dict, float, float, float]:
    """Run a child and read its own rusage (wait4): JSON, wall, cpu, max RSS in MB. It runs
    in `cwd`, by default the tree first on its PYTHONPATH (`python -c` puts the current
    folder first on sys.path)."""
    if cwd is None:
        cwd = Path(env.get("PYTHONPATH", str(ROOT)).split(os.pathsep)[0] or ROOT)
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=str(cwd))
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                raise RuntimeError(f"timed out after {timeout} s")
            time.sleep(0.005)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text = out.read().decode()
        if proc.returncode != 0:
            raise RuntimeError(f"child failed ({proc.returncode}): {err.read().decode()[-2000:]}")
    data = json.loads(text.strip().splitlines()[-1])
    cpu = usage.ru_utime + usage.ru_stime
    return data, wall, cpu, usage.ru_maxrss / 1024


def make_batch(folder: Path, count: int) -> Path:
    """`count` copies of the sample workbook, with the pictures it names, in one folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for f in SAMPLE_WORKBOOK.parent.iterdir():
        if f.is_file() and f.suffix.lower() in (".png", ".jpg", ".jpeg"):
            shutil.copy(f, folder / f.name)
    for i in range(count):
        shutil.copy(SAMPLE_WORKBOOK, folder / f"opd_{i + 1:03d}.xlsx")
    return folder


def bench_batch(size: str, repeat: int, work: Path, timeout: float, jobs: int,
                tree: Path = ROOT) -> dict:
    count = int(size[len("batch"):])
    folder = make_batch(work / f"batch_{count}", count)
    load_start = loadavg()
    env = tree_env(tree)
    runs = []
    for i in range(repeat):
        out_dir = work / f"out_{size}_{i}"
        data, wall, cpu, rss = run_child(
            [sys.executable, "-c", BATCH_DRIVER, str(folder), str(out_dir), str(jobs)],
            env, timeout)
        runs.append({"wall": wall, "cpu": cpu, "rss": rss, **data})
        shutil.rmtree(out_dir, ignore_errors=True)
    return {"size": size, "label": f"{count} workbook contoh, {jobs} proses",
            "load": [load_start, loadavg()],
            "valid": runs[-1]["valid"], "problems": runs[-1]["problems"], "runs": len(runs),
            "wall": statistics.median(r["wall"] for r in runs),
            "cpu": statistics.median(r["cpu"] for r in runs),
            "rss": statistics.median(r["rss"] for r in runs), "stages": {}}


def tree_env(tree: Path, max_rows: Optional[int] = None) -> dict:
    """The environment of a measured child: the tree's sources first on PYTHONPATH, and
    LibreOffice's list-filling step off (it is outside the floor; `--office` times it
    apart)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(tree) + os.pathsep + env.get("PYTHONPATH", "")
    env["LKJIP_LIBREOFFICE"] = "0"
    if max_rows:
        env["LKJIP_BENCH_MAX_ROWS"] = str(max_rows)
    else:
        env.pop("LKJIP_BENCH_MAX_ROWS", None)
    return env


def stale_modules(tree: Path) -> list[str]:
    """The modules of the tree's generator/ that an import would compile from source: no
    .pyc of this interpreter, or one whose header does not match the source's modification
    time and size (what the import checks). With PYTHONDONTWRITEBYTECODE set, each measured
    run pays for that again. `compileall` without -f judges by the time alone, in whole
    seconds, and so keeps a .pyc of a module edited twice within one second."""
    stale = []
    for source in sorted((tree / "generator").rglob("*.py")):
        cached = Path(importlib.util.cache_from_source(str(source)))
        try:
            head = cached.read_bytes()[:16]
            st = source.stat()
        except OSError:
            stale.append(source.relative_to(tree).as_posix())
            continue
        if len(head) < 16 or head[:4] != importlib.util.MAGIC_NUMBER:
            stale.append(source.relative_to(tree).as_posix())
            continue
        # flags 0: a .pyc checked by the source's time and size (a hash-based one is not)
        flags, mtime, size = (int.from_bytes(head[i:i + 4], "little") for i in (4, 8, 12))
        if flags == 0 and (mtime != int(st.st_mtime) & 0xFFFFFFFF
                           or size != st.st_size & 0xFFFFFFFF):
            stale.append(source.relative_to(tree).as_posix())
    return stale


def tree_label(tree: Path) -> str:
    """A tree's name in the tables: its git description (tag or commit), else its folder."""
    try:
        done = subprocess.run(["git", "-C", str(tree), "describe", "--tags", "--always",
                               "--dirty"], capture_output=True, text=True, timeout=10)
        if done.returncode == 0 and done.stdout.strip():
            return done.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return tree.name


def loadavg() -> float:
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def _median(values) -> float:
    values = list(values)
    return statistics.median(values) if values else 0.0


def _summary(runs: list[dict]) -> dict:
    keys = runs[-1]["stages"]
    return {"runs": len(runs),
            "wall": _median(r["wall"] for r in runs),
            "cpu": _median(r["cpu"] for r in runs),
            "rss": _median(r["rss"] for r in runs),
            "stages": {k: _median(r["stages"].get(k, 0.0) for r in runs) for k in keys}}


def _floor_args(kind: str, wb: Path, counts: dict, work: Path, rounds: int = 1) -> dict:
    if kind == "template":
        tpl = _floor_template(work / "floor_template.docx", 8)
        return {"workbook": str(wb), "template": str(tpl), "docx_cols": 8,
                "docx_rows": counts["docx_rows"], "out_docx": str(work / "floor.docx"),
                "out_xlsx": str(work / "floor.xlsx"),
                **{k: counts[k] for k in ("numbers", "strings", "formulas")}}
    return {"workbook": str(wb), "draft": counts["draft"], "sheets": counts["sheets"],
            "charts": counts["charts"], "font": _font_path(), "rounds": rounds}


def measure_floor(kind: str, wb: Path, counts: dict, work: Path, env: dict,
                  timeout: float, rounds: int = 1) -> dict:
    """One run of a floor driver ("document" or "template") in a fresh interpreter."""
    script = FLOOR_DOC if kind == "document" else FLOOR
    data, wall, cpu, rss = run_child([sys.executable, "-c", script,
                                      json.dumps(_floor_args(kind, wb, counts, work, rounds))],
                                     env, timeout)
    return {"wall": wall, "cpu": cpu, "rss": rss, **data}


def measure_office(draft: str, env: dict, timeout: float) -> Optional[float]:
    """Seconds LibreOffice takes to fill the draft's lists (None when it is not installed)."""
    probe = subprocess.run([sys.executable, "-c", "from generator.render import office; "
                            "print(office.available())"], env=env, capture_output=True,
                           text=True, cwd=str(ROOT))
    if probe.stdout.strip() != "True":
        return None
    data, _, _, _ = run_child([sys.executable, "-c", OFFICE_DRIVER, draft], env, timeout)
    return data["office"]


def _workbook_for(size: str, work: Path) -> tuple[Path, str]:
    if size == "sample":
        return SAMPLE_WORKBOOK, "contoh (149 rekening, 48 sub kegiatan)"
    if size.startswith("program"):
        tree = size.startswith("programtree")
        n_prog = int(size[len("programtree" if tree else "program"):])
        wb = make_program_workbook(work / f"bench_{size}.xlsx", n_prog, tree)
        return wb, f"{n_prog:,}".replace(",", ".") + " program" + (
            " (satu kegiatan, sub kegiatan dan rekening masing-masing)" if tree
            else " (kegiatan dan rekening contoh saja)")
    n_rek, n_sub = (int(x) for x in size.lower().split("x"))
    wb = make_workbook(work / f"bench_{size}.xlsx", n_rek, n_sub)
    return wb, (f"{n_rek:,}".replace(",", ".") + " rekening, "
                + f"{n_sub:,}".replace(",", ".") + " sub kegiatan")


def bench_size(size: str, repeat: int, work: Path, max_rows: int | None,
               timeout: float, floor: bool | str = True, trees: Optional[list[Path]] = None,
               office: bool = False) -> dict:
    """`repeat` runs of `lkjip generate` on one size with each tree, alternating (A B A B
    ...), each followed by its floor(s) on the outputs it produced. `floor`: "document",
    "template", "both", or False (True: "document")."""
    trees = trees or [ROOT]
    kinds = {True: ["document"], False: [], "document": ["document"],
             "template": ["template"], "both": ["document", "template"]}[floor]
    wb, label = _workbook_for(size, work)
    load_start = loadavg()
    per_tree: dict[str, dict] = {}
    labels = [tree_label(t) for t in trees]
    if len(set(labels)) < len(labels):
        labels = [f"{lab} ({t})" for lab, t in zip(labels, trees)]
    for lab in labels:
        per_tree[lab] = {"runs": [], "floors": {k: [] for k in kinds}, "office": []}
    for i in range(repeat):
        for tree, lab in zip(trees, labels):
            env = tree_env(tree, max_rows)
            out_dir = work / f"out_{size}_{i}_{labels.index(lab)}"
            data, wall, cpu, rss = run_child(
                [sys.executable, "-c", DRIVER, str(wb), str(out_dir)], env, timeout)
            slot = per_tree[lab]
            slot["runs"].append({"wall": wall, "cpu": cpu, "rss": rss, **data})
            if data["valid"] and (kinds or office):
                counts = _count_outputs(data["written"])
                slot["counts"] = {k: v for k, v in counts.items()}
                for kind in kinds:
                    slot["floors"][kind].append(measure_floor(kind, wb, counts, work,
                                                              tree_env(ROOT), timeout))
                if office and i == 0:
                    seconds = measure_office(counts["draft"], env, timeout)
                    if seconds is not None:
                        slot["office"].append(seconds)
            shutil.rmtree(out_dir, ignore_errors=True)
    load_end = loadavg()
    results = {}
    for lab, slot in per_tree.items():
        runs = slot["runs"]
        res = {"label": lab, "source": runs[-1].get("source", ""), **_summary(runs),
               "valid": runs[-1]["valid"], "problems": runs[-1]["problems"],
               "cpu_runs": [r["cpu"] for r in runs], "wall_runs": [r["wall"] for r in runs]}
        if "counts" in slot:
            res["counts"] = slot["counts"]
        for kind, floors in slot["floors"].items():
            if floors:
                res["floor" if kind == "document" or len(kinds) == 1 else "floor_" + kind] = {
                    "kind": kind, **_summary(floors)}
        if slot["office"]:
            res["office"] = _median(slot["office"])
        results[lab] = res
    first = results[labels[0]]
    row = {**first, "size": size, "label": label, "load": [load_start, load_end],
           "trees": results}
    if len(labels) == 2:
        a, b = results[labels[0]], results[labels[1]]
        row["change"] = {k: _median(y / x for x, y in zip(a[k + "_runs"], b[k + "_runs"]))
                         for k in ("cpu", "wall")}
    return row


def bench_warm(size: str, repeat: int, work: Path, timeout: float,
               trees: Optional[list[Path]] = None, floor: bool = True) -> dict:
    """`warmN`: the sample generated N times (default 6) in one process per tree, `repeat`
    processes alternating between trees; per process the first run and the median of the
    later ones (imports paid once, as `lkjip serve` and a batch worker). Its floor: the
    document floor's I/O stages repeated in one process, median after the first round."""
    count = int(size[len("warm"):] or 6)
    trees = trees or [ROOT]
    labels = [tree_label(t) for t in trees]
    if len(set(labels)) < len(labels):
        labels = [f"{lab} ({t})" for lab, t in zip(labels, trees)]
    load_start = loadavg()
    slots = {lab: {"procs": [], "floors": []} for lab in labels}
    for i in range(repeat):
        for tree, lab in zip(trees, labels):
            out_dir = work / f"warm_{i}_{labels.index(lab)}"
            data, wall, cpu, rss = run_child(
                [sys.executable, "-c", WARM_DRIVER, str(SAMPLE_WORKBOOK), str(out_dir),
                 str(count)], tree_env(tree), timeout)
            runs = data["runs"]
            later = runs[1:] or runs
            slots[lab]["procs"].append({
                "first_wall": runs[0]["wall"], "first_cpu": runs[0]["cpu"],
                "wall": _median(r["wall"] for r in later),
                "cpu": _median(r["cpu"] for r in later),
                "stages": {k: _median(r["stages"].get(k, 0.0) for r in later)
                           for k in later[-1]["stages"]},
                "rss": rss, "source": data["source"]})
            if floor:
                counts = _count_outputs(data["written"])   # the last run's outputs
                slots[lab]["floors"].append(measure_floor(
                    "document", SAMPLE_WORKBOOK, counts, work, tree_env(ROOT), timeout,
                    rounds=count))
            shutil.rmtree(out_dir, ignore_errors=True)
    load_end = loadavg()
    results = {}
    for lab, slot in slots.items():
        procs = slot["procs"]
        res = {"label": lab, "source": procs[-1]["source"], "runs": len(procs),
               "runs_per_process": count,
               "first_wall": _median(p["first_wall"] for p in procs),
               "first_cpu": _median(p["first_cpu"] for p in procs),
               "wall": _median(p["wall"] for p in procs),
               "cpu": _median(p["cpu"] for p in procs),
               "rss": _median(p["rss"] for p in procs), "valid": True, "problems": 0,
               "cpu_runs": [p["cpu"] for p in procs], "wall_runs": [p["wall"] for p in procs],
               "stages": {k: _median(p["stages"][k] for p in procs)
                          for k in procs[-1]["stages"]}}
        if slot["floors"]:
            warm = [f["warm"] for f in slot["floors"]]
            io_keys = ("baca", "word", "gambar", "excel")
            res["floor"] = {
                "kind": "document (warm)",
                "wall": _median(sum(w[k] for k in io_keys) for w in warm),
                "cpu": _median(sum(w[k + "_cpu"] for k in io_keys) for w in warm),
                "stages": {k: _median(w[k] for w in warm) for k in io_keys}}
        results[lab] = res
    first = results[labels[0]]
    row = {**first, "size": size, "warm": True, "load": [load_start, load_end],
           "trees": results, "label": f"contoh, hangat ({count} kali dalam satu proses)"}
    if len(labels) == 2:
        a, b = results[labels[0]], results[labels[1]]
        row["change"] = {k: _median(y / x for x, y in zip(a[k + "_runs"], b[k + "_runs"]))
                         for k in ("cpu", "wall")}
    return row


def _s(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def _x(a: float, b: float) -> str:
    return f"{_s(a / b)}x" if b else ""


# The run's stages against the floor's: (run stages, floor stages) per column.
STAGE_COLUMNS = [
    ("impor", ["impor"], ["impor"]),
    ("baca + periksa", ["baca", "periksa"], ["baca"]),
    ("hitung", ["hitung"], []),
    ("word", ["word"], ["word", "gambar"]),
    ("excel", ["excel"], ["excel"]),
    ("simpan", ["simpan"], []),
]


def markdown(rows: list[dict]) -> str:
    """The results as Markdown tables (Indonesian decimal commas): totals with the floor and
    the ratio; each stage as "run / floor (ratio)"; with two trees, the change."""
    head = ("| workbook | tree | runs | load | wall s | CPU s | peak MB | floor wall s | "
            "floor CPU s | ratio wall | ratio CPU | LibreOffice s |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    stage_head = ("| workbook | tree | " + " | ".join(c for c, _, _ in STAGE_COLUMNS) + " |")
    stage_lines = [stage_head, "|" + "---|" * (stage_head.count("|") - 1)]
    changes = []
    for r in rows:
        load = r.get("load")
        load_text = f"{_s(load[0])}–{_s(load[1])}" if load else ""
        for lab, t in (r.get("trees") or {r.get("size", ""): r}).items():
            lead = f"| {r['label']} | {lab} | {t['runs']} | {load_text} | "
            if not t["valid"]:
                lines.append(lead + f"tidak valid ({t['problems']} masalah) |" + " |" * 7)
                continue
            fl = t.get("floor")
            fcol = (f"{_s(fl['wall'])} | {_s(fl['cpu'])} | {_x(t['wall'], fl['wall'])} | "
                    f"{_x(t['cpu'], fl['cpu'])}") if fl else " | | | "
            office = _s(t["office"]) if t.get("office") is not None else ""
            lines.append(lead + f"{_s(t['wall'])} | {_s(t['cpu'])} | {t['rss']:.0f} | "
                         f"{fcol} | {office} |")
            if t.get("stages"):
                cells = []
                for _, mine, theirs in STAGE_COLUMNS:
                    if not any(k in t["stages"] for k in mine):
                        cells.append("")
                        continue
                    own = sum(t["stages"].get(k, 0.0) for k in mine)
                    text = _s(own)
                    if fl and theirs and all(k in fl["stages"] for k in theirs):
                        base = sum(fl["stages"][k] for k in theirs)
                        text += f" / {_s(base)} ({_x(own, base)})"
                    cells.append(text)
                stage_lines.append(f"| {r['label']} | {lab} | " + " | ".join(cells) + " |")
        if r.get("change"):
            changes.append(f"| {r['label']} | {_s(r['change']['cpu'])} | "
                           f"{_s(r['change']['wall'])} |")
    out = "\n".join(lines) + "\n\nStages, seconds: run / floor (ratio)\n\n" + \
        "\n".join(stage_lines)
    if changes:
        out += ("\n\nChange (median over the alternating pairs of the second tree's run "
                "over the first's)\n\n| workbook | CPU | wall |\n|---|---|---|\n"
                + "\n".join(changes))
    return out


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = int(Path("/proc/meminfo").read_text().split()[1]) / 2**20
        memory = f", {mem:.0f} GB"
    except (OSError, ValueError, IndexError):
        memory = ""
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores"
            f"{memory}, Python {platform.python_version()}; load average (/proc/loadavg) "
            f"at the start {_s(loadavg())}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default=DEFAULT_SIZES)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--max-rows", type=int, default=None,
                    help="raise the reader's row bound (and its cell bound to 12 per row) "
                         "in the benchmark's runs only")
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--floor", choices=["document", "template", "both"], default="document",
                    help="document: the draft's own parse and save, the workbook read, the "
                         "spreadsheets' cells, two charts (issue 21); template: the older "
                         "floor (a one-table docxtpl template); both")
    ap.add_argument("--no-floor", action="store_true")
    ap.add_argument("--office", action="store_true",
                    help="also time LibreOffice filling the draft's lists, apart")
    ap.add_argument("--tree", action="append", type=Path, default=None,
                    help="a source tree to measure (its generator/ first on PYTHONPATH); "
                         "give it twice (before, after) to alternate the two run by run")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes of a batchN size")
    ap.add_argument("--teardown", action="store_true",
                    help="let the measured run and the floor exit through the interpreter's "
                         "teardown (by default both leave with os._exit once their output "
                         "is printed, as `lkjip generate` does)")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--json", type=Path, help="write the results as JSON")
    args = ap.parse_args(argv)
    if args.teardown:
        os.environ["LKJIP_BENCH_TEARDOWN"] = "1"
    else:
        os.environ.pop("LKJIP_BENCH_TEARDOWN", None)
    trees = [t.resolve() for t in args.tree] if args.tree else [ROOT]
    for t in trees:
        stale = stale_modules(t)
        if stale:
            print(f"warning: {len(stale)} module(s) of {t} have no up-to-date .pyc "
                  f"({', '.join(stale[:3])}{', ...' if len(stale) > 3 else ''}): each run "
                  f"compiles them from source when PYTHONDONTWRITEBYTECODE is set; first run "
                  f"python -m compileall -q -f {t / 'generator'}", file=sys.stderr)
    floor = False if args.no_floor else args.floor
    rows = []
    info = machine()
    with tempfile.TemporaryDirectory(prefix="lkjip_bench_") as tmp:
        work = Path(tmp)
        for size in args.sizes.split(","):
            size = size.strip()
            if size.startswith("batch"):
                row = bench_batch(size, args.repeat, work, args.timeout, args.jobs, trees[0])
            elif size.startswith("impor"):
                row = bench_import(size, args.repeat, work, args.timeout, trees[0])
            elif size.startswith("warm"):
                row = bench_warm(size, args.repeat, work, args.timeout, trees,
                                 floor=bool(floor))
            else:
                row = bench_size(size, args.repeat, work, args.max_rows, args.timeout,
                                 floor=floor, trees=trees, office=args.office)
            rows.append(row)
            if not args.markdown:
                print(json.dumps(row), flush=True)
    if args.markdown:
        print(f"{info}; load average (/proc/loadavg) at the end {_s(loadavg())}; "
              + ("exit through the interpreter's teardown" if args.teardown
                 else "run and floor leave with os._exit, as lkjip generate does"))
        for t in trees:
            print(f"tree {tree_label(t)}: {t}")
        print()
        generated = [r for r in rows if not r.get("import")]
        imported = [r for r in rows if r.get("import")]
        if generated:
            print(markdown(generated))
        if imported:
            print()
            print(markdown_import(imported))
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "rows": rows}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
