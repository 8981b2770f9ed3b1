#!/usr/bin/env bash
# The whole pipeline (`aniprep run`, CPU, offline models) on a generated 1080p episode (drawn once into
# target/bench-run/) against the ffmpeg CLI's decode + mpdecimate of the same file in the same run:
# a per-stage time table and the ratio. Goal <= 3x, must not exceed 5x.
# Args (optional): RUNS SECONDS  (defaults 1 240: one pipeline run, a 4-minute episode)
source "$(dirname "$0")/common.sh"
bench_java org.aniprep.bench.RunBench "$@"
