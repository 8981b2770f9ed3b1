# Sourced by bench/*.sh: compiles main + test classes and sets CP to the full test classpath.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench-cp.txt)"
SHARED="${ANIPREP_SHARED:-$(pwd)/../shared}"
bench_java() {
    # an argfile keeps the java command line short (ONNX Runtime 1.29 crashes on very long ones)
    local args=target/bench-args.txt
    printf -- '-cp\n%s\n' "$CP" > "$args"
    java -Xmx4g -Djava.awt.headless=true -Daniprep.shared="$SHARED" @"$args" "$@"
}
