#!/usr/bin/env bash
# arrange + balance on 100 000 tiny images (each with a sidecar and a caption), against a plain
# recursive copy of the same files. Usage: bench/dataset.sh [images] [runs] [quick]
source "$(dirname "$0")/common.sh"
bench_java org.aniprep.bench.DatasetBench "${1:-100000}" "${2:-3}" ${3:-}
