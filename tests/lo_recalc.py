"""Recalculate spreadsheets in LibreOffice and save them again (run by the system python3).

    /usr/bin/python3 tests/lo_recalc.py OUT_DIR FILE.xlsx [FILE.xlsx ...]

Starts its own headless soffice (own profile and pipe, so it can run beside another
soffice), loads each file, calls calculateAll() and stores it as OUT_DIR/<name>. The test
then compares every formula's recalculated value with the value the generator stored.
Needs the `uno` module (Debian: python3-uno); exits 3 when it is missing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

try:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
except ImportError:  # pragma: no cover - depends on the system
    print("python3-uno tidak tersedia", file=sys.stderr)
    sys.exit(3)

CONNECT_SECONDS = 60


def prop(name: str, value) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe: str, proc: subprocess.Popen):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except NoConnectException:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("soffice tidak dapat dihubungi")
            time.sleep(0.2)


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]).resolve()
    files = [Path(a).resolve() for a in argv[2:]]
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="lo_recalc_"))
    pipe = f"lo_recalc_{uuid.uuid4().hex}"
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--nologo", "--norestore",
         "--nodefault", "--nolockcheck", f"-env:UserInstallation={profile.as_uri()}",
         f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        desktop = connect(pipe, proc)
        for path in files:
            doc = desktop.loadComponentFromURL(path.as_uri(), "_blank", 0,
                                               (prop("Hidden", True),))
            if doc is None:
                raise RuntimeError(f"{path} tidak dapat dibuka")
            try:
                doc.calculateAll()
                target = out_dir / path.name
                doc.storeToURL(target.as_uri(),
                               (prop("FilterName", "Calc MS Excel 2007 XML"),
                                prop("Overwrite", True)))
            finally:
                doc.close(True)
        return 0
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:  # the bridge goes away while terminating
                pass
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv))
