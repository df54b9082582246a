"""'maksud Anda ...?' for a misspelt sheet or header; a missing sheet reported first."""

from generator.pipeline import load


def test_misspelt_sheet_name_gets_the_nearest(broken):
    def hook(wb):
        wb["Rekening"].title = "Rekenin"

    _, report = load(broken(hook=hook))
    first = report.problems[0]
    assert first.message() == ('Rekening: sheet wajib tidak ada (maksud Anda sheet "Rekenin"?). '
                               'Diharapkan: sheet bernama "Rekening".')


def test_missing_sheet_comes_before_the_problems_it_causes(broken):
    def hook(wb):
        del wb["Sub Kegiatan"]

    _, report = load(broken(hook=hook))
    kinds = [p.kind for p in report]
    assert kinds[0] == "sheet_missing" and report.problems[0].location.sheet == "Sub Kegiatan"
    assert "sheet_missing" not in kinds[1:]
    assert len(kinds) > 1          # the rekening rows now refer to unknown sub kegiatan


def test_misspelt_header_gets_the_nearest(broken):
    # Rekening's header row: F1 is "Pagu"; typed as "Pagu " plus a typo.
    _, report = load(broken({("Rekening", "F1"): "Pgu"}))
    (problem,) = [p for p in report if p.kind == "column_missing"]
    assert problem.message() == ('Rekening!F1 (Pagu): kolom wajib tidak ditemukan pada baris '
                                 'judul (maksud Anda kolom "Pgu"?). '
                                 'Diharapkan: kolom berjudul "Pagu".')


def test_no_hint_when_nothing_is_close(broken):
    _, report = load(broken({("Rekening", "F1"): "Zzzz"}))
    (problem,) = [p for p in report if p.kind == "column_missing"]
    assert "maksud Anda" not in problem.message()


def test_near_miss_of_a_column_already_there_is_only_a_column_not_read(broken):
    """"Ket." beside "Keterangan": nothing is missing, so nothing is meant; the extra column
    is named in the review notes as not read."""
    from generator.workbook.reader import read_workbook

    def hook(wb):
        wb["Rekening"]["J1"] = "Ket."
        wb["Rekening"]["J2"] = "catatan"

    raw = read_workbook(broken(hook=hook))
    assert raw.problems == []
    (note,) = [n for n in raw.notices if n.kind == "column_not_read"]
    assert (str(note.location), note.message) == (
        "Rekening!J1", 'Kolom J ("Ket.") di sheet Rekening tidak dibaca: judulnya tidak '
                       'dikenal, sehingga isinya tidak masuk laporan.')


def test_two_renamed_required_columns_are_each_named_at_their_cell(broken):
    _, report = load(broken({("Rekening", "F1"): "Anggaran", ("Rekening", "G1"): "Serapan Rp"}))
    got = [(p.location.cell, p.location.field, p.detail) for p in report
           if p.kind == "column_missing"]
    assert got == [("F1", "Pagu", 'sel ini berjudul "Anggaran"'),
                   ("G1", "Realisasi", 'sel ini berjudul "Serapan Rp"')]


def test_a_second_sheet_of_the_same_name_is_said_not_read(broken):
    from generator.workbook.reader import read_workbook

    def hook(wb):
        copy = wb.copy_worksheet(wb["Misi"])
        copy.title = "Misi "                    # Excel tells names apart by spacing only

    raw = read_workbook(broken(hook=hook))
    (note,) = [n for n in raw.notices if n.kind == "sheet_not_read"]
    assert note.message == 'Sheet "Misi " tidak dibaca: data Misi dibaca dari sheet "Misi".'


def test_near_miss_of_a_key(broken):
    """Key-value sheets: a key typed differently is refused as before, with its hint."""
    _, report = load(broken({("Instansi", "A11"): "Ambang Serapan"}))
    (problem,) = [p for p in report if p.kind == "key_unknown"]
    assert problem.message().startswith(
        'Instansi!A11 (Kunci): kunci tidak dikenal (maksud Anda "Ambang Serapan (%)"?). '
        'Ditemukan: "Ambang Serapan".')
