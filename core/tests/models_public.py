"""Public model files, scored as the held-out real projects are: SQLModel's own documentation
examples (the `docs_src/` of the pinned SQLModel release's source distribution, MIT, fetched
from PyPI and never copied into this repository) are read by schemashift and compared with the
DDL real SQLAlchemy emits for them, per dialect, through core/tests/models_check.py.

  .venv/bin/python core/tests/models_public.py --cli target/debug/schemashift [--mariadb]

Each example module that defines a `table=True` class becomes a fixture of its own (a scratch
folder with it as models.py); models_check.py --write writes SQLAlchemy's DDL for it and requires
`schemashift diff <that DDL> models.py --exit-code --strict` to find no change (and, with
SCHEMASHIFT_PGHOST, none against the real database's dump). Examples that import packages the
project's venv does not have (FastAPI) and multi-module packages are left out, with a count.

The source distribution is cached in target/public-models/ (downloaded with pip once).
"""

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CACHE = os.path.join(ROOT, "target", "public-models")


def sqlmodel_version():
    from importlib.metadata import version

    return version("sqlmodel")


def sdist():
    """The pinned SQLModel's source distribution, downloaded from PyPI into CACHE once."""
    v = sqlmodel_version()
    found = glob.glob(os.path.join(CACHE, f"sqlmodel-{v}.tar.gz"))
    if not found:
        os.makedirs(CACHE, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
             "--no-deps", "--no-binary", ":all:", f"sqlmodel=={v}", "-d", CACHE],
            check=True,
        )
        found = glob.glob(os.path.join(CACHE, f"sqlmodel-{v}.tar.gz"))
    return found[0]


def fixtures(into):
    """One fixture folder per docs_src example module with a table class; (made, skipped)."""
    made = skipped = 0
    with tarfile.open(sdist()) as tar:
        for m in tar.getmembers():
            name = m.name
            if "/docs_src/" not in name or not name.endswith(".py") or not m.isfile():
                continue
            text = tar.extractfile(m).read().decode("utf-8")
            if "table=True" not in text:
                continue
            rel = name.split("/docs_src/", 1)[1]
            # Packages of several modules (code_structure) import each other by package name.
            if re.search(r"^\s*from \.|^\s*from app\b", text, re.M) or "/code_structure/" in name:
                skipped += 1
                continue
            if re.search(r"^\s*(from|import) fastapi\b", text, re.M):
                skipped += 1
                continue
            case = re.sub(r"[^A-Za-z0-9]+", "_", rel[: -len(".py")])
            os.makedirs(os.path.join(into, case))
            with open(os.path.join(into, case, "models.py"), "w") as f:
                f.write(text)
            made += 1
    return made, skipped


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--mariadb", action="store_true")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="models_public_")
    try:
        made, skipped = fixtures(tmp)
        print(f"SQLModel {sqlmodel_version()} docs_src: {made} example modules with tables "
              f"({skipped} left out: FastAPI apps, multi-module packages)", flush=True)
        if made == 0:
            print("no examples found")
            return 1
        cmd = [sys.executable, os.path.join(HERE, "models_check.py"), "--fixtures", tmp,
               "--write", "--cli", args.cli]
        if args.mariadb:
            cmd.append("--mariadb")
        return subprocess.run(cmd).returncode
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
