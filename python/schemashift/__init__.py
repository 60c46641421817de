"""schemashift: diff two SQL schema snapshots into a reversible migration.

The package is the native `schemashift` command-line tool (Rust); this module only finds it.
Run it as `schemashift ...` or `python -m schemashift ...`.
"""

from __future__ import annotations

import os
import sys
import sysconfig

__all__ = ["find_schemashift_bin"]


def find_schemashift_bin() -> str:
    """The path of the `schemashift` executable this package installed."""
    exe = "schemashift" + (sysconfig.get_config_var("EXE") or "")
    candidates = [sysconfig.get_path("scripts")]
    # `pip install --user`: the user scheme's scripts directory.
    if sys.version_info >= (3, 10):
        user_scheme = sysconfig.get_preferred_scheme("user")
    elif os.name == "nt":
        user_scheme = "nt_user"
    elif sys.platform == "darwin" and sys._framework:  # type: ignore[attr-defined]
        user_scheme = "osx_framework_user"
    else:
        user_scheme = "posix_user"
    candidates.append(sysconfig.get_path("scripts", scheme=user_scheme))
    # `pip install --target DIR`: the package is DIR/schemashift, the executable DIR/bin.
    candidates.append(os.path.join(os.path.dirname(os.path.dirname(__file__)), "bin"))
    for directory in candidates:
        path = os.path.join(directory, exe)
        if os.path.isfile(path):
            return path
    raise FileNotFoundError(
        f"{exe} not found in {', '.join(candidates)}: reinstall the schemashift package"
    )
