"""Build step: copy the templates and sample workbooks into the package as data.

The sources stay in the top-level folders templates/ and inputs/; a built package
(wheel, `pip install .`) carries copies under generator/_data/, read at run time through
importlib.resources (generator/resources.py). Editable installs and source checkouts read
the top-level folders directly.
"""

from pathlib import Path
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent

# (source glob relative to the repository, destination folder under generator/_data,
#  whether at least one file must match)
DATA = [
    ("templates/docx/lkjip.docx", "templates/docx", True),
    ("templates/xlsx/*.toml", "templates/xlsx", True),
    ("inputs/*.xlsx", "inputs", True),
    ("inputs/*.png", "inputs", True),     # the sample's pictures, named in its workbook
    ("inputs/*.jpg", "inputs", False),
    ("inputs/*.jpeg", "inputs", False),
]


class BuildWithData(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return  # editable installs read templates/ and inputs/ in place
        target = Path(self.build_lib) / "generator" / "_data"
        for pattern, dest, required in DATA:
            files = sorted(ROOT.glob(pattern))
            if required and not files:
                raise SystemExit(f"package data missing: {pattern}")
            if not files:
                continue
            (target / dest).mkdir(parents=True, exist_ok=True)
            for f in files:
                shutil.copyfile(f, target / dest / f.name)


setup(cmdclass={"build_py": BuildWithData})
