"""The words of the report that follow the kind of agency (Instansi "Jenis Instansi").

A perangkat daerah reports on its APBD, under a kepala daerah, with a Renstra aligned to the
RPJMD; a unit of a ministry or central agency (a directorate, a centre, a balai) reports on
the APBN (its DIPA), under the pimpinan of its ministry or agency, with a Renstra aligned to
the Renstra K/L and the RPJMN. One table here; the chapters and the spreadsheets read it.
"""

from __future__ import annotations

from ..workbook import models as m
from .results import Istilah

_DAERAH = dict(
    pusat=False, apb="APBD", apb_panjang="Anggaran Pendapatan dan Belanja Daerah",
    rpjm="RPJMD", rpjm_panjang="Rencana Pembangunan Jangka Menengah Daerah",
    pimpinan="kepala daerah", jenis="perangkat daerah", pemerintah="pemerintah daerah",
    renstra_acuan="Rencana Pembangunan Jangka Menengah Daerah (RPJMD)", dpa="DPA/DPPA",
    dpa_panjang="Dokumen Pelaksanaan Anggaran (DPA)",
    sasaran_atas="sasaran strategis daerah",
    pembanding="nasional, provinsi atau standar pelayanan minimal")

_PUSAT = dict(
    pusat=True, apb="APBN", apb_panjang="Anggaran Pendapatan dan Belanja Negara",
    rpjm="RPJMN", rpjm_panjang="Rencana Pembangunan Jangka Menengah Nasional",
    pimpinan="pimpinan kementerian/lembaga", jenis="unit kerja",
    pemerintah="kementerian/lembaga",
    renstra_acuan="Rencana Strategis Kementerian/Lembaga (Renstra K/L) dan Rencana "
                  "Pembangunan Jangka Menengah Nasional (RPJMN)",
    dpa="DIPA", dpa_panjang="Daftar Isian Pelaksanaan Anggaran (DIPA)", sasaran_atas="sasaran strategis kementerian/lembaga",
    pembanding="nasional, internasional atau standar lainnya")


def istilah(inst: m.Instansi) -> Istilah:
    """The words for this agency's kind."""
    return Istilah.make(**(_PUSAT if inst.pusat else _DAERAH))
