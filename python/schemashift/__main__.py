"""`python -m schemashift ...`: run the native schemashift executable with the same arguments."""

from __future__ import annotations

import os
import subprocess
import sys

from schemashift import find_schemashift_bin


def main() -> "int | None":
    exe = find_schemashift_bin()
    if sys.platform == "win32":
        # No exec on Windows: run it and pass its exit status on.
        return subprocess.call([exe, *sys.argv[1:]])
    os.execvp(exe, [exe, *sys.argv[1:]])
    return None  # not reached


if __name__ == "__main__":
    sys.exit(main())
