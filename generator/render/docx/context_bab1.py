"""BAB I Pendahuluan: namespace "bab1"."""

from __future__ import annotations

from ... import fmt
from ...core.results import Result
from ...workbook.models import InputWorkbook
from .common import daftar, lines, one_line, picture


def _kalimat_pegawai(result: Result) -> str:
    """The staff count of Tabel 1.1 in words, by status; a status nobody has is left out
    ("18 (Delapan Belas) Orang, seluruhnya PNS" for an agency without PPPK or kontrak)."""
    p = result.pegawai
    parts = [(n, label) for n, label in ((p.pns, "PNS"), (p.pppk, "PPPK"),
                                         (p.kontrak, "Tenaga Kontrak")) if n]
    if not parts:
        return fmt.jumlah_kata(0, "Orang")
    if len(parts) == 1:
        return f"{fmt.jumlah_kata(parts[0][0], 'Orang')}, seluruhnya {parts[0][1]}"
    texts = [f"{fmt.jumlah_kata(n, 'Orang')} {label}" for n, label in parts]
    return (f"{fmt.jumlah_kata(p.jumlah, 'Orang')}, terdiri atas " + ", ".join(texts[:-1])
            + " dan " + texts[-1])


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
    jabatan = [{"no": str(r.no), "jabatan": r.jabatan, "pns": fmt.angka(r.pns),
                "pppk": fmt.angka(r.pppk), "kontrak": fmt.angka(r.kontrak),
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
            "kalimat": _kalimat_pegawai(result),
            "jabatan": jabatan,
            "pns": fmt.angka(p.pns),
            "pppk": fmt.angka(p.pppk),
            "kontrak": fmt.angka(p.kontrak),
            "jumlah": fmt.angka(p.jumlah),
            "pendidikan": pendidikan,
            "jumlah_pendidikan": fmt.angka(p.pendidikan),
            "kata_pendidikan": fmt.jumlah_kata(p.pendidikan),
            "golongan": golongan,
            "jumlah_golongan": fmt.angka(p.golongan),
            "kata_golongan": fmt.jumlah_kata(p.golongan),
        },
        "isu_strategis": daftar(workbook.narasi.isu_strategis),
        "isu_tahunan": daftar(workbook.narasi.isu_tahunan),
        "landasan_hukum": daftar(workbook.narasi.landasan_hukum),
    }
