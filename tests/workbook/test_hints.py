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
