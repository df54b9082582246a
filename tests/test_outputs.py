"""Safe outputs: complete or nothing, input untouched, deterministic, isolated."""

import os
import shutil
import threading
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.output import safe_name
from generator.pipeline import generate

TAG = "2024_Dinas_Sosial_Kabupaten_Kotawaringin_Timur"
NAMES = [f"LKjIP_{TAG}.docx", f"Tabel_1.1_Realisasi_{TAG}.xlsx", f"Efisiensi_{TAG}.xlsx",
         f"Catatan_Pemeriksaan_{TAG}.txt"]
MANIFEST = ".lkjip-manifest.json"      # the hashes of what was written (reviewer edits)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def sample_copy(tmp_path, sample_path):
    target = tmp_path / "masukan" / "lkjip.xlsx"
    target.parent.mkdir()
    shutil.copy(sample_path, target)
    return target


def test_generate_writes_every_output(tmp_path, sample_copy):
    out = tmp_path / "hasil"
    before = (sample_copy.read_bytes(), os.stat(sample_copy).st_mtime_ns)
    result = run("generate", sample_copy, "--out", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(NAMES + [MANIFEST])
    assert f"Workbook valid: {sample_copy}.\nBerkas yang ditulis:\n" in result.output
    for name in NAMES:
        assert f"  {(out / name).resolve()}\n" in result.output
    assert result.output.endswith(f" temuan, lihat {(out / NAMES[3]).resolve()}.\n")
    assert (sample_copy.read_bytes(), os.stat(sample_copy).st_mtime_ns) == before
    mode = os.stat(out / NAMES[0]).st_mode & 0o777
    assert mode & 0o044, oct(mode)   # readable by others, as a normally created file


def test_renderer_failure_leaves_nothing_partial(tmp_path, sample_copy, monkeypatch):
    out = tmp_path / "hasil"
    out.mkdir()
    earlier = out / NAMES[0]
    earlier.write_bytes(b"laporan versi sebelumnya")

    def boom(*args, **kwargs):
        raise RuntimeError("gagal di tengah")

    monkeypatch.setattr("generator.render.xlsx.render_efisiensi", boom)
    result = run("generate", sample_copy, "--out", out)
    assert result.exit_code == 1
    assert result.stderr == ("Terjadi kesalahan tak terduga (RuntimeError: gagal di tengah). "
                             "Jalankan dengan LKJIP_DEBUG=1 untuk rinciannya.\n")
    assert sorted(p.name for p in out.iterdir()) == [NAMES[0]]   # no new file, no temp file
    assert earlier.read_bytes() == b"laporan versi sebelumnya"


def test_invalid_workbook_writes_nothing(tmp_path, broken):
    out = tmp_path / "hasil"
    result = run("generate", broken({("Rekening", "F2"): "abc"}), "--out", out)
    assert result.exit_code == 2
    assert not out.exists() or not any(out.iterdir())


def test_out_may_not_overwrite_the_input(tmp_path, sample_path):
    folder = tmp_path / "kerja"
    folder.mkdir()
    risky = folder / NAMES[1]          # the input is named like an output
    shutil.copy(sample_path, risky)
    before = risky.read_bytes()
    result = run("generate", risky, "--out", folder)
    assert result.exit_code == 1
    assert result.stderr == (f"Folder keluaran {folder} akan menimpa workbook masukan "
                             f"{NAMES[1]}; pilih folder lain dengan --out.\n")
    assert risky.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [NAMES[1]]


def test_out_that_cannot_be_written(tmp_path, sample_copy):
    blocker = tmp_path / "bukan_folder"
    blocker.write_text("x")
    result = run("generate", sample_copy, "--out", blocker)
    assert result.exit_code == 1
    assert result.stderr == (f"Folder keluaran tidak dapat dibuat: {blocker} adalah berkas, "
                             f"bukan folder. Pindahkan atau ganti nama berkas bukan_folder, "
                             f"atau pilih folder lain dengan --out. Tidak ada berkas keluaran "
                             f"yang diganti.\n")
    # A file in the way further up: the same sentence names that file.
    result = run("generate", sample_copy, "--out", blocker / "hasil" / "2024")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Folder keluaran tidak dapat dibuat: {blocker} adalah "
                                    f"berkas, bukan folder.")


@pytest.mark.parametrize("name,expected", [
    ("Dinas Sosial Kabupaten Kotawaringin Timur", "Dinas_Sosial_Kabupaten_Kotawaringin_Timur"),
    ("Dinas/../../etc", "Dinas_etc"),
    ("..", "instansi"),
    ("CON", "_CON"),
    ("Dinas Sosial: Kab. \"Kotim\" <2024>", "Dinas_Sosial_Kab_Kotim_2024"),
    ("Dínas Sósial", "Dinas_Sosial"),
])
def test_safe_file_names(name, expected):
    assert safe_name(name) == expected


def test_agency_name_with_slashes(tmp_path, broken):
    path = broken({("Instansi", "B2"): "Dinas/../Sosial", ("Instansi", "B3"): "CON"})
    out = tmp_path / "hasil"
    assert run("generate", path, "--out", out).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [n.replace("Dinas_Sosial_Kabupaten_Kotawaringin_Timur", "Dinas_Sosial_CON")
         for n in NAMES] + [MANIFEST])


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _cells(path: Path) -> dict:
    wb = openpyxl.load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb}


def test_same_workbook_same_content(tmp_path, sample_path):
    a, b = tmp_path / "a", tmp_path / "b"
    generate(sample_path, a)
    generate(sample_path, b)
    assert _parts(a / NAMES[0]) == _parts(b / NAMES[0])           # every XML part of the docx
    for name in NAMES[1:3]:
        assert _cells(a / name) == _cells(b / name)
        assert (a / name).read_bytes() == (b / name).read_bytes()
    assert (a / NAMES[3]).read_text() == (b / NAMES[3]).read_text()


def test_parallel_runs_do_not_interfere(tmp_path, sample_path):
    outs = [tmp_path / f"hasil{i}" for i in range(3)]
    errors = []

    def work(out):
        try:
            generate(sample_path, out)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(o,)) for o in outs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    first = _parts(outs[0] / NAMES[0])
    for out in outs[1:]:
        assert sorted(p.name for p in out.iterdir()) == sorted(NAMES + [MANIFEST])
        assert _parts(out / NAMES[0]) == first


def test_broken_word_template_gets_a_clear_message(tmp_path, sample_copy):
    """A secretariat's edited template with an unknown tag: refused by the template check
    before anything is written (issue 23.2: exit 2, the problem with its place)."""
    import docx

    templates = tmp_path / "templat"
    shutil.copytree(Path(__file__).resolve().parent.parent / "templates", templates)
    path = templates / "docx" / "lkjip.docx"
    document = docx.Document(path)
    document.add_paragraph("{{ bab9.judul }}")
    document.save(path)
    out = tmp_path / "hasil"
    result = run("generate", sample_copy, "--out", out, "--templates", templates)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Templat {templates}: 1 galat, 0 peringatan.\n1. [galat] "
                                    f"bagian 9, di bawah judul \u201cF. Dokumentasi Program/"
                                    f"Kegiatan\u201d, paragraf \u201c{{{{ bab9.judul }}}}\u201d: tag "
                                    f"{{{{ bab9.judul }}}} memakai \u201cbab9\u201d yang tidak "
                                    f"dikenal generator")
    assert not out.exists() or not any(out.iterdir())


def test_missing_layout_gets_a_clear_message(tmp_path, sample_copy):
    templates = tmp_path / "templat"
    shutil.copytree(Path(__file__).resolve().parent.parent / "templates", templates)
    (templates / "xlsx" / "efisiensi.toml").unlink()
    result = run("generate", sample_copy, "--out", tmp_path / "hasil", "--templates", templates)
    # refused by the template check (issue 23.2) before any stage runs
    assert result.exit_code == 2
    assert result.stderr == (
        f"Templat {templates}: 1 galat, 0 peringatan.\n"
        "1. [galat] xlsx/efisiensi.toml: tidak ada: spreadsheet tidak dapat dibuat (salin dari "
        "templat bawaan dengan lkjip templates export).\n"
        "Templat tidak dipakai. Perbaiki galat di atas (lkjip templates check menampilkannya "
        "lagi).\n")


def test_generate_reports_every_stage_in_order(tmp_path):
    from generator.pipeline import STAGES, SAMPLE_WORKBOOK

    seen: list[str] = []
    generate(SAMPLE_WORKBOOK, tmp_path, on_stage=seen.append)
    assert seen == list(STAGES)
