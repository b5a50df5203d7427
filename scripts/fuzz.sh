#!/usr/bin/env bash
# Builds and runs one libFuzzer target (or all of them) for a number of seconds.
#
#   scripts/fuzz.sh TARGET [SECONDS] [libFuzzer options...]   TARGET: docx wordxml html markdown legacy procedures extract | all
#
# The build is a separate package (Fuzz/) with its own scratch path (Fuzz/.build), so it never
# disturbs `swift build` / `swift test`. Seeds are written at run time to Fuzz/.corpus/TARGET from
# corpus/ and ../shared/corpus (scripts/fuzz-seeds.py), plus Fuzz/seeds/TARGET; what the fuzzer
# learns stays in Fuzz/.corpus/TARGET (not committed). A crash writes Fuzz/crashes/TARGET/crash-*
# and makes this script exit non-zero: turn each one into a regression test in Tests/.
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
[ -d Fuzz/.corpus/docx ] || python3 scripts/fuzz-seeds.py Fuzz/.corpus

status=0
for t in "${targets[@]}"; do
  mkdir -p "Fuzz/.corpus/$t" "Fuzz/crashes/$t"
  log="Fuzz/crashes/$t/last-run.log"
  echo "fuzz: $t for ${seconds}s (log: $log)"
  if ! "$bin/fuzz-$t" "Fuzz/.corpus/$t" -max_total_time="$seconds" -max_len=65536 -timeout=60 -rss_limit_mb=4096 \
      -artifact_prefix="Fuzz/crashes/$t/" -print_final_stats=1 "$@" >"$log" 2>&1; then
    echo "fuzz: $t FAILED — see $log and Fuzz/crashes/$t/" >&2
    grep -m5 -E "ERROR|SUMMARY|Test unit written" "$log" >&2 || true
    status=1
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$log" | sed "s/^/fuzz: $t /" || true
done
exit $status
