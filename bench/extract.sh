#!/usr/bin/env bash
# Frame extraction benchmark on a generated 1080p clip: decode only, decode + mpdecimate,
# `aniprep extract` (PNG), and the ffmpeg CLI writing the same PNGs (when installed); medians and ratios.
# Usage: bench/extract.sh [runs=3] [seconds=24]
exec "$(dirname "$0")/run-main.sh" org.aniprep.bench.ExtractBench "$@"
