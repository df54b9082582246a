"""Review notes (catatan pemeriksaan): findings a reviewer must see before the draft goes out.

The workbook is valid, but something in it is likely wrong or needs an explanation.
Each note names the cell to look at. Generation still proceeds.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Callable

from .. import fmt
from ..workbook import models as m
from ..workbook.sheets import SHEETS
from ..workbook.fieldtypes import TargetRange
from ..numbers import round_half_up
from .context import Context
from .results import Result, ReviewNote, lean

# Output achievements outside this band are flagged for a second look.
CAPAIAN_HIGH = Decimal(150)
CAPAIAN_LOW = Decimal(50)
# Physical and financial progress further apart than this (percentage points) contradict.
FISIK_SERAPAN_GAP = Decimal(50)
# A PK target differing from the Renstra target of the year by more than this share of
# the Renstra target (PK perubahan 10 against Renstra 90 differs by 89%) is far from it.
FAR_FROM_RENSTRA = Decimal("0.5")
# The report is signed in the first half of the year after the reporting year.
REPORT_MONTHS = (1, 6)


def is_percent_satuan(satuan: str | None) -> bool:
    """"%", "Persen", "(%)", "persentase (%)": a unit in which 100 is everything."""
    text = (satuan or "").casefold()
    return "%" in text or "persen" in text


def _decimals(d: Decimal) -> int:
    exponent = d.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


# One function per kind of finding, in the order they are run (the notes are sorted by
# place afterwards). Each takes the workbook, the result, the shared context and `add`,
# and calls `add(kind, sheet, row, field, message)` once per finding. A new check is a new
# function with @check, not another branch of an existing one.
Add = Callable[[str, str, "int | None", "str | None", str], None]
Check = Callable[[m.InputWorkbook, Result, Context, Add], None]
CHECKS: list[Check] = []


def check(fn: Check) -> Check:
    CHECKS.append(fn)
    return fn


def review_notes(wb: m.InputWorkbook, result: Result, ctx: Context) -> list[ReviewNote]:
    notes: list[ReviewNote] = [   # what the reader did: hidden sheets or rows read
        ReviewNote.make(kind=n.kind, location=n.location, message=n.message) for n in wb.notices]

    def add(kind: str, sheet: str, row: int | None, field: str | None, message: str) -> None:
        notes.append(lean(ReviewNote.make(kind=kind, location=ctx.loc(sheet, row, field),
                                          message=message)))

    for fn in CHECKS:
        fn(wb, result, ctx, add)
    return sorted(notes, key=lambda n: (n.location.sheet, n.location.row or 0, n.kind))


def _kinerja(wb: m.InputWorkbook) -> dict[str, m.KinerjaIndikator]:
    return {k.kode_indikator: k for k in wb.kinerja_indikator}


@check
def _pk_renstra(wb, result, ctx, add) -> None:
    """A PK awal target that differs from the Renstra target of the year (or a range that
    does not cover it)."""
    tahun = wb.instansi.tahun
    kinerja = _kinerja(wb)
    for ind in result.indikator:
        k = kinerja[ind.kode]
        renstra = ind.target_renstra_tahun
        if renstra is not None and isinstance(k.target_pk_awal, Decimal) \
                and k.target_pk_awal != renstra:
            add("pk_renstra", "Kinerja Indikator", k.row, "target_pk_awal",
                f"Target PK awal indikator {ind.kode} ({fmt.nilai(k.target_pk_awal, ind.satuan)}) "
                f"berbeda dari target Renstra tahun {tahun} "
                f"({fmt.nilai(renstra, ind.satuan)}).")
        if isinstance(renstra, Decimal) and isinstance(k.target_pk_awal, TargetRange) \
                and not k.target_pk_awal.low <= renstra <= k.target_pk_awal.high:
            add("pk_renstra", "Kinerja Indikator", k.row, "target_pk_awal",
                f"Target PK awal indikator {ind.kode} "
                f"({fmt.target(k.target_pk_awal, ind.satuan, tanda=False)}) tidak mencakup target "
                f"Renstra tahun {tahun} ({fmt.nilai(renstra, ind.satuan)}).")


@check
def _iku_no_budget(wb, result, ctx, add) -> None:
    rows = {i.kode: i.row for i in wb.indikator}
    for ind in result.indikator:
        if not ind.sub_kegiatan:
            add("iku_no_budget", "Indikator", rows[ind.kode], "kode",
                f"Indikator {ind.kode} tidak didukung sub kegiatan mana pun, sehingga tidak "
                f"punya anggaran ({result.nomor.label('tabel_efisiensi')}).")


@check
def _capaian_indikator(wb, result, ctx, add) -> None:
    """A capaian that cannot be computed, or one outside the plausible band."""
    kinerja = _kinerja(wb)
    for ind in result.indikator:
        k = kinerja[ind.kode]
        if ind.capaian is None and ind.terukur:
            add("capaian_undefined", "Kinerja Indikator", k.row, "target_pk_awal",
                f"Capaian indikator {ind.kode} tidak dapat dihitung: {ind.skor.alasan}; "
                f"tabel menampilkan \"-\".")
        if ind.capaian is not None and (ind.capaian > CAPAIAN_HIGH or ind.capaian < CAPAIAN_LOW):
            add("capaian_extreme", "Kinerja Indikator", k.row, "pembilang",
                f"Capaian indikator {ind.kode} {fmt.persen(ind.capaian)}% berada di luar "
                f"{fmt.nilai(CAPAIAN_LOW)}–{fmt.nilai(CAPAIAN_HIGH)}%; periksa target dan realisasinya.")


@check
def _percent_over_100(wb, result, ctx, add) -> None:
    """A percentage indicator whose realisation exceeds everything."""
    kinerja = _kinerja(wb)
    for ind in result.indikator:
        k = kinerja[ind.kode]
        if k.penyebut is not None and k.pembilang is not None and k.pembilang > k.penyebut \
                and is_percent_satuan(ind.satuan):
            add("pembilang_gt_penyebut", "Kinerja Indikator", k.row, "pembilang",
                f"Pembilang indikator {ind.kode} lebih besar dari penyebutnya (realisasi > 100%).")
        if isinstance(k.realisasi_langsung, Decimal) and k.realisasi_langsung > 100 \
                and is_percent_satuan(ind.satuan):
            add("realisasi_gt_100", "Kinerja Indikator", k.row, "realisasi_langsung",
                f"Realisasi indikator {ind.kode} ({fmt.nilai(k.realisasi_langsung)}) lebih dari "
                f"100 padahal satuannya persen ({ind.satuan}).")


@check
def _target_far(wb, result, ctx, add) -> None:
    """A PK perubahan or RKT target far from the Renstra target of the year."""
    tahun = wb.instansi.tahun
    kinerja = _kinerja(wb)
    for ind in result.indikator:
        k = kinerja[ind.kode]
        renstra = ind.target_renstra_tahun
        for name, label in (("target_pk_perubahan", "PK perubahan"), ("target_rkt", "RKT")):
            value = getattr(k, name)
            if isinstance(renstra, Decimal) and isinstance(value, Decimal) and renstra > 0 \
                    and abs(value - renstra) > FAR_FROM_RENSTRA * renstra:
                add("target_far", "Kinerja Indikator", k.row, name,
                    f"Target {label} indikator {ind.kode} ({fmt.nilai(value, ind.satuan)}) jauh dari "
                    f"target Renstra tahun {tahun} ({fmt.nilai(renstra, ind.satuan)}): selisihnya lebih dari "
                    f"{fmt.nilai(FAR_FROM_RENSTRA * 100)}% target Renstra; periksa angkanya.")


@check
def _capaian_tercatat(wb, result, ctx, add) -> None:
    """An earlier year's capaian typed in the workbook that its own figures do not give."""
    for t in wb.kinerja_tahun_lalu:
        if t.capaian_tercatat is None:
            continue
        ind = result.indicator(t.kode_indikator)
        figure = next(y for y in ind.riwayat if y.tahun == t.tahun)
        places = _decimals(t.capaian_tercatat)
        if figure.capaian is None:
            continue
        if round_half_up(figure.capaian, places) != round_half_up(t.capaian_tercatat, places):
            add("capaian_tercatat", "Kinerja Tahun Lalu", t.row, "capaian_tercatat",
                f"Capaian tercatat {ind.kode} tahun {t.tahun} ({fmt.pct(t.capaian_tercatat)}) "
                f"tidak sama dengan realisasi/target ({fmt.nilai(t.realisasi, ind.satuan)}/"
                f"{fmt.nilai(t.target, ind.satuan)} = "
                f"{fmt.persen(figure.capaian)}%).")


@check
def _sub_kegiatan_budget(wb, result, ctx, add) -> None:
    """A sub kegiatan without pagu, spending over it, below the threshold unexplained,
    without output realisation, or with fisik and serapan far apart."""
    threshold = wb.instansi.ambang_serapan
    for node in result.anggaran.walk():
        if node.level != "sub_kegiatan":
            continue
        b = node.budget
        row = node.location.row
        if b.pagu == 0:
            add("sub_no_budget", "Sub Kegiatan", row, "kode",
                f"Sub kegiatan {node.kode} tidak memiliki pagu di sheet Rekening.")
        if b.realisasi > b.pagu:
            add("realisasi_gt_pagu", "Sub Kegiatan", row, "kode",
                f"Realisasi sub kegiatan {node.kode} (Rp{fmt.nilai(b.realisasi)}) melebihi "
                f"pagunya (Rp{fmt.nilai(b.pagu)}).")
        if b.serapan is not None and b.serapan < threshold and not node.penjelasan:
            add("no_explanation", "Sub Kegiatan", row, "penjelasan_serapan",
                f"Serapan sub kegiatan {node.kode} {fmt.persen(b.serapan)}% di bawah ambang "
                f"{fmt.pct(threshold)} tetapi belum ada penjelasan.")
        if b.pagu > 0 and node.output is not None and node.output.realisasi is None:
            add("no_output_realisasi", "Sub Kegiatan", row, "realisasi",
                f"Sub kegiatan {node.kode} beranggaran tetapi realisasi keluarannya kosong.")
        if b.fisik is not None and b.serapan is not None and \
                abs(b.fisik - b.serapan) >= FISIK_SERAPAN_GAP:
            add("fisik_serapan", "Sub Kegiatan", row, "kode",
                f"Fisik sub kegiatan {node.kode} ({fmt.persen(b.fisik)}%) dan serapan anggarannya "
                f"({fmt.persen(b.serapan)}%) tidak sejalan.")


@check
def _capaian_keluaran(wb, result, ctx, add) -> None:
    """An output capaian of a kegiatan or sub kegiatan outside the plausible band."""
    for node in result.anggaran.walk():
        if node.level in ("kegiatan", "sub_kegiatan") and node.output is not None:
            cap = node.output.capaian
            if cap is not None and (cap > CAPAIAN_HIGH or cap < CAPAIAN_LOW):
                sheet = "Sub Kegiatan" if node.level == "sub_kegiatan" else "Kegiatan"
                add("capaian_extreme", sheet, node.location.row, "realisasi",
                    f"Capaian keluaran {node.kode} {fmt.persen(cap)}% berada di luar "
                    f"{fmt.nilai(CAPAIAN_LOW)}–{fmt.nilai(CAPAIAN_HIGH)}%.")


@check
def _rekening_lines(wb, result, ctx, add) -> None:
    """A rekening line spending over its pagu, or whose fisik contradicts its realisation."""
    fisik_of_row = {r.row: r.fisik for r in wb.rekening}
    for node in result.anggaran.walk():
        if node.level != "rekening":
            continue
        b = node.budget
        row = node.location.row
        if b.realisasi > b.pagu:
            add("realisasi_gt_pagu", "Rekening", row, "realisasi",
                f"Realisasi rekening \"{node.nama}\" (Rp{fmt.nilai(b.realisasi)}) melebihi "
                f"pagunya (Rp{fmt.nilai(b.pagu)}).")
        if b.realisasi > 0 and fisik_of_row[row] == 0:
            add("fisik_serapan", "Rekening", row, "fisik",
                f"Rekening \"{node.nama}\" memiliki realisasi keuangan "
                f"Rp{fmt.nilai(b.realisasi)} tetapi fisiknya 0%.")
        if b.realisasi == 0 and b.pagu > 0 and fisik_of_row[row] == 100:
            add("fisik_serapan", "Rekening", row, "realisasi",
                f"Rekening \"{node.nama}\" fisiknya 100% tetapi realisasi keuangannya Rp0.")


@check
def _perjanjian(wb, result, ctx, add) -> None:
    """A PK perubahan the sheet does not hold; a PK awal using the budget after the change."""
    rows_pk = {p.kode: p.row for p in wb.perjanjian_kinerja}
    for pk in result.perjanjian:
        if pk.turunan:
            asal = pk.kode.removesuffix("-PERUBAHAN")
            add("pk_perubahan_turunan", "Perjanjian Kinerja", rows_pk.get(asal), "jenis",
                f"Target PK perubahan mengubah target pada {asal}, tetapi sheet Perjanjian Kinerja "
                f"tidak memuat PK perubahannya: lampiran menampilkan pernyataan PK perubahan "
                f"dengan target perubahan dan tanggal yang masih kosong; tambahkan baris Jenis "
                f"Perubahan (tempat dan tanggal penandatanganan) bila PK perubahan ditandatangani.")
        if pk.jenis == "Awal":
            for line in pk.anggaran:
                node = result.node(line.kode)
                if node.budget.pagu_sebelum is None:
                    row = next(p.row for p in wb.pk_anggaran
                               if p.kode_pk == pk.kode and p.kode_anggaran == line.kode)
                    add("pk_pagu_sebelum", "PK Anggaran", row, "kode_anggaran",
                        f"Pagu sebelum perubahan {line.kode} tidak diisi; PK awal {pk.kode} "
                        f"memakai pagu setelah perubahan.")


@check
def _nip_length(wb, result, ctx, add) -> None:
    for p in wb.pejabat:
        if p.nip is not None:
            digits = re.sub(r"\D", "", p.nip)
            if len(digits) != 18:
                add("nip_length", "Pejabat", p.row, "nip",
                    f"NIP {p.nama} berisi {len(digits)} digit; NIP PNS terdiri dari 18 digit.")


@check
def _staff_totals(wb, result, ctx, add) -> None:
    """The staff breakdowns compared with the jabatan table, when the agency has one."""
    staff = result.pegawai
    if wb.pegawai_jabatan and wb.pegawai_pendidikan and staff.pendidikan != staff.jumlah:
        add("staff_total", "Pegawai Pendidikan", wb.pegawai_pendidikan[0].row, "jumlah",
            f"Jumlah pegawai menurut pendidikan ({staff.pendidikan}) berbeda dari jumlah "
            f"menurut jabatan ({staff.jumlah}).")
    if wb.pegawai_jabatan and wb.pegawai_golongan and staff.golongan != staff.pns:
        add("staff_total", "Pegawai Golongan", wb.pegawai_golongan[0].row, "jumlah",
            f"Jumlah PNS menurut golongan ({staff.golongan}) berbeda dari jumlah PNS menurut "
            f"jabatan ({staff.pns}).")


PICTURE_SLOTS = {"logo": "Logo pada sampul", "bagan": "Bagan struktur organisasi (Bab I)"}


@check
def _picture_notes(wb: m.InputWorkbook, result: Result, ctx: Context, add: Add) -> None:
    """Every picture the draft shows as a placeholder, with the cell naming its file."""
    for slot, pic in sorted(wb.gambar.items()):
        if pic.ok:
            continue
        what = PICTURE_SLOTS.get(slot) or f"Foto dokumentasi nomor {slot.split(':', 1)[1]}"
        add("gambar", pic.sheet, pic.row, pic.field,
            f"{what} tampil sebagai tempat kosong di draf: {pic.problem}. Isi nama berkas "
            f"gambar (PNG/JPEG) dan letakkan berkasnya di folder yang sama dengan workbook.")


def _same(text: str) -> str:
    return " ".join(text.split()).casefold()


@check
def _duplicates(wb: m.InputWorkbook, result: Result, ctx: Context, add: Add) -> None:
    """Lines entered twice, one NIP for two officials, one name under two codes."""
    seen: dict[tuple, int] = {}
    for r in wb.rekening:
        key = (r.kode_sub_kegiatan, r.kode_rekening, _same(r.uraian), r.pagu, r.realisasi)
        if key in seen:
            add("rekening_ganda", "Rekening", r.row, "uraian",
                f"Rekening \"{r.uraian}\" sub kegiatan {r.kode_sub_kegiatan} tercatat dua kali "
                f"dengan kode dan jumlah yang sama (baris {seen[key]} dan {r.row}); bila tidak "
                f"disengaja, hapus salah satunya agar pagu Rp{fmt.nilai(r.pagu)} tidak terhitung "
                f"dua kali.")
        else:
            seen[key] = r.row
    pk_seen: dict[tuple, int] = {}
    for a in wb.pk_anggaran:
        key = (a.kode_pk, a.kode_anggaran)
        if key in pk_seen:
            add("pk_anggaran_ganda", "PK Anggaran", a.row, "kode_anggaran",
                f"Anggaran {a.kode_anggaran} tercatat dua kali di PK {a.kode_pk} (baris "
                f"{pk_seen[key]} dan {a.row}); jumlah anggaran PK menghitungnya dua kali.")
        else:
            pk_seen[key] = a.row
    nips: dict[str, m.Pejabat] = {}
    for p in wb.pejabat:
        if p.nip is None:
            continue
        digits = re.sub(r"\D", "", p.nip)
        if digits in nips:
            first = nips[digits]
            add("nip_ganda", "Pejabat", p.row, "nip",
                f"NIP {p.nip} dipakai oleh dua pejabat: {first.nama} ({first.kode}, baris "
                f"{first.row}) dan {p.nama} ({p.kode}).")
        else:
            nips[digits] = p
    for sheet, rows, field, parent in (
            ("Pejabat", wb.pejabat, "nama", None),
            ("Indikator", wb.indikator, "indikator", None),
            ("Program", wb.program, "program", None),
            ("Kegiatan", wb.kegiatan, "kegiatan", "kode_program"),
            ("Sub Kegiatan", wb.sub_kegiatan, "sub_kegiatan", "kode_kegiatan")):
        names: dict[tuple, object] = {}
        for row in rows:
            # Kegiatan and sub kegiatan names repeat legitimately under different parents.
            key = (_same(getattr(row, field)), getattr(row, parent) if parent else None)
            if key in names:
                first = names[key]
                add("nama_ganda", sheet, row.row, field,
                    f"Nama \"{getattr(row, field)}\" dipakai untuk dua kode: {first.kode} "
                    f"(baris {first.row}) dan {row.kode}; periksa apakah keduanya memang "
                    f"berbeda.")
            else:
                names[key] = row


@check
def _dates(wb: m.InputWorkbook, result: Result, ctx: Context, add: Add) -> None:
    inst = wb.instansi
    year = inst.tahun
    first, last = REPORT_MONTHS
    t = inst.tanggal
    if not (t.year == year + 1 and first <= t.month <= last):
        add("tanggal_laporan", "Instansi", _key_row(wb, "tanggal"), "tanggal",
            f"Tanggal laporan {fmt.tanggal(t)} di luar Januari-Juni {year + 1}, masa "
            f"penyusunan LKjIP tahun {year}.")
    for pk in wb.perjanjian_kinerja:
        if pk.tanggal.year != year:
            add("pk_tanggal", "Perjanjian Kinerja", pk.row, "tanggal",
                f"Tanggal PK {pk.kode} ({fmt.tanggal(pk.tanggal)}) di luar tahun laporan {year}.")
    years = {pk.tanggal.year for pk in wb.perjanjian_kinerja}
    if len(years) == 1 and years != {year}:
        other = years.pop()
        add("tahun_laporan", "Instansi", _key_row(wb, "tahun"), "tahun",
            f"Tahun Laporan {year}, tetapi semua Perjanjian Kinerja bertanggal tahun {other}; "
            f"periksa Tahun Laporan.")


def _key_row(wb: m.InputWorkbook, name: str) -> int | None:
    return wb.key_rows.get("Instansi", {}).get(name)


@check
def _pk_rows(wb: m.InputWorkbook, result: Result, ctx: Context, add: Add) -> None:
    for p in wb.pk_indikator:
        if p.kode_indikator is not None and p.target is not None:
            add("pk_target_diabaikan", "PK Indikator", p.row, "target",
                f"Target \"{p.target}\" pada baris IKU {p.kode_indikator} PK {p.kode_pk} tidak "
                f"dipakai: target IKU diambil dari sheet Kinerja Indikator (Target PK Awal atau "
                f"Perubahan). Kosongkan sel ini atau ubah target di Kinerja Indikator.")


@check
def _sasaran_of_sub(wb: m.InputWorkbook, result: Result, ctx: Context, add: Add) -> None:
    """A sub kegiatan serving the IKU of another sasaran than its program's IKU. A program
    whose sub kegiatan serve the IKU of its own sasaran and of others (a penunjang program
    serving several sasaran) is said once, as such; a sub kegiatan of a program none of
    whose sub kegiatan serve the program's sasaran is flagged on its own row."""
    sasaran = {i.kode: i.kode_sasaran for i in wb.indikator}
    kegiatan = {k.kode: k for k in wb.kegiatan}
    per_program: dict[str, list[m.SubKegiatan]] = {}
    for s in wb.sub_kegiatan:
        keg = kegiatan.get(s.kode_kegiatan)
        if keg is not None:
            per_program.setdefault(keg.kode_program, []).append(s)
    for prog in wb.program:
        theirs = sasaran.get(prog.kode_indikator)
        subs = [s for s in per_program.get(prog.kode, []) if sasaran.get(s.kode_indikator)]
        if theirs is None or not subs:
            continue
        others = [s for s in subs if sasaran[s.kode_indikator] != theirs]
        if not others:
            continue
        if any(sasaran[s.kode_indikator] == theirs for s in subs):
            served = sorted({sasaran[s.kode_indikator] for s in subs})
            ikus = sorted({s.kode_indikator for s in others})
            add("program_lintas_sasaran", "Program", prog.row, "kode_indikator",
                f"Program {prog.kode} melayani {len(served)} sasaran "
                f"({fmt.rangkai(['sasaran ' + k for k in served])}): sebagian sub kegiatannya "
                f"mendukung IKU {fmt.rangkai(ikus)} di luar IKU programnya "
                f"({prog.kode_indikator}). Wajar untuk program penunjang; anggaran setiap sub "
                f"kegiatan tetap dihitung pada IKU yang didukungnya (Tabel 3.8). Periksa bila "
                f"tidak disengaja.")
            continue
        for s in others:
            add("sub_sasaran_lain", "Sub Kegiatan", s.row, "kode_indikator",
                f"Sub kegiatan {s.kode} mendukung IKU {s.kode_indikator} (sasaran "
                f"{sasaran[s.kode_indikator]}), sedangkan programnya {prog.kode} diukur dengan "
                f"IKU {prog.kode_indikator} (sasaran {theirs}) dan tidak ada sub kegiatannya "
                f"yang mendukung sasaran itu.")


@check
def _target_belum_tercapai(wb: m.InputWorkbook, result: Result, ctx: Context, add: Add) -> None:
    """A target missed whose causes, remedies or plans are not written: the draft shows a
    placeholder where they belong."""
    analisis = {a.kode_indikator: a for a in wb.analisis_indikator}
    fields = (("penghambat", "Faktor Penghambat"), ("upaya", "Upaya"),
              ("rencana", "Rencana Tindak Lanjut"))
    for i in result.indikator:
        if i.tercapai is not False:
            continue
        a = analisis.get(i.kode)
        missing = [(f, label) for f, label in fields if a is None or not getattr(a, f)]
        if not missing:
            continue
        capaian = f" (capaian {fmt.pct(i.capaian)})" if i.capaian is not None else ""
        add("target_belum_tercapai", "Analisis Indikator", a.row if a else None,
            missing[0][0],
            f"Target indikator {i.kode} belum tercapai{capaian}, tetapi "
            f"{fmt.rangkai([label for _, label in missing])} belum diisi; draf menampilkan "
            f"tempat kosong berwarna kuning di tempatnya (analisis sasaran dan Bab IV).")


@check
def _analisis_kosong(wb: m.InputWorkbook, result: Result, ctx: Context, add: Add) -> None:
    """An indicator not missed whose analysis is not written at all: the draft shows a
    placeholder for its supporting factors (a missed one is said by _target_belum_tercapai)."""
    analisis = {a.kode_indikator: a for a in wb.analisis_indikator}
    for i in result.indikator:
        if i.tercapai is False:
            continue
        a = analisis.get(i.kode)
        if a and (a.uraian or a.pendukung or a.penghambat or a.upaya or a.rencana):
            continue
        add("analisis_kosong", "Analisis Indikator", a.row if a else None, "pendukung",
            f"Analisis indikator {i.kode} belum diisi (uraian, faktor pendukung, penghambat, "
            f"upaya); draf menampilkan tempat kosong berwarna kuning untuk faktor "
            f"pendukungnya.")


@check
def _rencana_kosong(wb: m.InputWorkbook, result: Result, ctx: Context, add: Add) -> None:
    """A target that needs work (below the top category, not measured, worse than its
    benchmark) without planned steps: BAB IV shows a placeholder for its recommendation.
    A missed target is said by _target_belum_tercapai."""
    for r in result.rekomendasi:
        if not r.perlu or r.rencana or result.indicator(r.kode_indikator).tercapai is False:
            continue
        add("rekomendasi_kosong", r.location.sheet, r.location.row, "rencana",
            f"Indikator {r.kode_indikator} perlu perbaikan ({'; '.join(r.alasan)}), tetapi "
            f"Rencana Tindak Lanjut-nya belum diisi; rekomendasi Bab IV menampilkan tempat "
            f"kosong.")


@check
def _efisiensi_tidak_terserap(wb: m.InputWorkbook, result: Result, ctx: Context,
                              add: Add) -> None:
    """An efficiency ratio of 1 or more that comes from a budget not absorbed (serapan below
    the threshold): the draft says so; the reviewer should see which sub kegiatan left it."""
    rows = {i.kode: i.row for i in wb.indikator}
    threshold = wb.instansi.ambang_serapan
    below = {n.kode: n for n in result.sub_di_bawah_ambang}
    for i in result.indikator:
        e = i.efisiensi
        if not e.tidak_terserap:
            continue
        subs = [below[k] for k in i.sub_kegiatan if k in below]
        names = f"; sub kegiatan di bawah ambang: {', '.join(s.kode for s in subs)}" if subs else ""
        todo = [s for s in subs if not s.penjelasan]
        tail = (" Isi Penjelasan Serapan sub kegiatan " + ", ".join(s.kode for s in todo) + "."
                if todo else " Penjelasan serapannya tampil di Bab III B." if subs else "")
        add("efisiensi_tidak_terserap", "Indikator", rows.get(i.kode), "kode",
            f"Tingkat efisiensi indikator {i.kode} ({fmt.rasio(e.nilai)}) berasal dari anggaran "
            f"yang tidak terserap (serapan {fmt.pct(e.serapan)}, di bawah ambang "
            f"{fmt.pct(threshold)}){names}; draf menyebutnya anggaran tidak terserap, bukan "
            f"efisiensi.{tail}")


@check
def _induk_dalam_nama(wb: m.InputWorkbook, result: Result, ctx: Context, add: Add) -> None:
    """A Nama Instansi that already holds its pemda (or ministry): the draft names it once."""
    inst = wb.instansi
    if not inst.induk_dalam_nama:
        return
    field = "nama_kl" if inst.pusat else "nama_pemda"
    add("nama_instansi_induk", "Instansi", _key_row(wb, "nama_instansi"), "nama_instansi",
        f"Nama Instansi \"{inst.nama_instansi}\" sudah memuat \"{inst.induk}\" "
        f"({ctx.loc('Instansi', _key_row(wb, field), field).field}); draf menulis nama "
        f"lengkapnya sekali: \"{inst.nama_lengkap}\". Sebaiknya tulis nama instansi saja "
        f"(mis. \"{_tanpa(inst.nama_instansi, inst.induk)}\").")


def _tanpa(nama: str, induk: str) -> str:
    """The agency's name without its pemda: "Sekretariat Daerah"."""
    words, drop = nama.split(), induk.split()
    low = [w.casefold() for w in words]
    target = [w.casefold() for w in drop]
    for k in range(len(words) - len(drop), -1, -1):
        if low[k:k + len(drop)] == target:
            return " ".join(words[:k] + words[k + len(drop):]) or nama
    return nama


@check
def _skala_batas_atas(wb: m.InputWorkbook, result: Result, ctx: Context, add: Add) -> None:
    """A category's printed upper bound (Batas Atas) that does not fit its band."""
    scale = sorted(wb.skala_kategori, key=lambda s: s.batas_bawah, reverse=True)
    for above, band in zip([None] + scale[:-1], scale):
        if band.batas_atas is None:
            continue
        if band.batas_atas < band.batas_bawah or (
                above is not None and band.batas_atas >= above.batas_bawah):
            limit = f" dan kurang dari {fmt.nilai(above.batas_bawah)}" if above else ""
            add("skala_batas_atas", "Skala Kategori", band.row, "batas_atas",
                f"Batas atas kategori {band.kategori} ({fmt.nilai(band.batas_atas)}) tidak "
                f"sesuai rentangnya: harus paling kecil {fmt.nilai(band.batas_bawah)}{limit}. "
                f"Tabel skala menampilkan angka ini, sedangkan kategori tetap ditentukan oleh "
                f"batas bawah.")


@check
def _pembanding(wb: m.InputWorkbook, result: Result, ctx: Context, add: Add) -> None:
    """A benchmark that cannot be compared with the indicator's realisation."""
    for i in result.indikator:
        for b in i.pembanding:
            if b.posisi is None and b.location is not None:
                add("pembanding", b.location.sheet, b.location.row, "nilai",
                    f"Pembanding indikator {i.kode} tahun {b.tahun} tidak dapat dibandingkan "
                    f"dengan realisasinya: {b.skor.alasan if b.skor else 'data tidak lengkap'}.")


# Sheets whose rows carry a code or a key of their own are checked for duplicates by
# validation (a duplicate is refused); these have their own note with their key.
_OWN_DUPLICATE_NOTE = {"Rekening", "PK Anggaran"}


@check
def _duplicate_rows(wb: m.InputWorkbook, result: Result, ctx: Context, add: Add) -> None:
    """A row that repeats an earlier row of its sheet in every column (the No aside):
    pasted twice, it shows twice and counts twice."""
    for spec in SHEETS:
        if spec.keyvalue or spec.name in _OWN_DUPLICATE_NOTE:
            continue
        rows = getattr(wb, spec.attr)
        if len(rows) < 2:
            continue
        names = [name for name, _ in spec.fields() if name != "no"]
        first_field = next((n for n, info in spec.fields() if n != "no" and info.is_required()),
                           names[0])
        seen: dict[str, int] = {}
        for row in rows:
            key = row.model_dump_json(include=set(names))
            if key in seen:
                besides = " (selain kolom No)" if "no" in spec.model.model_fields else ""
                add("baris_ganda", spec.name, row.row, first_field,
                    f"Baris {row.row} sama dengan baris {seen[key]} di sheet {spec.name}"
                    f"{besides}; bila tidak disengaja, hapus salah satunya agar isinya tidak "
                    f"tampil dan terhitung dua kali.")
            else:
                seen[key] = row.row


# The most one item of a kind of asset can plausibly be worth (Rp per item), recognised by
# words of its Uraian. A value far beyond (the sample's official car of Rp120 miliar, three
# zeros too many) is noted. Land and buildings vary too much for a ceiling of their own.
SARANA_BATAS: list[tuple[str, str, Decimal]] = [
    (r"\b(?:sepeda motor|roda dua|roda tiga)\b", "kendaraan roda dua atau tiga",
     Decimal(500_000_000)),
    (r"\b(?:kendaraan|mobil|ambulans?|bus|truk|pick ?up|minibus)\b", "kendaraan",
     Decimal(10_000_000_000)),
    (r"\b(?:komputer|laptop|notebook|printer|pc|server|scanner|proyektor)\b",
     "peralatan komputer", Decimal(2_000_000_000)),
    (r"\b(?:meja|kursi|lemari|rak|sofa|kipas|ac|alat dapur|alat pembersih|alat pendingin|"
     r"alat rumah tangga)\b", "mebel dan alat rumah tangga", Decimal(1_000_000_000)),
]


@check
def _sarana_groups(wb: m.InputWorkbook, result: Result, ctx: Context, add: Add) -> None:
    """A group whose details do not add up to it (JUMLAH takes the group's figures)."""
    for s in result.sarana:
        if not s.kelompok:
            continue
        if (s.rincian_jumlah, s.rincian_nilai) == (s.jumlah, s.nilai):
            continue
        details = (f"Rincian kelompok \"{s.uraian}\" (jumlah {fmt.angka(s.rincian_jumlah)}, "
                   f"nilai Rp{fmt.nilai(s.rincian_nilai)})")
        group = f"(jumlah {fmt.angka(s.jumlah)}, nilai Rp{fmt.nilai(s.nilai)})"
        if s.rincian_jumlah <= s.jumlah and s.rincian_nilai <= s.nilai:
            add("sarana_kelompok", "Sarana Prasarana", s.row, "nilai",
                f"{details} tidak mencapai angka kelompoknya {group}: jumlah "
                f"{fmt.angka(s.jumlah - s.rincian_jumlah)} senilai "
                f"Rp{fmt.nilai(s.nilai - s.rincian_nilai)} tidak dirinci. JUMLAH tabel memakai "
                f"angka kelompok; bila rinciannya memang hanya sebagian, catatan ini cukup "
                f"diperiksa.")
        else:
            add("sarana_kelompok", "Sarana Prasarana", s.row, "nilai",
                f"{details} melebihi angka kelompoknya {group}. JUMLAH tabel memakai angka "
                f"kelompok; periksa angkanya dan kolom Tingkat.")


@check
def _sarana_unmarked_groups(wb: m.InputWorkbook, result: Result, ctx: Context, add: Add
                            ) -> None:
    """A row that the rows right below it add up to exactly, in Jumlah and Nilai, without
    being marked as their group: both would count in JUMLAH."""
    rows = result.sarana
    for i, s in enumerate(rows):
        if s.kelompok or s.nilai == 0:
            continue
        count, value, below = 0, Decimal(0), []
        for other in rows[i + 1:i + 101]:
            if other.tingkat > s.tingkat:
                continue                # a detail of a row below: not a sibling
            if other.tingkat < s.tingkat:
                break
            count, value = count + other.jumlah, value + other.nilai
            below.append(other)
            if value > s.nilai:
                break
            if len(below) >= 2 and (count, value) == (s.jumlah, s.nilai):
                names = fmt.rangkai([f"\"{o.uraian}\"" for o in below])
                add("sarana_kelompok", "Sarana Prasarana", s.row, "tingkat",
                    f"\"{s.uraian}\" (jumlah {fmt.angka(s.jumlah)}, nilai "
                    f"Rp{fmt.nilai(s.nilai)}) sama dengan jumlah baris di bawahnya ({names}): "
                    f"bila baris itu kelompok dari baris-baris tersebut, tulis Tingkat "
                    f"{s.tingkat + 1} pada rinciannya agar nilainya tidak terhitung dua kali "
                    f"dalam JUMLAH.")
                break


@check
def _sarana_values(wb: m.InputWorkbook, result: Result, ctx: Context, add: Add) -> None:
    """An item worth far more than anything of its kind (SARANA_BATAS)."""
    for s in result.sarana:
        if s.jumlah <= 0:
            continue
        each = s.nilai / s.jumlah
        text = s.uraian.casefold()
        for pattern, kind, ceiling in SARANA_BATAS:
            if re.search(pattern, text):
                if each > ceiling:
                    add("sarana_nilai", "Sarana Prasarana", s.row, "nilai",
                        f"Nilai \"{s.uraian}\" Rp{fmt.nilai(s.nilai)} untuk "
                        f"{fmt.angka(s.jumlah)} barang"
                        + (f" (Rp{fmt.nilai(round_half_up(each, 0))} per barang)"
                           if s.jumlah > 1 else "")
                        + f" jauh di atas nilai wajar {kind} (paling tinggi sekitar "
                        f"Rp{fmt.nilai(ceiling)} per barang); periksa angkanya, mis. angka nol "
                        f"yang berlebih.")
                break
