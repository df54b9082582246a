"""Review notes (catatan pemeriksaan): findings a reviewer must see before the draft goes out.

The workbook is valid, but something in it is likely wrong or needs an explanation.
Each note names the cell to look at. Generation still proceeds.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .. import fmt
from ..workbook import models as m
from ..numbers import round_half_up
from .context import Context
from .results import Result, ReviewNote

# Output achievements outside this band are flagged for a second look.
CAPAIAN_HIGH = Decimal(150)
CAPAIAN_LOW = Decimal(50)
# Physical and financial progress further apart than this (percentage points) contradict.
FISIK_SERAPAN_GAP = Decimal(50)


def _decimals(d: Decimal) -> int:
    exponent = d.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def review_notes(wb: m.InputWorkbook, result: Result, ctx: Context) -> list[ReviewNote]:
    notes: list[ReviewNote] = []

    def add(kind: str, sheet: str, row: int | None, field: str | None, message: str) -> None:
        notes.append(ReviewNote(kind=kind, location=ctx.loc(sheet, row, field), message=message))

    for n in wb.notices:   # what the reader did: hidden sheets or rows read
        notes.append(ReviewNote(kind=n.kind, location=n.location, message=n.message))

    inst = wb.instansi
    kinerja = {k.kode_indikator: k for k in wb.kinerja_indikator}

    for ind in result.indikator:
        k = kinerja[ind.kode]
        renstra = ind.target_renstra_tahun
        if renstra is not None and isinstance(k.target_pk_awal, Decimal) \
                and k.target_pk_awal != renstra:
            add("pk_renstra", "Kinerja Indikator", k.row, "target_pk_awal",
                f"Target PK awal indikator {ind.kode} ({fmt.nilai(k.target_pk_awal)}) berbeda dari "
                f"target Renstra tahun {inst.tahun} ({fmt.nilai(renstra)}).")
        if not ind.sub_kegiatan:
            row = next(i.row for i in wb.indikator if i.kode == ind.kode)
            add("iku_no_budget", "Indikator", row, "kode",
                f"Indikator {ind.kode} tidak didukung sub kegiatan mana pun, sehingga tidak "
                f"punya anggaran (Tabel 3.8).")
        if ind.capaian is None and ind.terukur:
            add("capaian_undefined", "Kinerja Indikator", k.row, "target_pk_awal",
                f"Capaian indikator {ind.kode} tidak dapat dihitung: {ind.skor.alasan}; "
                f"tabel menampilkan \"-\".")
        if ind.capaian is not None and (ind.capaian > CAPAIAN_HIGH or ind.capaian < CAPAIAN_LOW):
            add("capaian_extreme", "Kinerja Indikator", k.row, "pembilang",
                f"Capaian indikator {ind.kode} {fmt.persen(ind.capaian)}% berada di luar "
                f"{fmt.nilai(CAPAIAN_LOW)}-{fmt.nilai(CAPAIAN_HIGH)}%; periksa target dan realisasinya.")
        if k.penyebut is not None and k.pembilang is not None and k.pembilang > k.penyebut \
                and ind.satuan.strip() == "%":
            add("pembilang_gt_penyebut", "Kinerja Indikator", k.row, "pembilang",
                f"Pembilang indikator {ind.kode} lebih besar dari penyebutnya (realisasi > 100%).")

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
                f"Capaian tercatat {ind.kode} tahun {t.tahun} ({fmt.nilai(t.capaian_tercatat)}%) "
                f"tidak sama dengan realisasi/target ({fmt.nilai(t.realisasi)}/{fmt.nilai(t.target)} = "
                f"{fmt.persen(figure.capaian)}%).")

    threshold = inst.ambang_serapan
    fisik_of_row = {r.row: r.fisik for r in wb.rekening}
    for node in result.anggaran.walk():
        if node.level == "sub_kegiatan":
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
                    f"{fmt.nilai(threshold)}% tetapi belum ada penjelasan.")
            if b.pagu > 0 and node.output is not None and node.output.realisasi is None:
                add("no_output_realisasi", "Sub Kegiatan", row, "realisasi",
                    f"Sub kegiatan {node.kode} beranggaran tetapi realisasi keluarannya kosong.")
            if b.fisik is not None and b.serapan is not None and \
                    abs(b.fisik - b.serapan) >= FISIK_SERAPAN_GAP:
                add("fisik_serapan", "Sub Kegiatan", row, "kode",
                    f"Fisik sub kegiatan {node.kode} ({fmt.persen(b.fisik)}%) dan serapan anggarannya "
                    f"({fmt.persen(b.serapan)}%) tidak sejalan.")
        if node.level in ("kegiatan", "sub_kegiatan") and node.output is not None:
            cap = node.output.capaian
            if cap is not None and (cap > CAPAIAN_HIGH or cap < CAPAIAN_LOW):
                sheet = "Sub Kegiatan" if node.level == "sub_kegiatan" else "Kegiatan"
                add("capaian_extreme", sheet, node.location.row, "realisasi",
                    f"Capaian keluaran {node.kode} {fmt.persen(cap)}% berada di luar "
                    f"{fmt.nilai(CAPAIAN_LOW)}-{fmt.nilai(CAPAIAN_HIGH)}%.")
        if node.level == "rekening":
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

    for pk in result.perjanjian:
        if pk.jenis == "Awal":
            for line in pk.anggaran:
                node = result.node(line.kode)
                if node.budget.pagu_sebelum is None:
                    row = next(p.row for p in wb.pk_anggaran
                               if p.kode_pk == pk.kode and p.kode_anggaran == line.kode)
                    add("pk_pagu_sebelum", "PK Anggaran", row, "kode_anggaran",
                        f"Pagu sebelum perubahan {line.kode} tidak diisi; PK awal {pk.kode} "
                        f"memakai pagu setelah perubahan.")

    for p in wb.pejabat:
        if p.nip is not None:
            digits = re.sub(r"\D", "", p.nip)
            if len(digits) != 18:
                add("nip_length", "Pejabat", p.row, "nip",
                    f"NIP {p.nama} berisi {len(digits)} digit; NIP PNS terdiri dari 18 digit.")

    staff = result.pegawai
    if wb.pegawai_pendidikan and staff.pendidikan != staff.jumlah:
        add("staff_total", "Pegawai Pendidikan", wb.pegawai_pendidikan[0].row, "jumlah",
            f"Jumlah pegawai menurut pendidikan ({staff.pendidikan}) berbeda dari jumlah "
            f"menurut jabatan ({staff.jumlah}).")
    if wb.pegawai_golongan and staff.golongan != staff.pns:
        add("staff_total", "Pegawai Golongan", wb.pegawai_golongan[0].row, "jumlah",
            f"Jumlah PNS menurut golongan ({staff.golongan}) berbeda dari jumlah PNS menurut "
            f"jabatan ({staff.pns}).")
    _picture_notes(wb, add)
    return sorted(notes, key=lambda n: (n.location.sheet, n.location.row or 0, n.kind))


PICTURE_SLOTS = {"logo": "Logo pada sampul", "bagan": "Bagan struktur organisasi (Bab I)"}


def _picture_notes(wb: m.InputWorkbook, add) -> None:
    """Every picture the draft shows as a placeholder, with the cell naming its file."""
    for slot, pic in sorted(wb.gambar.items()):
        if pic.ok:
            continue
        what = PICTURE_SLOTS.get(slot) or f"Foto dokumentasi nomor {slot.split(':', 1)[1]}"
        add("gambar", pic.sheet, pic.row, pic.field,
            f"{what} tampil sebagai tempat kosong di draf: {pic.problem}. Isi nama berkas "
            f"gambar (PNG/JPEG) dan letakkan berkasnya di folder yang sama dengan workbook.")
