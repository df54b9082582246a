"""Field types for the input models: pydantic annotated types built on `cells`.

Each type parses a raw cell value by the rules in `cells` and states its constraints
(ranges, lengths) so pydantic reports them; validation turns the errors into located
problems. The constraint values also feed the generated workbook documentation.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo
from pydantic_core import PydanticCustomError

from .cells import (NumberKind, check_code_chars, clean_text, split_items, to_date,
                    to_decimal)

MAX_NAME = 2000        # names, titles, indicator texts
MAX_NUMBER = 10**15    # no amount in a regional report comes near a quadrillion
MAX_NARRATIVE = 32767  # Excel's own limit for one cell


def _money(v: Any) -> Decimal:
    return to_decimal(v, NumberKind.MONEY)


def _decimal(v: Any) -> Decimal:
    return to_decimal(v, NumberKind.DECIMAL)


def _integer(v: Any) -> int:
    return int(to_decimal(v, NumberKind.INTEGER))


def _line(v: Any) -> str:
    return clean_text(v, multiline=False)


def _text(v: Any) -> str:
    return clean_text(v, multiline=True)


def _items(v: Any) -> list[str]:
    return split_items(clean_text(v, multiline=True))


def _code(v: Any) -> str:
    text = clean_text(v, multiline=False).replace(" ", "")
    check_code_chars(text)
    return text


def _date(v: Any, info: ValidationInfo) -> dt.date:
    epoch = (info.context or {}).get("epoch")
    return to_date(v, epoch)


def _nip(v: Any) -> str:
    if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
        raise PydanticCustomError(
            "nip_as_number", "nip_as_number",
            {"expected": "NIP ditulis sebagai teks, mis. 19680415 198911 1 001", "detail": ""},
        )
    text = clean_text(v, multiline=False)
    if not re.fullmatch(r"[0-9][0-9 ./-]*", text):
        raise PydanticCustomError(
            "invalid_value", "invalid_value",
            {"expected": "NIP berisi angka (boleh dipisah spasi)", "detail": ""},
        )
    return text


Money = Annotated[Decimal, BeforeValidator(_money), Field(ge=0, le=MAX_NUMBER)]
"""Rupiah, >= 0, full precision."""
Amount = Annotated[Decimal, BeforeValidator(_decimal), Field(ge=0, le=MAX_NUMBER)]
"""A non-negative quantity: a realisation, a numerator."""
Positive = Annotated[Decimal, BeforeValidator(_decimal), Field(gt=0, le=MAX_NUMBER)]
"""A strictly positive quantity: a target, a denominator."""
Percent = Annotated[Decimal, BeforeValidator(_decimal), Field(ge=0, le=100)]
"""A percentage between 0 and 100."""
Count = Annotated[int, BeforeValidator(_integer), Field(ge=0, le=MAX_NUMBER)]
Year = Annotated[int, BeforeValidator(_integer), Field(ge=1900, le=2100)]
Order = Annotated[int, BeforeValidator(_integer), Field(ge=1, le=MAX_NUMBER)]
Depth = Annotated[int, BeforeValidator(_integer), Field(ge=1, le=9)]
"""A level in an outline: 1 the top, 2 a detail of the row of level 1 above it, and so on."""
Line = Annotated[str, BeforeValidator(_line), Field(min_length=1, max_length=MAX_NAME)]
Narrative = Annotated[str, BeforeValidator(_text), Field(min_length=1, max_length=MAX_NARRATIVE)]
Items = Annotated[list[str], BeforeValidator(_items), Field(min_length=1)]
Code = Annotated[str, BeforeValidator(_code), Field(min_length=1, max_length=60)]
Date = Annotated[dt.date, BeforeValidator(_date)]
Nip = Annotated[str, BeforeValidator(_nip), Field(min_length=1, max_length=40)]


class TargetRange(BaseModel):
    """A target given as a range, e.g. "90-100" or "0–5"; the lower bound may be 0."""

    model_config = ConfigDict(frozen=True)
    low: Decimal
    high: Decimal

    def __str__(self) -> str:
        return f"{self.low}–{self.high}"


class Level(BaseModel):
    """A qualitative result or target: a level of an ordinal scale ("BB", "WTP")."""

    model_config = ConfigDict(frozen=True)
    kode: str

    def __str__(self) -> str:
        return self.kode


class NotMeasured(BaseModel):
    """A realisation that could not be measured ("tidak dapat diukur"); needs a reason."""

    model_config = ConfigDict(frozen=True)

    def __str__(self) -> str:
        return NOT_MEASURED_TEXT


NOT_MEASURED_TEXT = "Tidak dapat diukur"
_NOT_MEASURED = {"tidak dapat diukur", "tidak terukur", "n/a", "na", "tdd"}

_RANGE = re.compile(r"^\s*([\d.,]+)\s*%?\s*(?:-|–|—|s\.?\s*d\.?|sampai)\s*([\d.,]+)\s*%?\s*$",
                    re.IGNORECASE)
# A level of a qualitative scale: letters, optionally with + or - (AA, BB, WTP, A-).
_LEVEL = re.compile(r"^[A-Za-z][A-Za-z ]{0,29}[+-]?$")


def _level(v: Any) -> Level | None:
    if isinstance(v, Level):
        return v
    if isinstance(v, str):
        text = " ".join(v.split())
        if _LEVEL.match(text):
            return Level(kode=text)
    return None


def _number_target(v: Any) -> Decimal:
    value = to_decimal(v, NumberKind.DECIMAL)
    if value < 0:
        raise PydanticCustomError(
            "too_small", "too_small", {"expected": "angka ≥ 0", "detail": ""}
        )
    if value > MAX_NUMBER:
        raise PydanticCustomError(
            "too_big", "too_big", {"expected": "angka ≤ 1.000.000.000.000.000", "detail": ""}
        )
    return value


def _target(v: Any) -> Decimal | TargetRange | Level:
    if isinstance(v, (TargetRange, Level)):
        return v
    if isinstance(v, str):
        m = _RANGE.match(v)
        if m:
            low = to_decimal(m.group(1), NumberKind.DECIMAL)
            high = to_decimal(m.group(2), NumberKind.DECIMAL)
            if not (0 <= low < high <= MAX_NUMBER):
                raise PydanticCustomError(
                    "invalid_range", "invalid_range",
                    {"expected": "batas bawah ≥ 0 dan lebih kecil dari batas atas, mis. 90-100",
                     "detail": ""},
                )
            return TargetRange(low=low, high=high)
        level = _level(v)
        if level is not None:
            return level
    return _number_target(v)


def _realisasi(v: Any) -> Decimal | Level | NotMeasured:
    if isinstance(v, (Level, NotMeasured)):
        return v
    if isinstance(v, str):
        text = " ".join(v.split()).casefold()
        if text in _NOT_MEASURED:
            return NotMeasured()
        level = _level(v)
        if level is not None:
            return level
    return _number_target(v)


# Multipliers of a ratio indicator: realisasi = pembilang / penyebut x pengali (100 for a
# percentage, 1.000 or 100.000 for a rate "per 1.000 penduduk", "per 100.000 KH").
PENGALI = (1, 10, 100, 1000, 10000, 100000, 1000000)
PENGALI_TEXT = "1, 10, 100, 1.000, 10.000, 100.000 atau 1.000.000"


def _pengali(v: Any) -> Decimal:
    value = to_decimal(v, NumberKind.MONEY)   # "100.000": thousands grouping, as for Rupiah
    if value not in PENGALI:
        raise PydanticCustomError(
            "invalid_value", "invalid_value", {"expected": PENGALI_TEXT, "detail": ""})
    return Decimal(int(value))


Pengali = Annotated[Decimal, BeforeValidator(_pengali)]
"""The multiplier of a ratio indicator: one of PENGALI."""

Target = Annotated[Union[Decimal, TargetRange, Level], BeforeValidator(_target)]
"""A target: a number ≥ 0, a range such as 90-100 (the lower bound may be 0), or a level
of a qualitative scale (BB, WTP)."""
Realisasi = Annotated[Union[Decimal, Level, NotMeasured], BeforeValidator(_realisasi)]
"""A realisation: a number ≥ 0, a level of a qualitative scale, or "Tidak dapat diukur"."""

UPPER_SUFFIX = "_batas_atas"
"""A target field `x` may have an upper-bound column `x_batas_atas` (a range in two columns)."""


def combine_range(lower: Any, upper: Decimal | None, column: str = "Target"
                  ) -> Decimal | TargetRange | Level | None:
    """A target given in two columns: the target cell (the lower bound) and its upper-bound
    cell. No upper bound: the target cell as it is (a number, a range in one cell, a level).
    A number and an upper bound: the range [number, upper]. A one-cell range and an upper
    bound: accepted when the upper bound repeats the range's own, refused otherwise."""
    if upper is None:
        return lower
    if lower is None:
        raise PydanticCustomError("required", "required", {
            "expected": f"batas bawah di kolom {column}, karena batas atasnya diisi", "detail": ""})
    if isinstance(lower, Level):
        raise PydanticCustomError("invalid_range", "invalid_range", {
            "expected": "kosong, karena targetnya tingkat skala kualitatif (" + lower.kode + ")",
            "detail": ""})
    if isinstance(lower, TargetRange):
        if lower.high != upper:
            raise PydanticCustomError("invalid_range", "invalid_range", {
                "expected": f"batas atas yang sama dengan rentang di kolom {column} ({lower}), "
                            "atau kosong", "detail": ""})
        return lower
    if not lower < upper:
        raise PydanticCustomError("invalid_range", "invalid_range", {
            "expected": f"angka lebih besar dari batas bawah di kolom {column} ({lower})",
            "detail": ""})
    return TargetRange(low=lower, high=upper)


class Choice(str, Enum):
    """An enumeration whose cells are matched case-insensitively, with synonyms."""

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        return {}

    @classmethod
    def parse(cls, v: Any) -> "Choice":
        if isinstance(v, cls):
            return v
        text = " ".join(clean_text(v, multiline=False).split()).casefold()
        for member in cls:
            if member.value.casefold() == text:
                return member
        mapped = cls.synonyms().get(text)
        if mapped is not None:
            return cls(mapped)
        raise PydanticCustomError(
            "invalid_choice", "invalid_choice",
            {"expected": "salah satu dari: " + ", ".join(m.value for m in cls), "detail": ""},
        )


def field_parsers(info) -> list:
    """The BeforeValidator functions and constraint objects of a model field, also when
    the annotation is Optional[Annotated[...]]."""
    metadata = list(info.metadata)
    for arg in typing.get_args(info.annotation) or ():
        metadata.extend(getattr(arg, "__metadata__", ()))
    return metadata


def is_numeric(info) -> bool:
    """True for fields holding a number (money, quantity, percentage, count, target)."""
    funcs = {getattr(m, "func", None) for m in field_parsers(info)}
    return bool(funcs & {_money, _decimal, _integer, _target, _pengali})


def choice_enum(info) -> "type[Choice] | None":
    """The Choice enum a field is parsed into, if any."""
    for m in field_parsers(info):
        owner = getattr(getattr(m, "func", None), "__self__", None)
        if isinstance(owner, type) and issubclass(owner, Choice):
            return owner
    return None


def choice(enum: type[Choice]):
    return Annotated[enum, BeforeValidator(enum.parse)]


class Polaritas(Choice):
    NAIK = "Naik"
    TURUN = "Turun"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        return {
            "positif": "Naik", "maksimal": "Naik", "semakin tinggi semakin baik": "Naik",
            "higher is better": "Naik", "negatif": "Turun", "minimal": "Turun",
            "semakin rendah semakin baik": "Turun", "lower is better": "Turun",
        }


class KertasSpreadsheet(Choice):
    """The paper the finance spreadsheets are printed on (agency option)."""

    A4 = "A4"
    F4 = "F4"
    A3 = "A3"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        return {"folio": "F4", "f4/folio": "F4", "f4 (folio)": "F4", "folio (f4)": "F4",
                "f4 folio": "F4", "215 x 330": "F4", "215 x 330 mm": "F4"}


class CapaianSasaran(Choice):
    """How the capaian of a sasaran is obtained (agency option)."""

    RATA_RATA = "Rata-rata Indikator"
    WORKBOOK = "Dari Workbook"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        return {"rata-rata": "Rata-rata Indikator", "rata rata": "Rata-rata Indikator",
                "mean": "Rata-rata Indikator", "workbook": "Dari Workbook",
                "diisi": "Dari Workbook", "manual": "Dari Workbook"}


class YaTidak(Choice):
    YA = "Ya"
    TIDAK = "Tidak"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        return {"y": "Ya", "yes": "Ya", "true": "Ya", "1": "Ya",
                "t": "Tidak", "no": "Tidak", "false": "Tidak", "0": "Tidak"}


class JenisBelanja(Choice):
    """Account groups of regional spending (Permendagri 77/2020)."""

    PEGAWAI = "Belanja Pegawai"
    BARANG_JASA = "Belanja Barang dan Jasa"
    BUNGA = "Belanja Bunga"
    SUBSIDI = "Belanja Subsidi"
    HIBAH = "Belanja Hibah"
    BANSOS = "Belanja Bantuan Sosial"
    MODAL = "Belanja Modal"
    TIDAK_TERDUGA = "Belanja Tidak Terduga"     # 5.3 (carried by real SIPD-RI exports)
    TRANSFER = "Belanja Transfer"               # 5.4 (bagi hasil, bantuan keuangan)

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        out = {}
        for m in cls:
            short = m.value.removeprefix("Belanja ").casefold()
            out[short] = m.value
        out.update({"belanja barang jasa": cls.BARANG_JASA.value,
                    "barang jasa": cls.BARANG_JASA.value,
                    "barang & jasa": cls.BARANG_JASA.value,
                    "belanja barang & jasa": cls.BARANG_JASA.value,
                    "bansos": cls.BANSOS.value})
        return out

    @property
    def is_modal(self) -> bool:
        return self is JenisBelanja.MODAL

    @classmethod
    def from_kode(cls, kode_rekening: str) -> "JenisBelanja | None":
        """The group of a rekening code (Permendagri 90/2019 as SIPD writes it):
        5.1.01 Pegawai ... 5.1.06 Bantuan Sosial, 5.2 Modal, 5.3 Tidak Terduga, 5.4
        Transfer; None for a code that is not spending (pendapatan, pembiayaan)."""
        parts = kode_rekening.replace(" ", "").split(".")
        if len(parts) < 2 or parts[0] != "5":
            return None
        if parts[1] == "1":
            jenis = parts[2].lstrip("0") if len(parts) > 2 else ""
            return _BELANJA_OPERASI.get(jenis)
        return {"2": cls.MODAL, "3": cls.TIDAK_TERDUGA, "4": cls.TRANSFER}.get(
            parts[1].lstrip("0"))


_BELANJA_OPERASI = {"1": JenisBelanja.PEGAWAI, "2": JenisBelanja.BARANG_JASA,
                    "3": JenisBelanja.BUNGA, "4": JenisBelanja.SUBSIDI, "5": JenisBelanja.HIBAH,
                    "6": JenisBelanja.BANSOS}


class JenisPK(Choice):
    AWAL = "Awal"
    PERUBAHAN = "Perubahan"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        return {"murni": "Awal", "induk": "Awal", "revisi": "Perubahan"}


class BagianPK(Choice):
    STRATEGIS = "Sasaran Strategis"
    KEGIATAN = "Sasaran Kegiatan"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        return {"strategis": "Sasaran Strategis", "kegiatan": "Sasaran Kegiatan",
                "sasaran kegiatan individu": "Sasaran Kegiatan"}


class JenisInstansi(Choice):
    """The kind of agency: a regional one (of a kabupaten/kota or a province) or a unit of a
    ministry or central agency; the draft's words follow it (APBD/APBN, RPJMD/RPJMN, ...)."""

    KABUPATEN = "Perangkat Daerah Kabupaten/Kota"
    PROVINSI = "Perangkat Daerah Provinsi"
    KL = "Unit Kementerian/Lembaga"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        return {"kabupaten": cls.KABUPATEN.value, "kota": cls.KABUPATEN.value,
                "kabupaten/kota": cls.KABUPATEN.value, "opd": cls.KABUPATEN.value,
                "perangkat daerah": cls.KABUPATEN.value, "skpd": cls.KABUPATEN.value,
                "provinsi": cls.PROVINSI.value, "perangkat daerah provinsi": cls.PROVINSI.value,
                "kementerian": cls.KL.value, "lembaga": cls.KL.value, "k/l": cls.KL.value,
                "kementerian/lembaga": cls.KL.value, "unit k/l": cls.KL.value,
                "instansi pusat": cls.KL.value, "pusat": cls.KL.value}

    @property
    def pusat(self) -> bool:
        return self is JenisInstansi.KL


class GayaTerbilang(Choice):
    """How a count's number words are written: lower case as PUEBI writes them ("38 (tiga
    puluh delapan) orang", the default) or capitalised ("38 (Tiga Puluh Delapan) Orang")."""

    PUEBI = "Huruf Kecil (PUEBI)"
    KAPITAL = "Huruf Kapital"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        return {"puebi": cls.PUEBI.value, "kecil": cls.PUEBI.value,
                "huruf kecil": cls.PUEBI.value, "eyd": cls.PUEBI.value,
                "kapital": cls.KAPITAL.value, "besar": cls.KAPITAL.value,
                "huruf besar": cls.KAPITAL.value}


class TingkatPembanding(Choice):
    """Whose figure a benchmark is (its level)."""

    NASIONAL = "Nasional"
    PROVINSI = "Provinsi"
    KABUPATEN = "Kabupaten/Kota"
    SPM = "Standar Pelayanan Minimal"
    LAINNYA = "Lainnya"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        return {"spm": cls.SPM.value, "kabupaten": cls.KABUPATEN.value,
                "kota": cls.KABUPATEN.value, "daerah": cls.KABUPATEN.value,
                "nasional (rpjmn)": cls.NASIONAL.value, "rpjmn": cls.NASIONAL.value,
                "pusat": cls.NASIONAL.value, "provinsi (rpjmd)": cls.PROVINSI.value,
                "lain": cls.LAINNYA.value, "lain-lain": cls.LAINNYA.value,
                "internasional": cls.LAINNYA.value}


class JenisPembanding(Choice):
    """Whether a benchmark is a target set by someone else or a realisation measured."""

    TARGET = "Target"
    REALISASI = "Realisasi"

    @classmethod
    def synonyms(cls) -> dict[str, str]:
        return {"sasaran": "Target", "standar": "Target", "capaian": "Realisasi",
                "rata-rata": "Realisasi", "hasil": "Realisasi"}
