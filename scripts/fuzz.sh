#!/usr/bin/env bash
# Builds and runs one libFuzzer target (or all of them) for a number of seconds.
#
#   scripts/fuzz.sh TARGET [SECONDS] [libFuzzer options...]   TARGET: docx wordxml html markdown legacy procedures extract | all
#
# The build is a separate package (Fuzz/) with its own scratch path (Fuzz/.build), so it never
# disturbs `swift build` / `swift test`. The seeds are written afresh at each run to Fuzz/.seeds/TARGET
# from corpus/ and ../shared/corpus (scripts/fuzz-seeds.py; small, cut at line ends), plus
# Fuzz/seeds/TARGET; what the fuzzer learns goes to Fuzz/.corpus/TARGET (neither is committed).
# Inputs are capped at -max_len bytes (per target, below). A crash, sanitizer error, timeout
# (-timeout, seconds per input) or out-of-memory writes Fuzz/crashes/TARGET/crash-* (or timeout-*,
# oom-*) and makes this script exit non-zero: turn each one into a regression test in Tests/.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET|all [SECONDS] [libFuzzer options...]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
targets=(docx wordxml html markdown legacy procedures extract)
[ "$target" = all ] || targets=("$target")

flags=(--package-path Fuzz --scratch-path Fuzz/.build -c release --sanitize address
       -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp -Xswiftc -enable-testing)
# SwiftPM keeps the build plan while only the dependency's manifest (../Package.swift) changed:
# plan again then (the compiled objects are kept).
if [ -f Fuzz/.build/release.yaml ] && [ Package.swift -nt Fuzz/.build/release.yaml ]; then
  rm -f Fuzz/.build/release.yaml Fuzz/.build/build.db
fi
swift build "${flags[@]}"
bin=$(swift build "${flags[@]}" --show-bin-path)
rm -rf Fuzz/.seeds
python3 scripts/fuzz-seeds.py Fuzz/.seeds

# The largest input each target is given (libFuzzer starts from the seeds' size and grows it
# slowly): room for a document's header, articles and annex, small enough for the text targets,
# whose every input goes through Unicode-heavy Swift under ASan, to run hundreds to thousands of
# inputs a second. The .docx targets are byte scanners: larger parts cost them little.
max_len() {
  case $1 in
    docx|wordxml) echo 65536 ;;
    markdown) echo 32768 ;;
    *) echo 16384 ;;
  esac
}

status=0
for t in "${targets[@]}"; do
  mkdir -p "Fuzz/.corpus/$t" "Fuzz/crashes/$t"
  log="Fuzz/crashes/$t/last-run.log"
  echo "fuzz: $t for ${seconds}s (log: $log)"
  mkdir -p "Fuzz/.seeds/$t"
  if ! "$bin/fuzz-$t" "Fuzz/.corpus/$t" "Fuzz/.seeds/$t" -max_total_time="$seconds" -max_len="$(max_len "$t")" \
      -timeout=60 -rss_limit_mb=4096 \
      -artifact_prefix="Fuzz/crashes/$t/" -print_final_stats=1 "$@" >"$log" 2>&1; then
    echo "fuzz: $t FAILED — see $log and Fuzz/crashes/$t/" >&2
    grep -m5 -E "ERROR|SUMMARY|Test unit written" "$log" >&2 || true
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb" "$log" | sed "s/^/fuzz: $t /" || true
done
exit $status
