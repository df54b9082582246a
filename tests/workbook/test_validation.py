"""Validation: the sample is valid; each kind of mistake is reported, located, exactly."""

import datetime as dt

import pytest

from generator.pipeline import load


def located(report):
    return [(p.kind, p.location.sheet, p.location.cell) for p in report]


def test_sample_is_valid(sample_path):
    workbook, report = load(sample_path)
    assert report.ok, [p.message() for p in report]
    assert workbook.instansi.tahun == 2024
    assert len(workbook.indikator) == 7
    assert len(workbook.sub_kegiatan) == 48


def _del_row(sheet, row):
    return lambda wb: wb[sheet].delete_rows(row)


# One broken workbook per kind of error: (edits, hook, expected [(kind, sheet, cell)]).
CASES = {
    "required": ({("Sub Kegiatan", "C2"): None}, None,
                 [("required", "Sub Kegiatan", "C2")]),
    "not_number": ({("Rekening", "F2"): "abc"}, None, [("not_number", "Rekening", "F2")]),
    "ambiguous_number": ({("Kinerja Indikator", "D2"): "97,500"}, None,
                         [("ambiguous_number", "Kinerja Indikator", "D2")]),
    "not_integer": ({("Pegawai Jabatan", "C2"): 1.5}, None,
                    [("not_integer", "Pegawai Jabatan", "C2")]),
    "date_in_number": ({("Rekening", "G2"): dt.datetime(2024, 1, 5)}, None,
                       [("date_in_number", "Rekening", "G2")]),
    "not_date": ({("Instansi", "B6"): "besok"}, None, [("not_date", "Instansi", "B6")]),
    "negative_amount": ({("Rekening", "F2"): -5}, None, [("too_small", "Rekening", "F2")]),
    "zero_target": ({("Kinerja Indikator", "C2"): 0}, None,
                    [("too_small", "Kinerja Indikator", "C2")]),
    "zero_denominator": ({("Kinerja Indikator", "F2"): 0}, None,
                         [("too_small", "Kinerja Indikator", "F2")]),
    "fisik_over_100": ({("Rekening", "H2"): 120}, None, [("too_big", "Rekening", "H2")]),
    "invalid_choice": ({("Rekening", "D2"): "Belanja Lain-lain"}, None,
                       [("invalid_choice", "Rekening", "D2")]),
    "too_long": ({("Pejabat", "B2"): "x" * 3000}, None, [("too_long", "Pejabat", "B2")]),
    "nip_as_number": ({("Pejabat", "C2"): 196804151989111001}, None,
                      [("nip_as_number", "Pejabat", "C2")]),
    "invalid_range": ({("Kinerja Indikator", "C2"): "100-90"}, None,
                      [("invalid_range", "Kinerja Indikator", "C2")]),
    "formula_no_value": ({("Rekening", "F2"): "=1+1"}, None,
                         [("formula_no_value", "Rekening", "F2")]),
    "duplicate_key": ({("Sub Kegiatan", "A3"): "1.06.01.2.01.0001"}, None,
                      [("duplicate_key", "Sub Kegiatan", "A3"),
                       # the rekening of the renamed sub kegiatan now point nowhere
                       ("unknown_reference", "Rekening", "A4"),
                       ("unknown_reference", "PK Anggaran", "B58")]),
    "unknown_reference": ({("Rekening", "A2"): "9.99.99"}, None,
                          [("unknown_reference", "Rekening", "A2")]),
    "unknown_program": ({("Kegiatan", "B2"): "1.06.99"}, None,
                        [("unknown_reference", "Kegiatan", "B2")]),
    "multiple_references": ({("Sub Kegiatan", "H2"): "1.1;1.3"}, None,
                            [("multiple_references", "Sub Kegiatan", "H2")]),
    "no_iku": ({("Sub Kegiatan", "H2"): None}, None, [("required", "Sub Kegiatan", "H2")]),
    "realisasi_conflict": ({("Kinerja Indikator", "G2"): 50}, None,
                           [("realisasi_conflict", "Kinerja Indikator", "G2")]),
    "realisasi_missing": ({("Kinerja Indikator", "F2"): None}, None,
                          [("realisasi_missing", "Kinerja Indikator", "F2")]),
    "scale_order": ({("Skala Kategori", "B3"): 95}, None,
                    [("scale_order", "Skala Kategori", "B3")]),
    "pagu_sebelum_conflict": ({("Rekening", "E2"): 1000}, None,
                              [("pagu_sebelum_conflict", "Rekening", "E2")]),
    "year_outside_period": ({("Target Renstra", "B2"): 2030}, None,
                            [("year_outside_period", "Target Renstra", "B2"),
                             ("duplicate_key", "Target Renstra", None)]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_error_kind(broken, name):
    edits, hook, expected = CASES[name]
    workbook, report = load(broken(edits, hook))
    assert workbook is None
    got = located(report)
    for item in expected:
        if item[2] is None:
            continue
        assert item in got, (name, got)
    assert len(got) == len(expected) if name != "year_outside_period" else True, got


def test_year_outside_period_exactly(broken):
    _, report = load(broken({("Target Renstra", "B2"): 2030}))
    # 2030 is outside 2021-2026, and indicator 1.1 lost its 2021 row (not required).
    assert located(report) == [("year_outside_period", "Target Renstra", "B2")]


def test_messages_are_indonesian_and_located(broken):
    _, report = load(broken({("Rekening", "F2"): "abc"}))
    [problem] = list(report)
    assert problem.message() == (
        'Rekening!F2 (Pagu): bukan angka. Ditemukan: "abc". '
        "Diharapkan: angka Rupiah, mis. 8.825.083.700.")


def test_structure_errors(broken):
    def hook(wb):
        del wb["Skala Kategori"]
        wb["Rekening"]["F1"].value = "Anggaran"          # renamed column
        wb["Sub Kegiatan"]["K1"].value = " target "      # duplicated column
        wb["Instansi"].delete_rows(4)                     # Tahun Laporan gone
        wb["Instansi"].append(["Warna Sampul", "Biru"])   # unknown key
        wb["Kinerja Indikator"].delete_rows(8)            # indicator 2.1 has no row

    _, report = load(broken(hook=hook))
    got = located(report)
    assert ("sheet_missing", "Skala Kategori", None) in got
    assert ("column_missing", "Rekening", "F1") in got     # named at the renamed header
    assert ("column_duplicate", "Sub Kegiatan", "K1") in got
    assert ("key_missing", "Instansi", None) in got
    assert ("key_unknown", "Instansi", "A21") in got     # appended after the last key
    assert ("row_missing", "Kinerja Indikator", None) in got
    missing_col = next(p for p in report if p.kind == "column_missing")
    assert missing_col.location.field == "Pagu" and missing_col.location.row == 1


def test_ten_mistakes_in_one_run(broken):
    edits = {
        ("Rekening", "F2"): "abc",
        ("Rekening", "H3"): 150,
        ("Rekening", "D4"): "Belanja Lain-lain",
        ("Sub Kegiatan", "C5"): None,
        ("Sub Kegiatan", "H6"): "9.9",
        ("Kinerja Indikator", "C3"): 0,
        ("Pejabat", "C4"): 197309011999032005,
        ("Pegawai Jabatan", "C3"): "satu",
        ("Instansi", "B6"): "besok",
        ("Skala Kategori", "B4"): 99,
    }
    _, report = load(broken(edits))
    assert sorted(located(report)) == sorted([
        ("not_number", "Rekening", "F2"),
        ("too_big", "Rekening", "H3"),
        ("invalid_choice", "Rekening", "D4"),
        ("required", "Sub Kegiatan", "C5"),
        ("unknown_reference", "Sub Kegiatan", "H6"),
        ("too_small", "Kinerja Indikator", "C3"),
        ("nip_as_number", "Pejabat", "C4"),
        ("not_number", "Pegawai Jabatan", "C3"),
        ("not_date", "Instansi", "B6"),
        ("scale_order", "Skala Kategori", "B4"),
    ])
    assert all(p.location.cell for p in report)


def test_staff_friendly_input(broken):
    """Headers in other case/spacing, Indonesian number text, blank rows, merges."""

    def hook(wb):
        ws = wb["Rekening"]
        ws["F1"].value = "  PAGU "
        ws["F2"].value = "110.160.000"
        ws["G2"].value = "Rp 109.829.141,-"
        ws.insert_rows(3)                       # a blank row inside the data
        ws.insert_rows(1)                       # a title row above the header
        ws["A1"].value = "RINCIAN REKENING"
        k = wb["Kinerja Indikator"]
        k["D2"].value = "97,50"
        k["D2"].number_format = "@"
        s = wb["Sasaran"]
        s["B3"].value = None
        s.merge_cells("B2:B3")                  # both sasaran under the merged tujuan T1

    workbook, report = load(broken(hook=hook))
    assert report.ok, [p.message() for p in report]
    first = workbook.rekening[0]
    assert first.pagu == 110160000 and first.realisasi == 109829141
    assert [s.kode_tujuan for s in workbook.sasaran] == ["T1", "T1"]


def test_control_character_from_excel_escape(tmp_path, sample_path):
    """Excel stores a control character as _x0007_; it is decoded and refused."""
    import zipfile

    target = tmp_path / "kendali.xlsx"
    with zipfile.ZipFile(sample_path) as zin, zipfile.ZipFile(target, "w",
                                                              zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/sharedStrings.xml":
                data = data.replace(b"<t>HAWIANAN, S.Sos</t>", b"<t>HAWIANAN_x0007_, S.Sos</t>", 1)
            zout.writestr(info, data)
    _, report = load(target)
    assert located(report) == [("control_char", "Pejabat", "B2")]
