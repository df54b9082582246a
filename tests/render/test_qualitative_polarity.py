"""A qualitative IKU whose polarity says lower is better (issue 11, item 3): a risk level
where "Rendah" is the goal. The capaian follows the polarity rule on the scale's values,
and the draft states that rule and its numbers. Worked by hand beside each assertion.
"""

from decimal import Decimal

import docx

from generator.pipeline import generate

RISK = {("Skala Kualitatif", f"{c}{r}"): v for r, row in
        ((2, ("Tingkat Risiko", "Rendah", 1)), (3, ("Tingkat Risiko", "Sedang", 2)),
         (4, ("Tingkat Risiko", "Tinggi", 3)))
        for c, v in zip("ABC", row)}


def test_risk_level_lower_is_better(broken, tmp_path):
    edits = dict(RISK)
    # IKU 1.1 of the Dinas Sosial sample becomes a risk level, lower is better
    edits.update({("Indikator", "E2"): "Turun", ("Indikator", "M2"): "Tingkat Risiko",
                  ("Indikator", "G2"): None, ("Indikator", "H2"): None})
    for row in range(2, 8):                       # Renstra 2021-2026
        edits[("Target Renstra", f"C{row}")] = "Sedang"
    edits.update({("Kinerja Indikator", "B2"): "Sedang", ("Kinerja Indikator", "C2"): "Sedang",
                  ("Kinerja Indikator", "D2"): "Sedang", ("Kinerja Indikator", "E2"): None,
                  ("Kinerja Indikator", "F2"): None, ("Kinerja Indikator", "G2"): "Rendah"})
    # 2022: target Sedang, realisation Tinggi; 2023: target Sedang, realisation Sedang
    edits.update({("Kinerja Tahun Lalu", "C2"): "Sedang", ("Kinerja Tahun Lalu", "D2"): "Tinggi",
                  ("Kinerja Tahun Lalu", "E2"): None,
                  ("Kinerja Tahun Lalu", "C3"): "Sedang", ("Kinerja Tahun Lalu", "D3"): "Sedang",
                  ("Kinerja Tahun Lalu", "E3"): None})
    out = generate(broken(edits), tmp_path / "out")
    assert out.report.ok, [p.message() for p in out.report]
    i = out.result.indicator("1.1")
    # Rendah (1) against Sedang (2), lower is better: (2 x 2 - 1) / 2 x 100 = 150
    assert i.capaian == Decimal(150)
    # earlier years: Tinggi (3) vs Sedang: (4 - 3) / 2 x 100 = 50; Sedang vs Sedang: 100
    assert [y.capaian for y in i.riwayat] == [Decimal(50), Decimal(100), Decimal(150)]
    # kemajuan against the end target Sedang: the same 150
    assert i.tingkat_kemajuan == Decimal(150)
    text = "\n".join(p.text for p in docx.Document(str(out.written[0])).paragraphs)
    text = text.replace("\xa0", " ")
    assert "(2 × nilai Sedang (2) − nilai Rendah (1)) / nilai Sedang (2) × 100% = 150,00%" in text
    assert "makin rendah nilai tingkatnya makin baik: capaian = (2 × nilai tingkat target − " \
           "nilai tingkat realisasi) / nilai tingkat target × 100%" in text
