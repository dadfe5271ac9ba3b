#!/usr/bin/env bash
# question-service benchmark: 100,000 generated questions, the service from its jar, wrk (closed model,
# 50 connections) for throughput and OpenLoad.java (open model, constant rate) for p99. Results go to
# target/results.txt. Usage: benchmarks/question-service/run.sh   (from anywhere; env vars below override)
# PEER_JAR=/path/to/rest-villains/target/quarkus-app/quarkus-run.jar adds the peer of issue #18 (quarkus-super-heroes'
# rest-villains, built from its public source, never copied here) and measures GET by id side by side.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$here/target"; mkdir -p "$work"
# ports of its own (not ./stack's 15432/19092), so it never meets a running stack or CI's end-to-end tests
PG_HOST="${PG_HOST:-localhost}" PG_PORT="${PG_PORT:-27432}" PG_DB="${PG_DB:-debrief}"
PG_USER="${PG_USER:-debrief}" PGPASSWORD="${PGPASSWORD:-debrief}"   # demo credentials of the local stack
KAFKA_PORT="${KAFKA_PORT:-27092}" KAFKA="localhost:${KAFKA_PORT:-27092}"
SCHEMA="${SCHEMA:-question_bench}"   # its own schema: never touches a running stack's question schema
PORT="${PORT:-18081}"
CONNECTIONS="${CONNECTIONS:-50}" DURATION="${DURATION:-30}" RATE="${RATE:-500}"
# warm-up before each closed-model phase: the JVM compiles with C2 only (HEAP), so a list or search path reaches its
# steady speed after some 30 s of its own load; 10 s left the first phase measuring the compiler
WARMUP="${WARMUP:-30}"
PEER_JAR="${PEER_JAR:-}" PEER_PORT="${PEER_PORT:-18084}" PEER_SCHEMA="${PEER_SCHEMA:-villains_bench}"
# rounds of each closed-model phase and of the side-by-side reads, and starts of a replica for the build: medians
ROUNDS="${ROUNDS:-3}" BUILD_ROUNDS="${BUILD_ROUNDS:-3}"
# the peer's JVM options: none (its own defaults, as its image runs it) unless given
PEER_OPTS="${PEER_OPTS:-}"
# SERVICE_CPUS=1 (a taskset CPU list) pins the service to those CPUs, as a pod's limits.cpu of 1 holds it to one
# core's time; the JVM then sizes its threads for one CPU, as it does from a pod's quota. Unset: every core.
SERVICE_CPUS="${SERVICE_CPUS:-}"
# JVM options: a pod's, so the figures are what the Deployment runs: its manifest's JDK_JAVA_OPTIONS (the manifest and
# docs/benchmarks/question-service.md say why each; java.io.tmpdir aside) after the image's entrypoint's own
# (deploy/containers ImageBuilder: -XX:+ExitOnOutOfMemoryError, and compact object headers on a JDK that has them)
manifest="$root/deploy/k8s/base/question-service.yaml"
manifest_opts=$(grep -A1 'name: JDK_JAVA_OPTIONS' "$manifest" | sed -n 's/^ *value: "\(.*\)"$/\1/p' | sed 's/ *-Djava.io.tmpdir=[^ ]*//')
[ -n "$manifest_opts" ] || { echo "no JDK_JAVA_OPTIONS in $manifest" >&2; exit 1; }
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"   # fewer glibc malloc arenas: less RSS for the same heap
export PGPASSWORD
JAVA_HOME="${JAVA_HOME:-$("$root/bin/java21-home")}"; export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
compact=""; java -XX:+UseCompactObjectHeaders -version >/dev/null 2>&1 && compact="-XX:+UseCompactObjectHeaders"
HEAP="${HEAP:--XX:+ExitOnOutOfMemoryError $compact $manifest_opts}"
results="$work/results.txt"; : > "$results"
say() { echo "$*" | tee -a "$results"; }

# 1. tools (Debian packages)
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v psql >/dev/null || need+=(postgresql-client)
command -v openssl >/dev/null || need+=(openssl)
command -v jq >/dev/null || need+=(jq)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}"; fi

# 2. infrastructure: a running local stack (./stack --infra-only), else start it
pg() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -v ON_ERROR_STOP=1 "$@"; }
infra_pid=""
if ! pg -qAtc 'select 1' >/dev/null 2>&1; then
  [ -f "$root/deploy/launcher/target/launcher.jar" ] || (cd "$root" && ./mvnw -q -B install -pl deploy/launcher -am -DskipTests)
  java -jar "$root/deploy/launcher/target/launcher.jar" --infra-only --home="$work/stack" --postgres-port="$PG_PORT" \
    --kafka-port="$KAFKA_PORT" --kafka-controller-port=$((KAFKA_PORT + 1)) --keycloak-port=27180 \
    --keycloak-management-port=27190 > "$work/stack.log" 2>&1 &
  infra_pid=$!
  for _ in $(seq 1 180); do pg -qAtc 'select 1' >/dev/null 2>&1 && break; sleep 1; done
  # and Keycloak: the service does not need it, but its start takes a core for a minute and would land in phase one
  for _ in $(seq 1 180); do curl -fs -o /dev/null "http://localhost:27190/health/ready" && break; sleep 1; done
fi

# 3. the service jar
jar="$root/question-service/target/quarkus-app/quarkus-run.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -B package -pl question-service -am -DskipTests)

# 4. a signing key and a candidate token of firm-3 (the service verifies with the public key, no Keycloak needed)
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/key.pem" 2>/dev/null
pub="$(openssl rsa -in "$work/key.pem" -pubout -outform DER 2>/dev/null | base64 -w0)"
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"bench","aud":"debrief-api","sub":"bench-candidate","preferred_username":"bench","iat":%d,"exp":%d,"realm_access":{"roles":["candidate"]},"organization":["firm-3"]}' "$now" $((now + 7200)) | b64url)
sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$work/key.pem" -binary | b64url)
export TOKEN="$header.$payload.$sig"

# 5. start the service from its jar (the port must be free: a leftover service would share the CPU)
if curl -s -o /dev/null "http://localhost:$PORT/q/health/live"; then echo "port $PORT is taken; stop what runs there" >&2; exit 1; fi
svc=""
start_service() {   # extra -D options as arguments
  local pin=(); [ -z "$SERVICE_CPUS" ] || pin=(taskset -c "$SERVICE_CPUS")
  # shellcheck disable=SC2086
  "${pin[@]}" java $HEAP "$@" \
    -Dquarkus.http.port="$PORT" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" \
    -Dquarkus.datasource.username="$PG_USER" -Dquarkus.datasource.password="$PGPASSWORD" \
    -Dquarkus.flyway.schemas="$SCHEMA" -Dquarkus.hibernate-orm.database.default-schema="$SCHEMA" \
    -Dquarkus.datasource.jdbc.additional-jdbc-properties.currentSchema="$SCHEMA" \
    -Dkafka.bootstrap.servers="$KAFKA" -Dquarkus.oidc.auth-server-url= -Dquarkus.oidc.public-key="$pub" \
    -jar "$jar" >> "$work/service.log" 2>&1 &
  svc=$!
  for _ in $(seq 1 120); do curl -fs "http://localhost:$PORT/q/health/live" >/dev/null 2>&1 && break; sleep 1; done
  curl -fs "http://localhost:$PORT/q/health/live" >/dev/null || { echo "service did not start; see $work/service.log"; exit 1; }
}
stop() {   # $1 = pid: ask, wait up to 15 s, then insist, so the next run never meets this one
  [ -n "$1" ] || return 0
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$1" 2>/dev/null || true
}
peer=""
cleanup() { stop "$svc"; stop "$peer"; [ -z "$infra_pid" ] || stop "$infra_pid"; }
trap cleanup EXIT
: > "$work/service.log"
start_service
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# the index data in the readiness answer: size, segments, age, and how long the last full load took
index_data() { curl -s --max-time 10 "http://localhost:$PORT/q/health/ready" | jq -c '.checks[] | select(.name == "catalog index") | .data'; }
wait_for_catalog() {   # until the in-memory index holds every generated question (it polls once a second), merged
  # into one segment as a replica settles (generated while the service runs, they arrive as one big delta)
  want=$(pg -qAtc "select count(*) from $SCHEMA.question")
  for _ in $(seq 1 180); do
    [ "$(index_data | jq -c '[.questions, .segments]')" = "[$want,1]" ] && return 0
    sleep 1
  done
  echo "the index never reached $want questions: $(index_data)" >&2; exit 1
}

# 6. 100,000 questions, and the request mixes
if [ "${SKIP_GENERATE:-}" != "1" ]; then
  pg -q -v schema="$SCHEMA" -f "$here/generate.sql" | tail -3
  # the generator needs the service's schema and seeded catalog, so the service ran first; start it again, so the
  # index is built from empty at 100,000 questions (the build time reported) and measured as a replica starts
  stop "$svc"; start_service
fi
# the search words: the seeded catalog's own (the generator's vocabulary without its misspelt twins)
pg -qAtc "select distinct w from (select regexp_split_to_table(lower(title || ' ' || prompt), '[^a-z]+') w from $SCHEMA.question where created_by is distinct from 'bench') s where length(w) >= 3 order by 1" > "$work/words.txt"
# reads by id: published public questions (what the benchmark's candidate of firm-3 may read)
pg -qAtc "select id from $SCHEMA.question where tenant is null and status = 'PUBLISHED' order by md5(id::text) limit 5000" > "$work/ids.txt"
"$here/paths.sh" "$work/words.txt" "$work" "$work/ids.txt"
wait_for_catalog
curl -s -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/questions?size=1" | head -c 400; echo

say "machine: $(nproc) cores; $(free -h | awk '/Mem:/ {print $2 " memory"}'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
say "service heap settings: $HEAP"
[ -z "$SERVICE_CPUS" ] || say "service pinned to CPU(s) $SERVICE_CPUS (taskset); wrk, PostgreSQL and Kafka on any"
# the build from empty: BUILD_ROUNDS starts of a replica on the whole catalog, the median the figure (the start above
# shared the machine with the mixes' generation, so it is not one of them); COMPARE reports each jar's own
if [ -z "${COMPARE:-}" ]; then
  : > "$work/builds.txt"
  for _ in $(seq 1 "$BUILD_ROUNDS"); do
    stop "$svc"; start_service; wait_for_catalog
    index_data | jq '.lastFullLoadMillis' >> "$work/builds.txt"
  done
  say "catalog: $(pg -qAtc "select count(*) from $SCHEMA.question") questions; index built from empty (read + index + first searcher) in $(paste -sd/ "$work/builds.txt" | sed 's|/| / |g') ms: median $(median < "$work/builds.txt") ms"
fi
say "search texts: $(sed 's/&category.*//' "$work/search.paths" | sort -u | wc -l) distinct of $(wc -l < "$work/search.paths")"
ticks() { awk '{print $14 + $15}' "/proc/$svc/stat"; }   # service CPU (user + system), in clock ticks
hz=$(getconf CLK_TCK)
rss() { awk '/VmRSS|VmHWM/ {printf "%s %d MiB  ", $1, $2/1024}' "/proc/$svc/status"; }
# the highest VmRSS seen while a phase runs (sampled every 0.5 s): memory under load, without the start's peak
sampler=""
sample_start() { rm -f "$work/rss-peak"; ( peak=0; while kill -0 "$svc" 2>/dev/null; do
    r=$(awk '/VmRSS/ {print $2}' "/proc/$svc/status" 2>/dev/null || echo 0); [ "${r:-0}" -gt "$peak" ] && peak=$r
    echo "$peak" > "$work/rss-peak.new" && mv "$work/rss-peak.new" "$work/rss-peak"; sleep 0.5; done ) & sampler=$!; }
sample_stop() {   # the file is replaced whole (mv), so a sampler stopped mid-write never leaves it empty
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  local kib; kib=$(cat "$work/rss-peak" 2>/dev/null || echo 0); echo "$(( ${kib:-0} / 1024 )) MiB"; }

drain() {   # after an overload, wait until the service answers promptly again (its backlog is gone), at most 120 s
  local deadline=$(( $(date +%s) + 120 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    # a time limit on each try: a collapsed service accepts connections and never answers them
    t=$(curl -s -m 2 -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/questions?size=1" || echo 9)
    awk -v t="$t" 'BEGIN { exit !(t < 0.5) }' && return 0
    sleep 1
  done
}
closed() {   # $1 = mix, $2 = label: ROUNDS rounds of DURATION after one warm-up; the medians are the figures
  PATHS_FILE="$work/$1.paths" wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$here/paths.lua" "http://localhost:$PORT" > /dev/null   # warm-up
  drain
  say ""
  say "== $2: wrk closed model, $CONNECTIONS connections, $ROUNDS rounds of ${DURATION}s (load before: $(cut -d' ' -f1 /proc/loadavg))"
  : > "$work/closed-rounds.txt"
  sample_start
  for r in $(seq 1 "$ROUNDS"); do
    local before round cpu
    before=$(ticks)
    round=$(wrk_round "http://localhost:$PORT" "$work/$1.paths" "$TOKEN" "$DURATION" "$results")
    # CPU per request: the service's CPU over the requests it answered (independent of how much CPU the machine gave it)
    cpu=$(echo "$round" | awk -v t=$(( $(ticks) - before )) -v hz="$hz" '{ if ($4 > 0) printf "%.3f", t * 1000 / hz / $4 }')
    echo "$round $cpu" >> "$work/closed-rounds.txt"
    say "   round $r: $(echo "$round" | awk '{print $1 " req/s, p99 " $2 " ms, non-2xx " $3}'), service CPU per request $cpu ms (load $(cut -d' ' -f1 /proc/loadavg))"
  done
  peak=$(sample_stop)
  last_rps=$(awk '{print $1}' "$work/closed-rounds.txt" | median | xargs printf '%.0f')
  say "   median of $ROUNDS: $last_rps req/s, service CPU per request $(awk '{print $5}' "$work/closed-rounds.txt" | median) ms"
  say "service memory: peak VmRSS during $2 $peak; after it $(rss)"
}
open_model() {   # $1 = mix, $2 = label, $3 = rate (default RATE)
  local rate="${3:-$RATE}"
  drain
  say ""
  say "== $2: open model, $rate req/s constant (load before: $(cut -d' ' -f1 /proc/loadavg))"
  sample_start
  java "$here/OpenLoad.java" "http://localhost:$PORT" "$work/$1.paths" "$TOKEN" "$rate" "$DURATION" 5 | tee -a "$results"
  peak=$(sample_stop)
  say "service memory: peak VmRSS during $2 open model $peak; after it $(rss)"
}
wrk_round() {   # $1 = base URL, $2 = paths file, $3 = token ('' for none), $4 = seconds, $5 = log (default side-by-side.log)
  # prints "req/s p99-ms non-2xx requests"
  PATHS_FILE="$2" TOKEN="$3" wrk -t2 -c"$CONNECTIONS" -d"$4s" --latency -s "$here/paths.lua" "$1" > "$work/wrk-round.txt"
  cat "$work/wrk-round.txt" >> "${5:-$work/side-by-side.log}"
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
       /Requests\/sec/ { rps = $2 } $1 == "99%" { p99 = ms($2) } /Non-2xx/ { bad = $NF } / requests in / { n = $1 }
       END { printf "%.0f %.2f %d %d\n", rps, p99, bad, n }' "$work/wrk-round.txt"
}
# GET by id beside the peer: quarkus-super-heroes' rest-villains from its built jar (PEER_JAR), on the same
# PostgreSQL in a schema of its own (it drops and creates its table and loads its 100 villains at start),
# OpenTelemetry export off (no collector here; exporting to none cost a sample 40% of its reads). Both run at
# once; the rounds alternate (ours, then the peer's), ROUNDS times, and the medians are compared.
side_by_side() {
  [ -f "$PEER_JAR" ] || { echo "PEER_JAR $PEER_JAR is not a file" >&2; exit 1; }
  if curl -s -o /dev/null "http://localhost:$PEER_PORT/q/health/live"; then echo "port $PEER_PORT is taken" >&2; exit 1; fi
  pg -qc "create schema if not exists $PEER_SCHEMA"
  # shellcheck disable=SC2086
  java $PEER_OPTS -Dquarkus.http.port="$PEER_PORT" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?currentSchema=$PEER_SCHEMA" \
    -Dquarkus.datasource.username="$PG_USER" -Dquarkus.datasource.password="$PGPASSWORD" \
    -Dquarkus.otel.sdk.disabled=true -jar "$PEER_JAR" > "$work/peer.log" 2>&1 &
  peer=$!
  for _ in $(seq 1 120); do curl -fs "http://localhost:$PEER_PORT/q/health/live" >/dev/null 2>&1 && break; sleep 1; done
  pg -qAtc "select id from $PEER_SCHEMA.villain order by id" \
    | sed 's|^|/api/villains/|' > "$work/peer-byid.paths"
  [ -s "$work/peer-byid.paths" ] || { echo "the peer has no villains; see $work/peer.log" >&2; exit 1; }
  local ours peers body_ours body_peer
  body_ours=$(curl -s -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT$(head -1 "$work/byid.paths")" | wc -c)
  body_peer=$(curl -s "http://localhost:$PEER_PORT$(head -1 "$work/peer-byid.paths")" | wc -c)
  : > "$work/side-by-side.log"
  wrk_round "http://localhost:$PORT" "$work/byid.paths" "$TOKEN" 10 > /dev/null   # warm-up, both
  wrk_round "http://localhost:$PEER_PORT" "$work/peer-byid.paths" "" 10 > /dev/null
  drain
  say ""
  say "== GET by id side by side: wrk -t2 -c$CONNECTIONS -d${DURATION}s --latency, $ROUNDS rounds alternating (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
  say "   question-service: $(wc -l < "$work/byid.paths") ids, with the token, $body_ours-byte body; rest-villains ($PEER_JAR): $(wc -l < "$work/peer-byid.paths") ids, no token, $body_peer-byte body"
  : > "$work/ours.txt"; : > "$work/peers.txt"
  for r in $(seq 1 "$ROUNDS"); do
    ours=$(wrk_round "http://localhost:$PORT" "$work/byid.paths" "$TOKEN" "$DURATION"); echo "$ours" >> "$work/ours.txt"
    say "   round $r question-service: $(echo "$ours" | awk '{print $1 " req/s, p99 " $2 " ms, non-2xx " $3}') (load $(cut -d' ' -f1 /proc/loadavg))"
    peers=$(wrk_round "http://localhost:$PEER_PORT" "$work/peer-byid.paths" "" "$DURATION"); echo "$peers" >> "$work/peers.txt"
    say "   round $r rest-villains:    $(echo "$peers" | awk '{print $1 " req/s, p99 " $2 " ms, non-2xx " $3}') (load $(cut -d' ' -f1 /proc/loadavg))"
  done
  local m_ours m_peer
  m_ours=$(awk '{print $1}' "$work/ours.txt" | median); m_peer=$(awk '{print $1}' "$work/peers.txt" | median)
  say "   medians: question-service $m_ours req/s (p99 $(awk '{print $2}' "$work/ours.txt" | median) ms), rest-villains $m_peer req/s (p99 $(awk '{print $2}' "$work/peers.txt" | median) ms): ratio $(awk -v a="$m_ours" -v b="$m_peer" 'BEGIN { printf "%.2f", a / b }') (target >= 0.5)"
  say "   service memory after: $(rss); peer VmRSS $(awk '/VmRSS/ {printf "%d MiB", $2/1024}' "/proc/$peer/status")"
  stop "$peer"; peer=""
}
# COMPARE="a.jar b.jar a.jar b.jar": alternated side runs of two builds instead of the phases below, each jar started
# on the same catalog (its build from empty reported), then list and search closed; alternating lands a slow spell
# of a shared machine on both
if [ -n "${COMPARE:-}" ]; then
  for jar in $COMPARE; do
    stop "$svc"; start_service; wait_for_catalog
    say ""; say "==== $jar: index built from empty in $(index_data | jq '.lastFullLoadMillis') ms"
    closed list "list ($jar)"
    closed search "search ($jar)"
  done
  exit 0
fi
# closed model first for both mixes, then the open model, so one phase's backlog never lands in the next
closed list list
closed search search
search_rps=$last_rps
if [ -z "$PEER_JAR" ]; then
  closed byid "GET by id (with the token)"
else
  side_by_side
fi
open_model list list
open_model search search
open_model suggest "suggest (as you type)" "${SUGGEST_RATE:-200}"
# search while the catalog changes: one question edited a second (as another replica would): the index takes
# each in within a second (a new segment, a new searcher)
if [ "${CHURN:-1}" = "1" ]; then
  ( while kill -0 "$svc" 2>/dev/null; do
      pg -qc "update $SCHEMA.question set updated_at = now() where slug = 'gen-$(( (RANDOM * 32768 + RANDOM) % 100000 + 1 ))'" >/dev/null 2>&1
      sleep 1; done ) &
  editor=$!
  closed search "search while one question a second is edited"
  open_model search "search while one question a second is edited"
  open_model list "list while one question a second is edited"
  kill "$editor" 2>/dev/null; wait "$editor" 2>/dev/null || true
fi
# overload: the open model at twice what the closed search phase measured (OVERLOAD_RATE overrides), from a
# client that opens a new connection for each request it cannot send on an idle one, as an open-model client
# does. The service must shed what it cannot take (503, closed connections), never run out of memory, and
# answer promptly once the burst is over.
if [ "${OVERLOAD:-1}" = "1" ]; then
  open_model search "overload: search at twice the closed-model rate" "${OVERLOAD_RATE:-$(( search_rps * 2 ))}"
  started=$(date +%s)
  drain
  t=$(curl -s -m 10 -o /dev/null -w '%{http_code} in %{time_total} s' -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/api/questions?size=1" || true)
  state=$(kill -0 "$svc" 2>/dev/null && echo "running" || echo "exited (in a pod, its container restarts)")
  say "after the overload: the service $state; a list answered $t, $(( $(date +%s) - started )) s after it ended; OutOfMemoryError in the service log: $(grep -c OutOfMemoryError "$work/service.log" || true)"
fi
say ""
say "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
