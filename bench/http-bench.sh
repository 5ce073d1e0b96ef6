#!/usr/bin/env bash
# Weft HTTP benchmark (issue 3): builds Weft, seeds a fresh data directory with N sites and their site tokens
# (JDBC bulk inserts, dev.weft.bench.SeedTokens), starts Weft pinned to one core, drives it with wrk pinned
# to the other, and prints one table with the target checks. Run from anywhere:
#
#   bench/http-bench.sh
#
# Needs: Maven, a JDK >= 21 (found by itself), wrk (apt-get install wrk), taskset, curl, 2 cores.
# Environment (all optional):
#   BENCH_SCALES="100000 1000000"   token counts, one fresh data directory each
#   BENCH_JIT_WARMUP=15s   after start-up, every scenario once, unmeasured, so the JIT has compiled them all
#   BENCH_WARMUP=10s BENCH_DURATION=20s   wrk warm-up and measured run of each scenario
#   BENCH_CONNECTIONS=64  BENCH_PORT=18080  BENCH_HOT_TOKENS=10000
#   BENCH_SERVER_CPU=0 BENCH_CLIENT_CPU=1   cores for Weft and for wrk
#   BENCH_JAVA=/path/to/java   BENCH_JAVA_OPTS="..."  (JVM options for Weft; default none)
#   BENCH_SCENARIOS="ping valid valid-hot bad-checksum unknown"
#   BENCH_OUT=target/bench   logs, data directories, token files, results
#   BENCH_SKIP_BUILD=1       reuse the jar and test classes already built
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

SCALES=${BENCH_SCALES:-"100000 1000000"}
WARMUP=${BENCH_WARMUP:-10s}
JIT_WARMUP=${BENCH_JIT_WARMUP:-15s}
DURATION=${BENCH_DURATION:-20s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
PORT=${BENCH_PORT:-18080}
HOT_TOKENS=${BENCH_HOT_TOKENS:-10000}
SERVER_CPU=${BENCH_SERVER_CPU:-0}
CLIENT_CPU=${BENCH_CLIENT_CPU:-1}
SCENARIOS=${BENCH_SCENARIOS:-"ping valid valid-hot bad-checksum unknown"}
OUT=${BENCH_OUT:-$ROOT/target/bench}
LUA="$ROOT/bench/wrk-bench.lua"
FAILED_AUTH_PER_MINUTE=1000000000
CLK_TCK=$(getconf CLK_TCK)
BENCH_STARTED=$(date +%s)

die() { echo "http-bench: $*" >&2; exit 1; }

# --- tools ------------------------------------------------------------------------------------------------
command -v wrk >/dev/null || die "wrk not found: install it with 'apt-get install wrk' (Debian package wrk)"
command -v taskset >/dev/null || die "taskset not found: install util-linux"
command -v curl >/dev/null || die "curl not found: install it with 'apt-get install curl'"
command -v mvn >/dev/null || die "mvn not found: install Maven"
[ "$(nproc)" -ge 2 ] || die "needs at least 2 cores (Weft on one, wrk on the other)"

# shellcheck source=bench/find-java.sh
. "$(dirname "$0")/find-java.sh"

JAVA=$(find_java)
mkdir -p "$OUT"

# --- build ------------------------------------------------------------------------------------------------
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    echo "building: mvn -q -DskipTests package (app jar + test classes) ..."
    t0=$(date +%s)
    if ! mvn -q -DskipTests package dependency:build-classpath \
            -Dmdep.outputFile="$OUT/test-classpath.txt" -Dmdep.includeScope=test >"$OUT/build.log" 2>&1; then
        tail -40 "$OUT/build.log" >&2
        die "build failed (log: $OUT/build.log)"
    fi
    echo "built in $(( $(date +%s) - t0 )) s"
fi
JAR=$(ls "$ROOT"/target/weft-*.jar 2>/dev/null | head -1)
[ -n "$JAR" ] || die "no target/weft-*.jar: run without BENCH_SKIP_BUILD"
[ -f "$OUT/test-classpath.txt" ] || die "no $OUT/test-classpath.txt: run without BENCH_SKIP_BUILD"
CLASSPATH_SEED="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$OUT/test-classpath.txt")"

# --- helpers ----------------------------------------------------------------------------------------------
SERVER_PID=""
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 300); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
proc_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }  # utime + stime
# busy and steal ticks of one core: user nice system irq softirq | steal
core_ticks() { awk -v c="cpu$1" '$1 == c { print $2 + $3 + $4 + $7 + $8, $9 }' /proc/stat; }
now_ns() { date +%s%N; }
field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" <<<" $2"; }

http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" || true; }

RESULTS="$OUT/http-bench-results.tsv"
: >"$RESULTS"
SCALE_INFO="$OUT/http-bench-scales.tsv"
: >"$SCALE_INFO"

GC=$(taskset -c "$SERVER_CPU" "$JAVA" ${BENCH_JAVA_OPTS:-} -XX:+PrintFlagsFinal -version 2>/dev/null \
    | awk '$2 ~ /^Use(Serial|Parallel|G1|Z|Shenandoah|Epsilon)GC$/ && $4 == "true" { gc = $2 } $2 == "MaxHeapSize" { h = $4 }
           END { printf "%s, max heap %d MB", gc, h / 1048576 }')
echo "java: $JAVA ($("$JAVA" -version 2>&1 | head -1)); Weft's JVM on 1 core picks: $GC"
echo "Weft on core $SERVER_CPU, wrk on core $CLIENT_CPU: wrk -t1 -c$CONNECTIONS; JIT warm-up $JIT_WARMUP per scenario after start-up,"
echo "then per scenario a warm-up of $WARMUP and $DURATION measured"
echo "NOTE: seeded sites have rate_limit=1000000000 (default 60/min per token would make this a 429 benchmark);"
echo "NOTE: Weft runs with --weft.api.failed-auth-per-minute=$FAILED_AUTH_PER_MINUTE (default 30/min per address"
echo "      would turn the invalid-token runs into 429s)."
echo "load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"

# One wrk run; prints its RESULT line plus weft_cpu/noise measurements. Args: label duration start expect tokens limit path
run_wrk() {
    local label=$1 duration=$2 start=$3 expect=$4 tokens=$5 limit=$6 path=$7 log=$8
    local w0 c0 c1 t0 w1 d0 d1 t1 wrk_cpu
    w0=$(proc_ticks "$SERVER_PID"); read -r c0 s0 < <(core_ticks "$SERVER_CPU"); read -r c1 s1 < <(core_ticks "$CLIENT_CPU")
    t0=$(now_ns)
    local TIMEFORMAT='%U %S'
    { time BENCH_TOKENS="$tokens" BENCH_LIMIT="$limit" BENCH_START="$start" BENCH_EXPECT="$expect" \
        taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"$duration" --latency -s "$LUA" \
        "http://127.0.0.1:$PORT$path" >"$log" 2>&1 ; } 2>"$log.time" || { cat "$log" >&2; die "wrk failed ($label)"; }
    t1=$(now_ns)
    w1=$(proc_ticks "$SERVER_PID"); read -r d0 e0 < <(core_ticks "$SERVER_CPU"); read -r d1 e1 < <(core_ticks "$CLIENT_CPU")
    wrk_cpu=$(awk '{ print $1 + $2 }' "$log.time")
    grep -q '^RESULT ' "$log" || { cat "$log" >&2; die "wrk printed no RESULT line ($label)"; }
    awk -v w=$((w1 - w0)) -v a=$((d0 - c0)) -v b=$((d1 - c1)) -v sa=$((e0 - s0)) -v sb=$((e1 - s1)) \
        -v wrk="$wrk_cpu" -v ns=$((t1 - t0)) -v hz="$CLK_TCK" '
        /^RESULT / { line = $0 }
        END {
            wall = ns / 1e9 * hz
            printf "%s weft_cpu=%.0f noise0=%.0f noise1=%.0f steal=%.0f\n", line, 100 * w / wall,
                100 * (a - w) / wall, 100 * (b - wrk * hz) / wall, 100 * (sa + sb) / wall
        }' "$log"
}

# Sets expect, tokens, limit and path for a scenario (TOKENS: the scale's token directory).
scenario_settings() {
    case $1 in
        ping) expect=200 tokens="" limit=0 path=/ping ;;
        valid) expect=200 tokens="$TOKENS/valid.tokens" limit=0 path=/ ;;
        valid-hot) expect=200 tokens="$TOKENS/valid.tokens" limit=$HOT_TOKENS path=/ ;;
        bad-checksum) expect=401 tokens="$TOKENS/invalid-checksum.tokens" limit=0 path=/ ;;
        unknown) expect=401 tokens="$TOKENS/invalid-unknown.tokens" limit=0 path=/ ;;
        *) die "unknown scenario $1" ;;
    esac
}

# --- per scale --------------------------------------------------------------------------------------------
for N in $SCALES; do
    echo
    echo "=== $N tokens ==="
    DATA="$OUT/data-$N"
    TOKENS="$DATA/tokens"
    rm -rf "$DATA"
    mkdir -p "$DATA"
    PEPPER=$(head -c 32 /dev/urandom | base64 -w0)
    # Also where Weft looks for it when WEFT_TOKEN_PEPPER is unset, so the data directory can be reused by hand.
    mkdir -p -m 700 "$DATA/secrets"
    (umask 077 && printf '%s' "$PEPPER" >"$DATA/secrets/token-pepper")

    echo "seeding $N sites + site tokens (JDBC batches) into $DATA ..."
    t0=$(now_ns)
    WEFT_TOKEN_PEPPER="$PEPPER" "$JAVA" -Xmx4g -cp "$CLASSPATH_SEED" dev.weft.bench.SeedTokens \
        --data-dir "$DATA" --sites "$N" --out "$TOKENS" >"$DATA/seed.log" 2>&1 \
        || { tail -30 "$DATA/seed.log" >&2; die "seeding failed"; }
    seed_s=$(awk -v ns=$(( $(now_ns) - t0 )) 'BEGIN { printf "%.1f", ns / 1e9 }')
    grep '^seeded' "$DATA/seed.log" || true
    db_mb=$(du -m "$DATA/db" | awk '{ print $1 }')

    [ "$(http_code "http://127.0.0.1:$PORT/ping")" = "000" ] || die "port $PORT is already in use (set BENCH_PORT)"
    echo "starting Weft on core $SERVER_CPU (port $PORT) ..."
    t0=$(now_ns)
    WEFT_DATA_DIR="$DATA" SERVER_PORT="$PORT" WEFT_TOKEN_PEPPER="$PEPPER" \
        taskset -c "$SERVER_CPU" "$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$JAR" \
        --weft.api.failed-auth-per-minute=$FAILED_AUTH_PER_MINUTE >"$DATA/weft.log" 2>&1 &
    SERVER_PID=$!
    until [ "$(http_code "http://127.0.0.1:$PORT/ping")" = "200" ]; do
        kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$DATA/weft.log" >&2; die "Weft exited during start-up"; }
        [ $(( $(now_ns) - t0 )) -lt 300000000000 ] || die "Weft did not answer /ping within 300 s"
        sleep 0.05
    done
    startup_ms=$(( ($(now_ns) - t0) / 1000000 ))
    spring_s=$(sed -n 's/.*Started .* in \([0-9.]*\) seconds.*/\1/p' "$DATA/weft.log" | head -1)
    sleep 5
    idle_rss=$(rss_mb "$SERVER_PID")
    echo "first 200 on /ping after ${startup_ms} ms (Spring: ${spring_s:-?} s); idle RSS ${idle_rss} MB (5 s later)"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$N" "$seed_s" "$startup_ms" "$idle_rss" "$db_mb" "${spring_s:-?}" >>"$SCALE_INFO"

    # Sanity: the seeded tokens work (same pepper and digest), the invalid ones are 401s.
    read -r tok site <"$TOKENS/valid.tokens"
    [ "$(http_code -H "Authorization: Bearer $tok" "http://127.0.0.1:$PORT/v2/sites/$site")" = 200 ] \
        || die "a seeded token was not accepted (pepper or digest mismatch?)"
    read -r tok site <"$TOKENS/invalid-checksum.tokens"
    [ "$(http_code -H "Authorization: Bearer $tok" "http://127.0.0.1:$PORT/v2/sites/$site")" = 401 ] \
        || die "a bad-checksum token was not answered 401"
    read -r tok site <"$TOKENS/invalid-unknown.tokens"
    [ "$(http_code -H "Authorization: Bearer $tok" "http://127.0.0.1:$PORT/v2/sites/$site")" = 401 ] \
        || die "an unknown token was not answered 401"

    # JIT warm-up: on one core the JIT compiles Spring's whole request path for a minute or more, and a
    # scenario's own 10 s warm-up is not enough (measured: /ping at ~1,000 req/s in the first minute, ~4,500
    # after). Every scenario runs once, unmeasured, from the middle of its token file.
    if [ "$JIT_WARMUP" != 0 ] && [ "$JIT_WARMUP" != 0s ]; then
        line="JIT warm-up ($JIT_WARMUP per scenario, req/s):"
        for scenario in $SCENARIOS; do
            scenario_settings "$scenario"
            res=$(run_wrk "$scenario JIT warm-up" "$JIT_WARMUP" $((N / 2)) "$expect" "$tokens" "$limit" "$path" \
                "$DATA/wrk-$scenario-jit-warmup.log")
            line="$line $scenario $(field rps "$res" | cut -d. -f1)"
        done
        echo "$line"
    fi

    for scenario in $SCENARIOS; do
        scenario_settings "$scenario"
        log="$DATA/wrk-$scenario"
        warm=$(run_wrk "$scenario warm-up" "$WARMUP" 0 "$expect" "$tokens" "$limit" "$path" "$log-warmup.log")
        warm_requests=$(field requests "$warm")
        res=$(run_wrk "$scenario" "$DURATION" "$warm_requests" "$expect" "$tokens" "$limit" "$path" "$log.log")
        rss=$(rss_mb "$SERVER_PID")
        rps=$(field rps "$res"); pool=$(field pool "$res")
        errors=$(( $(field unexpected "$res") + $(field socket_errors "$res") ))
        walk=$(awk -v p="$pool" -v r="$rps" 'BEGIN { if (p > 0) printf "%.1f", p / r; else print "-" }')
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$N" "$scenario" "$rps" \
            "$(field p50_ms "$res")" "$(field p99_ms "$res")" "$errors" "$rss" "$(field weft_cpu "$res")" \
            "$(field noise0 "$res")" "$(field noise1 "$res")" "${pool:-0}" "$walk" "$(field unexpected_statuses "$res")" \
            "$(field steal "$res")" >>"$RESULTS"
        printf '  %-13s %9.0f req/s  p50 %6.2f ms  p99 %7.2f ms  errors %s  RSS %s MB  (Weft CPU %s%%, others on its core %s%%)\n' \
            "$scenario" "$rps" "$(field p50_ms "$res")" "$(field p99_ms "$res")" "$errors" "$rss" \
            "$(field weft_cpu "$res")" "$(field noise0 "$res")"
        sleep 2
    done
    stop_server
done

# --- the table --------------------------------------------------------------------------------------------
TABLE="$OUT/http-bench-results.txt"
{
    echo
    echo "Weft HTTP benchmark — $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, Weft on core $SERVER_CPU ($GC), wrk -t1 -c$CONNECTIONS on core $CLIENT_CPU"
    echo "JIT warm-up $JIT_WARMUP per scenario after start-up; then warm-up $WARMUP and $DURATION measured per scenario"
    echo "sites' rate_limit=1000000000; weft.api.failed-auth-per-minute=$FAILED_AUTH_PER_MINUTE"
    echo
    awk -F'\t' 'BEGIN {
            printf "%-9s %-13s %10s %8s %8s %7s %7s %6s %7s %7s %9s %7s\n", "tokens", "scenario", "req/s", "p50 ms",
                "p99 ms", "errors", "RSS MB", "CPU%", "noise0%", "noise1%", "pool", "walk s"
        }
        { printf "%-9s %-13s %10.0f %8.2f %8.2f %7d %7d %6s %7s %7s %9s %7s%s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9,
              $10, ($11 > 0 ? $11 : "-"), $12, ($13 != "-" && $13 != "" ? "  non-expected statuses: " $13 : "") }' "$RESULTS"
    echo
    awk -F'\t' '{ printf "%s tokens: seeding %s s, DB %s MB, start-up to first /ping 200: %s ms (Spring says %s s), idle RSS %s MB\n",
        $1, $2, $5, $3, $6, $4 }' "$SCALE_INFO"
    echo
    echo "errors: non-200 answers (ping, valid) or non-401 answers (bad-checksum, unknown), plus socket errors/timeouts."
    echo "CPU%: Weft's CPU time over the run (100 = its whole core); noise0%/noise1%: other processes on Weft's / wrk's core."
    echo "pool: distinct tokens walked in order (warm-up then measured run continue one walk); walk s: seconds per full"
    echo "walk at the measured rate — under weft.tokens.cache-ttl (30 s) repeats are cache hits, over it every request misses."
    echo
    echo "Target checks:"
    awk -F'\t' '
        { rps[$1, $2] = $3; p99[$1, $2] = $5; if (!($1 in seen)) { seen[$1] = 1; scales[++n] = $1 } }
        function check(name, ok, detail) { printf "  %-46s %-34s %s\n", name, detail, ok ? "PASS" : "FAIL" }
        END {
            for (i = 1; i <= n; i++) {
                s = scales[i]
                if (rps[s, "ping"] && rps[s, "valid"])
                    check("valid/ping >= 0.60 @" s, rps[s, "valid"] / rps[s, "ping"] >= 0.60,
                          sprintf("%.0f / %.0f = %.2f", rps[s, "valid"], rps[s, "ping"], rps[s, "valid"] / rps[s, "ping"]))
                if (rps[s, "valid"] && rps[s, "bad-checksum"])
                    check("bad-checksum >= valid @" s, rps[s, "bad-checksum"] >= rps[s, "valid"],
                          sprintf("%.0f / %.0f = %.2f", rps[s, "bad-checksum"], rps[s, "valid"], rps[s, "bad-checksum"] / rps[s, "valid"]))
                if (rps[s, "valid"] && rps[s, "unknown"])
                    check("unknown >= valid @" s, rps[s, "unknown"] >= rps[s, "valid"],
                          sprintf("%.0f / %.0f = %.2f", rps[s, "unknown"], rps[s, "valid"], rps[s, "unknown"] / rps[s, "valid"]))
                worst = 0; which = ""
                for (k in p99) { split(k, parts, SUBSEP); if (parts[1] == s && p99[k] + 0 > worst) { worst = p99[k] + 0; which = parts[2] } }
                check("p99 <= 10 ms at 64 connections @" s, worst <= 10, sprintf("worst %.2f ms (%s)", worst, which))
            }
            if (n >= 2 && rps[scales[1], "valid"] && rps[scales[n], "valid"]) {
                r = rps[scales[n], "valid"] / rps[scales[1], "valid"]
                check("valid@" scales[n] " within 10% of valid@" scales[1], r >= 0.90 && r <= 1.10,
                      sprintf("%.0f / %.0f = %.2f", rps[scales[n], "valid"], rps[scales[1], "valid"], r))
                if (rps[scales[1], "valid-hot"] && rps[scales[n], "valid-hot"]) {
                    r = rps[scales[n], "valid-hot"] / rps[scales[1], "valid-hot"]
                    printf "  (info) valid-hot@%s / valid-hot@%s = %.2f; valid-hot/ping: %s\n", scales[n], scales[1], r,
                        sprintf("%.2f @%s, %.2f @%s", rps[scales[1], "valid-hot"] / rps[scales[1], "ping"], scales[1],
                                rps[scales[n], "valid-hot"] / rps[scales[n], "ping"], scales[n])
                }
            }
        }' "$RESULTS"
    echo
    echo "total run time: $(( $(date +%s) - BENCH_STARTED )) s; logs, token files and data: $OUT"
} | tee "$TABLE"
