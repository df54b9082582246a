"""BAB III A per sasaran strategis, as PermenPANRB 53/2014 asks: "bab3.sasaran".

For each sasaran (and each tujuan with indicators of its own): its indicators' subsections,
then the seven analyses, each with a sentence of narrative: this year against target (met or
missed, said apart from the kategori), against earlier years, against the Renstra end
target, against benchmarks, causes and remedies, efficiency of resources, and the programs
that carried it. Every judgement comes from the core (core/analysis.py: GroupResult,
IndicatorResult.tercapai, Benchmark.posisi, Efficiency.tidak_terserap); this module words
it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

from ... import fmt
from ...numbers import round_half_up
from ...core.analysis import nama_pembanding
from ...core.results import Benchmark, GroupResult, IndicatorResult, Result
from ...workbook.fieldtypes import Level, TargetRange
from ...workbook.models import InputWorkbook
from .common import (
    daftar, dengan_satuan, kata, lines, menunjang, placeholder, rumus_desimal,
    target_dengan_satuan, tepat,
)

TURUN = "makin rendah makin baik"


def label(g: GroupResult) -> str:
    return f"Sasaran {g.kode}" if g.tingkat == "sasaran" else f"Tujuan {g.kode}"


def _daftar_kode(codes: list[str]) -> str:
    return fmt.rangkai(codes)


def _ind(result: Result, kode: str) -> IndicatorResult:
    return result.indicator(kode)


def _nama(i: IndicatorResult) -> str:
    return f"{i.kode} {i.nama}"


# --- Met or missed, per indicator ----------------------------------------------------------

def kalimat_tercapai(i: IndicatorResult) -> str:
    """Whether the target was reached, said plainly and apart from the kategori: "Target
    tercapai." / "Target belum tercapai: realisasi 86,67% masih di bawah target 90,00%,
    meskipun capaiannya masuk kategori Sangat Tinggi." ("" when it cannot be said: not
    measured, or target and realisation not comparable)."""
    if i.tercapai is None:
        return ""
    if i.tercapai:
        return "Target indikator ini tercapai."
    places = fmt.desimal(i.satuan, i.realisasi, i.target)
    real = dengan_satuan(i.realisasi, i.satuan, places)
    t = i.target
    if isinstance(t, TargetRange):
        letak = "di atas" if i.turun else "di bawah"
        detail = f"realisasi {real} berada {letak} rentang target " \
                 f"{target_dengan_satuan(t, i.satuan, places)}"
    elif isinstance(t, Level):
        detail = f"realisasi {real} belum mencapai target {t.kode}"
    elif t == 0:
        detail = f"realisasi {real}, sedangkan targetnya 0"
    elif i.turun:
        detail = (f"realisasi {real} masih di atas target "
                  f"{target_dengan_satuan(t, i.satuan, places)} ({TURUN})")
    else:
        detail = f"realisasi {real} masih di bawah target {target_dengan_satuan(t, i.satuan, places)}"
    tail = f", meskipun capaiannya masuk kategori {i.kategori}" if i.kategori else ""
    return f"Target indikator ini belum tercapai: {detail}{tail}."


def status_teks(i: IndicatorResult) -> str:
    """A table cell: Tercapai / Belum tercapai / Tidak dapat diukur / -."""
    if not i.terukur:
        return "Tidak dapat diukur"
    if i.tercapai is None:
        return fmt.DASH
    return "Tercapai" if i.tercapai else "Belum tercapai"


# --- The seven analyses ------------------------------------------------------------------------

def _rata(result: Result, g: GroupResult, inds: list[IndicatorResult]) -> str:
    """The capaian of the group this year, with how it is obtained."""
    kat = f", kategori {g.kategori}" if g.kategori else ""
    if g.capaian is None:
        return (f"Capaian {label(g)} Tahun {result.tahun} belum dapat dihitung karena tidak ada "
                f"indikatornya yang capaiannya terdefinisi.")
    if g.capaian_sumber != "Rata-rata Indikator":
        return f"Capaian {label(g)} Tahun {result.tahun} ditetapkan {fmt.pct(g.capaian)}{kat}."
    used = [i for i in inds if i.capaian_dinilai is not None]
    if len(used) == 1:
        return (f"Capaian {label(g)} Tahun {result.tahun} sama dengan capaian indikator "
                f"{used[0].kode}, yaitu {fmt.pct(g.capaian)}{kat}.")
    values = [i.capaian_dinilai for i in used]
    places = rumus_desimal(lambda *v: sum(v) / len(v), values, g.capaian, 2)
    parts = " + ".join(fmt.angka(v, 2 if tepat(v, 2) else places) for v in values)
    left_out = [i.kode for i in inds if i.capaian_dinilai is None]
    tanpa = (f" (indikator {_daftar_kode(left_out)} tidak ikut dihitung karena capaiannya "
             f"tidak terdefinisi)") if left_out else ""
    return (f"Capaian {label(g)} Tahun {result.tahun} adalah rata-rata capaian "
            f"{len(used)} indikatornya{tanpa}: ({parts}) / {len(used)} = "
            f"{fmt.pct(g.capaian)}{kat}.")


def _analisis_1(workbook, result: Result, g: GroupResult, inds) -> dict:
    paragraf = [_rata(result, g, inds)]
    met = [_ind(result, k) for k in g.indikator_tercapai]
    missed = [_ind(result, k) for k in g.indikator_belum]
    other = [_ind(result, k) for k in g.indikator_lain]
    n = len(met) + len(missed)
    butir, penutup = [], []
    if n and not missed:
        paragraf.append(f"Target indikator {met[0].kode} tercapai." if n == 1 and len(inds) == 1 else
                        f"Seluruh target yang dapat dinilai tercapai ({len(met)} dari {n} "
                        f"indikator).")
    elif missed:
        if met:
            head = (f"Target {label(g)} belum seluruhnya tercapai: {len(met)} dari {n} "
                    f"indikator mencapai targetnya, sedangkan {len(missed)} indikator belum:")
        else:
            head = (f"Target {label(g)} belum tercapai: tidak satu pun dari {n} indikator "
                    f"yang dinilai mencapai targetnya:" if n > 1 else
                    f"Target {label(g)} belum tercapai:")
        paragraf.append(head)
        for i in missed:
            places = fmt.desimal(i.satuan, i.realisasi, i.target)
            butir.append(f"Indikator {_nama(i)}: realisasi "
                         f"{dengan_satuan(i.realisasi, i.satuan, places)} dari target "
                         f"{target_dengan_satuan(i.target, i.satuan, places)}"
                         f"{' (' + TURUN + ')' if i.turun and not i.skala_kualitatif else ''}, "
                         f"capaian {fmt.pct(i.capaian)}"
                         f"{' (kategori ' + i.kategori + ')' if i.kategori else ''}.")
        top = max(result.skala, key=lambda b: b.batas_bawah).kategori
        if any(i.kategori == top for i in missed) or g.kategori == top:
            penutup.append(f"Kategori {top} menunjukkan besarnya capaian terhadap target, bukan "
                           f"tercapainya target: indikator dengan capaian di bawah 100% tetap "
                           f"belum mencapai targetnya.")
    for i in other:
        why = "realisasinya tidak dapat diukur" if not i.terukur else \
            f"capaiannya tidak dapat dihitung ({i.skor.alasan})"
        paragraf.append(f"Indikator {i.kode} tidak dinilai tercapai atau tidak karena {why}.")
    return {"judul": f"Target dan realisasi Tahun {result.tahun}", "paragraf": paragraf,
            "daftar": daftar(butir, "huruf"), "penutup": penutup}


def _arah(i: IndicatorResult, lalu, kini) -> Optional[str]:
    """Whether this year's realisation is better, worse or the same as last year's, by the
    indicator's polarity (qualitative: by the levels' values in its capaian)."""
    if isinstance(kini, Level) or isinstance(lalu, Level):
        return None
    if not isinstance(kini, Decimal) or not isinstance(lalu, Decimal):
        return None
    if fmt.nilai(kini, i.satuan) == fmt.nilai(lalu, i.satuan):
        return "sama"
    naik = kini > lalu
    return "lebih baik" if naik != i.turun else "lebih buruk"


def _analisis_2(workbook, result: Result, g: GroupResult, inds, nomor: dict) -> dict:
    earlier = [y for y in g.riwayat if y.tahun < result.tahun and y.capaian is not None]
    paragraf, butir = [], []
    tabel = f" ({nomor['tabel_perbandingan']})" if nomor.get("tabel_perbandingan") else ""
    if not earlier:
        paragraf.append(f"Capaian {label(g)} pada tahun-tahun sebelumnya belum tersedia, "
                        f"sehingga capaian Tahun {result.tahun} belum dapat dibandingkan.")
        return {"judul": "Dibandingkan dengan tahun-tahun sebelumnya", "paragraf": paragraf,
                "daftar": []}
    seq = [f"{y.tahun} sebesar {fmt.pct(y.capaian)}" for y in earlier]
    now = fmt.pct(g.capaian)
    last = earlier[-1]
    if g.capaian is not None:
        delta = round_half_up(g.capaian, 2) - round_half_up(last.capaian, 2)
        arah = ("sama dengan" if delta == 0 else
                f"naik {fmt.persen(abs(delta))} poin dari" if delta > 0 else
                f"turun {fmt.persen(abs(delta))} poin dari")
        trend = f"; capaian Tahun {result.tahun} ({now}) {arah} Tahun {last.tahun}"
    else:
        trend = ""
    partial = [y for y in earlier if y.jumlah < y.dari]
    catatan = "".join(f" Capaian {y.tahun} dihitung dari {y.jumlah} dari {y.dari} indikator "
                      f"yang datanya tersedia." for y in partial)
    paragraf.append(f"Capaian {label(g)} pada {fmt.rangkai(seq)}{trend}{tabel}.{catatan}")
    # the realisation of each indicator against the year before, by its polarity
    buckets: dict[str, list[str]] = {"lebih baik": [], "lebih buruk": [], "sama": []}
    for i in inds:
        by_year = {y.tahun: y for y in i.riwayat}
        prev = by_year.get(result.tahun - 1)
        arah = _arah(i, prev.realisasi, i.realisasi) if prev else None
        if arah:
            buckets[arah].append(i.kode)
    parts = [f"{k} pada indikator {_daftar_kode(v)}" for k, v in buckets.items() if v]
    if parts:
        paragraf.append(f"Dibandingkan Tahun {result.tahun - 1}, realisasi "
                        f"{fmt.rangkai(parts)}.")
    analisis = {a.kode_indikator: a for a in workbook.analisis_indikator}
    for i in inds:
        a = analisis.get(i.kode)
        if a and a.perbandingan:
            butir.append(f"Indikator {i.kode}: {' '.join(lines(a.perbandingan))}")
    return {"judul": "Dibandingkan dengan tahun-tahun sebelumnya", "paragraf": paragraf,
            "daftar": daftar(butir, "huruf")}


def _analisis_3(workbook, result: Result, g: GroupResult, inds, nomor: dict,
                kemajuan: dict[str, str]) -> dict:
    inst = workbook.instansi
    tabel = f" ({nomor['tabel_kemajuan']})" if nomor.get("tabel_kemajuan") else ""
    paragraf = []
    if g.kemajuan is None:
        paragraf.append(f"Tingkat kemajuan {label(g)} terhadap target akhir Renstra "
                        f"{inst.renstra_akhir} belum dapat dihitung.")
    else:
        dari = "" if g.kemajuan_jumlah == len(inds) else \
            f" ({g.kemajuan_jumlah} dari {len(inds)} indikator)"
        head = "rata-rata tingkat kemajuan indikator" if g.kemajuan_jumlah > 1 else \
            "tingkat kemajuan indikator"
        paragraf.append(f"Sampai dengan Tahun {result.tahun}, {head} {label(g)} terhadap target "
                        f"akhir Renstra Tahun {inst.renstra_akhir} sebesar "
                        f"{fmt.pct(g.kemajuan)}{dari}{tabel}.")
    # each indicator's progress in a sentence of its own (how it was measured: polarity,
    # ranges, a zero end target), from context_bab3
    return {"judul": "Dibandingkan dengan target akhir Renstra", "paragraf": paragraf,
            "daftar": daftar([kemajuan[i.kode] for i in inds if i.kode in kemajuan], "huruf")}


def kalimat_pembanding(i: IndicatorResult, b: Benchmark) -> str:
    """"realisasi 83,83 per 100.000 KH lebih baik dari target nasional 183 per 100.000 KH
    (sumber)": polarity-aware, from the core's reading (Benchmark.posisi)."""
    nama = nama_pembanding(b)
    places = fmt.desimal(i.satuan, b.realisasi if isinstance(b.realisasi, Decimal) else None,
                         b.nilai)
    nilai = target_dengan_satuan(b.nilai, i.satuan, places)
    real = dengan_satuan(b.realisasi, i.satuan, places)
    # the report year's realisation is "realisasi"; another year's is named
    subject = f"realisasi {real}" if b.tahun == i.riwayat[-1].tahun else \
        f"realisasi Tahun {b.tahun} sebesar {real}"
    if b.posisi is None:
        why = b.skor.alasan if b.skor and b.skor.alasan else "data tidak lengkap"
        return f"{nama} Tahun {b.tahun} {nilai} tidak dapat dibandingkan ({why})"
    if b.posisi == "dalam":
        rel = f"berada dalam rentang {nama} {nilai}"
    elif b.posisi == "sama":
        rel = f"sama dengan {nama} {nilai}"
    elif b.posisi == "lebih baik":
        rel = f"lebih baik dari {nama} {nilai}"
    elif b.jenis == "Target":
        rel = f"belum mencapai {nama} {nilai}"
    else:
        rel = f"lebih buruk dari {nama} {nilai}"
    return f"{subject} {rel}"


def _analisis_4(workbook, result: Result, g: GroupResult, inds, nomor: dict) -> dict:
    tabel = f" ({nomor['tabel_pembanding']})" if nomor.get("tabel_pembanding") else ""
    butir, without = [], []
    for i in inds:
        if not i.pembanding:
            without.append(i.kode)
            continue
        for b in i.pembanding:
            # polarity said where it decides the reading: lower realisation, better
            turun = f"{TURUN}; " if i.turun and b.posisi in ("lebih baik", "lebih buruk") else ""
            text = f"Indikator {_nama(i)}: {kalimat_pembanding(i, b)} ({turun}sumber: {b.sumber})."
            if b.keterangan:
                text += f" {' '.join(lines(b.keterangan))}"
            butir.append(text)
    paragraf = []
    if butir:
        paragraf.append(f"Realisasi indikator {label(g)} dibandingkan dengan angka pembanding "
                        f"di luar instansi{tabel}:")
        if without:
            tail = ("Indikator " + _daftar_kode(without) + " belum memiliki angka pembanding "
                    f"{_pembanding(result)}.")
            butir.append(tail)
    else:
        paragraf.append(f"Belum tersedia angka pembanding {_pembanding(result)} untuk "
                        f"indikator {label(g)}, sehingga realisasinya belum dibandingkan dengan "
                        f"pembanding di luar instansi.")
    return {"judul": "Dibandingkan dengan pembanding di luar instansi",
            "paragraf": paragraf, "daftar": daftar(butir, "huruf")}


def _pembanding(result: Result) -> str:
    """The benchmarks one looks for, by the kind of agency: "nasional, provinsi atau
    standar pelayanan minimal" (core/agency.py)."""
    return result.istilah.pembanding if result.istilah else "nasional"


SEBAB_KOSONG = {
    "pendukung": "faktor pendukung belum diisi",
    "penghambat": "faktor penghambat belum diisi",
    "upaya": "upaya yang dilakukan belum diisi",
    "rencana": "rencana tindak lanjut belum diisi",
}


def _sebab(workbook, i: IndicatorResult) -> dict:
    """The causes and remedies of one indicator: supporting factors of a target reached;
    obstacles, what was done and what is planned for one missed (a placeholder for each
    that is not written, which the review notes list)."""
    a = next((x for x in workbook.analisis_indikator if x.kode_indikator == i.kode), None)
    status = {True: "target tercapai", False: "target belum tercapai"}.get(
        i.tercapai, "tidak dapat diukur" if not i.terukur else "capaian tidak terdefinisi")
    bagian = []

    def part(label_text: str, name: str, required: bool) -> None:
        items = list(getattr(a, name) or []) if a else []
        if items:
            bagian.append({"label": label_text, "butir": daftar(items)})
        elif required:
            bagian.append({"label": label_text, "butir": daftar([placeholder(SEBAB_KOSONG[name])])})

    missed = i.tercapai is False
    # a target reached with nothing written about it: a placeholder for its supporting
    # factors (the review notes name the cell), never an empty heading
    empty = not (a and (a.uraian or a.pendukung or a.penghambat or a.upaya or a.rencana))
    part("Faktor pendukung keberhasilan:", "pendukung", empty and not missed)
    part("Faktor penghambat:", "penghambat", missed)
    part("Upaya yang dilakukan:", "upaya", missed)
    part("Rencana tindak lanjut:", "rencana", missed)
    return {"judul": f"Indikator {_nama(i)} ({status})",
            "uraian": lines(a.uraian) if a and a.uraian else [],
            "bagian": bagian}


def _analisis_5(workbook, result: Result, g: GroupResult, inds) -> dict:
    missed = g.indikator_belum
    if missed:
        lead = (f"Target indikator {_daftar_kode(missed)} belum tercapai; penyebab, upaya yang "
                f"telah dilakukan dan rencana tindak lanjutnya diuraikan berikut, bersama faktor "
                f"pendukung indikator yang targetnya tercapai.")
    else:
        lead = ("Faktor pendukung keberhasilan, hambatan yang dihadapi dan upaya yang dilakukan "
                "untuk setiap indikator adalah sebagai berikut.")
    return {"judul": "Penyebab keberhasilan atau kegagalan dan upaya yang dilakukan",
            "paragraf": [lead], "daftar": [], "sebab": [_sebab(workbook, i) for i in inds]}


def _analisis_6(workbook, result: Result, g: GroupResult, inds, nomor: dict) -> dict:
    b, e = g.anggaran, g.efisiensi
    tabel = f" ({nomor['tabel_efisiensi']})" if nomor.get("tabel_efisiensi") else ""
    paragraf = []
    if b.pagu == 0:
        paragraf.append(f"Tidak ada sub kegiatan beranggaran yang dicatat mendukung indikator "
                        f"{label(g)}, sehingga anggaran dan tingkat efisiensinya tidak dapat "
                        f"disajikan.")
        return {"judul": "Efisiensi penggunaan sumber daya", "paragraf": paragraf, "daftar": []}
    paragraf.append(f"Anggaran {label(g)}, yaitu jumlah anggaran sub kegiatan yang mendukung "
                    f"indikatornya{tabel}, sebesar {fmt.rp(b.pagu)} dengan realisasi "
                    f"{fmt.rp(b.realisasi)}, atau serapan {fmt.pct(b.serapan)}.")
    if e.nilai is None:
        paragraf.append(f"Tingkat efisiensinya tidak dapat dihitung karena {e.alasan}.")
    else:
        places = rumus_desimal(lambda c, s: c / s, (e.capaian, e.serapan), e.nilai, 2)
        c, s = (fmt.angka(v, 2 if tepat(v, 2) else places) for v in (e.capaian, e.serapan))
        text = (f"Dengan capaian {fmt.pct(e.capaian)}, tingkat efisiensinya {c} / {s} = "
                f"{fmt.rasio(e.nilai)}")
        if e.tidak_terserap:
            text += (f". Angka di atas 1 ini bukan hasil penghematan: sebagian anggaran tidak "
                     f"terserap (serapan {fmt.pct(e.serapan)}, di bawah ambang "
                     f"{fmt.pct(e.ambang)}), dengan sisa anggaran {fmt.rp(b.sisa)}; "
                     f"penjelasannya ada pada bagian Realisasi Anggaran.")
        elif e.efisien:
            text += f", sehingga penggunaan sumber daya untuk {label(g)} efisien."
        else:
            text += (f", sehingga penggunaan sumber daya untuk {label(g)} belum efisien: "
                     "capaian kinerja lebih rendah daripada anggaran yang diserap.")
        paragraf.append(text if text.endswith(".") else text + ".")
    return {"judul": "Efisiensi penggunaan sumber daya", "paragraf": paragraf, "daftar": []}


def _analisis_7(workbook, result: Result, g: GroupResult, inds, nomor: dict) -> dict:
    tabel = f" ({nomor['tabel_dukungan']})" if nomor.get("tabel_dukungan") else ""
    if not g.program:
        return {"judul": "Program dan kegiatan yang menunjang",
                "paragraf": [f"Belum ada program dan kegiatan yang dicatat mendukung indikator "
                             f"{label(g)}."], "daftar": []}
    served = {k for i in inds for k in i.sub_kegiatan}
    butir, lemah = [], []
    for kode in g.program:
        p = result.node(kode)
        o = p.output
        cap = f", capaian {fmt.pct(o.capaian)} ({menunjang(o.menunjang).lower()})" \
            if o is not None and o.capaian is not None else ""
        butir.append(f"{p.nama}{cap}.")
        for n in p.walk():
            if n.level == "sub_kegiatan" and n.kode in served and n.output is not None \
                    and n.output.menunjang is False:
                lemah.append(f"{n.nama} ({fmt.pct(n.output.capaian)})")
    paragraf = [f"{label(g)} didukung oleh {kata(workbook, len(g.program))} program{tabel}:"]
    after = []
    if lemah:
        after.append(f"Sub kegiatan yang capaian keluarannya belum pada kategori tertinggi "
                     f"sehingga tidak menunjang: {fmt.rangkai(lemah)}.")
    else:
        after.append("Seluruh sub kegiatan pendukungnya mencapai kategori tertinggi pada "
                     "capaian keluarannya, sehingga menunjang.")
    return {"judul": "Program dan kegiatan yang menunjang keberhasilan atau kegagalan",
            "paragraf": paragraf, "daftar": daftar(butir, "huruf"), "penutup": after}


def _pengantar(workbook, result: Result, g: GroupResult, inds) -> str:
    what = "sasaran strategis" if g.tingkat == "sasaran" else "tujuan"
    n = len(inds)
    kode = _daftar_kode([i.kode for i in inds])
    ukur = "indikator kinerja utama" + (" tingkat tujuan" if g.tingkat == "tujuan" else "")
    if n == 1:
        return (f"{label(g)} diukur dengan satu {ukur}, yaitu indikator {kode}. Uraian "
                f"capaiannya disajikan lebih dahulu, lalu analisis {what} ini.")
    return (f"{label(g)} diukur dengan {kata(workbook, n)} {ukur} ({kode}). Uraian capaian "
            f"setiap indikator disajikan lebih dahulu, lalu analisis {what} ini secara "
            f"keseluruhan.")


def sasaran(workbook: InputWorkbook, result: Result, indikator: list[dict],
            kemajuan: dict[str, str]) -> list[dict]:
    """One entry per sasaran (and tujuan with own indicators), in the order of the tables:
    judul, label, pengantar, indikator (the per-indicator subsection entries of
    context_bab3), analisis (the seven: no, judul, paragraf, daftar, sebab, penutup)."""
    by_kode = {d["kode"]: d for d in indikator}
    nomor = {k: result.nomor.label(k) for k in result.nomor.nomor}
    out = []
    for g in result.kelompok:
        inds = [result.indicator(k) for k in g.indikator]
        items = [
            _analisis_1(workbook, result, g, inds),
            _analisis_2(workbook, result, g, inds, nomor),
            _analisis_3(workbook, result, g, inds, nomor, kemajuan),
            _analisis_4(workbook, result, g, inds, nomor),
            _analisis_5(workbook, result, g, inds),
            _analisis_6(workbook, result, g, inds, nomor),
            _analisis_7(workbook, result, g, inds, nomor),
        ]
        for n, item in enumerate(items, start=1):
            item["no"] = str(n)
            item.setdefault("sebab", [])
            item.setdefault("penutup", [])
        out.append({
            "kode": g.kode, "tingkat": g.tingkat, "label": label(g), "nama": g.nama,
            "judul": f"{label(g)}: {g.nama}",
            "capaian": fmt.pct(g.capaian), "kategori": g.kategori or fmt.DASH,
            "pengantar": _pengantar(workbook, result, g, inds),
            "indikator": [by_kode[k] for k in g.indikator if k in by_kode],
            "analisis": items,
        })
    return out
