#!/usr/bin/env bash
# Every bench of bench/README.md in one sequence, for the "one quiet run" table: run it on an idle
# machine after `npx next build`. Each bench keeps its own command, output and bench/results/*.tsv
# row; this script only prepares the servers and data they need, one after the other (never two at
# once, so they do not measure each other), and records the load average around each.
#
#   bench/quiet-run.sh                      # everything
#   ONLY=registry,claims bench/quiet-run.sh # some: transfer, registry, claims, search, pages, proxy
#
# Sizes (defaults = the issue's): TRANSFER_MB=1024 TRANSFER_ROUNDS=3 REGISTRY_MB=500
# REGISTRY_ROUNDS=5 SEARCH_MODELS=100000 SEARCH_SECONDS=5. Logs go to $WORK/logs (default
# /tmp/strata-quiet-run; outside .test-data/, whose owner-only mode stops nginx's workers).
set -euo pipefail
cd "$(dirname "$0")/.."

WORK="$(realpath -m "${WORK:-/tmp/strata-quiet-run}")"
ONLY="${ONLY:-transfer,registry,claims,search,pages,proxy}"
PORT_BASE="${PORT_BASE:-3270}"
[[ -f .next/BUILD_ID ]] || { echo "Build first: npx next build" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK/logs"

wanted() { [[ ",$ONLY," == *",$1,"* ]]; }
load() { cut -d' ' -f1 /proc/loadavg; }
step() { # name command…
  local name=$1
  shift
  echo "== $name (load $(load))"
  local start=$SECONDS
  "$@" 2>&1 | tee "$WORK/logs/$name.log"
  echo "== $name done in $((SECONDS - start)) s (load $(load))"
}

server_pid=""
stop_server() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  server_pid=""
}
trap stop_server EXIT
start_server() { # data-dir port
  STRATA_DATA_DIR="$1" STRATA_PUBLIC_URL="http://127.0.0.1:$2" STRATA_EMBEDDED_RUNNER=0 PORT="$2" \
    node --max-semi-space-size=64 scripts/server.mjs > "$WORK/logs/server-$2.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 300); do
    curl -fs "http://127.0.0.1:$2/api/health" > /dev/null && return 0
    sleep 0.2
  done
  echo "The server on port $2 did not start; see $WORK/logs/server-$2.log" >&2
  return 1
}
setup_data() { # data-dir → prints a write token of user "bench"
  STRATA_DATA_DIR="$1" npx tsx --conditions=react-server bench/hub-transfer-setup.ts | tail -1
}

if wanted transfer; then
  step transfer env WORK="$WORK/transfer" PORT=$((PORT_BASE + 1)) NGINX_PORT=$((PORT_BASE + 2)) \
    SIZE_MB="${TRANSFER_MB:-1024}" ROUNDS="${TRANSFER_ROUNDS:-3}" bench/hub-transfer.sh
fi

if wanted registry; then
  port=$((PORT_BASE + 3))
  token=$(setup_data "$WORK/registry-data")
  start_server "$WORK/registry-data" "$port"
  step registry env STRATA_REGISTRY="127.0.0.1:$port" STRATA_USER=bench STRATA_TOKEN="$token" \
    WORK="$WORK/registry" DIST_PORT=$((PORT_BASE + 4)) SIZE_MB="${REGISTRY_MB:-500}" \
    ROUNDS="${REGISTRY_ROUNDS:-5}" bench/registry-bench.sh
  stop_server
fi

if wanted claims; then
  port=$((PORT_BASE + 5))
  mkdir -p "$WORK/claims-data" # the server migrates it at start
  start_server "$WORK/claims-data" "$port"
  step claims npx tsx --conditions=react-server bench/jobs-bench.ts --phases claims \
    --url "http://127.0.0.1:$port" --data-dir "$WORK/claims-data" --server-pid "$server_pid"
  stop_server
  step claims-direct npx tsx --conditions=react-server bench/jobs-bench.ts --phases direct,latency
fi

if wanted search; then
  port=$((PORT_BASE + 6))
  step search-seed env STRATA_DATA_DIR="$WORK/search-data" \
    npx tsx --conditions=react-server bench/seed-models.ts --models "${SEARCH_MODELS:-100000}"
  start_server "$WORK/search-data" "$port"
  step search npx tsx bench/search-bench.ts --url "http://127.0.0.1:$port" \
    --data-dir "$WORK/search-data" --seconds "${SEARCH_SECONDS:-5}" --label quiet-run
  stop_server
fi

if wanted pages; then
  port=$((PORT_BASE + 7))
  step pages-seed env STRATA_DATA_DIR="$WORK/pages-data" npm run -s db:seed
  start_server "$WORK/pages-data" "$port"
  step pages npx tsx bench/page-weight.ts --url "http://127.0.0.1:$port" --rounds 3 --label quiet-run
  stop_server
fi

if wanted proxy; then
  step proxy npx tsx bench/space-proxy-bench.ts --port $((PORT_BASE + 8))
fi

echo "Logs: $WORK/logs"
