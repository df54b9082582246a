"""The `lkjip` command: the only place that turns reports into messages and exit codes.

Exit status: 0 success; 2 the input workbook is invalid or unreadable (or the command
line is wrong); 1 any other failure (outputs cannot be written, an internal error); 130
interrupted (Ctrl+C, kill). Never a traceback, unless LKJIP_DEBUG=1 is set. Every word
printed is Indonesian, click's own messages included (generator/clitext.py).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from . import __version__, clitext
from .messages import (invalid_summary, notes_heading, unexpected, unreadable,
                       valid_summary)
from .clitext import EXIT_INTERRUPTED, INTERRUPTED
from .interrupts import Interrupted, pending, raise_if_pending
from .output import explain as explain_os_error
from .pipeline import (SAMPLE_SOURCES, SAMPLE_WORKBOOK, STAGES, TEMPLATES, OutputError, check,
                       generate)
from .workbook import Report, WorkbookError
from .render import TemplateCheckError, TemplateError

EXIT_OK, EXIT_FAILURE, EXIT_INVALID = 0, 1, 2

clitext.install()

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Command(click.Command):
    """A command whose usage line reads [OPSI]."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPSI]")
        super().__init__(*args, **kwargs)


class Group(click.Group):
    """The `lkjip` group: Indonesian usage, "maksud Anda" for a misspelt command, and
    interrupts as one line with exit status 130."""

    command_class = Command

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[OPSI]")
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARGUMEN]...")
        super().__init__(*args, **kwargs)

    def resolve_command(self, ctx, args):
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            hint = clitext.nearest(name, self.list_commands(ctx))
            text = f"Perintah '{name}' tidak ada."
            if hint:
                text += f" Maksud Anda '{hint}'?"
            ctx.fail(text)
        return super().resolve_command(ctx, args)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True,
             **extra):
        clitext.install()
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        args = list(sys.argv[1:] if args is None else args)
        global FINISHED_BEFORE_INTERRUPT
        FINISHED_BEFORE_INTERRUPT = None
        try:
            try:
                with self.make_context(prog_name or "lkjip", args, **extra) as ctx:
                    self.invoke(ctx)
                code = EXIT_OK
            except click.exceptions.Exit as exc:
                code = exc.exit_code
            except click.ClickException as exc:
                exc.show()
                code = EXIT_INVALID if exc.exit_code == 2 else exc.exit_code
            except (click.Abort, KeyboardInterrupt, EOFError):
                if FINISHED_BEFORE_INTERRUPT:
                    # The outputs were complete when the interrupt came: say so plainly.
                    click.echo(FINISHED_BEFORE_INTERRUPT, err=True)
                    code = EXIT_OK
                else:
                    click.echo(INTERRUPTED, err=True)
                    code = EXIT_INTERRUPTED
        except KeyboardInterrupt:   # a second Ctrl+C while the first is reported
            code = EXIT_INTERRUPTED
        sys.exit(code)


# Set once a command's outputs are complete: an interrupt after that point is reported
# with this sentence (and exit status 0) instead of "Dibatalkan".
FINISHED_BEFORE_INTERRUPT: str | None = None


def _finished(out_dir: Path):
    def note(paths: list[Path]) -> None:
        global FINISHED_BEFORE_INTERRUPT
        FINISHED_BEFORE_INTERRUPT = (
            f"Dibatalkan setelah selesai: semua berkas keluaran sudah ditulis utuh ke "
            f"{Path(out_dir).resolve()}.")
    return note


# Set by a command that starts no threads or child processes and has finished everything
# (outputs closed and renamed, messages printed) when it exits: the console entry point then
# leaves without the interpreter's teardown (generator/entry.py).
EXIT_WITHOUT_TEARDOWN = False


# Set by the console entry point (generator/entry.py), whose process ends when the command
# does: `lkjip generate` on one workbook then runs as the process's only run and keeps what
# it made for the exit (pipeline.generate one_shot). Left False when the commands are called
# in a longer-lived process (the tests' CliRunner), which needs that memory back.
ONE_SHOT_PROCESS = False


def _exit_without_teardown() -> None:
    global EXIT_WITHOUT_TEARDOWN
    EXIT_WITHOUT_TEARDOWN = True


# --- Messages -------------------------------------------------------------------------------

def _report_lines(report: Report, path: Path) -> list[str]:
    n = len(report)
    lines = [invalid_summary(n, str(path))]
    problems = list(report)
    empty = [p for p in problems if p.kind == "sheet_empty"]
    if len(empty) >= 3:
        # A fresh or rolled-over workbook: the sheets to fill, one short line each.
        lines.append(f"Sheet yang masih perlu diisi ({len(empty)}):")
        lines += [f"  - {p.location.sheet}" + (f" ({p.detail})" if p.detail else "")
                  for p in empty]
        problems = [p for p in problems if p.kind != "sheet_empty"]
        if problems:
            lines.append("Masalah lain:")
    lines += [f"{i}. {p.message()}" for i, p in enumerate(problems, start=1)]
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
    if pending():   # a failure caused by an interrupt (see entry.main) is the interrupt
        raise Interrupted() from exc
    if os.environ.get("LKJIP_DEBUG"):
        raise exc
    click.echo(f"{unexpected(exc)} Jalankan dengan LKJIP_DEBUG=1 untuk rinciannya.", err=True)
    sys.exit(EXIT_FAILURE)


def seconds(t: float) -> str:
    """A duration as Indonesian text: 0,4 detik."""
    return f"{t:.1f}".replace(".", ",") + " detik"


def _not_empty(ctx, param, value):
    """A path option or argument: refused when empty (`--out ""` would mean here)."""
    if value is None:
        return None
    if str(value).strip() == "":
        raise click.BadParameter("path tidak boleh kosong; tulis nama folder atau berkas, "
                                 "mis. hasil.", ctx, param)
    return Path(value)


class Progress:
    """Each stage with its time, as it finishes; a bar instead when on a terminal."""

    def __init__(self, quiet: bool, tty: bool | None = None):
        self.quiet = quiet
        self.tty = sys.stderr.isatty() if tty is None else tty
        self.current: str | None = None
        self.started = 0.0
        self.times: list[tuple[str, float]] = []
        self.bar = None

    def __call__(self, key: str) -> None:
        raise_if_pending()
        now = time.monotonic()
        self._finish(now)
        self.current, self.started = key, now
        if self.quiet:
            return
        if self.tty:
            if self.bar is None:
                self.bar = click.progressbar(length=len(STAGES), label=STAGES[key],
                                             file=sys.stderr, show_eta=False, width=30)
                self.bar.__enter__()
            else:
                self.bar.label = STAGES[key]
                self.bar.update(1)

    def _finish(self, now: float) -> None:
        if self.current is None:
            return
        took = now - self.started
        self.times.append((self.current, took))
        if not self.quiet and not self.tty:
            click.echo(f"{STAGES[self.current]}: {seconds(took)}")
        self.current = None

    def close(self) -> None:
        self._finish(time.monotonic())
        if self.bar is not None:
            self.bar.update(len(STAGES))
            self.bar.__exit__(None, None, None)
            self.bar = None
            for key, took in self.times:
                click.echo(f"{STAGES[key]}: {seconds(took)}")


# --- Commands -------------------------------------------------------------------------------

@click.group(name="lkjip", cls=Group, context_settings=CONTEXT,
             help="Generator Laporan Kinerja Instansi Pemerintah (LKjIP): dari satu workbook "
                  "Excel ke draf Word dan spreadsheet keuangan.")
@click.version_option(__version__, "-V", "--version", prog_name="lkjip",
                      message="%(prog)s, versi %(version)s",
                      help="Tampilkan versi lalu keluar.")
def main() -> None:
    pass


@main.command(help="Periksa workbook masukan dan tampilkan semua masalahnya.")
@click.argument("file", metavar="WORKBOOK", type=click.Path(path_type=Path))
def validate(file: Path) -> None:
    _exit_without_teardown()
    # The report of an invalid workbook is this command's answer: it goes to stdout.
    workbook, result = _valid_or_exit(file, report_to_stderr=False)
    click.echo(valid_summary(str(file)))
    click.echo("\n".join(_notes_lines(result)))


def _paper(ctx, param, value: str | None) -> str | None:
    """--kertas: A4, F4 or A3 as the workbook's Kertas Spreadsheet takes them (Folio = F4)."""
    if value is None:
        return None
    from .workbook.fieldtypes import KertasSpreadsheet

    try:
        return KertasSpreadsheet.parse(value).value
    except ValueError:
        raise click.BadParameter(f"{value!r} bukan salah satu dari "
                                 + ", ".join(k.value for k in KertasSpreadsheet) + ".") from None


@main.command(name="generate",
              help="Buat draf Word LKjIP, spreadsheet keuangan dan catatan pemeriksaan dari "
                   "workbook masukan. Tanpa WORKBOOK: workbook contoh yang ikut terpasang. "
                   "Dengan FOLDER atau beberapa workbook: semuanya dibuat sejajar, masing-masing "
                   "ke subfolder sendiri, dengan Rekap_<tahun>.xlsx.")
@click.argument("file", metavar="[WORKBOOK|FOLDER]", required=False,
                type=click.Path(path_type=Path))
@click.argument("more", metavar="[WORKBOOK]...", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", metavar="FOLDER", type=click.Path(),
              default="outputs", show_default=True, callback=_not_empty,
              help="Folder keluaran (dibuat bila belum ada).")
@click.option("--templates", "templates", metavar="FOLDER", type=click.Path(),
              default=None, callback=_not_empty,
              help="Folder templat (berisi docx/lkjip.docx dan xlsx/*.toml), mis. salinan "
                   "yang sudah disunting instansi. Bawaan: templat yang ikut terpasang.")
@click.option("--jobs", "jobs", metavar="N", type=click.IntRange(min=1), default=None,
              help="Untuk FOLDER atau beberapa workbook: jumlah proses sejajar "
                   "(bawaan: satu per inti prosesor).")
@click.option("--pdf", "pdf", is_flag=True,
              help="Tulis juga PDF untuk publikasi (daftar isi, tabel dan gambar terisi, huruf "
                   "tertanam, bookmark dari judul bab). Memerlukan LibreOffice.")
@click.option("--tanpa-libreoffice", "no_office", is_flag=True,
              help="Jangan isi Daftar Isi, Daftar Tabel dan Daftar Gambar dengan LibreOffice "
                   "(lebih cepat; Word mengisinya saat draf dibuka).")
@click.option("--kertas", "kertas", metavar="UKURAN", default=None, callback=_paper,
              help="Kertas untuk mencetak spreadsheet: A4, F4 (Folio) atau A3. Bawaan: isian "
                   "Kertas Spreadsheet di sheet Instansi, atau A4 bila kosong.")
@click.option("-q", "--quiet", is_flag=True, help="Hanya tampilkan pesan kesalahan.")
def generate_cmd(file: Path | None, more: tuple[Path, ...], out_dir: Path,
                 templates: Path | None, jobs: int | None, pdf: bool, no_office: bool,
                 kertas: str | None, quiet: bool) -> None:
    from .render.office import OfficeError

    if pdf and no_office:
        raise click.UsageError("--pdf memerlukan LibreOffice; jangan dipakai bersama "
                               "--tanpa-libreoffice.")
    if more or (file is not None and file.is_dir()):
        from .commands.batch import cli_batch  # a folder or several workbooks

        if no_office:
            os.environ["LKJIP_LIBREOFFICE"] = "0"     # the worker processes inherit it
        sys.exit(cli_batch([file, *more], Path(out_dir),
                           Path(templates) if templates else None, jobs, click.echo, pdf=pdf,
                           kertas=kertas))
    _exit_without_teardown()
    file = file or SAMPLE_WORKBOOK
    templates = templates or TEMPLATES
    progress = Progress(quiet)
    try:
        try:
            done = generate(file, out_dir, templates, on_stage=progress, pdf=pdf,
                            office=False if no_office else None, kertas=kertas,
                            on_commit=_finished(out_dir), one_shot=ONE_SHOT_PROCESS)
        finally:
            progress.close()
    except WorkbookError as exc:
        _unreadable(exc)
    except TemplateCheckError as exc:
        click.echo("\n".join(exc.lines), err=True)
        click.echo("Templat tidak dipakai. Perbaiki galat di atas (lkjip templates check "
                   "menampilkannya lagi).", err=True)
        sys.exit(EXIT_INVALID)
    except (OutputError, TemplateError, OfficeError) as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_FAILURE)
    except OSError as exc:
        click.echo(explain_os_error(exc, Path(out_dir)), err=True)
        sys.exit(EXIT_FAILURE)
    except Exception as exc:  # noqa: BLE001
        _unexpected(exc)
    if done.recovered is not None and not quiet:
        click.echo(done.recovered.message())
    if done.workbook is None:
        click.echo("\n".join(_report_lines(done.report, file)), err=True)
        sys.exit(EXIT_INVALID)
    if done.interrupted:
        click.echo(f"Pembatalan (Ctrl+C) datang setelah semua berkas keluaran selesai "
                   f"ditulis; keluarannya utuh.", err=True)
    if quiet:
        return
    click.echo(valid_summary(str(file)))
    click.echo("Berkas yang ditulis:")
    for path in done.written:
        click.echo(f"  {path.resolve()}")
    for kept in getattr(done, "kept", []):
        click.echo(f"Berkas {kept.original.name} telah disunting sejak dibuat; versi suntingan "
                   f"disimpan sebagai {kept.saved.resolve()}.")
    if done.template_warnings:
        click.echo(f"Peringatan templat ({len(done.template_warnings)}, juga di catatan "
                   f"pemeriksaan):")
        for i, line in enumerate(done.template_warnings, start=1):
            click.echo(f"{i}. {line}")
    if done.filled:
        click.echo("Daftar Isi, Daftar Tabel dan Daftar Gambar sudah diisi nomor halamannya "
                   "(LibreOffice).")
    elif done.office_problem:
        click.echo(f"Daftar Isi belum diisi: {done.office_problem} Word mengisinya saat draf "
                   f"dibuka (jawab Ya saat ditanya pembaruan field).")
    n = len(done.result.catatan)
    notes = done.written[-1].resolve()
    click.echo(f"Catatan pemeriksaan: {n} temuan, lihat {notes}." if n
               else "Catatan pemeriksaan: tidak ada temuan.")


@main.command(help="Jalankan halaman web lokal: letakkan workbook di peramban, lihat "
                   "masalahnya atau unduh draf Word dan spreadsheet.")
@click.option("--host", metavar="ALAMAT", default="127.0.0.1", show_default=True,
              help="Alamat yang didengarkan. Selain alamat lokal (127.0.0.1, localhost) "
                   "halaman meminta kode akses.")
@click.option("--port", metavar="PORT", default=8000, show_default=True,
              type=click.IntRange(0, 65535),
              help="Port (0: pilih port yang bebas).")
@click.option("--kode", metavar="KODE", default=None,
              help="Kode akses. Tanpa opsi ini, kode dibuat acak dan ditampilkan saat mulai "
                   "bila --host bukan alamat lokal.")
@click.option("--templates", "templates", metavar="FOLDER", type=click.Path(),
              default=None, callback=_not_empty,
              help="Folder templat, seperti pada generate. Bawaan: templat yang ikut "
                   "terpasang.")
@click.option("--simpan-menit", "ttl", metavar="MENIT", default=60, show_default=True,
              type=click.IntRange(1, 7 * 24 * 60),
              help="Berapa menit hasil disimpan di server bila belum diunduh semua.")
def serve(host: str, port: int, kode: str | None, templates: Path | None, ttl: int) -> None:
    if templates:
        from .pipeline import check_templates

        try:
            for line in check_templates(templates):
                click.echo(f"Peringatan templat: {line}")
        except TemplateCheckError as exc:
            click.echo("\n".join(exc.lines), err=True)
            sys.exit(EXIT_INVALID)
    templates = templates or TEMPLATES
    try:
        from .web.server import ServeError, serve as run_server
    except ImportError as exc:
        click.echo(f"Halaman web memerlukan paket tambahan ({exc.name}); pasang ulang "
                   f"lkjip-generator dengan pip.", err=True)
        sys.exit(EXIT_FAILURE)
    try:
        run_server(host, port, kode, templates, ttl, click.echo)
    except ServeError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_FAILURE)
    except KeyboardInterrupt:
        pass
    except Exception as exc:  # noqa: BLE001
        _unexpected(exc)


def _write_new(target: Path, data: bytes, force: bool,
               beside: list[tuple[Path, bytes]] = ()) -> None:
    """A new workbook (and the files that go `beside` it, as one set), never over an existing
    file unless `force`; failures said in Indonesian with what to do."""
    from .output import write_all

    if target.exists() and not force:
        click.echo(f"Berkas {target} sudah ada; pilih nama lain atau tambahkan --timpa.",
                   err=True)
        sys.exit(EXIT_FAILURE)
    if target.is_dir():
        click.echo(f"{target} adalah folder; tulis nama berkas .xlsx.", err=True)
        sys.exit(EXIT_FAILURE)
    try:
        write_all([(target, data), *beside])
    except OutputError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_FAILURE)
    except OSError as exc:
        click.echo(explain_os_error(exc, target.parent), err=True)
        sys.exit(EXIT_FAILURE)


@main.command(help="Buat workbook masukan kosong untuk instansi baru: setiap sheet dengan "
                   "judul kolom, petunjuk, daftar pilihan dan skala kategori bawaan.")
@click.argument("file", metavar="BERKAS", type=click.Path(), callback=_not_empty)
@click.option("--tahun", type=click.IntRange(1900, 2100), metavar="TAHUN",
              help="Tahun laporan yang diisikan ke sheet Instansi.")
@click.option("--instansi", metavar="NAMA", help="Nama instansi, mis. \"Dinas Sosial\".")
@click.option("--timpa", is_flag=True, help="Timpa berkas yang sudah ada.")
@click.option("--murni", "murni", metavar="EKSPOR", multiple=True, type=click.Path(),
              help="Ekspor anggaran murni (SIPD-RI): pohon anggaran langsung terisi.")
@click.option("--perubahan", "perubahan", metavar="EKSPOR", multiple=True, type=click.Path(),
              help="Ekspor anggaran perubahan.")
@click.option("--realisasi", "realisasi", metavar="EKSPOR", multiple=True, type=click.Path(),
              help="Ekspor realisasi (boleh beberapa).")
@click.option("--skpd", metavar="KODE_ATAU_NAMA", help="SKPD yang diambil dari ekspor.")
@click.option("--sub-unit", "sub_unit", metavar="KODE_ATAU_NAMA",
              help="Hanya satu sub unit SKPD itu (bawaan: semua sub unit digabung).")
def init(file: Path, tahun: int | None, instansi: str | None, timpa: bool,
         murni: tuple[str, ...] = (), perubahan: tuple[str, ...] = (),
         realisasi: tuple[str, ...] = (), skpd: str | None = None,
         sub_unit: str | None = None) -> None:
    from .workbook.blank import blank_workbook

    if file.suffix.lower() not in (".xlsx", ".xlsm"):
        file = file.with_name(file.name + ".xlsx")
    if murni or perubahan or realisasi:
        _init_from_exports(file, tahun, instansi, timpa, murni, perubahan, realisasi, skpd,
                           sub_unit)
        return
    try:
        data = blank_workbook(tahun, instansi.strip() if instansi else None)
    except Exception as exc:  # noqa: BLE001
        _unexpected(exc)
    _write_new(file, data, timpa)
    click.echo(f"Workbook kosong ditulis: {file.resolve()}")
    click.echo(f"Isi sheet-nya (lihat sheet Petunjuk), lalu periksa dengan: "
               f"lkjip validate {file}")


def _valid_or_exit(file: Path, report_to_stderr: bool = True):
    """The workbook and result of a valid workbook; otherwise its report and exit 2."""
    try:
        workbook, report, result = check(file)
    except WorkbookError as exc:
        _unreadable(exc)
    except Exception as exc:  # noqa: BLE001
        _unexpected(exc)
    if workbook is None:
        click.echo("\n".join(_report_lines(report, file)), err=report_to_stderr)
        sys.exit(EXIT_INVALID)
    return workbook, result


@main.command(help="Buat workbook tahun berikutnya dari workbook tahun ini: Renstra, "
                   "indikator, organisasi dan pegawai terbawa; target dan realisasi tahun "
                   "ini masuk sheet Kinerja Tahun Lalu; anggaran dan realisasi dikosongkan.")
@click.argument("file", metavar="WORKBOOK", type=click.Path(), callback=_not_empty)
@click.option("--out", "out_file", metavar="BARU.xlsx", type=click.Path(), required=True,
              callback=_not_empty, help="Workbook tahun berikutnya yang ditulis.")
@click.option("--timpa", is_flag=True, help="Timpa berkas yang sudah ada.")
@click.option("--murni", "murni", metavar="EKSPOR", multiple=True, type=click.Path(),
              help="Ekspor anggaran murni tahun berikutnya: sheet anggaran langsung terisi.")
@click.option("--skpd", metavar="KODE_ATAU_NAMA", help="SKPD yang diambil dari ekspor.")
@click.option("--sub-unit", "sub_unit", metavar="KODE_ATAU_NAMA",
              help="Hanya satu sub unit SKPD itu (bawaan: semua sub unit digabung).")
def rollover(file: Path, out_file: Path, timpa: bool, murni: tuple[str, ...] = (),
             skpd: str | None = None, sub_unit: str | None = None) -> None:
    from .commands.rollover import RolloverError, rollover_parts, rollover_workbook

    if out_file.suffix.lower() not in (".xlsx", ".xlsm"):
        out_file = out_file.with_name(out_file.name + ".xlsx")
    if out_file.resolve() == file.resolve():
        click.echo("Workbook baru tidak boleh menimpa workbook masukan; pilih nama lain "
                   "dengan --out.", err=True)
        sys.exit(EXIT_FAILURE)
    workbook, result = _valid_or_exit(file)
    try:
        data = rollover_parts(workbook, result) if murni else rollover_workbook(workbook, result)
    except RolloverError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_INVALID)
    except Exception as exc:  # noqa: BLE001
        _unexpected(exc)
    year = workbook.instansi.tahun + 1
    if murni:
        imported = _import_or_exit(data, murni, (), (), skpd, sub_unit, title=out_file.name)
        _write_imported(out_file, imported, timpa, [file] + [Path(p) for p in murni])
        click.echo(f"Isi realisasi Kinerja Indikator {year}, baca ulang teks berlatar kuning, "
                   f"lalu periksa dengan: lkjip validate {out_file}")
        return
    _write_new(out_file, data, timpa)
    click.echo(f"Workbook tahun {year} ditulis: {out_file.resolve()}")
    click.echo(f"Isi sheet Rekening dan realisasi Kinerja Indikator {year}, baca ulang teks "
               f"berlatar kuning, lalu periksa dengan: lkjip validate {out_file}")


@main.command(help="Tampilkan apa yang berubah di laporan bila workbook LAMA diganti BARU: "
                   "realisasi, capaian dan kategori indikator; pagu, realisasi dan serapan "
                   "program; jumlah; catatan pemeriksaan.")
@click.argument("old", metavar="LAMA", type=click.Path(), callback=_not_empty)
@click.argument("new", metavar="BARU", type=click.Path(), callback=_not_empty)
@click.option("--out", "out_file", metavar="BERKAS.xlsx", type=click.Path(), default=None,
              callback=_not_empty, help="Tulis juga daftar perubahan sebagai spreadsheet.")
def diff(old: Path, new: Path, out_file: Path | None) -> None:
    from .commands.diff import diff_results, diff_xlsx

    _, old_result = _valid_or_exit(old)
    _, new_result = _valid_or_exit(new)
    try:
        changes = diff_results(old_result, new_result)
    except Exception as exc:  # noqa: BLE001
        _unexpected(exc)
    if changes:
        click.echo(f"Perubahan laporan dari {old} ke {new} ({len(changes)}):")
        for i, change in enumerate(changes, start=1):
            click.echo(f"{i}. {change.line()}")
    else:
        click.echo(f"Tidak ada perubahan pada angka laporan dari {old} ke {new}.")
    if out_file is not None:
        if out_file.suffix.lower() != ".xlsx":
            out_file = out_file.with_name(out_file.name + ".xlsx")
        _write_new(out_file, diff_xlsx(changes, old.name, new.name), True)
        click.echo(f"Daftar perubahan ditulis: {out_file.resolve()}")


# --- lkjip import (issue 19) ------------------------------------------------------------------

def _paths(values) -> list[Path] | None:
    return [Path(v) for v in values] if values else None


def _import_or_exit(base, murni, perubahan, realisasi, skpd, sub_unit, title: str = ""):
    from .commands.impor import ImportFailed, import_budget

    try:
        return import_budget(base, murni=_paths(murni), perubahan=_paths(perubahan),
                             realisasi=_paths(realisasi), skpd=skpd, sub_unit=sub_unit,
                             title=title)
    except ImportFailed as exc:
        lines = [f"Impor dibatalkan: {len(exc.problems)} masalah ditemukan; tidak ada berkas "
                 f"yang ditulis."]
        lines += [f"{i}. {p.message()}" for i, p in enumerate(exc.problems, start=1)]
        click.echo("\n".join(lines), err=True)
        sys.exit(EXIT_INVALID)
    except WorkbookError as exc:
        _unreadable(exc)
    except Exception as exc:  # noqa: BLE001
        _unexpected(exc)


def _write_imported(out_file: Path, imported, timpa: bool, inputs: list[Path]) -> None:
    """The new workbook and its reconciliation, as one set; never over an input."""
    from .commands.impor import reconciliation_name

    text_file = reconciliation_name(out_file)
    for target in (out_file, text_file):
        if any(target.resolve() == Path(p).resolve() for p in inputs):
            click.echo(f"{target} adalah berkas masukan; pilih nama lain dengan --out.",
                       err=True)
            sys.exit(EXIT_FAILURE)
    _write_new(out_file, imported.workbook, timpa, [(text_file, imported.text.encode("utf-8"))])
    click.echo(imported.text, nl=False)
    click.echo("")
    click.echo(f"Workbook baru ditulis: {out_file.resolve()}")
    click.echo(f"Rekonsiliasi ditulis: {text_file.resolve()}")


def _init_from_exports(file, tahun, instansi, timpa, murni, perubahan, realisasi, skpd,
                       sub_unit) -> None:
    def base(year, nama):
        name = instansi.strip() if instansi else (nama.strip() if nama else None)
        return {"tahun": tahun or year, "instansi": name}

    imported = _import_or_exit(base, murni, perubahan, realisasi, skpd, sub_unit,
                               title=file.name)
    _write_imported(file, imported, timpa, [Path(p) for p in murni + perubahan + realisasi])
    click.echo(f"Isi sheet lainnya (lihat sheet Petunjuk), lalu periksa dengan: "
               f"lkjip validate {file}")


@main.command(name="import",
              help="Ambil anggaran dari ekspor sistem keuangan (SIPD-RI rekap anggaran, "
                   "realisasi per dokumen, atau tabel kode sub kegiatan/rekening/pagu/"
                   "realisasi) ke workbook baru: sheet Urusan, Program, Kegiatan, Sub "
                   "Kegiatan dan Rekening diisi dari ekspor; isian lain tetap. WORKBOOK tidak "
                   "diubah; rekonsiliasinya ditulis di samping workbook baru.")
@click.argument("file", metavar="WORKBOOK", type=click.Path(), callback=_not_empty)
@click.option("--murni", "murni", metavar="EKSPOR", multiple=True, type=click.Path(),
              help="Ekspor anggaran murni (sebelum perubahan): Pagu Sebelum Perubahan.")
@click.option("--perubahan", "perubahan", metavar="EKSPOR", multiple=True, type=click.Path(),
              help="Ekspor anggaran perubahan: Pagu (tanpa ini: pagu murni).")
@click.option("--realisasi", "realisasi", metavar="EKSPOR", multiple=True, type=click.Path(),
              help="Ekspor realisasi (boleh beberapa, mis. satu per bulan).")
@click.option("--skpd", metavar="KODE_ATAU_NAMA",
              help="SKPD yang diambil (wajib bila ekspor berisi beberapa SKPD).")
@click.option("--sub-unit", "sub_unit", metavar="KODE_ATAU_NAMA",
              help="Hanya satu sub unit SKPD itu (bawaan: semua sub unit digabung).")
@click.option("--out", "out_file", metavar="BARU.xlsx", type=click.Path(), required=True,
              callback=_not_empty, help="Workbook baru yang ditulis.")
@click.option("--timpa", is_flag=True, help="Timpa berkas yang sudah ada.")
def import_cmd(file: Path, murni, perubahan, realisasi, skpd, sub_unit, out_file: Path,
               timpa: bool) -> None:
    if out_file.suffix.lower() not in (".xlsx", ".xlsm"):
        out_file = out_file.with_name(out_file.name + ".xlsx")
    inputs = [file] + [Path(p) for p in murni + perubahan + realisasi]
    if not (murni or perubahan or realisasi):
        click.echo("Sebutkan paling sedikit satu ekspor: --murni, --perubahan atau "
                   "--realisasi.", err=True)
        sys.exit(EXIT_INVALID)
    if any(out_file.resolve() == p.resolve() for p in inputs):
        click.echo("Workbook baru tidak boleh menimpa berkas masukan; pilih nama lain "
                   "dengan --out.", err=True)
        sys.exit(EXIT_FAILURE)
    imported = _import_or_exit(file, murni, perubahan, realisasi, skpd, sub_unit)
    _write_imported(out_file, imported, timpa, inputs)
    click.echo(f"Periksa dengan: lkjip validate {out_file}; bandingkan laporannya dengan: "
               f"lkjip diff {file} {out_file}")


@main.command(help="Tulis setiap sheet workbook sebagai berkas CSV (untuk ditinjau di git).")
@click.argument("file", metavar="WORKBOOK", type=click.Path(path_type=Path))
@click.argument("out_dir", metavar="FOLDER", type=click.Path(),
                callback=_not_empty)
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
              help="Bangun workbook contoh dari berkas CSV di inputs/sample/ (hanya di "
                   "salinan sumber).")
@click.option("--source", metavar="FOLDER", type=click.Path(),
              default=SAMPLE_SOURCES, show_default=True, callback=_not_empty,
              help="Folder berisi satu CSV per sheet.")
@click.option("--out", "out_file", metavar="BERKAS", type=click.Path(),
              default=SAMPLE_WORKBOOK, show_default=True, callback=_not_empty,
              help="Workbook yang ditulis.")
def build_sample(source: Path, out_file: Path) -> None:
    from .workbook.text import build_workbook

    if not source.is_dir():
        click.echo(f"Folder sumber tidak ditemukan: {source}.", err=True)
        sys.exit(EXIT_FAILURE)
    try:
        build_workbook(source, out_file)
    except Exception as exc:  # noqa: BLE001
        _unexpected(exc)
    click.echo(f"Workbook contoh ditulis: {out_file}")


# --- templates --------------------------------------------------------------------------------

@main.group(name="templates", cls=Group,
            help="Templat milik instansi: salin templat bawaan untuk disunting, lalu periksa "
                 "hasil suntingannya.")
def templates_group() -> None:
    pass


@templates_group.command(name="export",
                         help="Salin templat bawaan (docx/lkjip.docx, xlsx/*.toml) beserta "
                              "petunjuknya ke FOLDER untuk disunting.")
@click.argument("folder", metavar="FOLDER", type=click.Path(), callback=_not_empty)
@click.option("--timpa", is_flag=True, help="Timpa templat yang sudah ada di FOLDER.")
def templates_export(folder: Path, timpa: bool) -> None:
    from .render.templates import TemplateFolderError, export

    try:
        written = export(folder, overwrite=timpa)
    except TemplateFolderError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_FAILURE)
    except OSError as exc:
        click.echo(f"Templat tidak dapat ditulis ke {folder}: {exc.strerror or exc}.", err=True)
        sys.exit(EXIT_FAILURE)
    click.echo(f"Templat disalin ke {Path(folder).resolve()}:")
    for path in written:
        click.echo(f"  {path.relative_to(folder)}")
    click.echo(f"Sunting docx/lkjip.docx di Word, lalu periksa dengan: lkjip templates check "
               f"{folder}")


@templates_group.command(name="check",
                         help="Bandingkan templat di FOLDER dengan templat bawaan: tag yang "
                              "hilang, tidak dikenal atau rusak, bagian dan orientasi halaman, "
                              "gaya. Kode keluar 2 bila ada galat.")
@click.argument("folder", metavar="FOLDER", type=click.Path(), callback=_not_empty)
def templates_check(folder: Path) -> None:
    from .render.templates import check, report_lines

    try:
        report = check(folder)
    except Exception as exc:  # noqa: BLE001
        _unexpected(exc)
    click.echo("\n".join(report_lines(report)))
    if not report.ok:
        sys.exit(EXIT_INVALID)
