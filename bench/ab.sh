#!/usr/bin/env bash
# A/B speed check against an earlier build: bench/run.sh and bench/extract.sh, interleaved, for a
# baseline commit (built in its own worktree with its own generated episode) and this checkout.
# Usage: bench/ab.sh BASE_COMMIT [pairs=3] [run seconds=240]   (e.g. bench/ab.sh 0b69bc1)
set -euo pipefail
cd "$(dirname "$0")/.."
base_commit="${1:?a baseline commit}"
pairs="${2:-3}"
seconds="${3:-240}"
here="$(pwd)"
base="$(mktemp -d "${TMPDIR:-/tmp}/aniprep-ab.XXXXXX")"
trap 'git -C "$here" worktree remove --force "$base" >/dev/null 2>&1 || true' EXIT
git worktree add -q --detach "$base" "$base_commit"
export ANIPREP_SHARED="${ANIPREP_SHARED:-$here/../shared}"
(cd "$base" && mvn -B -q -o -DskipTests package >/dev/null)
for bench in "run.sh 1 $seconds" "extract.sh 3 8"; do
    for i in $(seq "$pairs"); do
        for side in base here; do
            dir="$base"; [[ $side == here ]] && dir="$here"
            echo "=== $side ($(git -C "$dir" rev-parse --short HEAD)) bench/$bench, pair $i, load $(cut -d' ' -f1 /proc/loadavg)"
            (cd "$dir" && bash bench/${bench%% *} ${bench#* } 2>&1 | grep -E "RATIO|whole run|^(extract|filter|detect|classify) |aniprep extract")
        done
    done
done
