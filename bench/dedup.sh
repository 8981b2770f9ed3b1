#!/usr/bin/env bash
# Dedup benchmark, one process: grouping of 10 000 / 100 000 hashes (multi-index vs exhaustive: time,
# memory, identical groups; goal 100 000 < 10 s), 768-d embeddings (Lucene HNSW vs exhaustive: time,
# recall; goal >= 0.99), then extract --dedup vs extract-then-dedup on a generated 1080p clip (time,
# bytes written; goal extract --dedup <= 2.5x decode+mpdecimate).
# Args (optional): RUNS SECONDS [all|grouping|extraction]  (defaults 3 24 all)
source "$(dirname "$0")/common.sh"
bench_java org.aniprep.bench.DedupBench "$@"
