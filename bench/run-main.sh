#!/usr/bin/env bash
# Runs a benchmark main class from src/test/java with the test classpath (shared by bench/*.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
main="$1"; shift
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null \
  || mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
printf -- '-cp\ntarget/classes:target/test-classes:%s\n' "$(cat target/bench-classpath.txt)" > target/bench.args
exec java -Xmx8g -Djava.awt.headless=true -Daniprep.shared="$(cd .. && pwd)/shared" @target/bench.args "$main" "$@"
