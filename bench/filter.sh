#!/usr/bin/env bash
# aniprep filter throughput on 1080p frames (with and without the PP-OCRv4 text detector, against
# decoding the PNGs alone), then the per-reason precision/recall on the test episodes (docs/filter.md).
# Needs the text detector (ANIPREP_MODEL_PATH, e.g. ../shared/models) and, for the accuracy part,
# the ffmpeg CLI and fonts-dejavu-core.
# Usage: bench/filter.sh [frames=24] [runs=3] [--no-accuracy]
source "$(dirname "$0")/common.sh"
export ANIPREP_MODEL_PATH="${ANIPREP_MODEL_PATH:-$SHARED/models}"
bench_java org.aniprep.bench.FilterBench "$SHARED" "${1:-24}" "${2:-3}"
if [[ "${3:-}" != "--no-accuracy" ]]; then
    work="$(mktemp -d)"
    bench_java org.aniprep.filter.FilterAccuracyReport "$work/accuracy" 2>&1 | grep -v '^INFO'
    rm -rf "$work"
fi
