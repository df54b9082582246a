"""The lkjip command: exit status and exact messages."""

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
