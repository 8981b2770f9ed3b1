#!/usr/bin/env bash
# aniprep review at scale: a generated run folder of 50 000 frames and 20 000 faces (768-d embeddings,
# 5 % removed by filter), the server over it, then over HTTP the first page of each view (HTML alone,
# then with its pictures) and the answer time of each kind of action (and its undo and redo), medians and p90 over TRIES tries.
# Goals: first page < 1 s, any action < 200 ms. Usage: bench/review.sh [frames] [faces] [tries]
source "$(dirname "$0")/common.sh"
bench_java org.aniprep.bench.ReviewBench "${1:-50000}" "${2:-20000}" "${3:-7}"
