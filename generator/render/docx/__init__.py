"""The Word report (LKjIP) rendered from one master template with docxtpl.

`render(workbook, result, template_dir)` is what the pipeline calls. The context has one
namespace per chapter, each built by its own module so a chapter can be reworked alone:

    info      shared identity (instansi, year, signatory)      common.info
    no        number of each numbered table/figure ("3.4")     common.nomor (core/numbering)
    urut      its running number in its chapter ("4")          common.urut
    ada       whether the report holds each of them            common.ada
    sampul    cover                                            context_front.sampul
    depan     Kata Pengantar and Ikhtisar Eksekutif            context_front.depan
    bab1      BAB I Pendahuluan                                context_bab1.bab1
    bab2      BAB II Perencanaan Kinerja                       context_bab2.bab2
    bab3      BAB III Akuntabilitas Kinerja (charts included)   context_bab3.bab3
    bab4      BAB IV Penutup                                   context_bab4.bab4
    lampiran  PK, RKT, Renstra, Tabel 1.1, sarana, dokumentasi  context_lampiran.lampiran
"""

from __future__ import annotations

from pathlib import Path

from ...core.results import Result
from ...workbook.models import InputWorkbook
from .common import ada, info, nomor, urut
from .context_bab1 import bab1
from .context_bab2 import bab2
from .context_bab3 import bab3
from .context_bab4 import bab4
from .context_front import depan, sampul
from .context_lampiran import lampiran
from .render import TEMPLATE_NAME, meta_for, render_context

BUILDERS = {
    "info": info,
    "no": nomor,
    "urut": urut,
    "ada": ada,
    "sampul": sampul,
    "depan": depan,
    "bab1": bab1,
    "bab2": bab2,
    "bab3": bab3,
    "bab4": bab4,
    "lampiran": lampiran,
}

__all__ = ["render", "build_context", "BUILDERS", "TEMPLATE_NAME"]


def build_context(workbook: InputWorkbook, result: Result) -> dict:
    return {name: builder(workbook, result) for name, builder in BUILDERS.items()}


def render(workbook: InputWorkbook, result: Result, template_dir: Path) -> bytes:
    """The .docx bytes of the report for this workbook and its computed result."""
    template = Path(template_dir) / TEMPLATE_NAME
    return render_context(template, build_context(workbook, result), meta_for(workbook))
