"""BAB III Akuntabilitas Kinerja: namespace "bab3"."""

from __future__ import annotations

from ... import fmt
from ...core.results import BudgetNode, IndicatorResult, Result
from ...workbook.fieldtypes import NOT_MEASURED_TEXT, TargetRange
from ...workbook.models import InputWorkbook
from . import charts
from .common import (
    PLACEHOLDER_PENJELASAN, budget_levels, daftar, dengan_satuan, hasil_kali, jenis_belanja, kali,
    kalimat, lines, menunjang, nilai_indikator, one_line, placeholder, ringkas_sub,
    rumus_kualitatif, sasaran_groups, target_dengan_satuan, uraian_node,
)

NOTE = "*)"


TURUN_TEKS = "makin rendah makin baik"
RUMUS_TURUN = "(2 × target − realisasi) / target × 100%"
RUMUS_NAIK = "realisasi / target × 100%"


def _rumus(r, t, lower: bool, cap, satuan=None) -> str:
    places = fmt.desimal(satuan, r, t)
    rs, ts = fmt.nilai(r, satuan, places), fmt.nilai(t, satuan, places)
    if lower:
        return f"(2 × {ts} − {rs}) / {ts} × 100% = {fmt.pct(cap)}"
    return f"{rs} / {ts} × 100% = {fmt.pct(cap)}"


def rumus_skor(i: IndicatorResult, skor, target, nama_target: str = "target") -> str:
    """How a capaian (or tingkat kemajuan) was obtained, in words and numbers (starts in
    lower case, to follow a colon; `_rumus_capaian` capitalises it as a paragraph)."""
    r = i.realisasi
    if not i.terukur:
        return "realisasi tidak dapat diukur; capaian tidak dihitung dan tidak termasuk dalam " \
            "rata-rata."
    if skor.nilai_target is not None:
        nr = f"nilai {fmt.nilai(r)} ({fmt.nilai(skor.nilai_realisasi)})"
        nt = f"nilai {fmt.target(target, i.satuan, tanda=False)} ({fmt.nilai(skor.nilai_target)})"
        if skor.nilai is None:
            return f"{nr} terhadap {nt}: tidak dapat dihitung, {skor.alasan}."
        if i.turun:
            return f"(2 × {nt} − {nr}) / {nt} × 100% = {fmt.pct(skor.nilai)}"
        return f"{nr} / {nt} × 100% = {fmt.pct(skor.nilai)}"
    if skor.nilai is None:
        return f"tidak dapat dihitung: {skor.alasan}."
    if isinstance(target, TargetRange):
        places = fmt.desimal(i.satuan, r, target)
        rentang = f"rentang {nama_target} {target_dengan_satuan(target, i.satuan, places)}"
        if skor.posisi == "dalam":
            return (f"realisasi {dengan_satuan(r, i.satuan, places)} berada di dalam {rentang}: "
                    f"{fmt.pct(skor.nilai)}")
        batas = "batas bawah" if skor.posisi == "bawah" else "batas atas"
        letak = "di bawah" if skor.posisi == "bawah" else "di atas"
        return (f"realisasi {dengan_satuan(r, i.satuan, places)} berada {letak} {rentang}, "
                f"diukur terhadap {batas} {dengan_satuan(skor.acuan, i.satuan, places)}: "
                f"{_rumus(r, skor.acuan, i.turun, skor.nilai, i.satuan)}")
    if skor.acuan == 0:
        return f"realisasi 0 terhadap {nama_target} 0: {nama_target} tercapai, {fmt.pct(skor.nilai)}"
    return _rumus(r, skor.acuan, i.turun, skor.nilai, i.satuan)


def _rumus_capaian(i: IndicatorResult) -> str:
    text = rumus_skor(i, i.skor, i.target)
    text = text[:1].upper() + text[1:]
    if i.capaian is not None and i.capaian_dinilai is not None \
            and i.capaian_dinilai != i.capaian:
        text += (f" (untuk kategori dan rata-rata dihitung {fmt.pct(i.capaian_dinilai)}, "
                 "batas atas capaian)")
    return text


def pengantar_capaian(i: IndicatorResult, tahun: int) -> str:
    """The sentence before the capaian formula: target used and the rule of its polarity."""
    head = f"Capaian kinerja terhadap target {i.target_sumber} Tahun {tahun}"
    if i.skala_kualitatif:
        return f"{head} ({rumus_kualitatif(i.skala_kualitatif, i.turun)}):"
    if i.turun:
        return f"{head} (indikator ini {TURUN_TEKS}, sehingga capaian = {RUMUS_TURUN}):"
    return f"{head}:"


def _kalimat_capaian(i: IndicatorResult, tahun: int) -> str:
    places = fmt.desimal(i.satuan, i.realisasi, i.target)
    target = f"target {target_dengan_satuan(i.target, i.satuan, places)} ({i.target_sumber})"
    if not i.terukur:
        alasan = f" {kalimat(i.keterangan)}" if i.keterangan else ""
        return (f"Realisasi indikator ini pada Tahun {tahun} tidak dapat diukur.{alasan} "
                f"Indikator ini tidak diberi kategori dan tidak ikut dalam rata-rata capaian "
                f"({target}).")
    real = dengan_satuan(i.realisasi, i.satuan, places)
    if i.capaian is None:
        return (f"Realisasi indikator ini pada Tahun {tahun} sebesar {real} dari {target}; "
                f"capaian tidak dapat dihitung karena {i.skor.alasan}.")
    turun = f" Indikator ini {TURUN_TEKS}." if i.turun and not i.skala_kualitatif else ""
    return (f"Realisasi indikator ini pada Tahun {tahun} sebesar {real} dari {target}, sehingga "
            f"capaian kinerjanya {fmt.pct(i.capaian)} dengan kategori {kategori_teks(i)}.{turun}")


def kategori_teks(i: IndicatorResult) -> str:
    if not i.terukur:
        return NOT_MEASURED_TEXT
    return i.kategori or fmt.DASH


def _sub_line(node: BudgetNode) -> str:
    o = node.output
    ind = f" ({o.indikator})" if o and o.indikator else ""
    if o is None:
        return f"Sub Kegiatan {node.nama}"
    return (f"Sub Kegiatan {node.nama}{ind}: realisasi {dengan_satuan(o.realisasi, o.satuan)} dari "
            f"target {target_dengan_satuan(o.target, o.satuan)}, capaian {fmt.pct(o.capaian)}.")


def _kemajuan_khusus(i: IndicatorResult) -> str:
    """Tingkat kemajuan against a range or a zero end target, each figure named once."""
    k, t = i.kemajuan, i.target_akhir
    places = fmt.desimal(i.satuan, i.realisasi, t)
    real = dengan_satuan(i.realisasi, i.satuan, places)
    if k.acuan == 0 and not isinstance(t, TargetRange):
        return (f"realisasi {real} terhadap target akhir Renstra "
                f"{target_dengan_satuan(t, i.satuan, places)}: target akhir tercapai, tingkat "
                f"kemajuan {fmt.pct(k.nilai)}")
    rentang = f"rentang target akhir Renstra {target_dengan_satuan(t, i.satuan, places)}"
    if k.posisi == "dalam":
        return f"realisasi {real} berada di dalam {rentang}, sehingga tingkat kemajuannya {fmt.pct(k.nilai)}"
    batas = "batas bawah" if k.posisi == "bawah" else "batas atas"
    letak = "di bawah" if k.posisi == "bawah" else "di atas"
    return (f"realisasi {real} berada {letak} {rentang}, diukur terhadap {batas} "
            f"{dengan_satuan(k.acuan, i.satuan, places)}: tingkat kemajuan "
            f"{_rumus(i.realisasi, k.acuan, i.turun, k.nilai, i.satuan)}")


def _sub_groups(result: Result, subs: list[BudgetNode]) -> list[dict]:
    """The supporting sub kegiatan grouped by the category of their output's capaian
    (highest band first). With one group the lead-in sentence names its category and the
    group has no heading of its own (judul ""); otherwise each group is headed once."""
    groups = _by_kategori(result, subs)
    out = []
    for kat, nodes in groups:
        count = f"{len(nodes)} sub kegiatan"
        if len(groups) == 1:
            judul = ""
        elif not kat:
            judul = f"Belum dapat dinilai ({count}):"
        else:
            judul = f"Kategori {kat} ({count}):"
        out.append({"judul": judul, "sub": daftar([_sub_line(n) for n in nodes])})
    return out


def _by_kategori(result: Result, subs: list[BudgetNode]) -> list[tuple[str, list[BudgetNode]]]:
    order = {b.kategori: b.urutan for b in result.skala}
    groups: dict[str, list[BudgetNode]] = {}
    for n in subs:
        kat = n.output.kategori if n.output and n.output.kategori else ""
        groups.setdefault(kat, []).append(n)
    keys = sorted(groups, key=lambda k: (k == "", order.get(k, 99), k))
    return [(k, groups[k]) for k in keys]


def _dukungan_pengantar(i: IndicatorResult, subs: list[BudgetNode], result: Result) -> str:
    """One sentence before the supporting sub kegiatan: how many, and their category when
    they share one (the count is the length of the list that follows)."""
    groups = _by_kategori(result, subs)
    n = len(subs)
    head = f"Pencapaian indikator {i.kode} didukung oleh {n} sub kegiatan"
    if len(groups) == 1:
        kat = groups[0][0]
        if not kat:
            return f"{head}, yang capaian keluarannya belum dapat dinilai:"
        if n == 1:
            return f"{head}, dengan capaian keluaran pada kategori {kat}:"
        return f"{head}, seluruhnya dengan capaian keluaran pada kategori {kat}:"
    return f"{head}, menurut kategori capaian keluarannya:"


def _support(result: Result, kode: str) -> list[BudgetNode]:
    sup = next((d for d in result.dukungan if d.kode_indikator == kode), None)
    return [] if sup is None else sup.nodes


def _indikator(workbook: InputWorkbook, result: Result) -> list[dict]:
    sasaran = {s.kode: s for s in result.sasaran}
    tujuan = {t.kode: t for t in result.tujuan}
    kinerja = {k.kode_indikator: k for k in workbook.kinerja_indikator}
    out = []
    for i in result.indikator:
        subs = [n for p in _support(result, i.kode) for n in p.walk() if n.level == "sub_kegiatan"]
        ada_rumus = i.pembilang is not None and i.penyebut is not None
        label = (f"{i.label_pembilang or 'Pembilang'} / {i.label_penyebut or 'Penyebut'}"
                 f"{kali(i.pengali)}")
        s = sasaran.get(i.kode_sasaran)
        t = tujuan.get(i.kode_tujuan)
        k = kinerja.get(i.kode)
        out.append({
            "kode": i.kode, "nama": i.nama,
            "sasaran_kode": i.kode_sasaran or "",
            "induk_label": f"Sasaran {i.kode_sasaran}" if s else f"Tujuan {i.kode_tujuan}",
            "sasaran": s.nama if s else (t.nama if t else ""),
            "realisasi": dengan_satuan(i.realisasi, i.satuan),
            "target": target_dengan_satuan(i.target, i.satuan),
            "target_sumber": i.target_sumber,
            "capaian": fmt.pct(i.capaian), "kategori": kategori_teks(i),
            "dukungan": _sub_groups(result, subs),
            # the workbook's note is said once, as a sentence of its own; for an indicator
            # that could not be measured it is already the reason in kalimat_capaian
            "keterangan": kalimat(k.keterangan) if k and i.terukur else "",
            "dukungan_pengantar": _dukungan_pengantar(i, subs, result),
            "ada_rumus": ada_rumus,
            "rumus_label": label,
            "rumus_angka": (f"{fmt.nilai(i.pembilang)} / {fmt.nilai(i.penyebut)}"
                            f"{kali(i.pengali)} = "
                            f"{fmt.nilai(i.realisasi, '%' if hasil_kali(i.pengali) else i.satuan)}"
                            f"{hasil_kali(i.pengali)}") if ada_rumus else "",
            "rumus_capaian": _rumus_capaian(i),
            "pengantar_capaian": pengantar_capaian(i, result.tahun),
            "kalimat_capaian": _kalimat_capaian(i, result.tahun),
            "kalimat_langsung": (f"Realisasi indikator ini dicatat langsung sebesar "
                                 f"{dengan_satuan(i.realisasi, i.satuan)}." if i.terukur else
                                 "Realisasi indikator ini tidak dapat diukur."),
        })
    return out


def _riwayat(result: Result) -> tuple[list[str], list[dict]]:
    years = sorted({y.tahun for i in result.indikator for y in i.riwayat})

    def row(i):
        by_year = {y.tahun: y for y in i.riwayat}
        cells = []
        for year in years:
            y = by_year.get(year)
            cells.append({"tahun": str(year), "target": nilai_indikator(y.target, i.satuan) if y else fmt.DASH,
                          "realisasi": nilai_indikator(y.realisasi, i.satuan) if y else fmt.DASH,
                          "capaian": fmt.persen(y.capaian) if y else fmt.DASH})
        return {"kode": i.kode, "nama": i.nama, "tahun": cells}

    return [str(y) for y in years], sasaran_groups(result, row)


def _analisis(workbook: InputWorkbook, result: Result) -> list[dict]:
    by_kode = {a.kode_indikator: a for a in workbook.analisis_indikator}
    out = []
    for i in result.indikator:
        a = by_kode.get(i.kode)
        places = fmt.desimal(i.satuan, i.realisasi, i.target)
        out.append({
            "kode": i.kode, "nama": i.nama,
            "realisasi": dengan_satuan(i.realisasi, i.satuan, places),
            "target": target_dengan_satuan(i.target, i.satuan, places),
            "capaian": fmt.pct(i.capaian), "kategori": kategori_teks(i),
            "uraian": lines(a.uraian) if a else [],
            "pendukung": daftar(a.pendukung) if a else [],
            "penghambat": daftar(a.penghambat) if a else [],
            "upaya": daftar(a.upaya) if a else [],
        })
    return out


def _outputs(node: BudgetNode) -> list:
    """Every indicator of a node (a program or kegiatan may have several)."""
    return list(node.outputs) or ([node.output] if node.output else [])


def _output_cells(node: BudgetNode, o=None) -> dict:
    o = node.output if o is None else o
    return {
        "indikator": (o.indikator or "") if o else "",
        "target": nilai_indikator(o.target, o.satuan) if o else fmt.DASH,
        "realisasi": nilai_indikator(o.realisasi, o.satuan) if o else fmt.DASH,
        "capaian": fmt.persen(o.capaian) if o else fmt.DASH,
    }


def _dukungan(result: Result) -> tuple[list[dict], list[dict]]:
    groups, per_sasaran = [], []
    levels = budget_levels(result, "program", "kegiatan", "sub_kegiatan")
    for s in result.groups():
        programs: dict[str, str] = {}
        nama = s.nama if s.tingkat == "sasaran" else f"Indikator Tujuan: {s.nama}"
        for kode in s.indikator:
            i = result.indicator(kode)
            rows = []
            for prog in _support(result, kode):
                programs.setdefault(prog.kode, prog.nama)
                for n in prog.walk():
                    if n.level not in levels:
                        continue
                    outs = _outputs(n) or [None]
                    for k, o in enumerate(outs):
                        # the node's own indicators (not the IKU's), one row each
                        row = {"tingkat": n.level, "uraian": uraian_node(n) if k == 0 else "",
                               "menunjang": menunjang(o.menunjang if o else None)}
                        row.update(_output_cells(n, o) if o else _output_cells(n))
                        rows.append(row)
            if not rows and "program" not in levels:
                # past the draft's program bound: the spreadsheet has them (sentence below)
                rows.append({"tingkat": "program", "uraian": "Lihat spreadsheet Efisiensi.",
                             "indikator": "", "target": fmt.DASH, "realisasi": fmt.DASH,
                             "capaian": fmt.DASH, "menunjang": fmt.DASH})
            if not rows:
                rows.append({"tingkat": "sub_kegiatan", "uraian": placeholder("belum ada sub kegiatan"),
                             "indikator": "", "target": fmt.DASH, "realisasi": fmt.DASH,
                             "capaian": fmt.DASH, "menunjang": fmt.DASH})
            groups.append({"no": str(len(groups) + 1), "sasaran": nama,
                           "indikator": f"{i.kode} {i.nama}", "capaian": fmt.persen(i.capaian),
                           "baris": rows})
        label = f"Sasaran {s.kode}" if s.tingkat == "sasaran" else f"Tujuan {s.kode}"
        per_sasaran.append({"kode": s.kode, "nama": s.nama, "label": label,
                            "program": daftar(list(programs.values()))})
    return groups, per_sasaran


def _levels(result: Result, levels) -> list[BudgetNode]:
    return [n for n in result.anggaran.walk() if n.level in levels]


def _anggaran_rows(result: Result) -> list[dict]:
    rows = []
    for n in _levels(result, budget_levels(result, "urusan", "program", "kegiatan",
                                           "sub_kegiatan")):
        b = n.budget
        rows.append({"tingkat": n.level, "uraian": uraian_node(n),
                     "pagu_sebelum": fmt.rupiah_kosong(b.pagu_sebelum),
                     "pagu": fmt.rupiah_kosong(b.pagu), "realisasi": fmt.rupiah_kosong(b.realisasi),
                     "serapan": fmt.persen(b.serapan), "sisa": fmt.rupiah_kosong(b.sisa)})
    return rows


def _ambang(workbook: InputWorkbook, result: Result) -> dict:
    below = {n.kode for n in result.sub_di_bawah_ambang}
    programs = []
    for prog in _levels(result, ("program",)):
        kegiatan = []
        for keg in prog.children:
            subs = [{"nama": s.nama, "serapan": fmt.pct(s.budget.serapan),
                     "penjelasan": one_line(s.penjelasan) or PLACEHOLDER_PENJELASAN}
                    for s in keg.children if s.kode in below]
            if subs:
                kegiatan.append({"nama": keg.nama, "sub": subs})
        if kegiatan:
            programs.append({"nama": prog.nama.upper(), "kegiatan": kegiatan})
    return {"ada": bool(below), "jumlah": fmt.jumlah_kata(len(below)),
            "batas": fmt.pct(workbook.instansi.ambang_serapan), "program": programs}


def _efisiensi_text(e) -> str:
    return fmt.rasio(e.nilai) if e is not None and e.nilai is not None else f"{fmt.DASH} {NOTE}"


def _efisiensi(result: Result) -> tuple[list[dict], list[str], list[dict], str]:
    notes, analisis, tidak = [], [], []

    def row(i):
        e = i.efisiensi
        if e.nilai is None:
            notes.append(f"{NOTE} Indikator {i.kode}: tingkat efisiensi tidak dapat dihitung "
                         f"karena {e.alasan or 'data tidak lengkap'}.")
        return {"kode": i.kode, "nama": i.nama, "target": nilai_indikator(i.target, i.satuan),
                "realisasi": nilai_indikator(i.realisasi, i.satuan),
                "capaian": fmt.persen(i.capaian), "pagu": fmt.rupiah_kosong(i.anggaran.pagu),
                "realisasi_rp": fmt.rupiah_kosong(i.anggaran.realisasi),
                "serapan": fmt.persen(i.anggaran.serapan), "efisiensi": _efisiensi_text(e)}

    groups = sasaran_groups(result, row)
    efisien, undefined = [], []
    defined = [i.efisiensi.efisien for i in result.indikator if i.efisiensi.nilai is not None]
    # when every ratio gives the same verdict, the conclusion below says it once
    one_verdict = len(set(defined)) <= 1
    for i in result.indikator:
        e = i.efisiensi
        if e.nilai is None:
            verdict = f"tingkat efisiensi tidak dapat dihitung ({e.alasan})"
            undefined.append(f"{i.kode} {i.nama}")
        else:
            verdict = f"tingkat efisiensi {fmt.rasio(e.nilai)}"
            if not one_verdict:
                verdict += f" ({'efisien' if e.efisien else 'tidak efisien'})"
            (efisien if e.efisien else tidak).append(f"{i.kode} {i.nama}")
        analisis.append(f"Indikator {i.kode} {i.nama}: realisasi kinerja "
                        f"{dengan_satuan(i.realisasi, i.satuan)} dengan capaian "
                        f"{fmt.pct(i.capaian)} dan serapan anggaran {fmt.pct(i.anggaran.serapan)}, "
                        f"sehingga {verdict}.")
    # Only indicators with a defined ratio are counted as efficient or not.
    parts = []
    if tidak:
        parts.append("Penggunaan sumber daya belum efisien pada indikator: " + "; ".join(tidak)
                     + ".")
        if efisien and not undefined:
            parts.append("Indikator lainnya efisien (tingkat efisiensi ≥ 1).")
    if efisien and (undefined or not tidak):
        if not tidak and not undefined:
            parts.append("Seluruh indikator memiliki tingkat efisiensi ≥ 1; dengan demikian "
                         "penggunaan sumber daya untuk mencapai tujuan dan sasaran tergolong "
                         "efisien.")
        else:
            parts.append("Indikator yang efisien (tingkat efisiensi ≥ 1): " + "; ".join(efisien)
                         + ".")
    if undefined:
        parts.append("Tingkat efisiensi tidak dapat dihitung, sehingga tidak dinilai efisien "
                     "maupun tidak efisien, untuk indikator: " + "; ".join(undefined) + ".")
    simpulan = " ".join(parts)
    return groups, notes, daftar(analisis, "huruf"), simpulan


def _efisiensi_program(result: Result) -> tuple[list[dict], list[str]]:
    rows, notes, n_prog = [], [], 0
    several = False
    for n in _levels(result, budget_levels(result, "program", "kegiatan", "sub_kegiatan")):
        if n.level == "program":
            n_prog += 1
        e = n.efisiensi
        if e is not None and e.nilai is None:
            notes.append(f"{NOTE} {uraian_node(n)}: tingkat efisiensi tidak dapat dihitung karena "
                         f"{e.alasan or 'data tidak lengkap'}.")
        row = {"tingkat": n.level, "no": str(n_prog) if n.level == "program" else "",
               "uraian": uraian_node(n), "pagu": fmt.rupiah_kosong(n.budget.pagu),
               "realisasi_rp": fmt.rupiah_kosong(n.budget.realisasi),
               "serapan": fmt.persen(n.budget.serapan), "efisiensi": _efisiensi_text(e)}
        outs = _outputs(n)
        if len(outs) > 1:
            # several indicators: the node's row carries the mean capaian its efficiency
            # uses (core budget.node_capaian), one row per indicator below it
            several = True
            row.update(target="", realisasi="",
                       capaian=fmt.persen(e.capaian) if e is not None else fmt.DASH)
            rows.append(row)
            for o in outs:
                cells = _output_cells(n, o)
                rows.append({"tingkat": "indikator", "no": "",
                             "uraian": f"Indikator: {cells.pop('indikator')}", **cells,
                             "pagu": "", "realisasi_rp": "", "serapan": "", "efisiensi": ""})
            continue
        cells = _output_cells(n)
        cells.pop("indikator")
        row.update(cells)
        rows.append(row)
    if not rows and not budget_levels(result, "program"):
        # past the draft's program bound: the spreadsheet has them (sentence below)
        rows.append({"tingkat": "program", "no": "", "uraian": "Lihat spreadsheet Efisiensi.",
                     "target": fmt.DASH, "realisasi": fmt.DASH, "capaian": fmt.DASH,
                     "pagu": fmt.DASH, "realisasi_rp": fmt.DASH, "serapan": fmt.DASH,
                     "efisiensi": fmt.DASH})
    if several:
        notes.append(f"{NOTE} Program atau kegiatan dengan beberapa indikator: capaian pada "
                     "barisnya adalah rata-rata capaian indikatornya (indikator yang tidak "
                     "dapat diukur atau tidak terdefinisi tidak dihitung), dan tingkat "
                     "efisiensinya = rata-rata itu / serapan.")
    return rows, notes


def bab3(workbook: InputWorkbook, result: Result) -> dict:
    models = {i.kode: i for i in workbook.indikator}

    def iku(i):
        return {"kode": i.kode, "nama": i.nama, "target": nilai_indikator(i.target, i.satuan),
                "realisasi": nilai_indikator(i.realisasi, i.satuan),
                "capaian": fmt.persen(i.capaian), "kategori": kategori_teks(i),
                "penanggung_jawab": (models[i.kode].penanggung_jawab or "-")
                if i.kode in models else "-"}

    def kemajuan(i):
        return {"kode": i.kode, "nama": i.nama,
                "realisasi": nilai_indikator(i.realisasi, i.satuan),
                "target_akhir": nilai_indikator(i.target_akhir, i.satuan),
                "kemajuan": fmt.persen(i.tingkat_kemajuan)}

    simpulan = []
    for i in result.indikator:
        awal = f"Indikator {i.kode} {i.nama}"
        if i.target_akhir is None:
            simpulan.append(f"{awal}: target akhir Renstra belum tersedia sehingga tingkat "
                            "kemajuan belum dapat dihitung.")
        elif not i.terukur:
            simpulan.append(f"{awal}: realisasi tidak dapat diukur sehingga tingkat kemajuan "
                            "tidak dihitung.")
        elif i.tingkat_kemajuan is None:
            simpulan.append(f"{awal}: tingkat kemajuan terhadap target akhir Renstra "
                            f"({target_dengan_satuan(i.target_akhir, i.satuan)}) tidak dapat "
                            f"dihitung karena {i.kemajuan.alasan}.")
        elif isinstance(i.target_akhir, TargetRange) or i.kemajuan.acuan == 0:
            simpulan.append(f"{awal}: {_kemajuan_khusus(i)}.")
        elif i.turun or i.skala_kualitatif:
            places = fmt.desimal(i.satuan, i.realisasi, i.target_akhir)
            turun = f" ({TURUN_TEKS})" if i.turun and not i.skala_kualitatif else ""
            simpulan.append(f"{awal}{turun}: tingkat kemajuan terhadap target akhir Renstra "
                            f"{target_dengan_satuan(i.target_akhir, i.satuan, places)} dihitung "
                            f"{rumus_skor(i, i.kemajuan, i.target_akhir, 'target akhir')}.")
        else:
            places = fmt.desimal(i.satuan, i.realisasi, i.target_akhir)
            simpulan.append(f"{awal}: realisasi "
                            f"{dengan_satuan(i.realisasi, i.satuan, places)} telah mencapai "
                            f"{fmt.pct(i.tingkat_kemajuan)} dari target akhir Renstra "
                            f"({target_dengan_satuan(i.target_akhir, i.satuan, places)}).")
    analisis = {a.kode_indikator: a for a in workbook.analisis_indikator}
    perbandingan = [{"kode": i.kode, "nama": i.nama,
                     "teks": one_line(analisis[i.kode].perbandingan)}
                    for i in result.indikator
                    if i.kode in analisis and analisis[i.kode].perbandingan]
    for n, p in enumerate(perbandingan, start=1):
        p["no"] = f"{n}."
    riwayat_tahun, riwayat = _riwayat(result)
    dukungan, per_sasaran = _dukungan(result)
    efisiensi, ef_notes, ef_analisis, ef_simpulan = _efisiensi(result)
    ef_program, ef_program_notes = _efisiensi_program(result)
    total = result.anggaran.budget
    keuangan_rows = [
        {"no": "1", "uraian": "Belanja Operasi", "pagu": fmt.rupiah_kosong(total.pagu_operasi),
         "realisasi": fmt.rupiah_kosong(total.realisasi_operasi),
         "serapan": fmt.persen(total.serapan_operasi)},
        {"no": "2", "uraian": "Belanja Modal", "pagu": fmt.rupiah_kosong(total.pagu_modal),
         "realisasi": fmt.rupiah_kosong(total.realisasi_modal),
         "serapan": fmt.persen(total.serapan_modal)},
    ]
    return {
        "skala": [{"urutan": str(b.urutan), "rentang": fmt.rentang(b.batas_bawah, b.batas_atas),
                   "kategori": b.kategori} for b in sorted(result.skala, key=lambda b: b.urutan)],
        "iku": sasaran_groups(result, iku),
        "indikator": _indikator(workbook, result),
        "riwayat_tahun": riwayat_tahun,
        "riwayat": riwayat,
        "perbandingan": perbandingan,
        "kemajuan": sasaran_groups(result, kemajuan),
        "kemajuan_simpulan": daftar(simpulan),
        "analisis": _analisis(workbook, result),
        "dukungan": dukungan,
        "dukungan_catatan": ringkas_sub(workbook, result, "spreadsheet Efisiensi"),
        "program_per_sasaran": per_sasaran,
        "grafik_capaian": charts.capaian_chart(result),
        "anggaran": _anggaran_rows(result),
        "anggaran_catatan": ringkas_sub(workbook, result, "spreadsheet Efisiensi"),
        "grafik_serapan": charts.serapan_chart(result),
        "total": {
            "pagu_sebelum": fmt.rupiah_kosong(total.pagu_sebelum),
            "pagu": fmt.rupiah(total.pagu), "realisasi": fmt.rupiah(total.realisasi),
            "serapan": fmt.persen(total.serapan), "sisa": fmt.rupiah(total.sisa),
            "rp_pagu": fmt.rp(total.pagu), "rp_realisasi": fmt.rp(total.realisasi),
            "rp_sisa": fmt.rp(total.sisa), "serapan_pct": fmt.pct(total.serapan),
        },
        "ambang": _ambang(workbook, result),
        "efisiensi": efisiensi,
        "efisiensi_catatan": ef_notes,
        "efisiensi_analisis": ef_analisis,
        "efisiensi_simpulan": ef_simpulan,
        "efisiensi_program": ef_program,
        "efisiensi_program_catatan": [t for t in [ringkas_sub(
            workbook, result, "spreadsheet Efisiensi")] if t] + ef_program_notes,
        "evaluasi": lines(workbook.narasi.evaluasi),
        "keuangan": {
            "rp_pagu": fmt.rp(total.pagu), "rp_pagu_operasi": fmt.rp(total.pagu_operasi),
            "rp_pagu_modal": fmt.rp(total.pagu_modal), "baris": keuangan_rows,
            **jenis_belanja(result.ikhtisar.jenis_belanja),
        },
    }
