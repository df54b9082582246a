"""Helpers shared by the chapter context builders: text splitting, lists, officials.

Builders only format (through generator.fmt) and arrange; every figure comes from the
computed `Result` or, for raw facts, from the validated `InputWorkbook`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Optional

from ... import fmt
from ...numbers import round_half_up
from ...core.results import BudgetNode, IndicatorResult, Result
from ...workbook.fieldtypes import Level, NotMeasured, TargetRange
from ...workbook.models import InputWorkbook

# A placeholder is something the workbook lacks and a reviewer must fill in: a short
# bracketed text that the renderer highlights in yellow (layout.highlight_placeholders).
# The review notes name the sheet and cell for each; the markers never reach the document.
PH_OPEN, PH_CLOSE = "\ue000", "\ue001"


def placeholder(text: str) -> str:
    """A short bracketed placeholder, e.g. "[penjelasan belum diisi]", marked for highlight."""
    return f"{PH_OPEN}[{text}]{PH_CLOSE}"


PLACEHOLDER_PENJELASAN = placeholder("penjelasan belum diisi")


@dataclass(frozen=True)
class Figure:
    """A picture from the agency, scaled to fit a frame of max_w x max_h mm keeping its
    aspect; the render module turns it into a docxtpl InlineImage."""

    data: bytes
    width_px: int
    height_px: int
    max_w_mm: float
    max_h_mm: float

    def size_mm(self) -> tuple[float, float]:
        scale = min(self.max_w_mm / self.width_px, self.max_h_mm / self.height_px)
        return self.width_px * scale, self.height_px * scale


def picture(workbook: InputWorkbook, slot: str, max_w_mm: float, max_h_mm: float,
            missing: str):
    """The agency's picture for a slot, or a highlighted placeholder (the review notes
    say which cell names the file)."""
    pic = workbook.gambar.get(slot)
    if pic is None or not pic.ok:
        return placeholder(missing)
    return Figure(pic.data, pic.width, pic.height, max_w_mm, max_h_mm)


# what a narrative line loses: control characters but the tab, and the placeholder markers
_DROPPED = dict.fromkeys([*(c for c in range(32) if c != ord("\t")), ord(PH_OPEN), ord(PH_CLOSE)])


def lines(text: Optional[str]) -> list[str]:
    """A narrative cell split into paragraphs (one per non-empty line), no control chars."""
    if not text:
        return []
    out = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = line.translate(_DROPPED).strip()
        if line:
            out.append(line)
    return out


def one_line(text: Optional[str]) -> str:
    """A narrative cell kept in one paragraph (lines joined by spaces)."""
    return " ".join(lines(text))


def kalimat(text: Optional[str]) -> str:
    """A workbook note as a sentence of its own: one line, capital first letter, ending with
    a full stop (unless it already ends with . ! ? or a closing bracket after one)."""
    text = one_line(text)
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    if text[-1] not in ".!?":
        text += "."
    return text


def daftar(entries: Optional[Iterable[str]], gaya: str = "angka") -> list[dict]:
    """A list with literal markers: 1., 2., ... or a., b., ..."""
    out = []
    for i, text in enumerate(entries or []):
        text = one_line(text)
        if not text:
            continue
        no = fmt.huruf(len(out)) if gaya == "huruf" else f"{len(out) + 1}."
        out.append({"no": no, "teks": text})
    return out


def nilai_indikator(value, satuan: Optional[str]) -> str:
    """A realisation or target in a table cell: 99,23, 100,00 for a percentage, 845 for a
    count (the unit is in the header or the SATUAN column)."""
    if isinstance(value, TargetRange) or isinstance(value, Level):
        return fmt.target(value, satuan, tanda=False)
    return fmt.nilai(value, satuan)


def dengan_satuan(value, satuan: Optional[str], places: Optional[int] = None) -> str:
    """A value in a sentence: 99,23%, 100,00% or 845 Orang (`places`: see fmt.desimal)."""
    text = fmt.nilai(value, satuan, places)
    if value is None or isinstance(value, (Level, NotMeasured)):
        return text     # a level (BB) or "Tidak dapat diukur" carries no unit
    satuan = (satuan or "").strip()
    if fmt.is_persen(satuan):
        return f"{text}%"
    return f"{text} {satuan}".strip()


def target_dengan_satuan(value, satuan: Optional[str], places: Optional[int] = None) -> str:
    satuan = (satuan or "").strip()
    text = fmt.target(value, satuan, places=places)
    if value is None or satuan == "" or fmt.is_persen(satuan) or isinstance(value, Level):
        return text
    return f"{text} {satuan}"


def kali(pengali) -> str:
    """The multiplier of a realisation formula as the core applies it (IndicatorResult
    .pengali): " × 100%" for a percentage, " × 100.000" for a rate, nothing for 1."""
    if pengali is None or pengali == 100:
        return " × 100%"
    return "" if pengali == 1 else f" × {fmt.nilai(pengali)}"


def hasil_kali(pengali) -> str:
    """The unit after the result of that formula: "%" for a percentage."""
    return "%" if pengali is None or pengali == 100 else ""


def rumus_kualitatif(skala: str, turun: bool) -> str:
    """The capaian rule of a qualitative indicator, by its polarity (core/indicators.py)."""
    if turun:
        return (f"indikator kualitatif (skala {skala}), makin rendah nilai tingkatnya makin "
                "baik: capaian = (2 × nilai tingkat target − nilai tingkat realisasi) / nilai "
                "tingkat target × 100%")
    return (f"indikator kualitatif (skala {skala}): capaian = nilai tingkat realisasi / nilai "
            "tingkat target × 100%")


def menunjang(flag: Optional[bool]) -> str:
    return fmt.DASH if flag is None else ("Menunjang" if flag else "Tidak Menunjang")


def pejabat(workbook: InputWorkbook, kode: str) -> dict:
    p = next((x for x in workbook.pejabat if x.kode == kode), None)
    if p is None:
        missing = placeholder(f"pejabat {kode} tidak ada di sheet Pejabat")
        return {"nama": missing, "jabatan": missing, "jabatan_upper": missing, "nip": "",
                "nip_baris": "", "pangkat_gol": ""}
    if p.pangkat and p.golongan:
        pangkat_gol = f"{p.pangkat} ({p.golongan})"
    else:
        pangkat_gol = p.pangkat or p.golongan or ""
    # the head of the agency carries the title of the Instansi sheet wherever it appears
    # (signatures, PK statements), the other officials their own jabatan
    jabatan = workbook.instansi.jabatan_kepala_instansi \
        if kode == workbook.instansi.kode_kepala else p.jabatan
    return {
        "nama": p.nama,
        "jabatan": jabatan,
        "jabatan_upper": jabatan.upper(),
        "nip": fmt.nip(p.nip),
        "nip_baris": f"NIP. {fmt.nip(p.nip)}" if p.nip else "",
        "pangkat_gol": pangkat_gol,
    }


def kepala(workbook: InputWorkbook) -> dict:
    """The signatory of the report, with the head's title of the Instansi sheet (Camat
    Baamang, Kepala Dinas Sosial; models.Instansi.jabatan_kepala_instansi)."""
    return pejabat(workbook, workbook.instansi.kode_kepala)


def info(workbook: InputWorkbook, result: Result) -> dict:
    inst = workbook.instansi
    ttd = kepala(workbook)
    # the line under the head's title in a signature: the pemda (or ministry), unless the
    # title already names it ("Sekretaris Daerah Provinsi Sumatera Utara")
    induk_baris = "" if inst.induk and " ".join(inst.induk.split()).casefold() in \
        " ".join(str(ttd["jabatan"]).split()).casefold() else inst.induk.upper()
    return {
        "tahun": str(inst.tahun),
        "nama_instansi": inst.nama_instansi,
        "nama_pemda": inst.induk,
        "pemda_upper": inst.induk.upper(),
        "induk": inst.induk,
        "induk_upper": inst.induk.upper(),
        "induk_baris": induk_baris,
        "nama_lengkap": inst.nama_lengkap,
        "nama_lengkap_upper": inst.nama_lengkap.upper(),
        "tempat": inst.tempat,
        "tanggal": fmt.tanggal(inst.tanggal),
        "bulan_tahun": fmt.bulan_tahun(inst.tanggal),
        "periode_renstra": f"{inst.renstra_awal}-{inst.renstra_akhir}",
        "renstra_akhir": str(inst.renstra_akhir),
        "ttd": ttd,
    }


def istilah(workbook: InputWorkbook, result: Result) -> dict:
    """Namespace "istilah": the words that follow the kind of agency (core/agency.py):
    APBD or APBN, RPJMD or RPJMN, kepala daerah or pimpinan kementerian/lembaga, ..."""
    words = dict(result.istilah) if result.istilah is not None else {}
    words.pop("pusat", None)
    return {**words, "pusat": bool(result.istilah and result.istilah.pusat)}


def kata(workbook: InputWorkbook, value: int, satuan: str = "") -> str:
    """A count with its number words in the agency's style (Instansi "Gaya Terbilang"):
    "38 (tiga puluh delapan) orang" (PUEBI, default) or "38 (Tiga Puluh Delapan) Orang"."""
    return fmt.jumlah_kata(value, satuan, workbook.instansi.terbilang_kapital)


def skala(result: Result) -> list[dict]:
    """Tabel 3.1 and the Ikhtisar: each category with its interval as the agency writes it
    (fmt.rentang: "76–90", or the Batas Atas of the Skala Kategori sheet)."""
    return [{"urutan": str(b.urutan), "kategori": b.kategori,
             "rentang": fmt.rentang(b.batas_bawah, b.batas_atas, b.batas_atas_tertulis),
             "jumlah": str(b.jumlah_indikator)}
            for b in sorted(result.skala, key=lambda b: b.urutan)]


def _printed_upper(b) -> Optional[Decimal]:
    """The upper end Tabel 3.1 prints for a band (fmt.rentang), None for an open one."""
    if b.batas_atas_tertulis is not None:
        return b.batas_atas_tertulis
    if b.batas_atas is None:
        return None
    whole = b.batas_bawah == b.batas_bawah.to_integral_value() and \
        b.batas_atas == b.batas_atas.to_integral_value()
    return b.batas_atas - 1 if whole else None


def skala_catatan(result: Result) -> str:
    """The note under Tabel 3.1: the kategori follows the lower bounds, so a capaian above
    100 is in the top category, and one between two printed intervals (76–90, 91–100)
    falls into the lower."""
    bands = sorted(result.skala, key=lambda b: b.batas_bawah, reverse=True)
    top = bands[0]
    text = (f"Kategori ditentukan oleh batas bawah setiap rentang: capaian {fmt.nilai(top.batas_bawah)}% "
            f"atau lebih, termasuk di atas 100%, masuk kategori {top.kategori}")
    gap = next((b for b in bands if b.batas_atas is not None and _printed_upper(b) is not None
                and _printed_upper(b) < b.batas_atas), None)
    if gap is not None:
        example = (_printed_upper(gap) + gap.batas_atas) / 2
        text += (f"; capaian di antara dua rentang masuk rentang di bawahnya (mis. "
                 f"{fmt.persen(example)}% termasuk {gap.kategori})")
    return text + "."


def rumus_desimal(fn, values, hasil, base: int = 2, paling: int = 6) -> int:
    """The decimals to show the computed figures of a formula with, so that the formula
    computed from the figures as printed gives the result as printed (2 decimals):
    "98,2456 / 97,50 × 100% = 100,76%", never "98,25 / 97,50 × 100% = 100,76%" (which gives
    100,77). `base` is the usual count (fmt.desimal); a figure exact at `base` (a target
    as typed) keeps it (`tepat`), the others get more decimals only when needed."""
    shown = round_half_up(Decimal(hasil), 2)
    for places in range(base, paling + 1):
        try:
            again = fn(*[Decimal(v) if tepat(v, base) else round_half_up(Decimal(v), places)
                         for v in values])
        except (ZeroDivisionError, ArithmeticError):
            continue
        if round_half_up(Decimal(again), 2) == shown:
            return places
    return base


def tepat(value, places: int) -> bool:
    """Whether a figure shows exactly with that many decimals (97,5 with 2: 97,50)."""
    return round_half_up(Decimal(value), places) == Decimal(value)


BUDGET_DEPTH = ("total", "urusan", "program", "kegiatan", "sub_kegiatan", "jenis", "rekening")


def budget_levels(result: Result, *levels: str) -> tuple[str, ...]:
    """The budget levels a table of the draft lists: down to the level the core says the
    draft lists (`Result.draf_tingkat`: sub kegiatan, or kegiatan, program or urusan for a
    workbook past the bounds)."""
    if result.draf_sub_kegiatan:
        return levels
    deepest = BUDGET_DEPTH.index(result.draf_tingkat if result.draf_tingkat != "sub_kegiatan"
                                 else "kegiatan")
    return tuple(lv for lv in levels if BUDGET_DEPTH.index(lv) <= deepest)


def ringkas_sub(workbook: InputWorkbook, result: Result, where: str) -> str:
    """The sentence under a table that stops above the sub kegiatan level ("" when it
    does not)."""
    if result.draf_sub_kegiatan:
        return ""
    if result.draf_tingkat == "urusan":
        return (f"Tabel ini memuat jumlah per urusan saja karena workbook memuat "
                f"{fmt.angka(len(workbook.program))} program; rincian setiap program, "
                f"kegiatan dan sub kegiatan ada pada {where} yang dibuat bersama laporan ini.")
    if result.draf_tingkat == "program":
        return (f"Tabel ini memuat program saja karena workbook memuat "
                f"{fmt.angka(len(workbook.kegiatan))} kegiatan; rincian setiap kegiatan dan "
                f"sub kegiatan ada pada {where} yang dibuat bersama laporan ini.")
    return (f"Tabel ini memuat program dan kegiatan saja karena workbook memuat "
            f"{fmt.angka(len(workbook.sub_kegiatan))} sub kegiatan; rincian setiap sub "
            f"kegiatan ada pada {where} yang dibuat bersama laporan ini.")


def nomor(workbook: InputWorkbook, result: Result) -> dict:
    """Namespace "no": the number of every numbered table and figure ("3.4"), decided once
    in the core (core/numbering.py); "" for one the report does not hold."""
    return dict(result.nomor.nomor)


def urut(workbook: InputWorkbook, result: Result) -> dict:
    """Namespace "urut": the running number of every numbered table and figure within its
    chapter ("4" of "3.4"), which the template's captions hold in a Word SEQ field; "" for
    one the report does not hold."""
    return {key: n.rsplit(".", 1)[-1] if n else "" for key, n in result.nomor.nomor.items()}


def ada(workbook: InputWorkbook, result: Result) -> dict:
    """Namespace "ada": whether the report holds each numbered table or figure."""
    return dict(result.nomor.present)


def uraian_node(node: BudgetNode) -> str:
    """Row label of a budget node in the seed's style."""
    if node.level in ("urusan", "program"):
        return node.nama.upper()
    if node.level == "kegiatan":
        return f"Kegiatan {node.nama}"
    if node.level == "sub_kegiatan":
        return f"Sub Kegiatan {node.nama}"
    return node.nama


def sasaran_groups(result: Result, rows_for, rata=None) -> list[dict]:
    """Indicator groups, numbered, each with its indicators' rows: for {% vm %} tables.

    A group is a sasaran, or a tujuan's own indicators (labelled "Tujuan: ..."). `rata`,
    given the group's GroupResult, returns the group's own row (its capaian, budget, ...),
    put after its indicators with `rata` true (the tables print it in bold); every other
    row has `rata` false."""
    out = []
    for g in result.groups():
        rows = [{**rows_for(result.indicator(k)), "rata": False} for k in g.indikator]
        if not rows:
            continue
        if rata is not None:
            extra = rata(result.group(g.tingkat, g.kode))
            if extra:
                rows.append({**extra, "rata": True})
        label = g.nama if g.tingkat == "sasaran" else f"Indikator Tujuan: {g.nama}"
        out.append({"no": str(len(out) + 1), "kode": g.kode, "sasaran": label,
                    "tujuan": g.tujuan, "tingkat": g.tingkat, "indikator": rows})
    return out


def indicator_label(i: IndicatorResult) -> str:
    return f"{i.kode} {i.nama}"


JENIS_BELANJA = {"operasi": "Belanja Operasi", "modal": "Belanja Modal"}


def jenis_belanja(kinds: tuple[str, ...]) -> dict:
    """For the sentences on the budget's make-up (the core's `Ikhtisar.jenis_belanja`):
    `dua_jenis` when it has both belanja operasi and modal, each then named with its
    amount; otherwise `jenis_tunggal`, the one kind it has ("Belanja Operasi"), said once
    instead of "... dan Belanja Modal Rp0"."""
    return {"dua_jenis": len(kinds) == 2,
            "jenis_tunggal": JENIS_BELANJA[kinds[0]] if len(kinds) == 1 else ""}


def jumlah_iku(ik, workbook: Optional[InputWorkbook] = None) -> dict:
    """The IKU counts of the Ikhtisar in words: the sasaran's indicators, and the tujuan's
    own ones ("" when there are none), which the sentences name apart."""
    kapital = workbook is not None and workbook.instansi.terbilang_kapital
    return {"jumlah_indikator_sasaran": fmt.jumlah_kata(ik.jumlah_indikator
                                                        - ik.jumlah_indikator_tujuan,
                                                        kapital=kapital),
            "jumlah_indikator_tujuan": fmt.jumlah_kata(ik.jumlah_indikator_tujuan,
                                                       kapital=kapital)
            if ik.jumlah_indikator_tujuan else ""}
