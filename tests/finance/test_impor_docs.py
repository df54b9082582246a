"""docs/impor.md holds the header synonyms the readers really use."""

from pathlib import Path

from generator.finance import synonym_table

DOC = Path(__file__).resolve().parents[2] / "docs" / "impor.md"


def test_synonym_table_in_docs_is_current():
    text = DOC.read_text(encoding="utf-8")
    start = text.index("-->\n", text.index("<!-- synonyms")) + 4
    end = text.index("<!-- /synonyms -->")
    assert text[start:end].strip() == synonym_table()


def test_docs_name_every_reader_and_the_reconciliation():
    text = DOC.read_text(encoding="utf-8")
    for words in ("Rekap anggaran SIPD-RI", "Realisasi per dokumen", "Tabel anggaran/realisasi",
                  "## Rekonsiliasi", "--sub-unit", "maksud Anda"):
        assert words in text
