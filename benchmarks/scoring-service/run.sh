#!/usr/bin/env bash
# scoring-service benchmark: answers scored per second (the scorer in-process, and end to end) and the delay
# from an answer-submitted event to its answer-scored event through the real broker at a fixed rate.
#
#   benchmarks/scoring-service/run.sh                 # defaults: 100 answers/s for 60 s, then a burst of 3000
#   RATE=100 SECONDS_AT_RATE=60 BURST=3000 IN_PROCESS_COUNT=5000 SKIP_IN_PROCESS=false benchmarks/scoring-service/run.sh
#   RATES="10 25" SENTENCES=8 ...   # several rates one after the other; answers of 8 sentences each (issue #14)
#   PORT_BLOCK=212 ...              # ports 21232 (PostgreSQL), 21292/21293, 21250/21251, 21283 instead of the defaults
#
# It builds what it needs when missing, starts its own PostgreSQL, Kafka and Keycloak through the local stack
# launcher on ports of its own (35432, 39092/39093, 38180/38190) so it never touches a running ./stack, runs
# scoring-service from its jar on :38083, and stops everything it started.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

RATE="${RATE:-100}"
RATES="${RATES:-$RATE}"
SECONDS_AT_RATE="${SECONDS_AT_RATE:-60}"
BURST="${BURST:-3000}"
export SENTENCES="${SENTENCES:-0}"
work="${WORK:-$root/benchmarks/scoring-service/target/run}"
if [ -n "${PORT_BLOCK:-}" ]; then # a shared machine: one engineer's block of ports (see the e2e suite's StackConfig)
  PG=${PORT_BLOCK}32; KAFKA=${PORT_BLOCK}92; KAFKA_CONTROLLER=${PORT_BLOCK}93; KC=${PORT_BLOCK}50; KC_MGMT=${PORT_BLOCK}51
  SCORING=${PORT_BLOCK}83
else
  PG=35432; KAFKA=39092; KAFKA_CONTROLLER=39093; KC=38180; KC_MGMT=38190; SCORING=38083
fi
labelled="$root/scoring-service/src/test/resources/labelled/answers.jsonl"
# The GC of the deployment (deploy/k8s: SerialGC), with a fixed heap. G1 with -Xmx512m let the heap shrink to ~100 MB,
# then ran a concurrent mark every ~2 s (remark pauses 10-35 ms, marking threads on the same 2 cores): p99 149-165 ms.
SCORING_JAVA_OPTS="${SCORING_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC}"

log() { printf '[bench] %s\n' "$*" >&2; }

if ! command -v psql >/dev/null; then
  log "installing the PostgreSQL client"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
fi
JAVA_HOME="$(bin/java21-home)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

launcher=deploy/launcher/target/launcher.jar
scoring_jar="${SCORING_JAR:-scoring-service/target/quarkus-app/quarkus-run.jar}"
# From a fresh clone too: -am installs what scoring-service and the launcher need (contracts, service-kit, ...),
# and the benchmark program links the installed scoring-service jar, so it is always installed current.
if [ "${SKIP_BUILD:-false}" != true ]; then # SKIP_BUILD=true: a re-run right after a run that built the same code
  log "building the launcher and scoring-service (with the modules they need)"
  ./mvnw -q -B ${MVN_OFFLINE:+-o} install -DskipTests -DskipITs -pl deploy/launcher,scoring-service -am
  ./mvnw -q -B ${MVN_OFFLINE:+-o} -f benchmarks/scoring-service/pom.xml compile
fi

bench() { ./mvnw -q -B ${MVN_OFFLINE:+-o} -f benchmarks/scoring-service/pom.xml exec:java -Dexec.args="$*"; }
log "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the benchmark"

if [ "${SKIP_IN_PROCESS:-false}" != true ]; then
  log "in-process scorer throughput (nothing else running)"
  bench inprocess "$labelled" "${IN_PROCESS_COUNT:-5000}"
fi

mkdir -p "$work"
# shellcheck source=../lib.sh
. "$root/benchmarks/lib.sh"
start_infra 600

# The SQL sandbox migration creates a NOLOGIN role: the service's role needs CREATEROLE (docs/scoring-service.md).
psql -h localhost -p $PG -U postgres -d postgres -v ON_ERROR_STOP=1 -q -c "ALTER ROLE debrief CREATEROLE"

log "starting scoring-service on :$SCORING"
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PG/debrief" \
  QUARKUS_DATASOURCE_SANDBOX_JDBC_URL="jdbc:postgresql://localhost:$PG/debrief_sandbox" \
  KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA" \
  QUARKUS_OIDC_AUTH_SERVER_URL="http://localhost:$KC/realms/debrief" \
  QUARKUS_HTTP_PORT=$SCORING \
  java $SCORING_JAVA_OPTS -jar "$scoring_jar" >"$work/scoring.log" 2>&1 &
pids+=($!)
# the benchmark reads the service's CPU time and memory from /proc/<pid> (CPU ms per answer and per sentence, RSS)
export SCORING_PID=$!
wait_http "http://localhost:$SCORING/q/health/ready" scoring-service "${READY_SECONDS:-300}"

# The service's memory after each phase: VmRSS/VmHWM, resident and anonymous (smaps_rollup), and where the JVM was
# started with -XX:NativeMemoryTracking=summary, its own accounting (ONNX Runtime's and the tokenizer's native
# allocations are outside it) in $work/nmt-<phase>.txt.
memory() { # phase
  local status rollup
  status="$(grep -E 'VmRSS|VmHWM' /proc/$SCORING_PID/status | tr -s ' \t' ' ' | paste -sd' ')"
  rollup="$(grep -E '^(Rss|Anonymous):' /proc/$SCORING_PID/smaps_rollup 2>/dev/null | tr -s ' \t' ' ' | paste -sd' ')"
  log "memory $1: $status; $rollup"
  if [[ "$SCORING_JAVA_OPTS" == *NativeMemoryTracking* ]]; then
    jcmd "$SCORING_PID" VM.native_memory summary >"$work/nmt-$1.txt" 2>&1 || true
    log "memory $1 (NMT, $work/nmt-$1.txt): $(grep -E '^Total' "$work/nmt-$1.txt" | tr -s ' ' ' ')"
  fi
}
memory ready

last_rate="${RATES##* }"
for rate in $RATES; do
  burst=0; [ "$rate" = "$last_rate" ] && burst=$BURST
  log "end to end through the broker: $rate answers/s for $SECONDS_AT_RATE s, then a burst of $burst"
  log "load average $(cut -d' ' -f1-3 /proc/loadavg)"
  bench e2e "$labelled" "localhost:$KAFKA" "$rate" "$SECONDS_AT_RATE" "$burst"
  memory "after-$rate"
done
log "scoring-service memory: $(grep -E 'VmRSS|VmHWM' /proc/$SCORING_PID/status | tr -s ' \t' ' ' | paste -sd' ')"
log "load average $(cut -d' ' -f1-3 /proc/loadavg) after the benchmark"

log "machine: $(nproc) cores; $(free -h | awk '/Mem:/ {print $2 " memory, " $7 " available"}')"
