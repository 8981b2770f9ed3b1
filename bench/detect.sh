#!/usr/bin/env bash
# aniprep detect throughput on 1280x720 anime scenes: cascade (command vs bare OpenCV reference use),
# FaceBoxes and the offline default (FaceBoxes + cascade) against the cascade, and the YOLO path on a
# stand-in model (command and in-memory vs bare ONNX Runtime); then the face-count accuracy / IoU
# tables on composited scenes (docs/detect.md): the cascade's filter, cascade vs FaceBoxes vs both, and
# the held-out small/edge/empty/tinted scenes (count right per kind, tint and face-size band).
# Usage: bench/detect.sh [frames=24] [runs=5] [--no-accuracy]
source "$(dirname "$0")/common.sh"
bench_java org.aniprep.bench.DetectBench "$SHARED" "${1:-24}" "${2:-5}"
if [[ "${3:-}" != "--no-accuracy" ]]; then
    for seed in 7 11; do
        bench_java -Daniprep.shared="$SHARED" org.aniprep.detect.CascadeAccuracyReport 12 "$seed"
        bench_java -Daniprep.shared="$SHARED" org.aniprep.detect.FaceDetectorReport 12 "$seed" 8
    done
    # issue 19 part 4: small, edge, empty and tinted scenes; 202 held out, 101 tunes
    bench_java -Daniprep.shared="$SHARED" org.aniprep.detect.HeldOutFaceReport 10 202
    bench_java -Daniprep.shared="$SHARED" org.aniprep.detect.HeldOutFaceReport 20 101
fi
