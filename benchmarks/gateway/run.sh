#!/usr/bin/env bash
# Gateway overhead benchmark: one read endpoint of the real question-service
# (GET /api/questions/{id}) called directly, through nginx as a plain reverse proxy, and through the
# gateway, in one run on this machine. Prints throughput, p50/p99 and the CPU each proxy spends per
# request (a figure that stays meaningful when other work shares the two cores), and the ratios.
#
#   benchmarks/gateway/run.sh             # defaults: 50 connections, 2 wrk threads, 3 rounds of 20 s
#   CONNECTIONS=100 ROUNDS=5 benchmarks/gateway/run.sh
#   TRACING=1 TARGETS="gateway gateway-traced" benchmarks/gateway/run.sh   # the cost of tracing, on against off
#
# TRACING=1 also starts a second question-service and gateway with OpenTelemetry on, exporting every span over
# OTLP/HTTP to a sink that drops them (OtlpSink.java, :31089), as the target gateway-traced (gateway 31086 ->
# question-service 31085); TARGETS picks the targets measured (default "direct nginx gateway").
#
# It installs nginx and wrk (Debian packages) when missing, builds the jars it needs when missing,
# starts its own PostgreSQL, Kafka and Keycloak through the local stack launcher on ports of its own
# (31xxx: below the ephemeral range, apart from ./stack's and the other benchmarks'), and stops all it started.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

CONNECTIONS="${CONNECTIONS:-50}"
THREADS="${THREADS:-2}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-60s}"   # per target: the JVMs need CPU time to compile, and these cores are shared
ROUNDS="${ROUNDS:-3}"
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:-}"   # extra JVM options for the gateway, e.g. a JFR recording
work="${WORK:-$root/benchmarks/gateway/target/run}"
PG=31432; KAFKA=31092; KAFKA_CONTROLLER=31093; KC=31180; KC_MGMT=31190
QUESTION=31081; GATEWAY=31080; NGINX=31088
TRACING="${TRACING:-}"; QUESTION_TRACED=31085; GATEWAY_TRACED=31086; OTLP_SINK=31089
read -r -a targets <<< "${TARGETS:-direct nginx gateway}"

log() { printf '[bench] %s\n' "$*" >&2; }
for port in $PG $KAFKA $KAFKA_CONTROLLER $KC $KC_MGMT $QUESTION $GATEWAY $NGINX ${TRACING:+$QUESTION_TRACED $GATEWAY_TRACED $OTLP_SINK}; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    log "port $port is already in use: stop what listens there first (ss -ltnp 'sport = :$port')"; exit 1
  fi
done

# ---- tools -------------------------------------------------------------------------------------
if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  log "installing nginx and wrk"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx wrk >/dev/null
fi
JAVA_HOME="$(bin/java21-home)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"

launcher=deploy/launcher/target/launcher.jar
question_jar=question-service/target/quarkus-app/quarkus-run.jar
gateway_jar=gateway/target/quarkus-app/quarkus-run.jar
if [ ! -f "$launcher" ] || [ ! -f "$question_jar" ] || [ ! -f "$gateway_jar" ]; then
  log "building the launcher, question-service and gateway"
  ./mvnw -q -B install -DskipTests -pl deploy/launcher,question-service,gateway -am
fi

# ---- processes we start, stopped on exit -------------------------------------------------------
mkdir -p "$work"
# shellcheck source=../lib.sh
. "$root/benchmarks/lib.sh"
start_infra "${KEYCLOAK_WAIT:-420}"   # seconds; a first start on a busy machine can take longer

common_env=(
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PG/debrief"
  KAFKA_BOOTSTRAP_SERVERS="localhost:$KAFKA"
  QUARKUS_OIDC_AUTH_SERVER_URL="http://localhost:$KC/realms/debrief"
)
log "starting question-service on :$QUESTION"
env "${common_env[@]}" QUARKUS_HTTP_PORT=$QUESTION java -jar "$question_jar" >"$work/question.log" 2>&1 &
pids+=($!)
question_pid=$!
wait_http "http://localhost:$QUESTION/q/health/live" question-service 120

# the gateway's settings beside its question-service upstream, the same for the plain and the traced gateway:
# session and scoring upstreams unused, rate limits on with budgets far above the load
gateway_env=(DEBRIEF_GATEWAY_UPSTREAM_SESSION="http://127.0.0.1:31082" DEBRIEF_GATEWAY_UPSTREAM_SCORING="http://127.0.0.1:31083"
             DEBRIEF_GATEWAY_RATE_LIMIT_CLIENT_REQUESTS_PER_MINUTE=1000000000 DEBRIEF_GATEWAY_RATE_LIMIT_CLIENT_BURST=1000000
             DEBRIEF_GATEWAY_RATE_LIMIT_TENANT_REQUESTS_PER_MINUTE=1000000000 DEBRIEF_GATEWAY_RATE_LIMIT_TENANT_BURST=1000000
             DEBRIEF_GATEWAY_RATE_LIMIT_USER_REQUESTS_PER_MINUTE=1000000000 DEBRIEF_GATEWAY_RATE_LIMIT_USER_BURST=1000000)
log "starting the gateway on :$GATEWAY (rate limits on, budgets far above the load)"
env "${common_env[@]}" QUARKUS_HTTP_PORT=$GATEWAY \
  DEBRIEF_GATEWAY_UPSTREAM_QUESTION="http://127.0.0.1:$QUESTION" \
  "${gateway_env[@]}" \
  java $GATEWAY_JAVA_OPTS -jar "$gateway_jar" >"$work/gateway.log" 2>&1 &
pids+=($!)
gateway_pid=$!
wait_http "http://localhost:$GATEWAY/q/health/live" gateway 120

declare -A traced_pids=()
if [ -n "$TRACING" ]; then
  log "starting the OTLP sink on :$OTLP_SINK, question-service on :$QUESTION_TRACED and the gateway on :$GATEWAY_TRACED, traced"
  java "$root/benchmarks/gateway/OtlpSink.java" "$OTLP_SINK" >"$work/otlp-sink.log" 2>&1 &
  pids+=($!)
  tracing_env=(QUARKUS_OTEL_SDK_DISABLED=false QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT="http://127.0.0.1:$OTLP_SINK"
               QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf)
  env "${common_env[@]}" "${tracing_env[@]}" QUARKUS_HTTP_PORT=$QUESTION_TRACED \
    java -jar "$question_jar" >"$work/question-traced.log" 2>&1 &
  pids+=($!)
  traced_pids[question]=$!
  wait_http "http://localhost:$QUESTION_TRACED/q/health/live" "question-service (traced)" 120
  env "${common_env[@]}" "${tracing_env[@]}" QUARKUS_HTTP_PORT=$GATEWAY_TRACED \
    DEBRIEF_GATEWAY_UPSTREAM_QUESTION="http://127.0.0.1:$QUESTION_TRACED" \
    "${gateway_env[@]}" \
    java $GATEWAY_JAVA_OPTS -jar "$gateway_jar" >"$work/gateway-traced.log" 2>&1 &
  pids+=($!)
  traced_pids[gateway]=$!
  wait_http "http://localhost:$GATEWAY_TRACED/q/health/live" "gateway (traced)" 120
fi

log "starting nginx on :$NGINX as a plain reverse proxy"
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log $work/nginx/access.log;
  upstream question { server 127.0.0.1:$QUESTION; keepalive 128; }
  server {
    listen 127.0.0.1:$NGINX;
    location / {
      proxy_pass http://question;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
pids+=($!)
nginx_pid=$!
wait_http "http://localhost:$NGINX/q/health/live" nginx 30

token() {
  curl -fsS -d grant_type=client_credentials -d client_id=northwind-integration \
    -d client_secret=northwind-demo-secret "http://localhost:$KC/realms/debrief/protocol/openid-connect/token" |
    python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])'
}
TOKEN="$(token)"
# the read endpoint: one question of the firm's bank, made here from the first seed question
python3 - >"$work/question.json" <<'PY'
import json, uuid
q = json.load(open("question-service/src/main/resources/seed/catalog.json"))["questions"][0]
q["slug"] = q["slug"] + "-bench-" + uuid.uuid4().hex[:8]
print(json.dumps(q))
PY
question_id="$(curl -fsS -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  --data @"$work/question.json" "http://localhost:$QUESTION/api/questions" |
  python3 -c 'import sys, json; print(json.load(sys.stdin)["id"])')"
path="/api/questions/$question_id"
log "endpoint: GET $path ($(curl -fsS -H "Authorization: Bearer $TOKEN" "http://localhost:$QUESTION$path" | wc -c) bytes)"
for port in $QUESTION $NGINX $GATEWAY ${TRACING:+$GATEWAY_TRACED}; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://localhost:$port$path")
  [ "$status" = 200 ] || { log "GET $path on :$port answered $status"; exit 1; }
done

declare -A url=([direct]="http://127.0.0.1:$QUESTION$path" [nginx]="http://127.0.0.1:$NGINX$path"
                [gateway]="http://127.0.0.1:$GATEWAY$path" [gateway-traced]="http://127.0.0.1:$GATEWAY_TRACED$path")
results="$work/results.tsv"
: >"$results"
cpu_ticks() { # user+system clock ticks of the processes $@ and their children
  local total=0 pid
  for pid in "$@" $(for p in "$@"; do pgrep -P "$p" || true; done); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
declare -A proxy_pids=([direct]="" [nginx]="$nginx_pid" [gateway]="$gateway_pid" [gateway-traced]="${traced_pids[gateway]:-}")
declare -A upstream_pids=([direct]="$question_pid" [nginx]="$question_pid" [gateway]="$question_pid"
                          [gateway-traced]="${traced_pids[question]:-}")
run_wrk() { # target, duration -> wrk output
  wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"$2" -H "Authorization: Bearer $TOKEN" "${url[$1]}"
}
log "warming up each target for $WARMUP"
for target in "${targets[@]}"; do run_wrk "$target" "$WARMUP" >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  TOKEN="$(token)"   # 15-minute tokens: a fresh one per round
  for i in $(seq 0 $((${#targets[@]} - 1))); do # rotate the order so no target always runs first
    target="${targets[$(((i + round) % ${#targets[@]}))]}"
    proxy_before=$(cpu_ticks ${proxy_pids[$target]}); upstream_before=$(cpu_ticks "${upstream_pids[$target]}")
    out="$(run_wrk "$target" "$DURATION")"
    proxy_ticks=$(( $(cpu_ticks ${proxy_pids[$target]}) - proxy_before ))
    upstream_ticks=$(( $(cpu_ticks "${upstream_pids[$target]}") - upstream_before ))
    echo "$out" >"$work/wrk-$round-$target.txt"
    python3 - "$target" "$round" "$proxy_ticks" "$upstream_ticks" "$(getconf CLK_TCK)" "$(cut -d' ' -f1 /proc/loadavg)" \
      >>"$results" <<PY
import re, sys
out = """$out"""
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p50 = ms(re.search(r"\s50%\s+(\S+)", out).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
errors = re.search(r"Socket errors:.*", out)
requests = int(re.search(r"(\d+) requests in", out).group(1))
tick_ms = 1000 / int(sys.argv[5])
per_1k = lambda ticks: int(ticks) * tick_ms / max(requests, 1) * 1000
print(f"{sys.argv[1]}\t{sys.argv[2]}\t{rps:.0f}\t{p50:.2f}\t{p99:.2f}\t{bad.group(1) if bad else 0}\t"
      f"{per_1k(sys.argv[3]):.0f}\t{per_1k(sys.argv[4]):.0f}\t{errors.group(0) if errors else ''}\tload {sys.argv[6]}")
PY
    log "round $round $(tail -1 "$results")"
  done
done

python3 - "$results" "$CONNECTIONS" "$THREADS" "$DURATION" "$ROUNDS" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
median = {}
for target in dict.fromkeys(r[0] for r in rows):
    mine = [r for r in rows if r[0] == target]
    median[target] = tuple(statistics.median(float(r[i]) for r in mine) for i in (2, 3, 4, 6, 7))
    bad = sum(int(r[5]) for r in mine)
    if bad:
        print(f"WARNING: {target} answered {bad} non-2xx responses")
loads = [r[9].split()[1] for r in rows if len(r) > 9]
print(f"\nwrk -t{sys.argv[3]} -c{sys.argv[2]} -d{sys.argv[4]}, median of {sys.argv[5]} rounds; "
      f"1-minute load average at the end of each run: {', '.join(loads)}\n")
print("| target | requests/s | p50 ms | p99 ms | proxy CPU ms per 1000 requests | service CPU ms per 1000 requests |")
print("|---|---:|---:|---:|---:|---:|")
for target, (rps, p50, p99, proxy_cpu, service_cpu) in median.items():
    print(f"| {target} | {rps:.0f} | {p50:.2f} | {p99:.2f} | {proxy_cpu:.0f} | {service_cpu:.0f} |")
print()
if "gateway-traced" in median and "gateway" in median:
    t, g = median["gateway-traced"], median["gateway"]
    print(f"tracing on / off (gateway-traced / gateway): throughput {t[0] / g[0]:.2f}x, p50 {t[1] / g[1]:.2f}x, "
          f"p99 {t[2] / g[2]:.2f}x, gateway CPU per request {t[3] / g[3]:.2f}x, service CPU per request {t[4] / g[4]:.2f}x")
if not all(k in median for k in ("direct", "nginx", "gateway")):
    sys.exit(0)
g, n, d = median["gateway"], median["nginx"], median["direct"]
print(f"gateway / nginx: throughput {g[0] / n[0]:.2f}x (target >= 0.8), p50 {g[1] / n[1]:.2f}x, p99 {g[2] / n[2]:.2f}x (target <= 1.5)")
print(f"gateway / direct: throughput {g[0] / d[0]:.2f}x, p50 {g[1] / d[1]:.2f}x, p99 {g[2] / d[2]:.2f}x")
if n[3] > 0:
    print(f"gateway / nginx: CPU per request {g[3] / n[3]:.2f}x (the proxies' own work, steadier than throughput on a busy machine)")
print(f"nginx / direct: throughput {n[0] / d[0]:.2f}x, p50 {n[1] / d[1]:.2f}x, p99 {n[2] / d[2]:.2f}x")
PY
