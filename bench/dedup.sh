#!/usr/bin/env bash
# Dedup benchmark, one process: grouping of 10 000 / 100 000 hashes (multi-index vs exhaustive: time,
# memory, identical groups; goal 100 000 < 10 s), then extract --dedup vs extract-then-dedup on a
# generated 1080p clip (time, bytes written; goal extract --dedup <= 2.5x decode+mpdecimate).
# Usage: bench/dedup.sh [runs=3] [seconds=24] [all|grouping|extraction]
exec "$(dirname "$0")/run-main.sh" org.aniprep.bench.DedupBench "$@"
