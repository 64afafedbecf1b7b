#!/usr/bin/env bash
# Alternating runs (docs/performance.md, "How to run"): one BenchmarkDotNet process per contender per round, the
# contenders taking turns, each running the usual job in process (COMET_BENCH_IN_PROCESS=1). Each run's report CSV is
# copied to the output folder as round<N>-<Method>.csv; at the end, per payload, every round's median of each contender,
# the baseline's median over the row's within each round, and the median of those ratios over the rounds.
#
#   tests/CometAnalyzers.Benchmarks/alternate.sh [-r ROUNDS] [-o OUTDIR] [-b BASELINE] [--no-build] CLASS METHOD...
#   tests/CometAnalyzers.Benchmarks/alternate.sh --parse OUTDIR [-b BASELINE]      # summarize CSVs copied earlier
#
# CLASS is a benchmark class (SerializeResponseBenchmarks, DeserializeErrorBenchmarks, ...); METHOD the benchmark
# methods' names, in the order they take turns (e.g. Comet StjFastPath). BASELINE defaults to the first METHOD that is
# not Comet (with --parse: StjFastPath or StjSourceGen if present). Ratios are "baseline ÷ row": above 1x the row is faster than the baseline, as in docs/performance.md.
# Defaults: 3 rounds, output in BenchmarkDotNet.Artifacts/alternate/CLASS-<UTC time>. COMET_BENCH_SMOKE=1 in the
# environment runs a job of a few 50 ms iterations, to try the script; such figures are not measurements.
set -euo pipefail

rounds=3
out=""
baseline=""
build=1
parse_only=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -r|--rounds) rounds="$2"; shift 2 ;;
    -o|--out) out="$2"; shift 2 ;;
    -b|--baseline) baseline="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --parse) parse_only="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "unknown option: $1" >&2; exit 2 ;;
    *) break ;;
  esac
done

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

summarize() {
  python3 - "$1" "$2" <<'PY'
import csv, glob, os, re, statistics, sys

folder, baseline = sys.argv[1], sys.argv[2]
units = {"ns": 1.0, "us": 1e3, "μs": 1e3, "µs": 1e3, "ms": 1e6, "s": 1e9}

def nanoseconds(cell):
    m = re.match(r"^\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*(ns|us|μs|µs|ms|s)?\s*$", cell)
    if not m:
        raise ValueError(f"cannot read a time from {cell!r}")
    return float(m.group(1).replace(",", "")) * units[m.group(2) or "ns"]

# round -> method -> payload -> (description, median ns, allocated, job)
runs = {}
failed = False
for path in sorted(glob.glob(os.path.join(folder, "round*-*.csv"))):
    m = re.match(r"round(\d+)-(.+)\.csv$", os.path.basename(path))
    if not m:
        continue
    rnd, method = int(m.group(1)), m.group(2)
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            payload = row.get("Payload", "")
            if row.get("Median", "NA").strip() in ("", "NA", "?"):
                print(f"!! round {rnd} {method} [{payload}]: no result (setup or run failed; see round{rnd}-{method}.log)")
                failed = True
                continue
            runs.setdefault(rnd, {}).setdefault(method, {})[payload] = (
                row["Method"].strip("'"), nanoseconds(row["Median"]), row.get("Allocated", "?"), row.get("Job", "?"))

if not runs:
    sys.exit(f"no results in {folder}")
methods = []
for rnd in sorted(runs):
    for method in runs[rnd]:
        if method not in methods:
            methods.append(method)
if not baseline:
    # The classes' baselines (Serialize…: StjFastPath, Deserialize…: StjSourceGen), else the first other than Comet.
    baseline = next((m for m in ("StjFastPath", "StjSourceGen") if m in methods), None) \
        or next((m for m in methods if m != "Comet"), methods[0])
if baseline not in methods:
    sys.exit(f"baseline {baseline} has no CSV in {folder} (methods: {' '.join(methods)})")
jobs = {v[3] for r in runs.values() for m in r.values() for v in m.values()}
if "Smoke" in jobs:
    print("!! Smoke job (COMET_BENCH_SMOKE=1): these figures are not measurements.")

def fmt(ns):
    return f"{ns / 1e6:.3f} ms" if ns >= 1e6 else f"{ns / 1e3:.2f} us" if ns >= 1e3 else f"{ns:.0f} ns"

payloads = []
for r in runs.values():
    for m in r.values():
        for p in m:
            if p not in payloads:
                payloads.append(p)
print(f"{folder}: {len(runs)} round(s), baseline {baseline}; ratio = baseline median / row median (above 1x the row is faster)")
for payload in payloads:
    print(f"\n[{payload or '(no payload)'}]")
    for method in [baseline] + [m for m in methods if m != baseline]:
        medians, ratios, description, allocated = [], [], method, "?"
        for rnd in sorted(runs):
            row = runs[rnd].get(method, {}).get(payload)
            base = runs[rnd].get(baseline, {}).get(payload)
            if row is None:
                medians.append(None)
                continue
            description, allocated = row[0], row[2]
            medians.append(row[1])
            if base is not None:
                ratios.append(base[1] / row[1])
        each = " / ".join("-" if x is None else fmt(x) for x in medians)
        present = [x for x in medians if x is not None]
        line = f"  {description:<54} median {fmt(statistics.median(present)) if present else '-':>10}  rounds: {each}"
        if method == baseline:
            line += "  (baseline)"
        elif ratios:
            per_round = " / ".join(f"{x:.2f}x" for x in ratios)
            line += f"  ratio per round: {per_round}  median {statistics.median(ratios):.2f}x"
        print(line + f"  allocated {allocated}")
if failed:
    sys.exit("!! some runs have no result (above)")
PY
}

if [[ -n "$parse_only" ]]; then
  summarize "$parse_only" "$baseline"
  exit 0
fi

if [[ $# -lt 2 ]]; then
  echo "usage: $0 [-r ROUNDS] [-o OUTDIR] [-b BASELINE] [--no-build] CLASS METHOD..." >&2
  exit 2
fi
class="$1"
shift
methods=("$@")
if [[ -z "$baseline" ]]; then
  for method in "${methods[@]}"; do
    if [[ "$method" != Comet ]]; then baseline="$method"; break; fi
  done
fi
out="${out:-BenchmarkDotNet.Artifacts/alternate/$class-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"

dll=tests/CometAnalyzers.Benchmarks/bin/Release/net10.0/CometAnalyzers.Benchmarks.dll
if [[ $build -eq 1 ]]; then
  dotnet build -c Release tests/CometAnalyzers.Benchmarks >"$out/build.log" 2>&1 || { tail -20 "$out/build.log" >&2; exit 1; }
fi
[[ -f "$dll" ]] || { echo "missing $dll (build first)" >&2; exit 1; }

# The class's report, not Deserialize…'s when the class is Serialize…: the name is preceded by its namespace's dot.
report="BenchmarkDotNet.Artifacts/results/CometAnalyzers.Benchmarks.Benchmarks.$class-report.csv"
for ((round = 1; round <= rounds; round++)); do
  for method in "${methods[@]}"; do
    echo "== round $round/$rounds: $class.$method ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
    rm -f "$report"
    COMET_BENCH_IN_PROCESS=1 dotnet "$dll" --filter "*.$class.$method" --no-checks >"$out/round$round-$method.log" 2>&1 \
      || { tail -30 "$out/round$round-$method.log" >&2; exit 1; }
    [[ -f "$report" ]] || { echo "no report for $class.$method (does the method exist? see $out/round$round-$method.log)" >&2; exit 1; }
    cp "$report" "$out/round$round-$method.csv"
  done
done

status=0
summarize "$out" "$baseline" || status=$?
# What the setups logged about STJ's fast path (the serialize baseline's setup throws unless it engages).
if grep -qh '^// STJ ' "$out"/round*-*.log 2>/dev/null; then
  echo
  grep -h '^// STJ ' "$out"/round*-*.log | sort | uniq -c
fi
exit "$status"
