#!/usr/bin/env bash
# Time to ready and idle memory of the local stack: a first start on an empty data directory, then further
# starts on the same one (downloads, database, broker logs, unpacked Keycloak and the services' AOT caches reused).
#
#   benchmarks/stack/run.sh              # STARTS=3 (one first start, two later ones), IDLE=20 s before reading RSS
#
# Runs the launcher (the code behind ./stack) on ports of its own (24xxx) and a data directory of its own
# (benchmarks/stack/target/home), stops it with SIGTERM (a background job of a script ignores SIGINT; the
# launcher handles both alike), and checks that nothing it started is left.
# Results: benchmarks/stack/target/results.txt. Needs the project built (./mvnw install -DskipTests).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$here/target"; home="$work/home"; results="$work/results.txt"
STARTS="${STARTS:-3}" IDLE="${IDLE:-20}"
JAVA_HOME="${JAVA_HOME:-$("$root/bin/java21-home")}"; export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
launcher="$root/deploy/launcher/target/launcher.jar"
[ -f "$launcher" ] || (cd "$root" && ./mvnw -q -B install -DskipTests)
rm -rf "$home"; mkdir -p "$work"; : > "$results"
say() { echo "$*" | tee -a "$results"; }
ports=(--gateway-port=24080 --question-port=24081 --session-port=24082 --scoring-port=24083 --keycloak-port=24180
       --keycloak-management-port=24190 --postgres-port=24432 --kafka-port=24092 --kafka-controller-port=24093)

say "machine: $(nproc) cores, $(free -h | awk '/Mem:/ {print $2}') memory; JDK: $(java -version 2>&1 | head -1)"
for n in $(seq 1 "$STARTS"); do
  log="$work/start-$n.log"
  say "--- start $n ($([ "$n" = 1 ] && echo 'empty data directory' || echo 'same data directory')), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -jar "$launcher" --home="$home" "${ports[@]}" > "$log" 2>&1 &
  stack=$!
  for _ in $(seq 1 600); do
    grep -q 'processes ready in' "$log" && break
    kill -0 "$stack" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.5
  done
  grep -E 'ready in' "$log" | sed -E 's/^\[ *[0-9.]+ s\] //' | tee -a "$results"
  for s in question-service scoring-service session-service gateway; do
    say "  $s: Quarkus $(grep -o 'started in [0-9.]*s' "$home/logs/$s.log" | tail -1)"
  done
  sleep "$IDLE"
  say "  RSS after ${IDLE} s idle (MiB; PostgreSQL: the postmaster):"
  # every process of this stack names its data directory on its command line (the services through their AOT cache)
  stackpids=$(pgrep -f -- "$home" | grep -vx "$stack" | tr '\n' ' ')
  for pid in $stackpids; do
    args=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null) || continue
    name=$(grep -oE 'question-service|scoring-service|session-service|gateway/|kafka\.Kafka|keycloak|bin/postgres' <<< "$args" | head -1)
    case "${args%% *}" in */sh|*/bash) continue ;; esac  # kc.sh, the wrapper of Keycloak's JVM
    [ -n "$name" ] && say "    ${name%/} $(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")"
  done
  t0=$(date +%s)
  kill -TERM "$stack"; wait "$stack" || true
  left=$(pgrep -f -- "$home" | wc -l || true)  # pgrep fails when it finds nothing: the good case
  say "  stopped in $(( $(date +%s) - t0 )) s; processes left behind: $left; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
