#!/usr/bin/env bash
# Push and pull a large image with skopeo to Strata's registry and to CNCF Distribution
# (Debian's docker-registry) on the same machine, alternating rounds, and report the ratio.
#
#   STRATA_REGISTRY=localhost:3240 STRATA_USER=alice STRATA_TOKEN=hf_… bench/registry-bench.sh
#
# Optional: SIZE_MB (default 500, split over 4 gzip layers), ROUNDS (3), DIST_PORT (5040),
# WORK (.test-data/bench). Each round pushes a freshly generated image to both registries (the
# first one alternating) and pulls it back into an OCI layout. Results are appended to bench/results/registry.tsv
# (date, MB, strata push s, distribution push s, push ratio, strata pull s, distribution pull s, pull ratio,
# 1-minute load average at start-end).
set -euo pipefail
cd "$(dirname "$0")/.."

: "${STRATA_REGISTRY:?host:port of the Strata server}" "${STRATA_USER:?}" "${STRATA_TOKEN:?}"
SIZE_MB="${SIZE_MB:-500}"
ROUNDS="${ROUNDS:-3}"
DIST_PORT="${DIST_PORT:-5040}"
WORK="$(realpath -m "${WORK:-.test-data/bench}")"
mkdir -p "$WORK" bench/results

# Each round pushes new random content: skopeo remembers where it saw a blob and would otherwise
# mount it instead of uploading it again.
build_layout() { # dir
  local layout=$1
  rm -rf "$layout" && mkdir -p "$layout/blobs/sha256"
  python3 - "$layout" "$SIZE_MB" <<'EOF'
import gzip, hashlib, json, os, sys
layout, size_mb = sys.argv[1], int(sys.argv[2])
def store(data):
    digest = hashlib.sha256(data).hexdigest()
    with open(f"{layout}/blobs/sha256/{digest}", "wb") as f:
        f.write(data)
    return {"digest": f"sha256:{digest}", "size": len(data)}
layers, diff_ids = [], []
for i in range(4):
    # Random (incompressible) content, gzipped, so that clients keep the layer as it is.
    raw = os.urandom(size_mb * 1024 * 1024 // 4)
    diff_ids.append("sha256:" + hashlib.sha256(raw).hexdigest())
    layers.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", **store(gzip.compress(raw, 1))})
config = store(json.dumps({"architecture": "amd64", "os": "linux", "config": {},
                           "rootfs": {"type": "layers", "diff_ids": diff_ids}}).encode())
manifest = store(json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                             "config": {"mediaType": "application/vnd.oci.image.config.v1+json", **config},
                             "layers": layers}).encode())
json.dump({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json",
           **manifest, "annotations": {"org.opencontainers.image.ref.name": "bench"}}]},
          open(f"{layout}/index.json", "w"))
open(f"{layout}/oci-layout", "w").write('{"imageLayoutVersion": "1.0.0"}')
EOF
}

# CNCF Distribution with filesystem storage and no auth, on our own port and data dir.
rm -rf "$WORK/distribution"
cat > "$WORK/distribution.yml" <<EOF
version: 0.1
log: { level: error }
storage:
  filesystem: { rootdirectory: $WORK/distribution }
  delete: { enabled: true }
http: { addr: "127.0.0.1:$DIST_PORT" }
EOF
docker-registry serve "$WORK/distribution.yml" > "$WORK/distribution.log" 2>&1 &
dist_pid=$!
trap 'kill "$dist_pid" 2>/dev/null || true; rm -rf "$WORK/distribution"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$DIST_PORT/v2/" > /dev/null && break; sleep 0.2; done

now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }

run_round() { # target round → "push_seconds pull_seconds"
  local target=$1 round=$2 dest creds=() layout="$WORK/layout-$2"
  if [[ $target == strata ]]; then
    dest="docker://$STRATA_REGISTRY/$STRATA_USER/bench-$$-$round:v1"
    creds=(--dest-creds "$STRATA_USER:$STRATA_TOKEN")
  else
    dest="docker://127.0.0.1:$DIST_PORT/bench/bench-$$-$round:v1"
  fi
  local t push pull out="$WORK/pulled-$target"
  # Start each timed step with nothing dirty in the page cache: a registry that fsyncs (Strata
  # does, Distribution does not) must not pay for writing back the layout or the other's blobs.
  sync
  t=$(now)
  skopeo copy -q "${creds[@]}" --dest-tls-verify=false "oci:$layout:bench" "$dest"
  push=$(elapsed "$t")
  rm -rf "$out"
  local src_creds=()
  [[ $target == strata ]] && src_creds=(--src-creds "$STRATA_USER:$STRATA_TOKEN")
  sync
  t=$(now)
  skopeo copy -q "${src_creds[@]}" --src-tls-verify=false "$dest" "oci:$out:bench"
  pull=$(elapsed "$t")
  rm -rf "$out"
  echo "$push $pull"
}

loadavg() { cut -d' ' -f1 /proc/loadavg; }
load_start=$(loadavg)
declare -a strata_push strata_pull dist_push dist_pull
for round in $(seq "$ROUNDS"); do
  echo "round $round: building a ${SIZE_MB} MB image"
  build_layout "$WORK/layout-$round"
  # Alternate who goes first, so neither always reads the layout from a warm page cache.
  order=(distribution strata)
  (( round % 2 == 0 )) && order=(strata distribution)
  for target in "${order[@]}"; do
    read -r p l < <(run_round "$target" "$round")
    if [[ $target == strata ]]; then strata_push+=("$p"); strata_pull+=("$l"); else dist_push+=("$p"); dist_pull+=("$l"); fi
  done
  rm -rf "$WORK/layout-$round"
  echo "round $round: distribution push ${dist_push[-1]}s pull ${dist_pull[-1]}s | strata push ${strata_push[-1]}s pull ${strata_pull[-1]}s"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
sp=$(median "${strata_push[@]}"); sl=$(median "${strata_pull[@]}")
dp=$(median "${dist_push[@]}"); dl=$(median "${dist_pull[@]}")
push_ratio=$(echo "scale=2; $dp / $sp" | bc); pull_ratio=$(echo "scale=2; $dl / $sl" | bc)
echo "median over $ROUNDS rounds, ${SIZE_MB} MB:"
echo "  push: strata ${sp}s, distribution ${dp}s → strata throughput = ${push_ratio} × distribution"
echo "  pull: strata ${sl}s, distribution ${dl}s → strata throughput = ${pull_ratio} × distribution"
load="$load_start-$(loadavg)"
echo "  load average (1 min) at start and end: $load on $(nproc) cores"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -Is)" "$SIZE_MB" "$sp" "$dp" "$push_ratio" "$sl" "$dl" "$pull_ratio" "$load" \
  >> bench/results/registry.tsv
