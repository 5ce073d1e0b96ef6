#!/usr/bin/env bash
# Weft token-check micro-benchmark (issue 3): JMH, src/test/java/dev/weft/tokens/TokenCheckBenchmark.java.
#
#   bench/jmh.sh                 # all benchmarks (about 4 minutes on 2 cores)
#   bench/jmh.sh verifyCacheHit  # a subset: any JMH arguments (regexp, -f, -i, -prof gc, ...) are passed on
#
# Needs: Maven, a JDK >= 21 (found by itself), and for the PostgreSQL benchmarks Debian's postgresql server
# binaries (the benchmark starts its own throw-away server, as the test suite does).
# Environment: BENCH_JAVA=/path/to/java, BENCH_OUT=target/bench, BENCH_SKIP_BUILD=1 (reuse test classes).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
OUT=${BENCH_OUT:-$ROOT/target/bench}
STARTED=$(date +%s)
mkdir -p "$OUT"

die() { echo "jmh: $*" >&2; exit 1; }

# shellcheck source=bench/find-java.sh
. "$(dirname "$0")/find-java.sh"

JAVA=$(find_java)
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    echo "building: mvn -q -DskipTests test-compile ..."
    mvn -q -DskipTests test-compile dependency:build-classpath \
        -Dmdep.outputFile="$OUT/test-classpath.txt" -Dmdep.includeScope=test >"$OUT/jmh-build.log" 2>&1 \
        || { tail -40 "$OUT/jmh-build.log" >&2; die "build failed (log: $OUT/jmh-build.log)"; }
fi
[ -f target/test-classes/META-INF/BenchmarkList ] || die "no JMH BenchmarkList in target/test-classes (annotation processor did not run?)"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null \
    || echo "jmh: PostgreSQL server binaries not found (apt-get install postgresql): the *Postgres benchmarks will fail" >&2

echo "java: $JAVA ($("$JAVA" -version 2>&1 | head -1))"
[ $# -gt 0 ] || set -- TokenCheckBenchmark
"$JAVA" -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$OUT/test-classpath.txt")" \
    org.openjdk.jmh.Main -rf text -rff "$OUT/jmh-results.txt" "$@"
echo "total run time: $(( $(date +%s) - STARTED )) s; results also in $OUT/jmh-results.txt"
