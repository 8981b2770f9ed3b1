#!/usr/bin/env bash
# Builds and tests spark/ against this checkout's main jar; the root build runs it in its verify phase
# (exec-maven-plugin), so 'mvn -B verify' covers the Spark engine.
# Usage: spark/build.sh [offline=true|false] [skipTests=true|false]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
offline=()
skip=false
for arg in "$@"; do
  case "$arg" in
    offline=true) offline=(-o) ;;
    offline=false) ;;
    skipTests=true) skip=true ;;
    skipTests=false) ;;
    *) echo "spark/build.sh: unknown argument '$arg' (offline=true|false, skipTests=true|false)" >&2; exit 2 ;;
  esac
done
version="$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)"
# the main jar (with its pom's dependencies) and its test helpers, into the local repository spark/ resolves from
mvn -B -q "${offline[@]}" -N -f "$root/pom.xml" org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file -Dfile="$root/target/aniprep.jar" -DpomFile="$root/pom.xml"
mvn -B -q "${offline[@]}" -N -f "$root/pom.xml" org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file -Dfile="$root/target/aniprep-tests.jar" \
  -DgroupId=org.aniprep -DartifactId=aniprep -Dversion="$version" -Dpackaging=jar -Dclassifier=tests -DgeneratePom=false
mvn -B "${offline[@]}" -f "$here/pom.xml" -DskipTests="$skip" -Daniprep.version="$version" verify
