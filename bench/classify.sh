#!/usr/bin/env bash
# aniprep classify: faces/s of each embedder (CCIP when it is on the machine) against a head-crop
# baseline, clustering time for 10 000 faces against an all-pairs baseline; then the offline
# embedder's accuracy and confusion table on real art for two seeds, and the held-out look-alike sets (docs/classify.md).
# Usage: bench/classify.sh [scenes=40] [runs=3] [faces-to-cluster=10000] [--no-accuracy]
source "$(dirname "$0")/common.sh"
bench_java org.aniprep.bench.ClassifyBench "${1:-40}" "${2:-3}" "${3:-10000}"
if [[ "${4:-}" != "--no-accuracy" ]]; then
    for seed in 11 12; do
        bench_java org.aniprep.character.OfflineAccuracyReport 120 "$seed"
    done
fi
if [[ "${4:-}" != "--no-accuracy" ]]; then
    # issue 19's held-out look-alike sets (seeds 1 and 2 were used for tuning); margin 0 = the rule before statuses
    bench_java org.aniprep.character.LookAlikeReport 60 101,102,103
fi
