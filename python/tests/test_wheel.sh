#!/usr/bin/env bash
# The Python package as users get it (scripts/test.sh runs this as its `python` step):
#
#   1. the wheel: `maturin build --release --zig --compatibility manylinux2014 --auditwheel
#      check` (pyproject.toml); its name, tags, metadata and the glibc symbol versions of its
#      executable (at most GLIBC_2.17);
#   2. the wheel installed with pip into a fresh venv (no index, no Rust on the way): its
#      `schemashift` and `python -m schemashift` against the native CLI (`cargo build --release
#      -p schemashift-cli`), byte for byte (stdout, stderr, exit code), on every core case
#      (core/tests/cases/{postgres,sqlite}) in each output format, and on usage/input errors;
#   3. the pre-commit hooks (.pre-commit-hooks.yaml), the way a user's repository runs them:
#      a throw-away git repository whose .pre-commit-config.yaml points at a snapshot of this
#      checkout (its tracked and untracked, not ignored, files, committed in a git repository
#      of their own; pre-commit clones it and pip-installs it, which builds the CLI from source
#      with cargo). schemashift-check passes on an unchanged schema and fails on a drifted one,
#      schemashift-diff with `--deny destructive` fails on a dropped column, and `git commit`
#      through `pre-commit install` is refused on drift.
#
# Tools: cargo, git, and maturin, ziglang and pre-commit in .venv (scripts/setup.sh installs
# them). A missing tool skips this script with a message, or fails it under CI=true.
#
# Caches, all under the cargo target directory: the zig build in target/x86_64-unknown-linux-gnu
# (maturin --zig names the target triple), the pre-commit build in target/pre-commit/target
# (so the clone's build never replaces target/release/schemashift), and pre-commit's store in
# target/pre-commit/home, kept only while the snapshot commit is the same (it is deterministic:
# same files, same commit id), so an unchanged checkout does not rebuild the hook environment.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
cd "$REPO_ROOT"

VENV="$REPO_ROOT/.venv"
T0=$SECONDS

missing() {
    if [ "${CI:-}" = "true" ]; then
        log "error: $1 (CI=true: a missing tool fails this step; scripts/setup.sh installs it)"
        exit 1
    fi
    log "skipped: $1 (run scripts/setup.sh)"
    exit 0
}
have cargo || missing "no cargo"
have git || missing "no git"
have python3 || missing "no python3"
have objdump || missing "no objdump (binutils)"
[ -x "$VENV/bin/maturin" ] || missing "no maturin in .venv"
[ -x "$VENV/bin/pre-commit" ] || missing "no pre-commit in .venv"
"$VENV/bin/python" -m ziglang version >/dev/null 2>&1 || missing "no ziglang in .venv"

CHECKS=0
FAILS=0
ok() { CHECKS=$((CHECKS + 1)); }
bad() {
    CHECKS=$((CHECKS + 1))
    FAILS=$((FAILS + 1))
    printf 'FAIL: %s\n' "$*" >&2
}
phase() { printf '\n--- %s (%ss)\n' "$1" $((SECONDS - T0)); }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/schemashift-python.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

{ read -r TARGET && read -r VERSION; } < <(cargo metadata --format-version 1 --no-deps \
    | "$VENV/bin/python" -c '
import json, sys
m = json.load(sys.stdin)
print(m["target_directory"])
print(next(p for p in m["packages"] if p["name"] == "schemashift-cli")["version"])')

# ---------------------------------------------------------------------------------------------
phase "native CLI: cargo build --release -p schemashift-cli"
cargo build --release --quiet -p schemashift-cli
NATIVE="$TARGET/release/schemashift"

# ---------------------------------------------------------------------------------------------
phase "wheel: maturin build --release --zig --compatibility manylinux2014"
# maturin finds zig as `python -m ziglang` of the python on PATH: the venv's.
PATH="$VENV/bin:$PATH" nice maturin build --release --zig --compatibility manylinux2014 \
    --auditwheel check --out "$WORK/wheels"
WHEEL_NAME="schemashift-$VERSION-py3-none-manylinux2014_x86_64.manylinux_2_17_x86_64.whl"
WHEEL="$WORK/wheels/$WHEEL_NAME"
if [ -f "$WHEEL" ] && [ "$(ls "$WORK/wheels")" = "$WHEEL_NAME" ]; then
    ok
    printf 'wheel: %s, %s bytes\n' "$WHEEL_NAME" "$(stat -c %s "$WHEEL")"
else
    bad "expected exactly $WHEEL_NAME, got: $(ls "$WORK/wheels")"
    exit 1
fi

# Metadata a PyPI page shows, and the executable's place and glibc needs.
if "$VENV/bin/python" - "$WHEEL" "$VERSION" "$WORK/unpacked" <<'EOF'; then ok; else bad "wheel contents"; fi
import email.parser, os, re, subprocess, sys, zipfile

wheel, version, dest = sys.argv[1:]
errors = []
with zipfile.ZipFile(wheel) as z:
    names = z.namelist()
    meta = email.parser.Parser().parsestr(
        z.read(f"schemashift-{version}.dist-info/METADATA").decode())
    exe = f"schemashift-{version}.data/scripts/schemashift"
    for want in (exe, "schemashift/__init__.py", "schemashift/__main__.py"):
        if want not in names:
            errors.append(f"missing {want}")
    z.extract(exe, dest)
for field, want in [("Name", "schemashift"), ("Version", version),
                    ("License-Expression", "MIT"), ("Requires-Python", ">=3.8")]:
    if meta.get(field) != want:
        errors.append(f"{field}: {meta.get(field)!r}, expected {want!r}")
if not meta.get("Summary"):
    errors.append("no Summary")
if "pip install schemashift" not in meta.get_payload():
    errors.append("the description (python/README.md) is not in METADATA")
if not meta.get_all("Project-URL"):
    errors.append("no Project-URL")
if not any(c.startswith("Programming Language :: Rust") for c in meta.get_all("Classifier") or []):
    errors.append("classifiers missing")
# manylinux2014 = glibc 2.17: no symbol of the executable may need a newer one.
dynsyms = subprocess.run(["objdump", "-T", os.path.join(dest, exe)], check=True,
                         capture_output=True, text=True).stdout
glibc = sorted({tuple(map(int, v.split("."))) for v in re.findall(r"GLIBC_([0-9.]+)\)", dynsyms)})
if not glibc or glibc[-1] > (2, 17):
    errors.append(f"glibc symbol versions up to {glibc[-1] if glibc else None}, expected <= 2.17")
print(f"executable needs glibc {'.'.join(map(str, glibc[-1]))}; "
      f"{len(names)} files in the wheel")
for e in errors:
    print("wheel:", e, file=sys.stderr)
sys.exit(1 if errors else 0)
EOF

# ---------------------------------------------------------------------------------------------
phase "fresh venv: pip install the wheel (no index)"
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet --no-index --disable-pip-version-check "$WHEEL"
PY_BIN="$WORK/venv/bin/schemashift"
if [ "$("$PY_BIN" --version)" = "schemashift $VERSION" ]; then ok; else bad "--version"; fi

# same ARGS...: the wheel's CLI and the native one print the same bytes on stdout and stderr
# and exit with the same status (stdin from $STDIN, default /dev/null).
same() {
    local a=0 b=0
    "$PY_BIN" "$@" <"${STDIN:-/dev/null}" >"$WORK/wheel.out" 2>"$WORK/wheel.err" || a=$?
    "$NATIVE" "$@" <"${STDIN:-/dev/null}" >"$WORK/native.out" 2>"$WORK/native.err" || b=$?
    if [ "$a" -eq "$b" ] && cmp -s "$WORK/wheel.out" "$WORK/native.out" \
        && cmp -s "$WORK/wheel.err" "$WORK/native.err"; then
        ok
    else
        bad "wheel vs native differ (exit $a vs $b): schemashift $*"
        diff "$WORK/native.out" "$WORK/wheel.out" | head -n 10 >&2 || true
        diff "$WORK/native.err" "$WORK/wheel.err" | head -n 10 >&2 || true
    fi
}

phase "wheel vs native CLI, byte for byte"
CASES=0
for dialect in postgres sqlite; do
    for dir in core/tests/cases/"$dialect"/*/; do
        c="${dir}current.sql" d="${dir}desired.sql"
        CASES=$((CASES + 1))
        same diff "$c" "$d" --dialect "$dialect"
        same diff "$c" "$d" --dialect "$dialect" --down
        same diff "$c" "$d" --dialect "$dialect" --format json
        same diff "$c" "$d" --dialect "$dialect" --format alembic -m "python wheel test" \
            --rev-id 0123456789ab --create-date "2026-01-01 00:00:00"
        same diff "$c" "$d" --dialect "$dialect" --exit-code
        same diff "$c" "$d" --dialect "$dialect" --deny destructive
    done
done
ADD=core/tests/cases/postgres/add_column
STDIN="$ADD/current.sql" same diff - "$ADD/desired.sql"
same --help
same diff "$ADD/current.sql"                      # usage error (exit 2)
same diff "$ADD/current.sql" "$WORK/no-such.sql"  # input error (exit 1)
same diff "$ADD/current.sql" "$ADD/desired.sql" --format yaml
echo "$CASES cases"

# `python -m schemashift` runs the same executable.
if "$WORK/venv/bin/python" -m schemashift diff "$ADD/current.sql" "$ADD/desired.sql" \
    --format json >"$WORK/module.out" \
    && "$NATIVE" diff "$ADD/current.sql" "$ADD/desired.sql" --format json >"$WORK/native.out" \
    && cmp -s "$WORK/module.out" "$WORK/native.out"; then
    ok
else
    bad "python -m schemashift differs from the native CLI"
fi
status=0
"$WORK/venv/bin/python" -m schemashift diff "$ADD/current.sql" "$ADD/desired.sql" --exit-code \
    >/dev/null || status=$?
if [ "$status" -eq 3 ]; then ok; else bad "python -m schemashift --exit-code: exit $status, expected 3"; fi

# The README's line (a random revision id and the current time: not comparable byte for byte).
if "$PY_BIN" diff "$ADD/current.sql" "$ADD/desired.sql" --format alembic -m "add priority" \
    | grep -q '^"""add priority$'; then
    ok
else
    bad "--format alembic -m 'add priority'"
fi

# ---------------------------------------------------------------------------------------------
phase "pre-commit hooks (.pre-commit-hooks.yaml)"
PC="$TARGET/pre-commit"
SNAP="$PC/repo"
rm -rf "$SNAP"
mkdir -p "$SNAP"
# This checkout as it is now: tracked files (less deleted ones) and untracked, not ignored ones.
git ls-files -z -co --exclude-standard \
    | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
    | tar --null -T - -cf - | tar -xf - -C "$SNAP"
# The user's and the system's git configuration stay out (e.g. core.hooksPath, which
# `pre-commit install` refuses to work with).
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=schemashift GIT_AUTHOR_EMAIL=test@example.invalid \
    GIT_COMMITTER_NAME=schemashift GIT_COMMITTER_EMAIL=test@example.invalid \
    GIT_AUTHOR_DATE='2000-01-01T00:00:00Z' GIT_COMMITTER_DATE='2000-01-01T00:00:00Z'
git -C "$SNAP" init -q -b main
git -C "$SNAP" add -A
git -C "$SNAP" -c commit.gpgsign=false commit -q -m snapshot
REV="$(git -C "$SNAP" rev-parse HEAD)"
if [ "$(cat "$PC/home.rev" 2>/dev/null)" != "$REV" ]; then
    rm -rf "$PC/home"
    echo "$REV" >"$PC/home.rev"
fi
export PRE_COMMIT_HOME="$PC/home" CARGO_TARGET_DIR="$PC/target"
# The hooks' own build (pip -> maturin -> cargo, in a target of its own) is checked for what
# the hooks do, not for speed: thin LTO over 16 units builds it in less time than the release
# profile's fat LTO, which the wheel above keeps.
export CARGO_PROFILE_RELEASE_LTO=thin CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16

USER_REPO="$WORK/user"
mkdir -p "$USER_REPO/db"
cd "$USER_REPO"
git init -q -b main
cp "$REPO_ROOT/$ADD/current.sql" db/schema.sql
cp "$REPO_ROOT/$ADD/current.sql" db/models.sql
cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $SNAP
    rev: $REV
    hooks:
      - id: schemashift-check
        args: [db/schema.sql, db/models.sql]
      - id: schemashift-diff
        args: [--deny, destructive, db/schema.sql, db/models.sql]
EOF
git add -A
git -c commit.gpgsign=false commit -q -m "schemas in sync"

# hook NAME WANT_STATUS WANT_TEXT: `pre-commit run NAME --all-files` exits WANT_STATUS and
# its output contains WANT_TEXT.
hook() {
    local status=0
    nice "$VENV/bin/pre-commit" run "$1" --all-files --color never >"$WORK/hook.out" 2>&1 \
        || status=$?
    if [ "$status" -eq "$2" ] && grep -qF -- "$3" "$WORK/hook.out"; then
        ok
    else
        bad "pre-commit run $1: exit $status (expected $2), output without '$3':"
        tail -n 30 "$WORK/hook.out" >&2
    fi
}
# The first run clones the snapshot and pip-installs it (cargo builds the CLI).
hook schemashift-check 0 "schemashift drift check"
hook schemashift-diff 0 "schemashift diff"
# Drift: the models gained a column, the schema file did not.
cp "$REPO_ROOT/$ADD/desired.sql" db/models.sql
hook schemashift-check 1 "ADD COLUMN"
hook schemashift-diff 0 "Passed"   # adding a column loses nothing
# A dropped column: data loss, denied.
cp "$REPO_ROOT/$ADD/desired.sql" db/schema.sql
cp "$REPO_ROOT/$ADD/current.sql" db/models.sql
hook schemashift-diff 1 "hazard(s) of a denied kind"

# Through git: `pre-commit install`, then a commit with drift is refused, one without is not.
"$VENV/bin/pre-commit" install >/dev/null
git add -A
if git -c commit.gpgsign=false commit -q -m drift >"$WORK/commit.out" 2>&1; then
    bad "git commit with a drifted schema went through"
else
    ok
fi
cp db/schema.sql db/models.sql
git add -A
if git -c commit.gpgsign=false commit -q -m "in sync again" >"$WORK/commit.out" 2>&1; then
    ok
else
    bad "git commit with schemas in sync was refused:"
    tail -n 20 "$WORK/commit.out" >&2
fi
cd "$REPO_ROOT"

phase "done"
echo "$CHECKS checks, $FAILS failed"
[ "$FAILS" -eq 0 ]
