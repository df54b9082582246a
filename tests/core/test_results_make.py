"""Result models built by `Frozen.make` / `replace`: not validated in a run, checked against
pydantic's validation in the tests (generator/core/results.py)."""

import os
import subprocess
import sys
from decimal import Decimal
from typing import Optional

import pytest
from pydantic import Field, PrivateAttr, ValidationError, field_validator

from generator.core import results
from generator.core.results import Budget, BudgetNode, Frozen, Score, lean
from generator.workbook.fieldtypes import JenisBelanja

D = Decimal
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def budget(**changes) -> Budget:
    values = dict(pagu_sebelum=None, pagu_operasi=D(10), pagu_modal=D(0),
                  realisasi_operasi=D(9), realisasi_modal=D(0), fisik=D(100))
    return Budget.make(**{**values, **changes})


# --- Checked (the tests' mode, set by tests/conftest.py) ---------------------------------

def test_the_suite_runs_checked():
    assert results.CHECKED
    assert os.environ.get("LKJIP_CHECK_RESULTS") == "1"


def test_checked_wrong_type_raises_validation_error():
    with pytest.raises(ValidationError):
        Score.make(nilai="bukan angka")
    with pytest.raises(ValidationError):
        budget(pagu_operasi=None)
    with pytest.raises(ValidationError):
        Score.make(nilai=D(1)).replace(acuan=[1])


@pytest.mark.parametrize("changes", [
    {"pagu_operasi": 10},                 # int for Decimal: validation would coerce
    {"pagu_operasi": "10"},               # str for Decimal
    {"fisik": 100.0},                     # float for Decimal
])
def test_checked_coercion_is_refused(changes):
    with pytest.raises(TypeError, match="give the declared type"):
        budget(**changes)
    with pytest.raises(TypeError, match="give the declared type"):
        budget().replace(**changes)


def test_checked_refuses_other_coercions():
    b = budget()
    with pytest.raises(TypeError, match="give the declared type"):   # tuple for list
        BudgetNode.make(level="x", kode="", nama="", budget=b, children=())
    with pytest.raises(TypeError, match="give the declared type"):   # dict for a model
        BudgetNode.make(level="x", kode="", nama="", budget=b.model_dump())
    with pytest.raises(TypeError, match="give the declared type"):   # enum member for str
        BudgetNode.make(level="x", kode="", nama="", budget=b, jenis=JenisBelanja.MODAL)
    with pytest.raises(TypeError, match="give the declared type"):   # list for tuple
        results.Ikhtisar.make(
            pagu=D(1), pagu_operasi=D(1), pagu_modal=D(0), realisasi=D(1),
            realisasi_operasi=D(1), realisasi_modal=D(0), serapan=D(100),
            efisiensi_anggaran=D(0), jenis_belanja=["operasi"], jumlah_sasaran=1,
            jumlah_indikator=1, rata_capaian_indikator=None, rata_capaian_sasaran=None,
            kategori_rata="-")


def test_checked_unknown_and_missing_fields():
    with pytest.raises(TypeError, match="no field"):
        Score.make(nilai=None, nilia=D(1))
    with pytest.raises(TypeError, match="no field"):
        Score.make(nilai=None).replace(nilia=D(1))
    with pytest.raises(TypeError, match="missing"):
        Score.make(alasan="tanpa nilai")


def test_checked_gives_the_unvalidated_model():
    """Even checked, the model returned holds the very list given (as in a run)."""
    kids: list[BudgetNode] = []
    node = BudgetNode.make(level="x", kode="", nama="", budget=budget(), children=kids)
    assert node.children is kids


# --- Unchecked (a run) -------------------------------------------------------------------

class Probe(Frozen):
    """A class of its own, so that no other test has built its validator."""

    nilai: Decimal
    alasan: Optional[str] = None
    pengali: Decimal = Decimal(100)
    status: tuple[str, ...] = ()
    daftar: list[int] = []
    anak: list[int] = Field(default_factory=list)
    _cache: Optional[tuple] = PrivateAttr(default=None)


def test_unchecked_builds_no_validator_and_equals_validated(monkeypatch):
    monkeypatch.setattr(results, "CHECKED", False)
    assert not Probe.__pydantic_complete__
    a = Probe.make(nilai=D("1.50"), daftar=[1, 2])
    b = Probe.make(nilai=D(2))
    assert not Probe.__pydantic_complete__            # make built no validator
    assert type(Probe.__pydantic_validator__).__name__ == "MockValSer"
    assert a.__pydantic_fields_set__ == {"nilai", "daftar"}
    assert b.daftar == [] and b.anak == [] and b.daftar is not Probe.make(nilai=D(2)).daftar
    assert a.__pydantic_private__ == {"_cache": None}
    with pytest.raises(ValidationError):              # frozen as before
        a.nilai = D(3)

    validated = Probe(nilai=D("1.50"), daftar=[1, 2])   # builds the validator
    assert Probe.__pydantic_complete__
    assert a == validated
    assert list(a.__dict__) == list(validated.__dict__)
    assert a.__pydantic_fields_set__ == validated.__pydantic_fields_set__
    assert a.pengali is validated.pengali and a.status == validated.status == ()

    c = a.replace(alasan="ubah")
    assert c.alasan == "ubah" and a.alasan is None
    assert c.__pydantic_fields_set__ == {"nilai", "daftar", "alasan"}
    assert a.__pydantic_fields_set__ == {"nilai", "daftar"}


def test_unchecked_does_not_check(monkeypatch):
    monkeypatch.setattr(results, "CHECKED", False)
    assert Score.make(nilai=1).nilai == 1             # what the tests' check refuses


def test_lean_shares_the_fields_set_of_made_models():
    a = lean(budget())
    b = lean(budget(pagu_modal=D(1)))
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    c = a.replace(pagu_modal=D(5))                    # a copy gets its own set
    assert c.__pydantic_fields_set__ is not a.__pydantic_fields_set__
    assert a.__pydantic_fields_set__ == set(a.__dict__) - {"fisik_operasi", "fisik_modal"}


def test_make_refuses_a_class_with_validators():
    class Validated(Frozen):
        nilai: Decimal

        @field_validator("nilai")
        @classmethod
        def positive(cls, v):
            return abs(v)

    with pytest.raises(TypeError, match="validators"):
        Validated.make(nilai=D(-1))


def test_a_run_builds_no_result_validator():
    """A run (no LKJIP_CHECK_RESULTS) computes the sample without building the validator of
    any result model: every construction goes through make."""
    code = (
        "import inspect\n"
        "from generator.core import results\n"
        "from generator.pipeline import check, SAMPLE_WORKBOOK\n"
        "assert not results.CHECKED\n"
        "wb, report, result = check(SAMPLE_WORKBOOK)\n"
        "assert result is not None and result.catatan\n"
        "built = [n for n, c in vars(results).items() if inspect.isclass(c)\n"
        "         and issubclass(c, results.Frozen) and c.__pydantic_complete__]\n"
        "print(built)\n")
    env = {k: v for k, v in os.environ.items() if k != "LKJIP_CHECK_RESULTS"}
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
