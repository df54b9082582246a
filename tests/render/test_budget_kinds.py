"""The budget's make-up in words: an agency without belanja modal is not told "dan Belanja
Modal Rp0" (Ikhtisar and BAB III.E)."""

from __future__ import annotations

import docx

from generator.pipeline import check, generate

# The sample's two Belanja Modal lines (Rekening rows 98 and 136, 26.900.000 + 64.800.000)
# typed as Belanja Barang dan Jasa: everything is belanja operasi.
NO_MODAL = {("Rekening", "D98"): "Belanja Barang dan Jasa",
            ("Rekening", "D136"): "Belanja Barang dan Jasa"}


def test_the_core_names_the_kinds_of_belanja(broken, sample_checked):
    _, result = sample_checked
    assert result.ikhtisar.jenis_belanja == ("operasi", "modal")
    _, report, changed = check(broken(NO_MODAL))
    assert report.ok
    assert changed.ikhtisar.jenis_belanja == ("operasi",)
    assert changed.ikhtisar.pagu_modal == 0


def test_one_kind_is_said_once(broken, tmp_path):
    done = generate(broken(NO_MODAL), tmp_path / "out")
    text = "\n".join(p.text for p in docx.Document(str(done.written[0])).paragraphs)
    # total and realisation as in the sample: 7.865.662.198 / 8.825.083.700 = 89,13%
    assert ("didukung anggaran APBD sebesar Rp8.825.083.700, seluruhnya Belanja Operasi. "
            "Realisasi keuangan mencapai Rp7.865.662.198 atau serapan anggaran 89,13%, "
            "sehingga efisiensi anggaran") in text
    assert ("Tahun 2024 berjumlah Rp8.825.083.700, seluruhnya Belanja Operasi. Realisasinya "
            "disajikan pada tabel berikut.") in text
    assert "Belanja Modal Rp0" not in text


# Both kinds, each with its amount: tests/render/test_render_docx.py::test_ikhtisar_figures.
