"""Next year's input workbook from this year's (`lkjip rollover`, issue 12.3).

What carries over: the organisation, officials, staff, Renstra (tujuan, sasaran,
indicators, targets), the program / kegiatan / sub kegiatan tree with its output
indicators and targets, performance agreements, facilities and the category scale.
This year's target and realisation of every indicator (as the core computes them) move
into the earlier-years sheet, so next year's comparison table needs no typing; the new
year's PK targets are prefilled from the Renstra target of that year. Budget and
realisation sheets are emptied; narratives are kept and marked (yellow) for review.
Rolling past the Renstra's last year is refused until a new Renstra period is entered.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..core import Result
from ..numbers import round_half_up
from ..workbook import InputWorkbook
from ..workbook.blank import blank_workbook
from ..workbook.sheets import SHEETS

# Sheets copied as they are.
CARRIED = ["pejabat", "unit_organisasi", "pegawai_jabatan", "pegawai_pendidikan",
           "pegawai_golongan", "misi", "tujuan", "sasaran", "indikator", "target_renstra",
           "urusan", "program", "perjanjian_kinerja", "pk_indikator", "pk_anggaran",
           "sarana_prasarana", "skala_kategori"]
# Sheets whose rows are this year's only.
EMPTIED = ["rekening", "dokumentasi"]
# Texts carried over that must be re-read for the new year (marked yellow).
REVIEW = {
    "instansi": {"visi", "sasaran_daerah"},
    "narasi": {"latar_belakang", "isu_strategis", "isu_tahunan", "landasan_hukum", "evaluasi",
               "penutup"},
    "analisis_indikator": {"uraian", "perbandingan", "pendukung", "penghambat", "upaya"},
}


class RolloverError(Exception):
    """The workbook cannot be rolled over (the message is Indonesian)."""


def _values(model) -> dict[str, Any]:
    return {name: getattr(model, name) for name in type(model).model_fields
            if name != "row"}


def _next_year(date: dt.date | None) -> dt.date | None:
    if date is None:
        return None
    try:
        return date.replace(year=date.year + 1)
    except ValueError:              # 29 February
        return date.replace(year=date.year + 1, day=28)


def _shown(value: Any) -> Any:
    """A realisation as this year's report shows it: a number to two decimals, or the
    level / "Tidak dapat diukur" as typed."""
    return round_half_up(value, 2) if isinstance(value, Decimal) else value


def rollover_data(workbook: InputWorkbook, result: Result) -> tuple[int, dict[str, Any]]:
    """The new year and the content of every sheet of its workbook."""
    inst = workbook.instansi
    year = inst.tahun + 1
    if year > inst.renstra_akhir:
        raise RolloverError(
            f"Tahun {year} di luar periode Renstra {inst.renstra_awal}-{inst.renstra_akhir}. "
            f"Isi dulu periode Renstra baru (Awal dan Akhir Periode Renstra di sheet "
            f"Instansi, dan Target Renstra tahun {year}), lalu jalankan kembali.")
    data: dict[str, Any] = {}
    instansi = _values(inst)
    instansi.update(tahun=year, tanggal=_next_year(inst.tanggal))
    data["instansi"] = instansi
    data["narasi"] = _values(workbook.narasi)
    for attr in CARRIED:
        data[attr] = [_values(row) for row in getattr(workbook, attr)]
    for pk in data["perjanjian_kinerja"]:
        pk["tanggal"] = _next_year(pk["tanggal"])
    for attr in EMPTIED:
        data[attr] = []

    renstra = {(t.kode_indikator, t.tahun): t.target for t in workbook.target_renstra}
    data["kinerja_indikator"] = [
        {"kode_indikator": ind.kode, "target_pk_awal": renstra.get((ind.kode, year)),
         "target_rkt": renstra.get((ind.kode, year))}
        for ind in workbook.indikator]
    earlier = [_values(t) for t in workbook.kinerja_tahun_lalu]
    notes = {k.kode_indikator: k.keterangan for k in workbook.kinerja_indikator}
    for ind in result.indikator:
        # As this year's report shows them; a capaian only where it is a plain ratio.
        plain = isinstance(ind.target, Decimal) and isinstance(ind.realisasi, Decimal) \
            and isinstance(ind.capaian, Decimal)
        earlier.append({"kode_indikator": ind.kode, "tahun": inst.tahun,
                        "target": ind.target, "realisasi": _shown(ind.realisasi),
                        "capaian_tercatat": round_half_up(ind.capaian, 2) if plain else None,
                        "keterangan": None if isinstance(ind.realisasi, Decimal)
                        else notes.get(ind.kode)})
    data["kinerja_tahun_lalu"] = sorted(earlier, key=lambda t: (t["kode_indikator"], t["tahun"]))

    data["kegiatan"] = [{**_values(k), "realisasi": None} for k in workbook.kegiatan]
    data["sub_kegiatan"] = [{**_values(s), "realisasi": None, "pagu_sebelum": None,
                             "penjelasan_serapan": None} for s in workbook.sub_kegiatan]
    data["indikator_program"] = [{**_values(r), "realisasi": None, "keterangan": None}
                                 for r in workbook.indikator_program]
    data["analisis_indikator"] = [_values(a) for a in workbook.analisis_indikator]
    for spec in SHEETS:               # a sheet not named above carries over as it is
        if spec.attr not in data:
            value = getattr(workbook, spec.attr, None)
            if isinstance(value, list):
                data[spec.attr] = [_values(row) for row in value]
            elif value is not None:
                data[spec.attr] = _values(value)
    return year, data


def rollover_workbook(workbook: InputWorkbook, result: Result) -> bytes:
    """The .xlsx bytes of next year's workbook (raises RolloverError past the Renstra)."""
    return blank_workbook(**rollover_parts(workbook, result))


def rollover_parts(workbook: InputWorkbook, result: Result) -> dict[str, Any]:
    """The arguments of `blank_workbook` that make next year's workbook (lkjip import fills
    its budget sheets from next year's murni export before it is written)."""
    year, data = rollover_data(workbook, result)
    notes = [
        f"Workbook ini dibuat dengan lkjip rollover dari workbook tahun {year - 1}: "
        f"Renstra, indikator, organisasi, pejabat dan pegawai terbawa; target dan realisasi "
        f"{year - 1} sudah masuk sheet Kinerja Tahun Lalu; target PK Awal diisi dari target "
        f"Renstra {year}. Sheet Rekening dan realisasi kosong untuk diisi. Teks berlatar "
        f"kuning berasal dari tahun lalu: baca dan perbarui.",
    ]
    return {"tahun": year, "instansi": workbook.instansi.nama_instansi, "data": data,
            "review": REVIEW, "notes": notes}
