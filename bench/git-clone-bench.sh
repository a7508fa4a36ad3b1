#!/usr/bin/env bash
# `git clone` of a 1,000-file repository through Strata's smart HTTP, against `git clone` of the
# same bare repository straight from the file system (the limit), alternating rounds.
#
#   STRATA_URL=http://localhost:3263 STRATA_DATA_DIR=.test-data/bench-git STRATA_USER=alice STRATA_TOKEN=hf_… bench/git-clone-bench.sh
#
# Optional: FILES (1000), ROUNDS (10), WORK (.test-data/bench-git-work). The server must run with
# STRATA_DATA_DIR as its data dir (the file-system clones read the bare repository there).
# Results are appended to bench/results/git-clone.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${STRATA_URL:?base URL of the Strata server}" "${STRATA_DATA_DIR:?the data dir of the server}" "${STRATA_USER:?}" "${STRATA_TOKEN:?}"
FILES="${FILES:-1000}"
ROUNDS="${ROUNDS:-10}"
WORK="$(realpath -m "${WORK:-.test-data/bench-git-work}")"
name="clone-bench-$$"
rm -rf "$WORK" && mkdir -p "$WORK" bench/results
trap 'rm -rf "$WORK"' EXIT
export GIT_TERMINAL_PROMPT=0 GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null

# A model-like tree: FILES text files of 1–16 KB in 50 folders, one commit.
curl -fsS -X POST -H "Authorization: Bearer $STRATA_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$name\",\"type\":\"model\"}" "$STRATA_URL/hf/api/repos/create" > /dev/null
git clone -q "$STRATA_URL/models/$STRATA_USER/$name.git" "$WORK/source"
python3 - "$WORK/source" "$FILES" <<'PY'
import os, random, sys
root, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(42)
words = [f"w{i}" for i in range(5000)]
for i in range(count):
    folder = os.path.join(root, f"part{i % 50:02d}")
    os.makedirs(folder, exist_ok=True)
    size = rng.randint(1024, 16384)
    text = " ".join(rng.choice(words) for _ in range(size // 5))[:size]
    with open(os.path.join(folder, f"file{i:04d}.txt"), "w") as f:
        f.write(text + "\n")
PY
git -C "$WORK/source" add -A
git -C "$WORK/source" -c user.name=Bench -c user.email=bench@example.com commit -qm "Add $FILES files"
git -C "$WORK/source" push -q "http://$STRATA_USER:$STRATA_TOKEN@${STRATA_URL#http://}/models/$STRATA_USER/$name.git" HEAD:main
bare="$(realpath "$STRATA_DATA_DIR")/git/models/$STRATA_USER/$name.git"
[[ -d $bare ]] || { echo "no bare repository at $bare" >&2; exit 1; }

now() { date +%s.%N; }
time_clone() { # label url… → seconds
  local dir="$WORK/clone-$1" t
  shift
  rm -rf "$dir"
  t=$(now)
  git clone -q "$@" "$dir"
  echo "$(now) - $t" | bc
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A times
kinds=(http http-token file path)
clone() { # kind
  case $1 in
    http) time_clone http "$STRATA_URL/models/$STRATA_USER/$name.git" ;;
    http-token) time_clone http-token "http://$STRATA_USER:$STRATA_TOKEN@${STRATA_URL#http://}/models/$STRATA_USER/$name.git" ;;
    file) time_clone file "file://$bare" ;;
    path) time_clone path "$bare" ;;
  esac
}
for kind in "${kinds[@]}"; do clone "$kind" > /dev/null; done # warm caches once
for round in $(seq "$ROUNDS"); do
  # Rotate the order so no kind always runs right after another.
  for i in 0 1 2 3; do
    kind=${kinds[$(((i + round) % 4))]}
    times[$kind]+="$(clone "$kind") "
  done
done
[[ $(git -C "$WORK/clone-http" ls-files | wc -l) -ge $FILES ]] || { echo "the HTTP clone is incomplete" >&2; exit 1; }

declare -A med
for kind in "${kinds[@]}"; do med[$kind]=$(tr ' ' '\n' <<< "${times[$kind]}" | grep . | median); done
ratio() { echo "scale=2; $1 / $2" | bc; }
for kind in "${kinds[@]}"; do printf '%-11s median %.3f s\n' "$kind" "${med[$kind]}"; done
echo "ratio http / file://: $(ratio "${med[http]}" "${med[file]}")"
echo "ratio http / path:    $(ratio "${med[http]}" "${med[path]}")"
echo "ratio http+token / file://: $(ratio "${med[http-token]}" "${med[file]}")"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$FILES" "$ROUNDS" "${med[http]}" "${med[http-token]}" "${med[file]}" "${med[path]}" >> bench/results/git-clone.tsv
