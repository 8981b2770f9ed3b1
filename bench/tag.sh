#!/usr/bin/env bash
# aniprep tag vs bare ONNX Runtime on the same stand-in WD14 model and batch; preprocessing ms/image.
# Args (optional): BATCH COPIES CHANNELS RUNS  (defaults 4 2 48 3)
source "$(dirname "$0")/common.sh"
bench_java org.aniprep.bench.TagBench "$SHARED" "$@"
