#!/usr/bin/env bash
# Runs every load-test scenario at the issue's target size, one after the other, and regenerates the
# figures: results under artifacts/loadtests/latest/<scenario>/, charts copied to docs/performance/,
# and the results table printed as Markdown (paste it into docs/performance.md).
#
#   loadtests/run-all.sh                      every scenario
#   loadtests/run-all.sh chat-fanout ...      only these
#
# Needs redis-server on PATH for multi-node. Took 8 minutes on this 2-core machine; run it on a quiet machine.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

SCENARIOS=("$@")
if [[ ${#SCENARIOS[@]} -eq 0 ]]; then
  SCENARIOS=(join-storm chat-fanout breakout-round coffee-queue multi-node)
fi
RESULTS="artifacts/loadtests/latest"
CHARTS="docs/performance"

dotnet build NetwerkLive.sln -c Release -p:BuildClientApp=false
mkdir -p "$RESULTS" "$CHARTS"

status=0
for scenario in "${SCENARIOS[@]}"; do
  echo "==> $scenario"
  rm -rf "${RESULTS:?}/$scenario"
  # Exit code 3 means the run finished but some figure is incomplete (timeouts, failed calls): keep going.
  dotnet "loadtests/NetwerkLive.LoadTests/bin/Release/net10.0/NetwerkLive.LoadTests.dll" "$scenario" --out "$RESULTS/$scenario" || status=$?
  for chart in "$RESULTS/$scenario"/latency-*.png; do
    name="$(basename "$chart" .png | sed 's/^latency-//')"
    # Join latency is the join storm's subject; elsewhere it is only the set-up.
    if [[ -e "$chart" && ( "$name" != connectAndJoin || "$scenario" == join-storm ) ]]; then
      cp "$chart" "$CHARTS/$scenario-$name.png"
    fi
  done
done

node loadtests/summarize.mjs "$RESULTS"/*/result.json
exit "$status"
