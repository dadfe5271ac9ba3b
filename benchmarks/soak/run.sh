#!/usr/bin/env bash
# Soak: the whole local stack (PostgreSQL, Kafka, Keycloak, the four services, started by the stack launcher)
# under a mixed load for MINUTES minutes, sampled every SAMPLE seconds: per kind of request its count, errors,
# p50 and p99; the RSS of every process; the outbox backlog (and the age of its oldest event) and each durable
# consumer group's lag, as the services report them on /q/metrics. A benchmark, not a test: it asserts nothing.
#
#   benchmarks/soak/run.sh                       # defaults: 10 minutes, a sample every 30 s
#   MINUTES=30 READS=40 LOOP_EVERY=2 benchmarks/soak/run.sh
#
# Load (SoakLoad.java, through the gateway with the demo candidates' real tokens): READS question reads by id/s
# (20), LISTS category lists/s (3), SEARCHES full-text searches/s (3), and a self-practice loop of three questions
# started every LOOP_EVERY seconds (3): create, start, answer each question, move on, complete; every answer is
# scored by scoring-service through Kafka and its score comes back to session-service.
#
# Builds what it needs when missing (./mvnw install -DskipTests), runs the stack on ports of its own (29xxx) and a
# data directory of its own (benchmarks/soak/target/home, fresh each run but for Keycloak), with the gateway's rate limits off (the
# load is a few users), and stops everything it started. Results: benchmarks/soak/target/results.txt
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$here/target"; home="$work/home"; results="$work/results.txt"
MINUTES="${MINUTES:-10}" SAMPLE="${SAMPLE:-30}"
export READS="${READS:-20}" LISTS="${LISTS:-3}" SEARCHES="${SEARCHES:-3}" LOOP_EVERY="${LOOP_EVERY:-3}" SAMPLE
JAVA_HOME="${JAVA_HOME:-$("$root/bin/java21-home")}"; export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
launcher="$root/deploy/launcher/target/launcher.jar"
built=1
for jar in "$launcher" "$root"/{question-service,session-service,scoring-service,gateway}/target/quarkus-app/quarkus-run.jar; do
  [ -f "$jar" ] || built=0
done
[ "$built" = 1 ] || (cd "$root" && ./mvnw -q -B install -DskipTests -DskipITs)

# a fresh database and broker each run; Keycloak (the demo realm only) and the services' class-data archives are
# kept, as ./stack keeps them: a first start (unpack, build, realm import) took over 10 minutes on a busy machine
mkdir -p "$home" "$work"; find "$home" -mindepth 1 -maxdepth 1 ! -name keycloak ! -name services -exec rm -rf {} +
: > "$results"
say() { echo "$*" | tee -a "$results"; }
GATEWAY=29080 QUESTION=29081 SESSION=29082 SCORING=29083 KC=29180
ports=(--gateway-port=$GATEWAY --question-port=$QUESTION --session-port=$SESSION --scoring-port=$SCORING
       --keycloak-port=$KC --keycloak-management-port=29190 --postgres-port=29432 --kafka-port=29092
       --kafka-controller-port=29093)

stack=""
cleanup() { [ -n "$stack" ] && kill -TERM "$stack" 2>/dev/null && wait "$stack" 2>/dev/null || true; }
trap cleanup EXIT INT TERM
# the load is three demo users: the per-user and per-client budgets would throttle the soak itself
DEBRIEF_GATEWAY_RATE_LIMIT_ENABLED=false java -jar "$launcher" --home="$home" "${ports[@]}" \
  > "$work/stack.log" 2>&1 &
stack=$!
for _ in $(seq 1 3600); do # up to 30 minutes: on a two-core machine shared with builds it took over 10
  grep -q 'processes ready in' "$work/stack.log" && break
  kill -0 "$stack" 2>/dev/null || { cat "$work/stack.log"; exit 1; }
  sleep 0.5
done
grep -q 'processes ready in' "$work/stack.log" || { echo "the stack did not get ready" >&2; exit 1; }

# each process of this stack names its data directory on its command line (kc.sh, Keycloak's wrapper, is skipped)
pids=""
for pid in $(pgrep -f -- "$home" | grep -vx "$stack"); do
  args=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null) || continue
  case "${args%% *}" in */sh|*/bash|*/setsid) continue ;; esac
  name=$(grep -oE 'question-service|scoring-service|session-service|gateway/|kafka\.Kafka|keycloak|bin/postgres' <<< "$args" | head -1)
  name="${name%/}"; name="${name#bin/}"; name="${name%.Kafka}"
  [ -n "$name" ] && pids="$pids${pids:+,}$name=$pid"
done

say "machine: $(nproc) cores, $(free -h | awk '/Mem:/ {print $2}') memory, shared with other work; JDK: $(java -version 2>&1 | head -1)"
say "commit: $(git -C "$root" rev-parse --short HEAD); started $(date -u +%FT%TZ); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
say "processes: $pids"
java "$here/SoakLoad.java" "http://localhost:$KC/realms/debrief" "http://localhost:$GATEWAY" \
  "question=http://localhost:$QUESTION,session=http://localhost:$SESSION,scoring=http://localhost:$SCORING,gateway=http://localhost:$GATEWAY" \
  "$pids" "$MINUTES" | tee -a "$results"
say "ended $(date -u +%FT%TZ); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
