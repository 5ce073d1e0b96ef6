# Sourced by the bench scripts: find_java prints a java >= 21 (BENCH_JAVA, else JAVA_HOME, else the newest
# under /usr/lib/jvm or on PATH). The caller defines die().

java_major() {
    "$1" -XshowSettings:properties -version 2>&1 \
        | awk -F'= ' '/java.specification.version/ { v = $2; sub(/^1\./, "", v); sub(/\..*/, "", v); print v; exit }'
}

find_java() {
    if [ -n "${BENCH_JAVA:-}" ]; then
        echo "$BENCH_JAVA"
        return
    fi
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
        echo "$JAVA_HOME/bin/java"
        return
    fi
    local best="" best_version=0 candidate version
    for candidate in /usr/lib/jvm/*/bin/java "$(command -v java || true)"; do
        [ -x "$candidate" ] || continue
        version=$(java_major "$candidate")
        if [ "${version:-0}" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
            best=$candidate
            best_version=$version
        fi
    done
    [ -n "$best" ] || die "no java >= 21 found (set BENCH_JAVA or JAVA_HOME, or install one under /usr/lib/jvm)"
    echo "$best"
}
