"""`lkjip import`, `init --murni` and `rollover --murni` on the real SIPD-RI exports.

Every expectation is a sum worked out here with openpyxl over the export rows (tests/finance/
exports.py), or a realisation file built here from those rows, never the program's output.
"""

from __future__ import annotations

import hashlib
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent / "finance"))
from exports import DINSOS, FIXTURES, folders, money, rows, sums  # noqa: E402

from generator.cli import main  # noqa: E402

CENT = Decimal("0.01")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def sheet(path: Path, name: str) -> list[dict]:
    ws = openpyxl.load_workbook(path, data_only=True)[name]
    it = ws.iter_rows(values_only=True)
    header = next(it)
    return [dict(zip(header, r)) for r in it if any(v is not None for v in r)]


def rekening(path: Path) -> dict[tuple[str, str], dict]:
    out = {}
    for r in sheet(path, "Rekening"):
        key = (r["Kode Sub Kegiatan"], r["Kode Rekening"])
        assert key not in out, key
        out[key] = r
    return out


def dec(v) -> Decimal:
    return Decimal(0) if v is None else Decimal(repr(v)) if isinstance(v, float) else Decimal(v)


@pytest.mark.parametrize("folder", folders())
def test_dinas_sosial_murni_and_perubahan(folder, sample_path, tmp_path):
    murni, perubahan = folder / "rekap_2025_murni.xlsx", folder / "rekap_2025_perubahan.xlsx"
    before = [digest(p) for p in (sample_path, murni, perubahan)]
    out = tmp_path / "baru.xlsx"
    result = run("import", sample_path, "--murni", murni, "--perubahan", perubahan,
                 "--skpd", DINSOS, "--out", out)
    assert result.exit_code == 0, result.output
    assert [digest(p) for p in (sample_path, murni, perubahan)] == before

    want_m, want_p = sums(murni), sums(perubahan)
    assert want_m["total"] == Decimal("3903388461")        # the README's example SKPD
    assert want_p["total"] == Decimal("3938037418")
    lines = rekening(out)
    assert sum(dec(r["Pagu Sebelum Perubahan"]) for r in lines.values()) == want_m["total"]
    assert sum(dec(r["Pagu"]) for r in lines.values()) == want_p["total"]
    assert set(lines) == set(want_m["line"]) | set(want_p["line"])
    for key, r in lines.items():
        assert dec(r["Pagu"]) == want_p["line"].get(key, 0), key
        assert dec(r["Pagu Sebelum Perubahan"]) == want_m["line"].get(key, 0), key
    # per program, through the Sub Kegiatan and Kegiatan sheets of the new workbook
    keg_of = {r["Kode"]: r["Kode Kegiatan"] for r in sheet(out, "Sub Kegiatan")}
    prog_of = {r["Kode"]: r["Kode Program"] for r in sheet(out, "Kegiatan")}
    per_prog = defaultdict(Decimal)
    for (sub, _), r in lines.items():
        per_prog[prog_of[keg_of[sub]]] += dec(r["Pagu"])
    assert {k: v for k, v in per_prog.items() if v} == \
        {k: v for k, v in want_p["program"].items() if v}
    # one sub kegiatan with several paket rows of one rekening: summed
    several = [k for k, n in want_p["count"].items() if n > 1]
    assert several
    key = several[0]
    assert dec(lines[key]["Pagu"]) == want_p["line"][key]
    # every sub kegiatan, also those without budget; names as SIPD writes them
    assert set(keg_of) == want_m["subs"] | want_p["subs"]
    programs = {r["Kode"]: r["Program"] for r in sheet(out, "Program")}
    assert programs["1.06.04"] == "PROGRAM REHABILITASI SOSIAL"
    jenis = {r["Jenis Belanja"] for r in lines.values() if r["Kode Rekening"].startswith("5.1.06")}
    assert jenis == {"Belanja Bantuan Sosial"}
    # the reconciliation, printed and kept beside the workbook
    text = (tmp_path / "baru_rekonsiliasi.txt").read_text(encoding="utf-8")
    assert text in result.output
    assert "SKPD: 1.06.0.00.0.00.01.0000 Dinas Sosial" in text
    total_line = next(line for line in text.splitlines() if "JUMLAH" in line)
    assert "3.903.388.461" in total_line and "3.938.037.418" in total_line
    assert "8.825.083.700" in total_line            # what the sample held before
    assert "Sub kegiatan tanpa Kode Indikator" in text
    assert "Sub Kegiatan!H" in text
    # the sample is the 2024 report: the 2025 exports are named as a mismatch
    assert "ekspor berisi anggaran tahun 2025, sedangkan Tahun Laporan workbook 2024" in text


def test_murni_and_perubahan_of_different_years_refused(sample_path, tmp_path):
    result = run("import", sample_path, "--murni", FIXTURES / "rekap_2024.xlsx",
                 "--perubahan", FIXTURES / "rekap_2025_perubahan.xlsx", "--skpd", DINSOS,
                 "--out", tmp_path / "baru.xlsx")
    assert result.exit_code == 2
    assert ("rekap_2024.xlsx: ekspor murni dan perubahan dari tahun anggaran yang berbeda "
            "(tahun anggaran ekspor: 2024, 2025). Diharapkan: ekspor murni dan perubahan dari "
            "tahun anggaran yang sama.") in result.output


def per_document(path: Path, lines: list[dict], headers: dict[str, str]) -> dict:
    """A realisation file in the per-document layout built from export rows: each rekening
    with a pagu is paid in three documents with cents; the first one also has a refund
    (nilai setoran); one document for a rekening that has no pagu line. Returns the expected
    realisation per sub kegiatan x rekening."""
    wb = openpyxl.Workbook()
    ws = wb.active
    order = ["skpd", "nama_skpd", "sub", "rek", "nama_rek", "nomor", "tanggal", "nilai", "setoran",
             "sp2d"]
    ws.append([headers[k] for k in order])
    expected: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    totals: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for r in lines:
        if r["KODE REKENING"] and r["PAGU"]:
            totals[(r["KODE SUB KEGIATAN"], r["KODE REKENING"])] += money(r["PAGU"])
    n = 0
    for i, ((sub, rek), pagu) in enumerate(sorted(totals.items())):
        spent = (pagu * Decimal("0.9")).quantize(CENT)
        parts = [(spent / 3).quantize(CENT), (spent / 3).quantize(CENT)]
        parts.append(spent - sum(parts))
        for part in parts:
            n += 1
            refund = Decimal("1234.56") if i == 0 and n == 1 else Decimal(0)
            ws.append([DINSOS, "Dinas Sosial", sub, rek, "x", f"SPM/{n:04d}", "2025-06-30",
                       float(part), float(refund) if refund else None, f"SP2D/{n:04d}"])
            expected[(sub, rek)] += part - refund
    stray = (sorted(totals)[0][0], "5.1.02.99.99.9999")
    ws.append([DINSOS, "Dinas Sosial", stray[0], stray[1], "Belanja lain", "SPM/9999",
               "2025-07-01", 5000.5, None, "SP2D/9999"])
    expected[stray] += Decimal("5000.5")
    ws.append(["9.99.0.00.0.00.01.0000", "SKPD lain", stray[0], stray[1], "x", "SPM/1",
               "2025-07-01", 99, None, "SP2D/1"])
    wb.save(path)
    return dict(expected)


LABELS = {"skpd": "Kode SKPD", "nama_skpd": "Nama SKPD", "sub": "Kode Sub Kegiatan",
          "rek": "Kode Rekening", "nama_rek": "Nama Rekening", "nomor": "Nomor Dokumen",
          "tanggal": "Tanggal Dokumen", "nilai": "Nilai Realisasi", "setoran": "Nilai Setoran",
          "sp2d": "Nomor SP2D"}
FIELDS = {"skpd": "kode_skpd", "nama_skpd": "nama_skpd", "sub": "kode_sub_giat",
          "rek": "kode_akun", "nama_rek": "nama_akun", "nomor": "nomor_dokumen",
          "tanggal": "tanggal_dokumen", "nilai": "nilai_realisasi", "setoran": "nilai_setoran",
          "sp2d": "nomor_sp2d"}


@pytest.mark.parametrize("headers", [LABELS, FIELDS], ids=["labels", "snake_case"])
def test_realisation_per_document_reconciles_to_the_cent(headers, sample_path, tmp_path):
    perubahan = FIXTURES / "rekap_2025_perubahan.xlsx"
    dinsos = [r for r in rows(perubahan) if r["KODE SKPD"] == DINSOS]
    real = tmp_path / "realisasi_juni.xlsx"
    expected = per_document(real, dinsos, headers)
    out = tmp_path / "baru.xlsx"
    result = run("import", sample_path, "--perubahan", perubahan, "--realisasi", real,
                 "--skpd", "Dinas Sosial", "--out", out)
    assert result.exit_code == 0, result.output
    lines = rekening(out)
    got = {k: dec(r["Realisasi"]) for k, r in lines.items() if dec(r["Realisasi"])}
    assert got == expected
    assert sum(got.values()) == sum(expected.values())
    text = (tmp_path / "baru_rekonsiliasi.txt").read_text(encoding="utf-8")
    assert "Realisasi tanpa baris pagu" in text and "5.1.02.99.99.9999: Rp5.000,50" in text
    assert "1 baris SKPD/sub unit lain di realisasi_juni.xlsx dilewati." in text


def test_several_skpd_refused_with_their_list(sample_path, tmp_path):
    out = tmp_path / "baru.xlsx"
    result = run("import", sample_path, "--murni", FIXTURES / "rekap_2025_murni.xlsx",
                 "--out", out)
    assert result.exit_code == 2
    assert result.output.startswith(
        "Impor dibatalkan: 1 masalah ditemukan; tidak ada berkas yang ditulis.\n"
        "1. rekap_2025_murni.xlsx: ekspor berisi beberapa SKPD; pilih satu dengan --skpd "
        "(4 SKPD). Diharapkan: tambahkan --skpd KODE_ATAU_NAMA, salah satu:")
    for line in ("1.06.0.00.0.00.01.0000 Dinas Sosial", "7.01.0.00.0.00.01.0000 Kecamatan Namlea",
                 "5.02.0.00.0.00.01.0000 Badan Pengelolaan Keuangan dan Aset Daerah"):
        assert line in result.output
    assert not out.exists()


def test_skpd_near_miss_and_name_in_any_case(sample_path, tmp_path):
    murni = FIXTURES / "rekap_2025_murni.xlsx"
    result = run("import", sample_path, "--murni", murni, "--skpd", "dinas sosil",
                 "--out", tmp_path / "a.xlsx")
    assert result.exit_code == 2
    assert '(maksud Anda "Dinas Sosial"?). Ditemukan: "dinas sosil".' in result.output
    result = run("import", sample_path, "--murni", murni, "--skpd", "  DINAS   sosial ",
                 "--out", tmp_path / "b.xlsx")
    assert result.exit_code == 0, result.output


def test_sub_units_together_or_one(sample_path, tmp_path):
    murni = FIXTURES / "rekap_2025_murni.xlsx"
    pendidikan = "1.01.2.22.0.00.01.0000"
    source = [r for r in rows(murni) if r["KODE SKPD"] == pendidikan]
    units = {r["KODE SUB UNIT"] for r in source}
    assert len(units) == 2
    one = "1.01.2.22.0.00.01.0001"
    result = run("import", sample_path, "--murni", murni, "--skpd", pendidikan,
                 "--out", tmp_path / "semua.xlsx")
    assert result.exit_code == 0, result.output
    assert "Sub unit: semua 2 sub unit digabung" in result.output
    assert sum(dec(r["Pagu"]) for r in rekening(tmp_path / "semua.xlsx").values()) == \
        sum(money(r["PAGU"]) for r in source)
    result = run("import", sample_path, "--murni", murni, "--skpd", pendidikan,
                 "--sub-unit", one, "--out", tmp_path / "satu.xlsx")
    assert result.exit_code == 0, result.output
    assert sum(dec(r["Pagu"]) for r in rekening(tmp_path / "satu.xlsx").values()) == \
        sum(money(r["PAGU"]) for r in source if r["KODE SUB UNIT"] == one)


def test_tidak_terduga_and_transfer_from_the_code(sample_path, tmp_path):
    out = tmp_path / "bpkad.xlsx"
    result = run("import", sample_path, "--perubahan", FIXTURES / "rekap_2025_perubahan.xlsx",
                 "--skpd", "5.02.0.00.0.00.01.0000", "--out", out)
    assert result.exit_code == 0, result.output
    kinds = {r["Kode Rekening"][:3]: r["Jenis Belanja"] for r in rekening(out).values()}
    assert kinds["5.3"] == "Belanja Tidak Terduga"
    assert kinds["5.4"] == "Belanja Transfer"


def test_realisation_only_keeps_the_tree_and_diff_works(sample_path, tmp_path):
    """Realisation exports alone: the workbook's own tree stays, its typed fisik too; the
    result validates and `lkjip diff` compares it with the workbook before."""
    base = filled_from_init(sample_path, tmp_path)
    old = sheet(base, "Rekening")
    paid = [r for r in old if dec(r["Pagu"]) > 0]
    real = tmp_path / "realisasi.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kode Sub Kegiatan", "Kode Rekening", "Nama Rekening", "Nomor Dokumen",
               "Nilai Realisasi", "Nilai Setoran"])
    expected = Decimal(0)
    for i, r in enumerate(paid):
        value = dec(r["Pagu"]) - 1000 * i
        if value <= 0:
            continue
        ws.append([r["Kode Sub Kegiatan"], r["Kode Rekening"], r["Uraian"], f"SP2D/{i}",
                   float(value + 500), 500])
        expected += value
    wb.save(real)
    out = tmp_path / "baru.xlsx"
    result = run("import", base, "--realisasi", real, "--out", out)
    assert result.exit_code == 0, result.output
    new = sheet(out, "Rekening")
    assert [(r["Kode Sub Kegiatan"], r["Kode Rekening"]) for r in new] == \
        [(r["Kode Sub Kegiatan"], r["Kode Rekening"]) for r in old]
    assert sum(dec(r["Realisasi"]) for r in new) == expected
    assert [dec(r["Pagu"]) for r in new] == [dec(r["Pagu"]) for r in old]
    check = run("validate", out)
    assert check.exit_code == 0, check.output
    diff = run("diff", base, out)
    assert diff.exit_code == 0, diff.output
    assert "Perubahan laporan" in diff.output


def filled_from_init(sample_path: Path, tmp_path: Path) -> Path:
    """`lkjip init --murni --skpd`, then every other sheet filled (from the sample) and the
    sub kegiatan indicators typed, as staff would: a workbook that validates."""
    murni = FIXTURES / "rekap_2025_murni.xlsx"
    book = tmp_path / "lkjip_2025.xlsx"
    result = run("init", book, "--murni", murni, "--skpd", DINSOS)
    assert result.exit_code == 0, result.output
    inst = {r["Kunci"]: r["Nilai"] for r in sheet(book, "Instansi")}
    assert inst["Tahun Laporan"] == 2025 and inst["Nama Instansi"] == "Dinas Sosial"
    wb = openpyxl.load_workbook(book)
    src = openpyxl.load_workbook(sample_path)
    budget = {"Urusan", "Program", "Kegiatan", "Sub Kegiatan", "Rekening", "PK Anggaran",
              "Instansi"}
    for name in src.sheetnames:
        if name in budget or name not in wb.sheetnames:
            continue
        ws = wb[name]
        ws.delete_rows(1, ws.max_row)
        for r in src[name].iter_rows(values_only=True):
            ws.append(r)
    src_inst = {r[0]: r[1] for r in src["Instansi"].iter_rows(min_row=2, values_only=True)}
    for row in wb["Instansi"].iter_rows(min_row=2):
        if row[1].value is None and src_inst.get(row[0].value) is not None:
            row[1].value = src_inst[row[0].value]
    subs = wb["Sub Kegiatan"]
    head = [c.value for c in subs[1]]
    for row in subs.iter_rows(min_row=2):
        if row[0].value:
            row[head.index("Indikator Sub Kegiatan")].value = "Jumlah kegiatan terlaksana"
            row[head.index("Satuan")].value = "Kegiatan"
            row[head.index("Target")].value = 1
            row[head.index("Realisasi")].value = 1
            row[head.index("Kode Indikator")].value = "1.1"
    programs = wb["Program"]
    head = [c.value for c in programs[1]]
    for row in programs.iter_rows(min_row=2):
        if row[0].value:
            row[head.index("Kode Indikator")].value = "1.1"
    filled = tmp_path / "terisi.xlsx"
    wb.save(filled)
    return filled


def test_init_from_murni_then_filled_generates_matching_tabel_1_1(sample_path, tmp_path):
    filled = filled_from_init(sample_path, tmp_path)
    result = run("generate", filled, "--out", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    tabel = next((tmp_path / "hasil").glob("Tabel_1.1_*.xlsx"))
    source = [r for r in rows(FIXTURES / "rekap_2025_murni.xlsx") if r["KODE SKPD"] == DINSOS]
    modal = sum(money(r["PAGU"]) for r in source if (r["KODE REKENING"] or "").startswith("5.2"))
    total = sum(money(r["PAGU"]) for r in source)
    assert total == Decimal("3903388461")
    # Tabel 1.1's total row: pagu operasi (C), pagu modal (D), jumlah anggaran (E)
    ws = openpyxl.load_workbook(tabel, data_only=True).active
    (row,) = [r for r in ws.iter_rows(values_only=True) if r[1] == "JUMLAH BELANJA"]
    assert (dec(row[2]), dec(row[3]), dec(row[4])) == (total - modal, modal, total)


def test_rollover_takes_next_years_murni(sample_path, tmp_path):
    out = tmp_path / "lkjip_2025.xlsx"
    murni = FIXTURES / "rekap_2025_murni.xlsx"
    result = run("rollover", sample_path, "--out", out, "--murni", murni, "--skpd", DINSOS)
    assert result.exit_code == 0, result.output
    inst = {r["Kunci"]: r["Nilai"] for r in sheet(out, "Instansi")}
    assert inst["Tahun Laporan"] == 2025
    assert sum(dec(r["Pagu"]) for r in rekening(out).values()) == sums(murni)["total"]
    assert (tmp_path / "lkjip_2025_rekonsiliasi.txt").exists()


def test_output_never_over_an_input(sample_path, tmp_path):
    murni = tmp_path / "murni.xlsx"
    murni.write_bytes((FIXTURES / "rekap_2025_murni.xlsx").read_bytes())
    result = run("import", sample_path, "--murni", murni, "--skpd", DINSOS, "--out", murni)
    assert result.exit_code == 1
    assert "tidak boleh menimpa berkas masukan" in result.output
    assert digest(murni) == digest(FIXTURES / "rekap_2025_murni.xlsx")


def test_plain_table_with_pagu_and_realisasi(sample_path, tmp_path):
    """A SIMDA/SIPKD-style table (title rows, number text, stray spaces, no names of the
    tree) as --perubahan: pagu and realisasi come from it, the tree's names stay."""
    base = filled_from_init(sample_path, tmp_path)
    lines = sheet(base, "Rekening")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["LAPORAN REALISASI ANGGARAN"])
    ws.append(["DINAS SOSIAL TA 2025"])
    ws.append(["Kode Sub Kegiatan", "Kode Rekening", "Uraian", "Anggaran", "Realisasi"])
    pagu = real = Decimal(0)
    for i, r in enumerate(lines):
        p, q = dec(r["Pagu"]) + 1000, dec(r["Pagu"]) // 2
        sub = r["Kode Sub Kegiatan"]
        ws.append([sub[:8] + " " + sub[8:] if i % 2 else sub, r["Kode Rekening"], r["Uraian"],
                   f"{p:,.2f}".replace(",", "X").replace(".", ",").replace("X", "."),
                   f"{q:,}".replace(",", ".")])
        pagu += p
        real += q
    table = tmp_path / "simda.xlsx"
    wb.save(table)
    out = tmp_path / "baru.xlsx"
    result = run("import", base, "--perubahan", table, "--out", out)
    assert result.exit_code == 0, result.output
    new = rekening(out)
    assert sum(dec(r["Pagu"]) for r in new.values()) == pagu
    assert sum(dec(r["Realisasi"]) for r in new.values()) == real
    names = {r["Kode"]: r["Sub Kegiatan"] for r in sheet(base, "Sub Kegiatan")}
    with_lines = {r["Kode Sub Kegiatan"] for r in lines}
    assert {r["Kode"]: r["Sub Kegiatan"] for r in sheet(out, "Sub Kegiatan")} == \
        {k: v for k, v in names.items() if k in with_lines}
    # the tree is the table's: sub kegiatan without a line in it are removed, and said so
    text = (tmp_path / "baru_rekonsiliasi.txt").read_text(encoding="utf-8")
    for kode in set(names) - with_lines:
        assert f"  - Sub Kegiatan {kode} {names[kode][:20]}" in text


def test_code_that_names_no_kegiatan_is_a_located_problem(sample_path, tmp_path):
    table = tmp_path / "tabel.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Kode Sub Kegiatan", "Kode Rekening", "Uraian", "Pagu"])
    wb.active.append(["1.06.02", "5.1.02.01.01.0024", "ATK", 100])
    wb.save(table)
    result = run("import", sample_path, "--perubahan", table, "--out", tmp_path / "b.xlsx")
    assert result.exit_code == 2
    assert ('1. tabel.xlsx, baris 2 (Kode sub kegiatan): nilai tidak valid. Ditemukan: '
            '"1.06.02". Diharapkan: kode sub kegiatan berbentuk 1.06.02.2.01.0001') \
        in result.output


def test_an_export_with_nothing_for_the_agency_is_refused(sample_path, tmp_path):
    """A realisation file of another SKPD (or an empty table) would empty the sheets."""
    table = tmp_path / "realisasi_lain.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Kode SKPD", "Kode Sub Kegiatan", "Kode Rekening", "Nilai Realisasi",
                      "Nilai Setoran"])
    wb.active.append(["7.01.0.00.0.00.01.0000", "7.01.01.2.01.0001", "5.1.02.01.01.0024", 5, 0])
    wb.save(table)
    result = run("import", sample_path, "--perubahan", FIXTURES / "rekap_2025_perubahan.xlsx",
                 "--realisasi", table, "--skpd", DINSOS, "--out", tmp_path / "b.xlsx")
    assert result.exit_code == 2
    assert ("1. realisasi_lain.xlsx: ekspor tidak berisi baris yang dapat dipakai (tidak ada "
            "baris untuk SKPD "
            "1.06.0.00.0.00.01.0000 Dinas Sosial). Diharapkan: ekspor --realisasi yang berisi "
            "anggaran atau realisasi instansi ini.") in result.output
    assert not (tmp_path / "b.xlsx").exists()


@pytest.mark.parametrize("how", ["import", "init"])
def test_new_workbook_has_no_open_xml_errors(how, sample_path, tmp_path):
    """Excel takes the new workbook as it is: whether made by lkjip init --murni
    (XlsxWriter) or by editing the user's workbook (openpyxl, then fonts in schema order and
    shared strings: office_tidy)."""
    openxml_audit = pytest.importorskip("openxml_audit")
    out = tmp_path / "baru.xlsx"
    murni = FIXTURES / "rekap_2025_murni.xlsx"
    args = (["import", sample_path, "--murni", murni, "--out", out] if how == "import"
            else ["init", out, "--murni", murni])
    result = run(*args, "--skpd", DINSOS)
    assert result.exit_code == 0, result.output
    for profile in ("OFFICE_2010", "MICROSOFT_365"):
        validator = openxml_audit.OpenXmlValidator(
            file_format=getattr(openxml_audit.FileFormat, profile), max_errors=0)
        found = validator.validate(out)
        assert found.error_count == 0, [str(e) for e in found.errors[:5]]
    # and it reads back as the same workbook: every sheet, the budget as imported
    assert sum(dec(r["Pagu"]) for r in rekening(out).values()) == sums(murni)["total"]
    assert openpyxl.load_workbook(sample_path).sheetnames == \
        openpyxl.load_workbook(out).sheetnames or how == "init"
