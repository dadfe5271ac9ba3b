# Shared by the benchmark scripts (source it after setting work, launcher, PG, KAFKA, KAFKA_CONTROLLER,
# KC and KC_MGMT): every process a script starts goes into pids and is stopped when the script ends.
pids=()
bench_cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap bench_cleanup EXIT INT TERM

wait_http() { # url, what, seconds
  for _ in $(seq 1 "$3"); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 1
  done
  printf '[bench] %s did not get ready at %s\n' "$2" "$1" >&2
  exit 1
}

# PostgreSQL, Kafka and Keycloak through the stack launcher, on the benchmark's own ports and data directory.
start_infra() { # seconds to wait for Keycloak
  printf '[bench] starting PostgreSQL, Kafka and Keycloak (bench ports)\n' >&2
  java -jar "$launcher" --infra-only --home="$work/stack" --postgres-port="$PG" --kafka-port="$KAFKA" \
    --kafka-controller-port="$KAFKA_CONTROLLER" --keycloak-port="$KC" --keycloak-management-port="$KC_MGMT" \
    >"$work/infra.log" 2>&1 &
  pids+=($!)
  wait_http "http://localhost:$KC_MGMT/health/ready" Keycloak "$1"
}
