"""The lkjip command: exit status and exact messages."""

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_validate_sample(sample_path):
    result = run("validate", sample_path)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Workbook valid: {sample_path}.\n")
    assert "Catatan pemeriksaan (" in result.output


def test_validate_broken_prints_every_problem(broken):
    path = broken({("Rekening", "F2"): "abc", ("Rekening", "H3"): 150})
    result = run("validate", path)
    assert result.exit_code == 2
    assert result.output == (
        f"Workbook tidak valid: 2 masalah ditemukan di {path}.\n"
        '1. Rekening!F2 (Pagu): bukan angka. Ditemukan: "abc". '
        "Diharapkan: angka Rupiah, mis. 8.825.083.700.\n"
        '2. Rekening!H3 (Fisik (%)): nilainya terlalu besar. Ditemukan: "150". '
        "Diharapkan: angka ≤ 100.\n"
        "Perbaiki masalah di atas lalu jalankan kembali.\n")


def test_not_a_workbook(tmp_path):
    path = tmp_path / "catatan.xlsx"
    path.write_text("ini bukan workbook")
    result = run("validate", path)
    assert result.exit_code == 2
    assert result.output == (
        "Workbook tidak dapat diproses. catatan.xlsx: berkas bukan workbook Excel (.xlsx). "
        "Diharapkan: berkas .xlsx yang disimpan dari Excel atau LibreOffice.\n")


def test_missing_file(tmp_path):
    result = run("validate", tmp_path / "tidak_ada.xlsx")
    assert result.exit_code == 2
    assert result.output == (
        "Workbook tidak dapat diproses. tidak_ada.xlsx: berkas tidak ditemukan. "
        "Diharapkan: path ke berkas .xlsx yang ada.\n")


def test_missing_sheet_is_one_clear_sentence(broken):
    def hook(wb):
        del wb["Skala Kategori"]

    path = broken(hook=hook)
    result = run("validate", path)
    assert result.exit_code == 2
    assert "1. Skala Kategori: sheet wajib tidak ada. " \
           'Diharapkan: sheet bernama "Skala Kategori".' in result.output


# --- Indonesian command line (issue 12.4, 13.10) ----------------------------------------------

import re  # noqa: E402

from generator.pipeline import STAGES  # noqa: E402


def test_help_is_indonesian():
    result = run("--help")
    assert result.exit_code == 0
    assert result.output.startswith("Pemakaian: lkjip [OPSI] PERINTAH [ARGUMEN]...\n")
    assert "  -h, --help     Tampilkan bantuan ini lalu keluar.\n" in result.output
    assert "\nPerintah:\n" in result.output and "\nOpsi:\n" in result.output
    for english in ("Usage", "Show this message", "Commands", "Options"):
        assert english not in result.output


def test_command_help_is_indonesian():
    result = run("generate", "--help")
    assert result.exit_code == 0
    assert result.output.startswith("Pemakaian: lkjip generate [OPSI] [WORKBOOK|FOLDER] [WORKBOOK]...\n")
    assert "[bawaan:" in result.output and "outputs]" in result.output
    assert "-q, --quiet" in result.output


def test_misspelt_command_gets_the_nearest():
    result = run("generat")
    assert result.exit_code == 2
    assert result.output == ("Pemakaian: lkjip [OPSI] PERINTAH [ARGUMEN]...\n"
                             "Coba 'lkjip --help' untuk bantuan.\n\n"
                             "Kesalahan: Perintah 'generat' tidak ada. Maksud Anda 'generate'?\n")


def test_unknown_command_without_a_near_one():
    result = run("zzz")
    assert result.exit_code == 2
    assert result.output.endswith("Kesalahan: Perintah 'zzz' tidak ada.\n")


def test_missing_argument():
    result = run("validate")
    assert result.exit_code == 2
    assert result.output == ("Pemakaian: lkjip validate [OPSI] WORKBOOK\n"
                             "Coba 'lkjip validate --help' untuk bantuan.\n\n"
                             "Kesalahan: Belum diberikan: argumen 'WORKBOOK'.\n")


def test_unknown_option_gets_the_nearest():
    result = run("generate", "--qiet")
    assert result.exit_code == 2
    assert result.output.endswith("Kesalahan: Opsi '--qiet' tidak ada. Maksud Anda '--quiet'?\n")


def test_option_without_value():
    result = run("generate", "--out")
    assert result.exit_code == 2
    assert result.output.endswith("Kesalahan: Opsi '--out' memerlukan nilai.\n")


def test_empty_out_is_refused(tmp_path):
    result = run("generate", "--out", "")
    assert result.exit_code == 2
    assert result.output.endswith(
        "Kesalahan: Nilai tidak valid untuk '--out': path tidak boleh kosong; tulis nama "
        "folder atau berkas, mis. hasil.\n")


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == "lkjip, versi 0.1.0\n"


def test_generate_prints_stages_paths_and_notes(tmp_path, sample_path):
    out = tmp_path / "hasil"
    result = run("generate", sample_path, "--out", out)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    stage_lines = lines[:len(STAGES)]
    for line, label in zip(stage_lines, STAGES.values()):
        assert re.fullmatch(re.escape(label) + r": \d+,\d detik", line), line
    written = [line[2:] for line in lines if line.startswith("  ")]
    assert len(written) == 4 and all(Path(p).is_absolute() and Path(p).exists()
                                     for p in written)
    notes = Path(written[-1])
    count = sum(1 for line in notes.read_text(encoding="utf-8").splitlines()
                if re.match(r"\d+\. ", line))
    assert lines[-1] == f"Catatan pemeriksaan: {count} temuan, lihat {notes}."


def test_generate_quiet_prints_nothing(tmp_path, sample_path):
    result = run("generate", sample_path, "--out", tmp_path, "--quiet")
    assert result.exit_code == 0
    assert result.output == ""


def test_interrupt_is_one_line(monkeypatch, sample_path, tmp_path):
    def stop(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("generator.cli.generate", stop)
    result = run("generate", sample_path, "--out", tmp_path)
    assert result.exit_code == 130
    assert result.output == "Dibatalkan oleh pengguna.\n"


def test_init_then_validate_lists_the_sheets_to_fill(tmp_path):
    target = tmp_path / "baru.xlsx"
    made = run("init", target, "--tahun", "2025", "--instansi", "Dinas Sosial")
    assert made.exit_code == 0, made.output
    assert made.output == (f"Workbook kosong ditulis: {target.resolve()}\n"
                           f"Isi sheet-nya (lihat sheet Petunjuk), lalu periksa dengan: "
                           f"lkjip validate {target}\n")
    again = run("init", target)
    assert again.exit_code == 1
    assert again.stderr == f"Berkas {target} sudah ada; pilih nama lain atau tambahkan --timpa.\n"
    result = run("validate", target)
    assert result.exit_code == 2
    lines = result.output.splitlines()
    # 20 sheets before the three Pegawai sheets became optional (issue 11.7)
    assert lines[1] == "Sheet yang masih perlu diisi (17):"
    # (Nama Pemerintah Daerah is required by the kind of agency, Jenis Instansi: asked for
    # once these are filled, like Nama Kementerian/Lembaga for a unit of a ministry)
    assert lines[2] == ("  - Instansi (belum diisi: Tempat, Tanggal "
                        "Laporan, Awal Periode Renstra, Akhir Periode Renstra, Kode Kepala "
                        "Instansi, Kode Kepala Daerah, Ambang Serapan (%), Visi)")
    assert lines[3:5] == ["  - Pejabat", "  - Unit Organisasi"]
    assert lines[-1] == "Perbaiki masalah di atas lalu jalankan kembali."
    assert len(lines) == 20
    assert not any("Pegawai" in line for line in lines)


def test_progress_bar_on_a_terminal(capsys):
    from generator.cli import Progress

    progress = Progress(quiet=False, tty=True)
    for key in STAGES:
        progress(key)
    progress.close()
    out, err = capsys.readouterr()
    assert [line.split(":")[0] for line in out.splitlines()] == list(STAGES.values())
    assert "Menyimpan berkas" in err           # the bar's label, drawn on stderr


def test_every_message_click_can_show_a_user_is_translated():
    """Scans click's source for its gettext messages (guards a click upgrade)."""
    import os as _os

    import click

    from generator.clitext import TEXT

    folder = _os.path.dirname(click.__file__)
    ids = set()
    for name in _os.listdir(folder):
        if name.endswith(".py"):
            source = open(_os.path.join(folder, name), encoding="utf-8").read()
            for m in re.finditer(r'\b_\(\s*((?:"[^"]*"\s*)+)\)', source):
                ids.add("".join(re.findall(r'"([^"]*)"', m.group(1)))
                        .encode().decode("unicode_escape"))
    # Messages about a program's own mistakes (declarations), shell completion, the
    # editor and colours: never shown to a user of lkjip.
    developer = ("declaration", "Boolean option {decl", "Could not determine name", "shell completion",
                 "Bash version", "DeprecationWarning", "defined twice", "No options defined",
                 "Unknown color", "Unknown standard stream", "Windows error", "Editing failed",
                 "Choice({choices})")
    missing = sorted(i for i in ids if i not in TEXT and len(i) > 1
                     and not any(d in i for d in developer))
    assert missing == []
