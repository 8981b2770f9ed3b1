#!/usr/bin/env bash
# `aniprep run` on bench/run.sh's generated 1080p episode, locally and with --engine spark --master local[2],
# in one script: per-stage times, extract's Spark task times (org.aniprep.spark.TaskTimes, a SparkListener),
# the time ratio (Spark's overhead on one machine; limit 1.3x) and whether both datasets are byte-identical.
# Args (optional): RUNS SECONDS  (defaults 1 60: one pair of runs, a 1-minute episode). Run it under
# `flock /work/.heavy.lock` on a shared machine. Builds spark/ first if needed (like bench/common.sh, offline).
set -euo pipefail
cd "$(dirname "$0")/.."
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)"
if [[ ! -f target/aniprep.jar || ! -f target/aniprep-tests.jar ]]; then mvn -B -q -o -DskipTests package >/dev/null; fi
if [[ ! -f spark/target/aniprep-spark.jar || target/aniprep.jar -nt spark/target/aniprep-spark.jar ]]; then
  bash spark/build.sh offline=true skipTests=true >/dev/null
fi
mvn -q -o -f spark/pom.xml -Daniprep.version="$version" test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
# slf4j-simple first, as ./aniprep runs: plain log lines from both engines (the stage lines the times come from)
simple="$(ls target/lib/slf4j-simple-*.jar | head -1)"
CP="$simple:spark/target/classes:spark/target/test-classes:$(cat spark/target/bench-cp.txt)"
opts="$(sed -n 's:.*<spark.java.opts>\(.*\)</spark.java.opts>.*:\1:p' spark/pom.xml)"
SHARED="${ANIPREP_SHARED:-$(pwd)/../shared}"
args=target/bench-spark-args.txt
mkdir -p target
printf -- '-cp\n%s\n' "$CP" > "$args"
java -Xmx1g -Djava.awt.headless=true -Daniprep.shared="$SHARED" -Daniprep.spark.javaOpts="$opts" @"$args" \
  org.aniprep.bench.SparkBench "$@"
