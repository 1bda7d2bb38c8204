#!/usr/bin/env bash
# git pre-commit hook: runs `parindex check` on the staged parindex files (the *.yaml / *.yml
# files that have a line starting with `parindex:`) and refuses the commit if it finds errors.
#
# Install (from the repository's root):
#   cp examples/ci/pre-commit-hook.sh .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
#
# Needs `parindex` on PATH (cargo install --locked --path parindex). Bypass once, at your own
# risk, with `git commit --no-verify`. Set PARINDEX_ARGS="--deny-warnings" to fail on warnings.
#
# Only the staged files are checked, so an evidence file should name a criteria set of this
# repository by its path (`criteria: ../criteria/dak-lak-district-2025.yaml`); a set named by
# id is found here only if it is embedded in parindex or staged in the same commit. The CI
# workflow (examples/ci/github-actions.yml) checks every file together.
set -euo pipefail

# Evidence files name their criteria set by a path relative to themselves, so the check runs
# from the repository's root on the working-tree files.
cd "$(git rev-parse --show-toplevel)"

files=()
while IFS= read -r -d '' file; do
    case "$file" in
        *.yaml | *.yml)
            if grep -q '^parindex:' -- "$file"; then
                files+=("$file")
            fi
            ;;
    esac
done < <(git diff --cached --name-only --diff-filter=ACM -z)

if [ "${#files[@]}" -eq 0 ]; then
    exit 0
fi

if ! command -v parindex >/dev/null 2>&1; then
    echo "pre-commit: parindex is not on PATH; install it or commit with --no-verify" >&2
    exit 1
fi

status=0
# shellcheck disable=SC2086 # PARINDEX_ARGS is a list of flags
parindex check ${PARINDEX_ARGS:-} -- "${files[@]}" || status=$?
if [ "$status" -ne 0 ]; then
    echo "pre-commit: parindex check failed (exit $status); fix the files above, then commit again" >&2
fi
exit "$status"
