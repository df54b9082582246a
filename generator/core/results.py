"""The core's result: every figure the Word report and the spreadsheets show.

Values are full-precision Decimals; rounding happens only when a renderer displays them
(`generator.fmt`). A ratio that cannot be computed (a division by zero) is None, with
the reason beside it, never 0.

Construction. The core builds every result model with `Model.make(...)` and changes one
with `model.replace(...)`, never with `Model(...)` or `model_copy(update=...)`. In a run
`make` does not validate: the values come from the validated workbook models and from the
core's own arithmetic, so they already have the declared types, and pydantic's validation
would only cost time: building the validators of these classes on first use was some 14 ms
of the core's 30 ms on the sample (a fresh process), then a check per construction. `make`
fills the `__dict__` a validated model would have: the values given, in field order, with
the defaults (a fresh list for a `[]` default or a `default_factory`); the fields set are
the fields given, as for a validated model, so `lean` and `model_copy` work unchanged. It
handles no aliases, validators or `model_post_init` of our own: `_plan` refuses a class
that has any. (pydantic's `model_construct` does the same more slowly than validation
itself: 5 µs a BudgetNode, 135 µs when it calls a default_factory, which it inspects each
time; `make` takes 1.7 µs, as validation does.)

The tests keep that honest: with LKJIP_CHECK_RESULTS=1 in the environment (read once, at
import; tests/conftest.py sets it, child processes inherit it) every `make` and
`replace` also validates the same values as `Model(**values)` did before, so a wrong type
raises pydantic's ValidationError, and then demands that validation changed nothing: the
same objects in containers of the same kinds, nothing coerced (an int where a Decimal is
declared, a tuple for a list, a dict for a model, an enum member for a str), no unknown
field, the same defaults and fields set. The model returned is the unvalidated one even
then, so the suite runs on the very objects a run makes (a list given is the model's, not a
copy; nothing in generator/ changes a result's list after giving it).
"""

# No `from __future__ import annotations` here: the model classes' annotations are then
# objects when each class is made, and pydantic need not compile and evaluate some 500
# annotation strings on every start (about 5 ms of a run's imports).

import copy
import os
from decimal import Decimal
from typing import Any, Optional, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from ..workbook.fieldtypes import Level, NotMeasured, TargetRange
from ..numbers import round_half_up
from ..workbook.problems import Location

TargetValue = Union[Decimal, TargetRange, Level]
RealisasiValue = Union[Decimal, Level, NotMeasured]

# Whether make and replace check each construction against pydantic's validation (see the
# module's docstring): on in the tests, off in a run.
CHECKED = os.environ.get("LKJIP_CHECK_RESULTS", "") == "1"

F = TypeVar("F", bound="Frozen")


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True)

    @classmethod
    def make(cls: type[F], **values: Any) -> F:
        """A model of these values, not validated (checked when CHECKED; see the module's
        docstring)."""
        plan = _PLANS.get(cls) or _plan(cls)
        if not values.keys() >= plan.required:
            raise TypeError(f"{cls.__name__}: missing {sorted(plan.required - values.keys())}")
        state = plan.template.copy()     # every field in field order, the defaults in place
        state.update(values)
        for name, factory in plan.factories:
            if name not in values:
                state[name] = factory()
        model = cls.__new__(cls)
        _set(model, "__dict__", state)
        _set(model, "__pydantic_fields_set__", set(values))
        _set(model, "__pydantic_extra__", None)
        _set(model, "__pydantic_private__", None if plan.private is None
             else {name: attr.get_default() for name, attr in plan.private})
        if CHECKED:
            _check(model, values, values.keys(), made=True)
        return model

    def replace(self: F, **changes: Any) -> F:
        """A copy with these fields changed (`model_copy(update=...)`, not validated;
        checked when CHECKED)."""
        model = self.model_copy(update=changes)
        if CHECKED:
            _check(model, dict(model.__dict__), changes.keys(), made=False)
        return model


_set = object.__setattr__


class _Plan:
    """How `make` builds a model of one class: the __dict__ of its defaults (every field, in
    field order), the fields whose default is made afresh for each model, the required
    fields, the private attributes (None without any)."""

    __slots__ = ("template", "factories", "required", "private")

    def __init__(self, template, factories, required, private):
        self.template, self.factories = template, factories
        self.required, self.private = required, private


_PLANS: dict[type, _Plan] = {}
_REQUIRED = object()   # the template's value of a required field (always given)


def _plan(cls: type[Frozen]) -> _Plan:
    """The plan of a class, made on its first `make`; a class `make` cannot build as
    validation would (aliases, validators, a model_post_init of its own, extra fields
    kept) is refused."""
    d = cls.__pydantic_decorators__
    if (d.validators or d.field_validators or d.root_validators or d.model_validators
            or cls.model_config.get("extra") == "allow"
            or not cls.model_post_init.__module__.startswith("pydantic.")):
        raise TypeError(f"{cls.__name__}: make() does not run validators or post-init")
    template: dict[str, Any] = {}
    factories = []
    required = set()
    for name, field in cls.__pydantic_fields__.items():
        if field.alias is not None or field.validation_alias is not None:
            raise TypeError(f"{cls.__name__}.{name}: make() does not know aliases")
        if field.is_required():
            template[name] = _REQUIRED
            required.add(name)
        elif field.default_factory is not None:
            if field.default_factory_takes_validated_data:
                raise TypeError(f"{cls.__name__}.{name}: a default_factory taking data")
            template[name] = None
            factories.append((name, field.default_factory))
        else:
            default = field.default
            try:
                hash(default)
            except TypeError:    # pydantic copies a mutable default for each model
                template[name] = None
                factories.append((name, _copier(default)))
            else:
                template[name] = default
    private = tuple(cls.__private_attributes__.items())
    plan = _PLANS[cls] = _Plan(template, tuple(factories), frozenset(required),
                               private or None)
    return plan


def _copier(default):
    if type(default) in (list, dict, set) and not default:
        return type(default)
    return lambda: copy.deepcopy(default)


def _check(model: Frozen, given: dict, named, *, made: bool) -> None:
    """Validate `given` as `type(model)(**given)` would (a ValidationError on a wrong
    type), then demand that validation changed nothing: the model `make` (`made`) or
    `replace` built holds the validated model's very values, in containers of the same
    kinds. (The private attributes of a copy are the original's, as model_copy keeps
    them: compared after `make` only.)"""
    cls = type(model)
    unknown = named - cls.__pydantic_fields__.keys()
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {', '.join(sorted(unknown))}")
    validated = cls(**given)
    if list(model.__dict__) != list(validated.__dict__):
        raise TypeError(f"{cls.__name__}: fields {list(model.__dict__)}, "
                        f"validated {list(validated.__dict__)}")
    for name, value in validated.__dict__.items():
        mine = model.__dict__[name]
        if not _same(mine, value):
            raise TypeError(f"{cls.__name__}.{name}: validation turns {_short(mine)} "
                            f"({type(mine).__name__}) into {_short(value)} "
                            f"({type(value).__name__}); give the declared type")
    if made and (model.__pydantic_fields_set__ != validated.__pydantic_fields_set__
                 or model.__pydantic_private__ != validated.__pydantic_private__):
        raise TypeError(f"{cls.__name__}: fields set or private attributes differ from "
                        f"a validated model's")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


def _same(mine: Any, validated: Any) -> bool:
    """Whether validation kept the value: the same object, or a list, tuple or dict of the
    same kind holding the same objects (validation copies the containers)."""
    if mine is validated:
        return True
    if type(mine) is not type(validated):
        return False
    if type(mine) in (list, tuple):
        return len(mine) == len(validated) and all(map(_same, mine, validated))
    if type(mine) is dict:
        return (len(mine) == len(validated) and all(map(_same, mine, validated))
                and all(map(_same, mine.values(), validated.values())))
    return False


_FIELD_SETS: dict[tuple[type, frozenset], set[str]] = {}
M = TypeVar("M", bound=BaseModel)


def lean(model: M) -> M:
    """`model`, its set of the fields given (pydantic keeps one per instance, some 700 bytes
    for a budget node) shared with the other models of its class given the same fields:
    the budget tree of 100,000 rekening lines is some 140 MB smaller. The set of a frozen
    model is never changed in place (a copy with changes gets its own)."""
    given = model.__pydantic_fields_set__
    shared = _FIELD_SETS.setdefault((type(model), frozenset(given)), given)
    object.__setattr__(model, "__pydantic_fields_set__", shared)
    return model


class Score(Frozen):
    """A capaian (or tingkat kemajuan) with how it was obtained.

    `nilai` is None when it cannot be computed (`alasan` says why). For a range target
    `posisi` says where the realisation lies ("dalam", "bawah", "atas") and `acuan` is
    the bound it was measured against (None inside the range). For a qualitative
    indicator `nilai_realisasi` and `nilai_target` are the scale values used.
    """

    nilai: Optional[Decimal]
    alasan: Optional[str] = None
    acuan: Optional[Decimal] = None
    posisi: Optional[str] = None
    nilai_realisasi: Optional[Decimal] = None
    nilai_target: Optional[Decimal] = None


class Budget(Frozen):
    """Money figures of one node of the budget tree (or of a group of nodes)."""

    pagu_sebelum: Optional[Decimal]
    pagu_operasi: Decimal
    pagu_modal: Decimal
    realisasi_operasi: Decimal
    realisasi_modal: Decimal
    fisik: Optional[Decimal]           # pagu-weighted; None when pagu is 0
    fisik_operasi: Optional[Decimal] = None   # weighted by pagu operasi; None when it is 0
    fisik_modal: Optional[Decimal] = None     # weighted by pagu modal; None when it is 0

    @property
    def pagu(self) -> Decimal:
        return self.pagu_operasi + self.pagu_modal

    @property
    def realisasi(self) -> Decimal:
        return self.realisasi_operasi + self.realisasi_modal

    @property
    def sisa(self) -> Decimal:
        return self.pagu - self.realisasi

    @property
    def serapan(self) -> Optional[Decimal]:
        return _pct(self.realisasi, self.pagu)

    @property
    def serapan_operasi(self) -> Optional[Decimal]:
        return _pct(self.realisasi_operasi, self.pagu_operasi)

    @property
    def serapan_modal(self) -> Optional[Decimal]:
        return _pct(self.realisasi_modal, self.pagu_modal)


def _pct(part: Decimal, whole: Decimal) -> Optional[Decimal]:
    return None if whole == 0 else part / whole * 100


class Efficiency(Frozen):
    """Efisiensi = capaian kinerja (%) / serapan anggaran (%); None with a reason."""

    capaian: Optional[Decimal]
    serapan: Optional[Decimal]
    nilai: Optional[Decimal]
    alasan: Optional[str] = None      # why nilai is None
    ambang: Optional[Decimal] = None  # the agency's absorption threshold (Ambang Serapan)

    @property
    def efisien(self) -> Optional[bool]:
        """>= 1 as displayed (2 decimals), like the kategori rule: 0,995 shows 1,00."""
        return None if self.nilai is None else round_half_up(self.nilai, 2) >= 1

    @property
    def tidak_terserap(self) -> bool:
        """A ratio of 1 or more that comes from money not spent: serapan below the agency's
        threshold (as displayed). It is not efficiency: the budget was not absorbed."""
        return bool(self.efisien) and self.ambang is not None and self.serapan is not None \
            and round_half_up(self.serapan, 2) < self.ambang


class Output(Frozen):
    """An output (or outcome) indicator of a budget node: target, realisation, capaian."""

    indikator: Optional[str]
    satuan: Optional[str]
    target: Optional[TargetValue]
    realisasi: Optional[RealisasiValue]
    capaian: Optional[Decimal]
    kategori: Optional[str]
    menunjang: Optional[bool]        # capaian in the top category of the scale
    polaritas: str = "Naik"
    skor: Optional[Score] = None     # how capaian was obtained (range bound, reason)
    keterangan: Optional[str] = None


class BudgetNode(Frozen):
    level: str                       # total, urusan, program, kegiatan, sub_kegiatan, jenis, rekening
    kode: str
    nama: str
    budget: Budget
    output: Optional[Output] = None          # the first of `outputs` (or a blank one)
    # (empty lists by default_factory: pydantic deep-copies a [] default for each of 100,000
    # rekening nodes)
    outputs: list[Output] = Field(default_factory=list)   # program / kegiatan: its indicators
    efisiensi: Optional[Efficiency] = None   # its capaian: see budget.node_capaian
    kode_indikator: Optional[str] = None     # program: outcome IKU; sub kegiatan: IKU served
    penjelasan: Optional[str] = None         # sub kegiatan: explanation of low absorption
    keterangan: Optional[str] = None         # rekening: note
    jenis: Optional[str] = None              # rekening / jenis group: Belanja ...
    location: Optional[Location] = None
    children: list["BudgetNode"] = Field(default_factory=list)

    def walk(self):
        """This node and every node below it, depth first (iterative: no generator chain)."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


class YearFigure(Frozen):
    tahun: int
    target: Optional[TargetValue]
    realisasi: Optional[RealisasiValue]
    capaian: Optional[Decimal]
    capaian_tercatat: Optional[Decimal] = None


class Benchmark(Frozen):
    """An indicator's realisation set against a benchmark (Pembanding sheet): a national,
    provincial or other target or realisation, with its source. `skor` measures the
    realisation against the benchmark by the indicator's own rule (polarity, range, scale),
    like a capaian; `posisi` reads it: "lebih baik", "sama", "dalam" (inside a range),
    "lebih buruk", or None when they cannot be compared (`skor.alasan`)."""

    tahun: int
    tingkat: str                     # Nasional, Provinsi, Kabupaten/Kota, Standar ..., Lainnya
    jenis: str                       # Target or Realisasi
    nilai: TargetValue
    sumber: str
    keterangan: Optional[str] = None
    realisasi: Optional[RealisasiValue] = None   # the indicator's, in that year
    skor: Optional[Score] = None
    posisi: Optional[str] = None
    location: Optional[Location] = None


class IndicatorResult(Frozen):
    kode: str
    nama: str
    satuan: str
    polaritas: str
    kode_sasaran: Optional[str]      # None for an indicator of a tujuan
    label_pembilang: Optional[str]
    label_penyebut: Optional[str]
    pembilang: Optional[Decimal]
    penyebut: Optional[Decimal]
    pengali: Decimal = Decimal(100)  # realisasi = pembilang / penyebut x pengali
    realisasi: RealisasiValue        # a number, a level of a qualitative scale, or NotMeasured
    target: TargetValue              # the target capaian is measured against
    target_sumber: str               # "PK Perubahan" or "PK Awal"
    target_pk_awal: TargetValue
    target_pk_perubahan: Optional[TargetValue]
    target_berubah: bool = False     # PK perubahan given and different from PK awal
    target_rkt: Optional[TargetValue]
    target_renstra: dict[int, TargetValue]
    target_renstra_tahun: Optional[TargetValue]
    target_akhir: Optional[TargetValue]
    kondisi_awal: Optional[Decimal]
    capaian: Optional[Decimal]       # as computed (uncapped); None when undefined
    capaian_dinilai: Optional[Decimal] = None   # capped (agency option): kategori and means
    skor: Score                      # how capaian was obtained (range bound, reason)
    kategori: Optional[str]          # None when capaian is undefined
    tingkat_kemajuan: Optional[Decimal]
    kemajuan: Optional[Score] = None  # how tingkat kemajuan was obtained
    kode_tujuan: Optional[str] = None    # the tujuan (of its sasaran, or its own)
    skala_kualitatif: Optional[str] = None
    keterangan: Optional[str] = None     # reason when not measured
    # Whether the target was reached, said apart from the kategori (a capaian of 95% is
    # "Sangat Tinggi" and still a target missed): capaian of 100 or more as displayed; for
    # a zero target missed when anything happened; None when not measured or undefined.
    tercapai: Optional[bool] = None
    pembanding: list[Benchmark] = []     # benchmarks, the report year's first

    @property
    def turun(self) -> bool:
        return self.polaritas == "Turun"

    @property
    def terukur(self) -> bool:
        return not isinstance(self.realisasi, NotMeasured)
    riwayat: list[YearFigure]        # earlier years, then the report year
    anggaran: Budget                 # summed over the sub kegiatan that serve it
    efisiensi: Efficiency
    sub_kegiatan: list[str]          # codes of the sub kegiatan that serve it


class SasaranResult(Frozen):
    kode: str
    nama: str
    kode_tujuan: str
    tujuan: str
    indikator: list[str]
    capaian: Optional[Decimal]       # mean of its indicators' capaian (or from the workbook)
    kategori: Optional[str]
    capaian_sumber: str = "Rata-rata Indikator"


class YearCapaian(Frozen):
    """The capaian of a sasaran (or of a tujuan's own indicators) in one year: the mean of
    its indicators' capaian that year (capped as in the report year)."""

    tahun: int
    capaian: Optional[Decimal]
    jumlah: int                      # indicators with a capaian that year
    dari: int                        # indicators of the group


class Analysis(Frozen):
    """One of the seven analyses PermenPANRB 53/2014 asks for each sasaran, and how complete
    the workbook makes it: "lengkap", "sebagian" or "belum", with what would complete it."""

    nomor: int                       # 1..7 in the order of the regulation
    status: str
    lengkapi: list[str] = []         # cells to fill, as "Sheet!C4 (Kolom): what"


class GroupResult(Frozen):
    """A sasaran, or a tujuan's own indicators, with the analyses of PermenPANRB 53/2014:
    capaian this year and in earlier years, progress toward the Renstra end target,
    benchmarks, met or missed, budget and efficiency, the programs that carried it."""

    tingkat: str                     # "sasaran" or "tujuan"
    kode: str
    nama: str
    tujuan: str
    indikator: list[str]
    capaian: Optional[Decimal]
    kategori: Optional[str]
    capaian_sumber: str = "Rata-rata Indikator"
    tercapai: Optional[bool]         # every measured indicator reached its target
    indikator_tercapai: list[str]
    indikator_belum: list[str]       # measured, target not reached
    indikator_lain: list[str]        # not measured, or capaian undefined
    riwayat: list[YearCapaian]       # earlier years, then the report year
    kemajuan: Optional[Decimal]      # mean tingkat kemajuan of its indicators
    kemajuan_jumlah: int = 0         # indicators with a tingkat kemajuan
    anggaran: Budget                 # the sum of its indicators' budgets (Tabel 3.8 groups)
    efisiensi: Efficiency            # capaian / serapan of that budget
    program: list[str]               # programs whose sub kegiatan serve its indicators
    analisis: list[Analysis]         # the seven analyses, in order


class Recommendation(Frozen):
    """A target that needs work next year (missed, below the top category, not measured,
    worse than its benchmark), with the steps the workbook plans for it (Rencana Tindak
    Lanjut); BAB IV builds its recommendations from these."""

    kode_indikator: str
    alasan: list[str]                # why it needs work, in words
    rencana: list[str]               # planned steps; empty: a placeholder and a review note
    perlu: bool = True               # False: planned steps of a target that did not need them
    location: Optional[Location] = None   # where the planned steps are (or are to be) written


class LkeVerdict(Frozen):
    """A criterion of the evaluation worksheet (LKE AKIP, PermenPANRB 88/2021) or of the
    report format (PermenPANRB 53/2014), judged from the workbook: "terpenuhi", "sebagian"
    or "belum", where the draft meets it and which cells would complete it."""

    kode: str
    bagian: str
    kriteria: str
    status: str
    bukti: str                       # where the draft shows it
    alasan: str = ""                 # why not (fully) met
    lengkapi: list[str] = []


class Istilah(Frozen):
    """Words that follow the kind of agency (Instansi "Jenis Instansi"): a perangkat daerah
    of a kabupaten/kota or a province, or a unit of a ministry or central agency."""

    pusat: bool
    apb: str                         # APBD / APBN
    apb_panjang: str
    rpjm: str                        # RPJMD / RPJMN
    rpjm_panjang: str
    pimpinan: str                    # kepala daerah / pimpinan kementerian/lembaga
    jenis: str                       # perangkat daerah / unit kerja
    pemerintah: str                  # pemerintah daerah / kementerian/lembaga
    renstra_acuan: str               # what the Renstra is aligned with: RPJMD / Renstra K/L
    dpa: str                         # DPA/DPPA / DIPA
    dpa_panjang: str                 # Dokumen Pelaksanaan Anggaran (DPA) / ... (DIPA)
    sasaran_atas: str                # sasaran strategis daerah / sasaran strategis K/L
    pembanding: str                  # the benchmarks one looks for: nasional, provinsi, SPM


class TujuanResult(Frozen):
    kode: str
    nama: str
    indikator: list[str]             # the tujuan's own indicators (IKU tujuan)
    sasaran: list[str]


class ScaleBand(Frozen):
    urutan: int
    kategori: str
    batas_bawah: Decimal
    batas_atas: Optional[Decimal]    # exclusive; None for the top band
    jumlah_indikator: int
    batas_atas_tertulis: Optional[Decimal] = None   # as the agency writes it (Tabel 3.1 only)


class StaffTotals(Frozen):
    pns: int
    pppk: int
    kontrak: int
    # The staff statuses the agency has (a total above 0), in the order pns, pppk, kontrak:
    # the columns of the staff-by-jabatan table.
    status: tuple[str, ...] = ()
    per_jabatan: dict[int, int]      # row number -> row total
    jumlah: int
    pendidikan: int
    golongan: int


class PKIndicatorRow(Frozen):
    bagian: str
    sasaran: str
    aspek: Optional[str]
    indikator: str
    target: str                      # as displayed; IKU targets formatted by the renderer
    target_value: Optional[TargetValue] = None
    kode_indikator: Optional[str] = None


class PKBudgetRow(Frozen):
    kode: str
    level: str
    nama: str
    jumlah: Decimal
    sumber_dana: str


class PKResult(Frozen):
    kode: str
    jenis: str
    # a revised statement the workbook does not list: built from a PK awal whose IKU
    # targets were revised (Target PK Perubahan), so the lampiran shows both; its date is
    # unknown (the review notes ask for the Perjanjian Kinerja row)
    turunan: bool = False
    pihak_pertama: str               # pejabat codes
    pihak_kedua: str
    indikator: list[PKIndicatorRow]
    anggaran: list[PKBudgetRow]
    jumlah_anggaran: Decimal


class IndicatorSupport(Frozen):
    """Tabel 3.6: the programs, kegiatan and sub kegiatan that serve one indicator."""

    kode_indikator: str
    nodes: list[BudgetNode]          # program > kegiatan > sub kegiatan, filtered to this IKU


class Ikhtisar(Frozen):
    pagu: Decimal
    pagu_operasi: Decimal
    pagu_modal: Decimal
    realisasi: Decimal
    realisasi_operasi: Decimal
    realisasi_modal: Decimal
    serapan: Optional[Decimal]
    efisiensi_anggaran: Optional[Decimal]   # 100 - serapan
    # The kinds of belanja the budget has ("operasi", "modal": pagu or realisasi above 0).
    jenis_belanja: tuple[str, ...] = ()
    jumlah_sasaran: int
    jumlah_indikator: int            # every IKU, tujuan and sasaran level
    jumlah_indikator_tujuan: int = 0  # of those, the tujuan's own (no sasaran)
    rata_capaian_indikator: Optional[Decimal]
    rata_capaian_sasaran: Optional[Decimal]
    kategori_rata: str


class IndicatorGroup(Frozen):
    """A row group of the indicator tables: a sasaran, or a tujuan's own indicators."""

    tingkat: str                     # "sasaran" or "tujuan"
    kode: str
    nama: str
    tujuan: str
    indikator: list[str]


class ReviewNote(Frozen):
    """A finding a reviewer must see before the draft goes out (catatan pemeriksaan)."""

    kind: str
    location: Location
    message: str


class Numbering(Frozen):
    """The report's numbered tables and figures (core/numbering.py decides): present: key ->
    whether the report holds it; nomor: key -> "3.4", "" when absent; kind: key -> "Tabel"
    or "Gambar"."""

    present: dict[str, bool]
    nomor: dict[str, str]
    kind: dict[str, str]

    def label(self, key: str) -> str:
        """"Tabel 3.4" / "Gambar 1.1", "" when absent."""
        return f"{self.kind[key]} {self.nomor[key]}" if self.nomor[key] else ""


class SaranaRow(Frozen):
    """A row of the sarana dan prasarana list (core/sarana.py): its level in the outline,
    the sheet row of its group (None at the top) and, for a group, its direct details and
    their sums."""

    row: int
    no: int
    uraian: str
    jumlah: int
    nilai: Decimal
    kondisi: Optional[str] = None
    tingkat: int = 1
    induk: Optional[int] = None
    rincian: list[int] = []
    rincian_jumlah: Optional[int] = None
    rincian_nilai: Optional[Decimal] = None

    @property
    def kelompok(self) -> bool:
        return bool(self.rincian)


class Result(Frozen):
    tahun: int
    indikator: list[IndicatorResult]
    sasaran: list[SasaranResult]
    tujuan: list[TujuanResult] = []
    # the analyses of PermenPANRB 53/2014 per sasaran (and per tujuan with own indicators),
    # in the order of groups()
    kelompok: list[GroupResult] = []
    rekomendasi: list[Recommendation] = []
    lke: list[LkeVerdict] = []       # the self-check against the evaluation worksheet
    istilah: Optional[Istilah] = None
    skala: list[ScaleBand]
    anggaran: BudgetNode             # the total, with urusan > program > ... below
    dukungan: list[IndicatorSupport]
    sub_di_bawah_ambang: list[BudgetNode]
    ikhtisar: Ikhtisar
    pegawai: StaffTotals
    perjanjian: list[PKResult]
    sarana_jumlah: int               # the list's JUMLAH: top rows only (core/sarana.py)
    sarana_nilai: Decimal
    catatan: list[ReviewNote]
    nomor: Numbering                 # numbers of the tables and figures the report holds
    # Whether the Word lampiran (Tabel 1.1) lists every rekening line, or stops at the sub
    # kegiatan level because there are more than compute.LAMPIRAN_MAX_REKENING of them (the
    # Tabel 1.1 spreadsheet always has every line).
    lampiran_rekening: bool = True
    # Whether the Word draft's tables list every sub kegiatan (Tabel 2.6, 3.6, 3.7, 3.9,
    # lampiran Tabel 1.1), or stop at the kegiatan level because there are more than
    # compute.DRAF_MAX_SUB_KEGIATAN of them (the spreadsheets always have every one).
    draf_sub_kegiatan: bool = True
    # The deepest budget level those tables list: "sub_kegiatan", or "kegiatan", "program",
    # "urusan" past the bounds of compute.draft_depth (the spreadsheets have every level).
    draf_tingkat: str = "sub_kegiatan"
    # The sarana dan prasarana list in display order, as an outline (core/sarana.py).
    sarana: list[SaranaRow] = []
    _nodes: Optional[tuple] = PrivateAttr(default=None)

    def groups(self) -> list["IndicatorGroup"]:
        """Indicators grouped for the tables: per tujuan, first the tujuan's own indicators
        (IKU tujuan), then each of its sasaran; sasaran without indicators are left out."""
        out: list[IndicatorGroup] = []
        sasaran = list(self.sasaran)
        placed: set[str] = set()
        for t in self.tujuan:
            if t.indikator:
                out.append(IndicatorGroup.make(tingkat="tujuan", kode=t.kode, nama=t.nama,
                                               tujuan=t.nama, indikator=list(t.indikator)))
            for s in sasaran:
                if s.kode_tujuan == t.kode and s.indikator:
                    out.append(IndicatorGroup.make(tingkat="sasaran", kode=s.kode, nama=s.nama,
                                                   tujuan=s.tujuan, indikator=list(s.indikator)))
                    placed.add(s.kode)
        for s in sasaran:
            if s.kode not in placed and s.indikator:
                out.append(IndicatorGroup.make(tingkat="sasaran", kode=s.kode, nama=s.nama,
                                               tujuan=s.tujuan, indikator=list(s.indikator)))
        return out

    def group(self, tingkat: str, kode: str) -> GroupResult:
        return next(g for g in self.kelompok if g.tingkat == tingkat and g.kode == kode)

    def indicator(self, kode: str) -> IndicatorResult:
        return next(i for i in self.indikator if i.kode == kode)

    def node(self, kode: str) -> BudgetNode:
        """The first node with this code, depth first (an index built on first use)."""
        if self._nodes is None or self._nodes[0] is not self.anggaran:  # (a copy's tree)
            index: dict[str, BudgetNode] = {}
            for n in self.anggaran.walk():
                index.setdefault(n.kode, n)
            self._nodes = (self.anggaran, index)
        try:
            return self._nodes[1][kode]
        except KeyError:
            raise StopIteration(kode) from None  # as the linear search it replaces
