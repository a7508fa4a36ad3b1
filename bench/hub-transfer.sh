#!/usr/bin/env bash
# Upload and download of one large file through Strata's browser upload and file routes, side by
# side in one run with nginx serving the same file and a local `cp` writing it, plus the server's
# memory. Needs a production build (`npx next build`).
#
#   bench/hub-transfer.sh            # SIZE_MB=1024 ROUNDS=3 PORT=3253 NGINX_PORT=3254
#
# It starts its own server on a throw-away data dir (.test-data/bench-hub), creates a user, a
# token and a model, and for each round: copies the file with cp (and cp + fsync), uploads it
# (POST …/uploads, the raw body streamed to disk while hashed) and commits it (POST …/commit:
# LFS, fsync, rename), downloads it from /resolve/ and from nginx (sendfile), checking the digest.
# The server's resident memory is sampled every 100 ms. Results are appended to
# bench/results/hub-transfer.tsv and printed as a table.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB="${SIZE_MB:-1024}"
ROUNDS="${ROUNDS:-3}"
PORT="${PORT:-3253}"
NGINX_PORT="${NGINX_PORT:-3254}"
WORK="$(realpath -m "${WORK:-.test-data/bench-hub}")"
[[ -f .next/BUILD_ID ]] || { echo "Build first: npx next build" >&2; exit 1; }

rm -rf "$WORK" && mkdir -p "$WORK/data" "$WORK/www" "$WORK/nginx" "$WORK/out" bench/results
export STRATA_DATA_DIR="$WORK/data" STRATA_PUBLIC_URL="http://127.0.0.1:$PORT" STRATA_EMBEDDED_RUNNER=0

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "Preparing a ${SIZE_MB} MiB file and a fresh data dir in $WORK …"
head -c "$((SIZE_MB * 1024 * 1024))" /dev/urandom > "$WORK/www/file.bin"
want=$(sha256sum "$WORK/www/file.bin" | cut -d' ' -f1)
token=$(npx tsx --conditions=react-server bench/hub-transfer-setup.ts | tail -1)

PORT="$PORT" node --max-semi-space-size=64 scripts/server.mjs > "$WORK/server.log" 2>&1 &
server=$!
pids+=("$server")
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/api/health" > /dev/null && break; sleep 0.2; done

cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events {}
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path $WORK/nginx;
  proxy_temp_path $WORK/nginx;
  fastcgi_temp_path $WORK/nginx;
  uwsgi_temp_path $WORK/nginx;
  scgi_temp_path $WORK/nginx;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
EOF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
pids+=("$!")
for _ in $(seq 50); do curl -fs -o /dev/null -r 0-0 "http://127.0.0.1:$NGINX_PORT/file.bin" && break; sleep 0.1; done

# Resident memory of the server and its children, sampled until the flag file goes away.
tree_rss_kb() {
  local total=0 pid rss
  for pid in $server $(pgrep -P "$server" || true); do
    # A child that exits (or is a zombie) between pgrep and the read has no VmRSS line.
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    total=$((total + ${rss:-0}))
  done
  echo "$total"
}
touch "$WORK/sampling"
( peak=0; while [[ -f "$WORK/sampling" ]]; do rss=$(tree_rss_kb); ((rss > peak)) && peak=$rss && echo "$peak" > "$WORK/peak"; sleep 0.1; done ) &
pids+=("$!")

api="http://127.0.0.1:$PORT/api/repos/models/bench/transfer"
auth=(-H "Authorization: Bearer $token")
now() { date +%s.%N; }
mbps() { echo "scale=0; $SIZE_MB / ($2 - $1)" | bc; } # start end → MiB/s
ms() { echo "scale=0; ($2 - $1) * 1000 / 1" | bc; }     # start end → ms
# CPU time (user + system, all threads) the server process has used so far, in ms.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$server/stat"; }

# One warm-up download and upload of a small file so first-request compilation is not measured.
curl -fs "${auth[@]}" --data-binary 'warm' "$api/uploads" > /dev/null
curl -fs -o /dev/null "http://127.0.0.1:$PORT/models/bench/transfer/resolve/main/README.md"
baseline=$(tree_rss_kb)
echo "hashing uploads in the worker thread: ${STRATA_HASH_WORKER:-on}"
printf 'round\tcp\tcp+fsync\tstage\tstage+commit\tapp download\tnginx download\t(MiB/s)\tcommit ms\tsmall commit ms\tstage CPU ms\n'
for round in $(seq "$ROUNDS"); do
  t0=$(now); cp "$WORK/www/file.bin" "$WORK/out/copy.bin"; t1=$(now)
  rm -f "$WORK/out/copy.bin"
  t2=$(now); cp "$WORK/www/file.bin" "$WORK/out/copy.bin"; sync "$WORK/out/copy.bin"; t3=$(now)
  rm -f "$WORK/out/copy.bin"

  c4=$(cpu_ms); t4=$(now)
  staged=$(curl -fsS "${auth[@]}" -X POST -H "Content-Type: application/octet-stream" -T "$WORK/www/file.bin" "$api/uploads")
  t5=$(now); c5=$(cpu_ms)
  id=$(echo "$staged" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  got=$(echo "$staged" | python3 -c 'import json,sys; print(json.load(sys.stdin)["sha256"])')
  [[ "$got" == "$want" ]] || { echo "upload digest mismatch: $got" >&2; exit 1; }
  tc=$(now)
  curl -fsS "${auth[@]}" -H "Content-Type: application/json" \
    -d "{\"branch\":\"main\",\"operations\":[{\"kind\":\"upload\",\"path\":\"weights-$round.bin\",\"uploadId\":\"$id\"}]}" "$api/commit" > /dev/null
  t6=$(now)
  # The commit's own cost (LFS pointer, git objects, ref update, re-index) without the big file's
  # move into the blob store: the same commit of a small text file. The difference is the fsync.
  te=$(now)
  curl -fsS "${auth[@]}" -H "Content-Type: application/json" \
    -d "{\"branch\":\"main\",\"operations\":[{\"kind\":\"content\",\"path\":\"note-$round.txt\",\"content\":\"round $round\"}]}" "$api/commit" > /dev/null
  tf=$(now)

  t7=$(now)
  got=$(curl -fsS "http://127.0.0.1:$PORT/models/bench/transfer/resolve/main/weights-$round.bin" | sha256sum | cut -d' ' -f1)
  t8=$(now)
  [[ "$got" == "$want" ]] || { echo "download digest mismatch: $got" >&2; exit 1; }
  # Timed without hashing, like nginx below: the transfer alone.
  t9=$(now); curl -fsS -o /dev/null "http://127.0.0.1:$PORT/models/bench/transfer/resolve/main/weights-$round.bin"; t10=$(now)
  t11=$(now); curl -fsS -o /dev/null "http://127.0.0.1:$NGINX_PORT/file.bin"; t12=$(now)

  row="$round\t$(mbps "$t0" "$t1")\t$(mbps "$t2" "$t3")\t$(mbps "$t4" "$t5")\t$(mbps "$t4" "$t6")\t$(mbps "$t9" "$t10")\t$(mbps "$t11" "$t12")\t$(ms "$tc" "$t6")\t$(ms "$te" "$tf")\t$((c5 - c4))"
  printf "%b\n" "$row"
  printf "%b\n" "$row" >> "$WORK/rows"
  printf "%s\t%s\t%b\n" "$(date -u +%FT%TZ)" "$SIZE_MB" "$row" >> bench/results/hub-transfer.tsv
  : "$t7" "$t8"
done
rm -f "$WORK/sampling"
sleep 0.3
peak=$(cat "$WORK/peak")
hwm=0
for pid in $server $(pgrep -P "$server" || true); do
  hwm=$((hwm + $(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)))
done
echo "server RSS: baseline $((baseline / 1024)) MiB, peak while transferring $((peak / 1024)) MiB (growth $(((peak - baseline) / 1024)) MiB), VmHWM $((hwm / 1024)) MiB"
python3 - "$WORK/rows" <<'PY'
import statistics, sys
rows = [list(map(float, line.split("\t")[1:])) for line in open(sys.argv[1]) if line.strip()]
cp, cp_sync, stage, commit, app, nginx, commit_ms, small_ms, stage_cpu = (
    statistics.median(col) for col in zip(*rows))
print(f"medians (MiB/s): cp {cp:.0f}, cp+fsync {cp_sync:.0f}, stage {stage:.0f}, stage+commit {commit:.0f}, "
      f"app download {app:.0f}, nginx {nginx:.0f}")
print(f"download app/nginx {app / nginx:.2f} (target >= 0.5); upload stage/cp {stage / cp:.2f} (target >= 0.5); "
      f"stage+commit / cp+fsync {commit / cp_sync:.2f}")
print(f"commit of the uploaded file {commit_ms:.0f} ms, of a small text file {small_ms:.0f} ms "
      f"(the difference, {commit_ms - small_ms:.0f} ms, is moving the file into the blob store: fsync + rename)")
print(f"server CPU time while staging: {stage_cpu:.0f} ms (all threads)")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
