"""BAB I Pendahuluan: namespace "bab1"."""

from __future__ import annotations

from ... import fmt
from ...core.results import Result
from ...workbook.models import InputWorkbook
from .common import daftar, kata, lines, one_line, picture


STATUS = {"pns": "PNS", "pppk": "PPPK", "kontrak": "Tenaga Kontrak"}
# What each staff table breaks the staff down by, for the sentence naming those not presented.
RINCIAN = (("tabel_jabatan", "jabatan"),
           ("tabel_pendidikan", "tingkat pendidikan"), ("tabel_golongan", "pangkat/golongan"))


def _kalimat_pegawai(workbook: InputWorkbook, result: Result) -> str:
    """The staff count of the staff-by-jabatan table in words, by status; a status nobody
    has is left out ("18 (delapan belas) orang, seluruhnya PNS" for an agency without PPPK
    or kontrak); the number words in the agency's style (common.kata)."""
    p = result.pegawai
    kapital = workbook.instansi.terbilang_kapital
    # in running text "tenaga kontrak" is lower case (PUEBI), as the number words
    parts = [(getattr(p, k), STATUS[k] if kapital else STATUS[k].replace("Tenaga Kontrak",
                                                                         "tenaga kontrak"))
             for k in p.status]
    if not parts:
        return kata(workbook, 0, "orang")
    if len(parts) == 1:
        return f"{kata(workbook, parts[0][0], 'orang')}, seluruhnya {parts[0][1]}"
    texts = [f"{kata(workbook, n, 'orang')} {label}" for n, label in parts]
    return f"{kata(workbook, p.jumlah, 'orang')}, terdiri atas {fmt.rangkai(texts)}"


def _judul_jabatan(result: Result) -> str:
    """The table's title names the statuses it counts: "Jumlah PNS dan PPPK Menurut
    Jabatan"; "Jumlah Pegawai Menurut Jabatan" when nobody is counted."""
    labels = [STATUS[k] for k in result.pegawai.status] or ["Pegawai"]
    return f"Jumlah {fmt.rangkai(labels)} Menurut Jabatan"


def _tidak_disajikan(result: Result) -> str:
    """One sentence for every staff table the agency has no rows for ("" when none is
    missing), so that two missing tables never give two sentences one after the other."""
    missing = [text for key, text in RINCIAN if not result.nomor.present[key]]
    if not missing:
        return ""
    return f"Rincian pegawai menurut {fmt.rangkai(missing)} tidak disajikan dalam laporan ini."


def bab1(workbook: InputWorkbook, result: Result) -> dict:
    inst = workbook.instansi
    units = []
    for n, u in enumerate(sorted(workbook.unit_organisasi, key=lambda u: u.no), start=1):
        units.append({
            "nomor": f"{n}.",
            "unit": u.unit,
            "jabatan": u.jabatan,
            "tugas": one_line(u.tugas),
            "fungsi": daftar(u.fungsi, "huruf"),
            "uraian_tugas": daftar(u.uraian_tugas, "huruf"),
        })
    p = result.pegawai
    # One column per status the agency has; with a single status the JUMLAH column says it all.
    columns = list(p.status) if len(p.status) > 1 else []
    jabatan = [{"no": str(r.no), "jabatan": r.jabatan,
                "nilai": [fmt.angka(getattr(r, k)) for k in columns],
                "jumlah": fmt.angka(p.per_jabatan.get(r.row))}
               for r in sorted(workbook.pegawai_jabatan, key=lambda r: r.no)]
    pendidikan = [{"no": str(r.no), "pendidikan": r.pendidikan, "jumlah": fmt.angka(r.jumlah)}
                  for r in sorted(workbook.pegawai_pendidikan, key=lambda r: r.no)]
    golongan = [{"no": str(r.no), "pangkat": r.pangkat, "golongan": r.golongan,
                 "jumlah": fmt.angka(r.jumlah)}
                for r in sorted(workbook.pegawai_golongan, key=lambda r: r.no)]
    return {
        "latar_belakang": lines(workbook.narasi.latar_belakang),
        "dasar_organisasi": one_line(inst.dasar_organisasi),
        "bagan": picture(workbook, "bagan", 160, 120, "bagan struktur organisasi belum ada: "
                         "isi Berkas Bagan Organisasi di sheet Instansi"),
        "unit": units,
        "pegawai": {
            "kalimat": _kalimat_pegawai(workbook, result),
            "judul_jabatan": _judul_jabatan(result),
            "kolom": [STATUS[k].upper() for k in columns],
            "jabatan": jabatan,
            "nilai": [fmt.angka(getattr(p, k)) for k in columns],
            "jumlah": fmt.angka(p.jumlah),
            "tidak_disajikan": _tidak_disajikan(result),
            "pendidikan": pendidikan,
            "jumlah_pendidikan": fmt.angka(p.pendidikan),
            "kata_pendidikan": kata(workbook, p.pendidikan),
            "golongan": golongan,
            "jumlah_golongan": fmt.angka(p.golongan),
            "kata_golongan": kata(workbook, p.golongan),
        },
        "isu_strategis": daftar(workbook.narasi.isu_strategis),
        "isu_tahunan": daftar(workbook.narasi.isu_tahunan),
        "landasan_hukum": daftar(workbook.narasi.landasan_hukum),
    }
