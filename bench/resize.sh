#!/usr/bin/env bash
# Pillow-compatible resize: ms/image for a 1080p frame → 448 (WD14), 640 (YOLO), 384 (CCIP),
# against OpenCV's native resizers on the same frame.
source "$(dirname "$0")/common.sh"
bench_java org.aniprep.bench.ResizeBench "$SHARED"
