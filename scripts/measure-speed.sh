#!/usr/bin/env bash
# Issue 14's "Must show" figures in one run, for a quiet machine (about 15 minutes): file analysis speed, share outside
# the detector and peak memory (sphinx lite and full, the 10-minute file lite), three runs each of two clips giving
# identical reports, and the first pose cold/warm on the live page and in the guided session (bench).
# Usage: scripts/measure-speed.sh [ten-minute.mp4]   (made by scripts/make-ten-minute-file.sh when absent)
set -euo pipefail
cd "$(dirname "$0")/.."
footage=../shared/footage
ten=${1:-/tmp/spine-ten-minutes.mp4}
[ -f "$ten" ] || scripts/make-ten-minute-file.sh "$ten"
export ANALYZE_DIST=dist-measure BENCH_DIST=dist-measure ANALYZE_SKIP_BUILD=1
npx vite build --outDir dist-measure --emptyOutDir >/dev/null 2>&1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# each analyze line ends with the cores the browser kept busy and the host's CPU steal meanwhile (a shared VM's host
# takes some of its CPU, and then every figure here slows alike: this VM measured 1-40 % steal between quarter hours)
analyze() { # label, file, options...
  local label=$1 file=$2
  shift 2
  npx tsx scripts/analyze.ts "$file" "$@" --out "$out/r.json" 2>"$out/err" || { cat "$out/err"; return 1; }
  echo "$label (load $(cut -d' ' -f1 /proc/loadavg)): $(tail -1 "$out/err" | sed 's/^analyze: //')"
}
echo "== npm run analyze: wall time, x real time, share outside the detector, peak browser memory (PSS)"
analyze "sphinx lite (wasm, a worker per core)" $footage/pfc/sphinx-pose.mp4 --model lite --backend wasm
analyze "sphinx lite (wasm, one worker)" $footage/pfc/sphinx-pose.mp4 --model lite --backend wasm --workers 1
analyze "sphinx lite (mediapipe-cpu)" $footage/pfc/sphinx-pose.mp4 --model lite
analyze "sphinx full (mediapipe-cpu)" $footage/pfc/sphinx-pose.mp4 --model full
analyze "sphinx full (wasm)" $footage/pfc/sphinx-pose.mp4 --model full --backend wasm
analyze "10-minute file lite (wasm)" "$ten" --model lite --backend wasm
echo "== three runs, identical reports (landmarksSha256): mediapipe-cpu full (the analyze default), wasm lite (in parts)"
for backend in "mediapipe-cpu full" "wasm lite"; do
  read -r b m <<<"$backend"
  for clip in bloomfit/pelvic_tilt.mp4 pfc/sphinx-pose.mp4; do
    for i in 1 2 3; do
      npx tsx scripts/analyze.ts $footage/$clip --backend "$b" --model "$m" --out "$out/$i.json" 2>/dev/null
      sed -n 's/.*"landmarksSha256": "\(.*\)".*/\1/p' "$out/$i.json" >"$out/$i.sha"
    done
    n=$(sort -u "$out"/[123].sha | wc -l)
    echo "$clip ($b $m): $(cat "$out/1.sha") x3 -> $([ "$n" = 1 ] && echo identical || echo DIFFERENT)"
  done
done
echo "== first pose, cold and warm (ms)"
for b in wasm mediapipe-cpu; do npx tsx scripts/first-pose-live.ts --backend $b --model lite; done
npx tsx scripts/bench.ts --only live --backends wasm,mediapipe-cpu --models lite --seconds 2 --out "$out/bench.json" 2>&1 |
  grep -E 'cold start|warm start|^bench: (wasm|mediapipe)' | sed 's/^bench: /session (bench): /'
