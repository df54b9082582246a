"""The `lkjip` command: the only place that turns reports into messages and exit codes.

Exit status: 0 success; 2 the input workbook is invalid or unreadable; 1 any other
failure (outputs cannot be written, an internal error). Never a traceback, unless
LKJIP_DEBUG=1 is set.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .messages import invalid_summary, notes_heading, unexpected, unreadable
from .pipeline import (SAMPLE_SOURCES, SAMPLE_WORKBOOK, TEMPLATES, OutputError, check,
                       generate)
from .workbook import Report, WorkbookError
from .render import TemplateError

EXIT_OK, EXIT_FAILURE, EXIT_INVALID = 0, 1, 2


def _report_lines(report: Report, path: Path) -> list[str]:
    n = len(report)
    lines = [invalid_summary(n, str(path))]
    lines += [f"{i}. {p.message()}" for i, p in enumerate(report, start=1)]
    lines.append("Perbaiki masalah di atas lalu jalankan kembali.")
    return lines


def _notes_lines(result) -> list[str]:
    lines = [notes_heading(len(result.catatan))]
    if not result.catatan:
        return lines
    lines += [f"{i}. {n.location}: {n.message}" for i, n in enumerate(result.catatan, start=1)]
    return lines


def _unreadable(exc: WorkbookError) -> None:
    click.echo(unreadable(exc.problem), err=True)
    sys.exit(EXIT_INVALID)


def _unexpected(exc: Exception) -> None:
    if os.environ.get("LKJIP_DEBUG"):
        raise exc
    click.echo(f"{unexpected(exc)} Jalankan dengan LKJIP_DEBUG=1 untuk rinciannya.", err=True)
    sys.exit(EXIT_FAILURE)


@click.group(help="Generator Laporan Kinerja Instansi Pemerintah (LKjIP).")
@click.version_option(__version__, prog_name="lkjip")
def main() -> None:
    pass


@main.command(help="Periksa workbook masukan dan tampilkan semua masalahnya.")
@click.argument("file", type=click.Path(path_type=Path))
def validate(file: Path) -> None:
    try:
        workbook, report, result = check(file)
    except WorkbookError as exc:
        _unreadable(exc)
    except Exception as exc:  # noqa: BLE001
        _unexpected(exc)
    if workbook is None:
        click.echo("\n".join(_report_lines(report, file)))
        sys.exit(EXIT_INVALID)
    click.echo(f"Workbook valid: {file}.")
    click.echo("\n".join(_notes_lines(result)))


@main.command(name="generate", help="Buat draf Word LKjIP dan spreadsheet keuangan dari workbook masukan "
                   "(tanpa FILE: workbook contoh di inputs/).")
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("outputs"),
              show_default=True, help="Folder keluaran.")
@click.option("--templates", "templates", type=click.Path(path_type=Path), default=TEMPLATES,
              show_default=True,
              help="Folder templat (berisi docx/lkjip.docx dan xlsx/*.toml), mis. salinan "
                   "yang sudah disunting instansi.")
def generate_cmd(file: Path | None, out_dir: Path, templates: Path) -> None:
    file = file or SAMPLE_WORKBOOK
    try:
        done = generate(file, out_dir, templates)
    except WorkbookError as exc:
        _unreadable(exc)
    except (OutputError, TemplateError) as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_FAILURE)
    except OSError as exc:
        click.echo(f"Keluaran tidak dapat ditulis ke {out_dir}: {exc.strerror or exc}.", err=True)
        sys.exit(EXIT_FAILURE)
    except Exception as exc:  # noqa: BLE001
        _unexpected(exc)
    if done.workbook is None:
        click.echo("\n".join(_report_lines(done.report, file)), err=True)
        sys.exit(EXIT_INVALID)
    click.echo(f"Workbook valid: {file}.")
    click.echo("Berkas yang ditulis:")
    for path in done.written:
        click.echo(f"  {path}")
    n = len(done.result.catatan)
    click.echo(f"Catatan pemeriksaan: {n} temuan (lihat {done.written[-1].name})."
               if n else "Catatan pemeriksaan: tidak ada temuan.")



@main.command(help="Tulis setiap sheet workbook sebagai berkas CSV (untuk ditinjau di git).")
@click.argument("file", type=click.Path(path_type=Path))
@click.argument("out_dir", type=click.Path(path_type=Path))
def dump(file: Path, out_dir: Path) -> None:
    from .workbook.text import dump_workbook

    try:
        written = dump_workbook(file, out_dir)
    except WorkbookError as exc:
        _unreadable(exc)
    except Exception as exc:  # noqa: BLE001
        _unexpected(exc)
    click.echo(f"{len(written)} berkas CSV ditulis ke {out_dir}.")


@main.command(name="build-sample",
              help="Bangun workbook contoh dari berkas CSV di inputs/sample/.")
@click.option("--source", type=click.Path(path_type=Path), default=SAMPLE_SOURCES,
              show_default=True)
@click.option("--out", "out_file", type=click.Path(path_type=Path), default=SAMPLE_WORKBOOK,
              show_default=True)
def build_sample(source: Path, out_file: Path) -> None:
    from .workbook.text import build_workbook

    try:
        build_workbook(source, out_file)
    except Exception as exc:  # noqa: BLE001
        _unexpected(exc)
    click.echo(f"Workbook contoh ditulis: {out_file}")
