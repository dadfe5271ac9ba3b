#!/usr/bin/env bash
# session-service live-push benchmark: two replicas of the service (java -jar) on one PostgreSQL and one
# Kafka, 1,000 candidate WebSockets on 1,000 live coached sessions, the coach's follow-ups at a constant
# rate; measures interjection -> arrival at the candidate (p50/p99), and checks nothing is lost or reordered.
#
#   benchmarks/session-service/run.sh                     # defaults: 1000 sessions, 50 follow-ups/s, 20 s warm-up + 30 s, 2 replicas
#   SESSIONS=1000 RATE=100 DURATION=60 REPLICAS=1 benchmarks/session-service/run.sh
#
# Starts its own PostgreSQL, Kafka and Keycloak (the debrief realm: real tokens of the demo users) through
# the local stack launcher on ports of its own, so it never touches a running ./stack, and stops
# everything it started. Results: benchmarks/session-service/target/results.txt
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$here/target"; mkdir -p "$work"
SESSIONS="${SESSIONS:-1000}" RATE="${RATE:-50}" DURATION="${DURATION:-30}" REPLICAS="${REPLICAS:-2}" WARMUP="${WARMUP:-20}"
# below the ephemeral port range (32768+), so no outgoing connection happens to hold one
PG=26432; KAFKA=26092; KAFKA_CONTROLLER=26093; KC=26180; KC_MGMT=26190; CATALOG=26081
PORTS=(26082 26083)
# C1 only: on two cores shared by two replicas, PostgreSQL, Kafka and the load, C2's compilations were the
# replicas' largest CPU consumer while measuring (and the stack launcher runs services with it too)
HEAP="${HEAP:--Xms128m -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=48m}"
JAVA_HOME="${JAVA_HOME:-$("$root/bin/java21-home")}"; export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
results="$work/results.txt"; : > "$results"
say() { echo "$*" | tee -a "$results"; }

launcher="$root/deploy/launcher/target/launcher.jar"
jar="$root/session-service/target/quarkus-app/quarkus-run.jar"
[ -f "$launcher" ] || (cd "$root" && ./mvnw -q -B install -pl deploy/launcher -am -DskipTests)
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B package -pl session-service -am -DskipTests)

# shellcheck source=../lib.sh
. "$root/benchmarks/lib.sh"
# a fresh database each run: sessions left by an earlier run would be expired by the idle job meanwhile
rm -rf "$work/stack/postgres/data"
start_infra 240
postmaster="$(head -1 "$work/stack/postgres/data/postmaster.pid")"

realm="http://localhost:$KC/realms/debrief"

urls=()
for r in $(seq 0 $((REPLICAS - 1))); do
  port=${PORTS[$r]}
  # shellcheck disable=SC2086
  QUARKUS_HTTP_PORT=$port \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PG/debrief" \
  KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA" \
  QUARKUS_OIDC_AUTH_SERVER_URL="$realm" \
  QUARKUS_REST_CLIENT_CATALOG_URL="http://127.0.0.1:$CATALOG" \
  java $HEAP -jar "$jar" > "$work/session-$r.log" 2>&1 &
  pids+=($!)
  wait_http "http://localhost:$port/q/health/ready" "session-service replica $r" 120
  urls+=("http://localhost:$port")
done

say "machine: $(nproc) cores; $(free -h | awk '/Mem:/ {print $2 " memory, " $7 " available"}'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
say "replicas: ${#urls[@]} (${urls[*]}), heap: $HEAP"
say "load: $SESSIONS sessions, one candidate WebSocket each; coach follow-ups at $RATE/s, ${WARMUP}s warm-up then ${DURATION}s measured"
if [ -n "${JFR:-}" ]; then # JFR=1: a flight recording of each replica while the follow-ups are sent
  ( mark="WebSockets open"; [ "$WARMUP" -gt 0 ] && mark="warm-up:"
    until grep -q "$mark" "$results" 2>/dev/null; do sleep 1; done
    for r in $(seq 0 $((REPLICAS - 1))); do
      jcmd "${pids[$((r + 1))]}" JFR.start settings=profile duration="${DURATION}s" filename="$work/replica-$r.jfr" >/dev/null
    done ) &
fi
WARMUP="$WARMUP" java "$here/LiveLoad.java" "$realm" "$(IFS=,; echo "${urls[*]}")" "$SESSIONS" "$RATE" "$DURATION" "$CATALOG" \
  "$(IFS=,; echo "${pids[*]:1}")" "${pids[0]},$postmaster" | tee -a "$results"
for r in $(seq 0 $((REPLICAS - 1))); do
  say "replica $r memory: $(awk '/VmRSS|VmHWM/ {printf "%s %d MiB  ", $1, $2/1024}' "/proc/${pids[$((r + 1))]}/status")"
done
say "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
