#!/usr/bin/env bash
# NetwerkLive build entry point. Needs only the .NET 10 SDK and Node.js;
# anything else (chromium and its headless shell for the browser tests, redis-server for the Redis store tests, coturn
# for the TURN tests) is installed by ensure_deps.
#
#   ./build.sh test        restore, build, run every test project, print summary
#   ./build.sh run [args]  run the server (extra args go to the app)
set -euo pipefail

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# The browser tests drive Debian's chromium-headless-shell and chromium (installed by ensure_deps); nothing
# may try to download a browser build of its own, and there is no network for it.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO_ROOT"

SOLUTION="NetwerkLive.sln"
SERVER_PROJECT="src/NetwerkLive.Server"
RESULTS_DIR="artifacts/test-results"

log() {
  printf '==> %s\n' "$*"
}

die() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}

usage() {
  cat <<'EOF'
Usage: ./build.sh <command> [args]

Commands:
  test         Restore, build (Release) and run all test projects in NetwerkLive.sln.
               Ends with the line "N passed, N failed, N skipped"; exits non-zero
               if the run failed, any test failed, or no test ran.
  run [args]   Run the server (dotnet run --project src/NetwerkLive.Server -- args).
EOF
}

# Fails with a message unless <command> is on PATH (for prerequisites that
# build.sh does not install itself).
require_command() {
  local cmd="$1" what="$2"
  if ! command -v "$cmd" >/dev/null 2>&1; then
    die "'$cmd' not found: install $what first."
  fi
}

APT_UPDATED=0

# ensure_apt_package <command> <package>
# Does nothing if <command> is on PATH. Otherwise, when running as root on a
# machine with apt-get, installs <package> (apt-get update runs at most once per
# script run); when not root, prints what to install and exits 1.
ensure_apt_package() {
  local cmd="$1" package="$2"
  if command -v "$cmd" >/dev/null 2>&1; then
    return 0
  fi
  if [[ "$(id -u)" -ne 0 ]]; then
    die "'$cmd' is required but not installed. Install it with: sudo apt-get install -y $package (or run ./build.sh as root to install it automatically)."
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    die "'$cmd' is required but not installed, and apt-get is not available. Install the package providing '$cmd' ($package on Debian/Ubuntu)."
  fi
  if [[ "$APT_UPDATED" -eq 0 ]]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update
    APT_UPDATED=1
  fi
  log "Installing $package (for '$cmd')"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$package"
  command -v "$cmd" >/dev/null 2>&1 || die "installed $package but '$cmd' is still not on PATH."
}

# ---------------------------------------------------------------------------
# ensure_deps: install/check everything the test run needs beyond the .NET SDK
# and Node.js. Must stay idempotent (safe to run every time).
# ---------------------------------------------------------------------------
ensure_deps() {
  require_command dotnet "the .NET 10 SDK (https://dot.net)"
  require_command node "Node.js"
  # tests/NetwerkLive.BrowserTests drives its pages in Chromium's headless shell (a third of the full browser's CPU
  # per page on two cores), and the full /usr/bin/chromium only for the test of refused camera permissions.
  ensure_apt_package chromium-headless-shell chromium-headless-shell
  ensure_apt_package chromium chromium
  # tests/NetwerkLive.Tests runs the Redis stores against a throwaway redis-server (start_test_redis);
  # the multi-node smoke run of tests/NetwerkLive.LoadTests.Tests uses the same one.
  ensure_apt_package redis-server redis-server
  # tests/NetwerkLive.Tests runs the shipped deploy/nginx config in the real nginx (NginxConfigTests).
  ensure_apt_package nginx nginx
  # The TURN tests (tests/NetwerkLive.Tests/Video, and the browser call forced through a relay) start their own
  # coturn (turnserver, with turnutils_uclient) on free loopback ports; the package starts no daemon by itself.
  ensure_apt_package turnserver coturn
}

TEST_REDIS_PORT=""
TEST_REDIS_DIR=""

# A free loopback port, asked of the OS (node is a prerequisite anyway).
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

# Starts a throwaway redis-server (no persistence) for the tests and exports
# NETWERKLIVE_TEST_REDIS so they use it; stop_test_redis ends it.
start_test_redis() {
  TEST_REDIS_DIR="$(mktemp -d)"
  TEST_REDIS_PORT="$(free_port)"
  redis-server --port "$TEST_REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --daemonize yes --pidfile "$TEST_REDIS_DIR/redis.pid" --dir "$TEST_REDIS_DIR" \
    --logfile "$TEST_REDIS_DIR/redis.log" >/dev/null 2>&1 || die "redis-server did not start (port $TEST_REDIS_PORT)."
  local tries=0
  until redis-cli -p "$TEST_REDIS_PORT" ping >/dev/null 2>&1; do
    tries=$((tries + 1))
    [[ "$tries" -lt 100 ]] || die "redis-server did not answer on port $TEST_REDIS_PORT within 10 s."
    sleep 0.1
  done
  export NETWERKLIVE_TEST_REDIS="127.0.0.1:$TEST_REDIS_PORT"
  log "redis-server for the tests on $NETWERKLIVE_TEST_REDIS"
}

stop_test_redis() {
  if [[ -n "$TEST_REDIS_PORT" ]]; then
    redis-cli -p "$TEST_REDIS_PORT" shutdown nosave >/dev/null 2>&1 \
      || { [[ -f "$TEST_REDIS_DIR/redis.pid" ]] && kill "$(cat "$TEST_REDIS_DIR/redis.pid")" >/dev/null 2>&1; } || true
    TEST_REDIS_PORT=""
  fi
  if [[ -n "$TEST_REDIS_DIR" ]]; then
    rm -rf "$TEST_REDIS_DIR"
    TEST_REDIS_DIR=""
  fi
}

# The EXIT trap of cmd_test: whatever happened, no redis-server or build server is left behind.
cleanup_test_run() {
  stop_test_redis
  shutdown_build_servers
}

shutdown_build_servers() {
  # Compiler/MSBuild servers otherwise linger after the build (and keep CI
  # steps or containers alive). Output is discarded so the summary line stays last.
  dotnet build-server shutdown >/dev/null 2>&1 || true
}

cmd_test() {
  trap cleanup_test_run EXIT
  ensure_deps

  log "dotnet restore $SOLUTION"
  dotnet restore "$SOLUTION"

  log "dotnet build $SOLUTION -c Release"
  dotnet build "$SOLUTION" -c Release --no-restore

  rm -rf "$RESULTS_DIR"
  mkdir -p "$RESULTS_DIR"

  start_test_redis

  # The test projects are independent. The browser suite runs first and alone: its Chromium pages fill
  # both cores by themselves, and beside the hub tests their steps took so long on a loaded CI machine
  # that three timed out (2026-12-02). Alone it takes about 330 s here instead of 515 s, and the whole
  # test phase is shorter too (about 600 s instead of 640 s: two suites fighting over two cores lose
  # time to each other). The others then run side by side, at most TEST_PARALLEL at once (the number of
  # cores by default): the hub tests beside the short cluster suite and then the load suite. Each
  # writes its TRX and console output to $RESULTS_DIR/<project>/.
  local max_parallel="${TEST_PARALLEL:-$(nproc)}"
  local projects=() project
  mapfile -t projects < <(grep -l "Microsoft.NET.Test.Sdk" tests/*/*.csproj | xargs -n1 dirname | xargs -n1 basename \
    | awk '{ order = /BrowserTests/ ? 0 : /ClusterTests/ ? 2 : /LoadTests/ ? 3 : 1; print order " " $0 }' | sort | cut -d' ' -f2)
  [[ "${#projects[@]}" -gt 0 ]] || die "no test project found under tests/"

  local -A project_of=()
  local exit_args=() pid code running=0 started=$SECONDS
  finish_one() {
    code=0
    wait -n -p pid || code=$?
    running=$((running - 1))
    exit_args+=(--dotnet-exit-code "$code")
    local done_project="${project_of[$pid]}"
    if [[ "$code" -ne 0 ]]; then
      log "$done_project: dotnet test exited $code after $((SECONDS - started)) s; its output follows"
      cat "$RESULTS_DIR/$done_project/console.log"
    else
      log "$done_project: $(grep -E '^(Passed!|Total tests:)' "$RESULTS_DIR/$done_project/console.log" | tail -1 || true) (done after $((SECONDS - started)) s)"
    fi
  }
  local alone
  for project in "${projects[@]}"; do
    alone=0
    [[ "$project" == *BrowserTests ]] && alone=1
    if [[ "$alone" -eq 1 ]]; then
      while [[ "$running" -gt 0 ]]; do finish_one; done
    else
      [[ "$running" -lt "$max_parallel" ]] || finish_one
    fi
    mkdir -p "$RESULTS_DIR/$project"
    log "dotnet test tests/$project (output: $RESULTS_DIR/$project/console.log)"
    dotnet test "tests/$project" -c Release --no-build \
      --logger "trx;LogFileName=$project.trx" \
      --logger "console;verbosity=normal" \
      --results-directory "$RESULTS_DIR/$project" >"$RESULTS_DIR/$project/console.log" 2>&1 &
    project_of[$!]="$project"
    running=$((running + 1))
    [[ "$alone" -eq 0 ]] || finish_one
  done
  while [[ "$running" -gt 0 ]]; do finish_one; done
  log "all test projects finished after $((SECONDS - started)) s"

  cleanup_test_run
  trap - EXIT

  log "Test summary ($RESULTS_DIR)"
  local summary_exit=0
  node "$REPO_ROOT/.ci/trx-summary.mjs" "$RESULTS_DIR" --floors "$REPO_ROOT/tests/test-floors.json" "${exit_args[@]}" || summary_exit=$?
  return "$summary_exit"
}

cmd_run() {
  require_command dotnet "the .NET 10 SDK (https://dot.net)"
  dotnet run --project "$SERVER_PROJECT" -- "$@"
}

main() {
  local command="${1:-}"
  case "$command" in
    test)
      shift
      cmd_test "$@"
      ;;
    run)
      shift
      cmd_run "$@"
      ;;
    -h | --help | help)
      usage
      ;;
    *)
      if [[ -n "$command" ]]; then
        printf 'Unknown command: %s\n\n' "$command" >&2
      fi
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
