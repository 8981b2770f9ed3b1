#!/usr/bin/env bash
# Frame extraction benchmark on a generated 1080p clip: decode only, decode + mpdecimate,
# `aniprep extract` (PNG), and the ffmpeg CLI writing the same PNGs (when installed); medians and ratios.
# Args (optional): RUNS SECONDS  (defaults 3 24)
source "$(dirname "$0")/common.sh"
bench_java org.aniprep.bench.ExtractBench "$@"
