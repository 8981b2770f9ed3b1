#!/usr/bin/env bash
# aniprep detect throughput on 1280x720 anime scenes: cascade (command vs bare OpenCV reference use)
# and the YOLO path on a stand-in model (command and in-memory vs bare ONNX Runtime); then the
# cascade's face-count accuracy / IoU table on composited scenes (docs/detect.md).
# Usage: bench/detect.sh [frames=24] [runs=5] [--no-accuracy]
source "$(dirname "$0")/common.sh"
bench_java org.aniprep.bench.DetectBench "$SHARED" "${1:-24}" "${2:-5}"
if [[ "${3:-}" != "--no-accuracy" ]]; then
    for seed in 7 11; do
        bench_java -Daniprep.shared="$SHARED" org.aniprep.detect.CascadeAccuracyReport 12 "$seed"
    done
fi
