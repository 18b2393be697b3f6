#!/usr/bin/env bash
# Xuc build script. Verbs:
#   ./build.sh run [args]        start the server on its embedded default (SQLite + bundled PBX simulator + demo users)
#   ./build.sh test              run every test (starts a local PostgreSQL for the PostgreSQL tests when one is installed)
#   ./build.sh bench [name]      run the benchmarks (ami-parse, startup, config-write, sim-volume, sessions, session-latency, session-fanout, agents, stats, all) in Release and print their tables
#   ./build.sh import FILE.json --replace|--merge   import a configuration file (refused whole if anything is wrong)
#   ./build.sh import-callbacks LIST FILE.csv   import callback requests into a list (refused whole, bad lines named)
#   ./build.sh pbxsim [args]     run the PBX simulator standalone (AMI on 5038, control API on 5039);
#                                --replay FILE [--speed 1|10|max] [--loop] serves a recorded AMI stream instead
#   ./build.sh asterisk [start|stop|status|config|call FROM TO]   a real Asterisk 22 (Debian sid chroot) configured
#                                from Xuc's store, with one SIPp phone per line (docs/real-asterisk.md);
#                                XUC_PBX=asterisk ./build.sh run starts the server against it
#   ./build.sh ctl VERB [args]   operate a running node over its admin API: cluster show|leave|down|down-unreachable,
#                                cluster-sharding regions|region-stats -r TYPE, sessions [USER] | sessions kick USER, agents,
#                                agent force-logout ID, ami status|resync, queue stats ID, config reload, log level LEVEL;
#                                --server URL --token T (or --login/--password), --json (docs/operations.md)
#   ./build.sh cluster-test      the cluster acceptance test (docs/cluster.md): 3 node processes on PostgreSQL behind
#                                HAProxy (installed with apt-get when missing and root), the PBX simulator, kill -9 of one node
#   ./build.sh build             compile everything
set -euo pipefail
# Descriptors inherited from the caller are closed (a `flock LOCK ./build.sh test` lock on fd 3 stays held by the flock
# process itself), so the daemons started below (PostgreSQL, slapd, Asterisk, SIPp) never keep the caller's lock.
for fd in /proc/$$/fd/*; do n="${fd##*/}"; case "$n" in 0|1|2|255) ;; *) eval "exec $n>&-" 2>/dev/null || true ;; esac; done
cd "$(dirname "$0")"
# shellcheck source=scripts/asterisk.sh
. scripts/asterisk.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "dotnet (the .NET 10 SDK) is required: https://dotnet.microsoft.com/download" >&2
    exit 1
  fi
}

# A local PostgreSQL for the tests: start the installed server, create role xuc and database xuc_test.
start_postgres() {
  if [ -n "${XUC_TEST_PG:-}" ]; then return 0; fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "== installing PostgreSQL"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || true
    fi
  fi
  if [ "$(id -u)" = "0" ] && command -v service >/dev/null 2>&1; then
    service postgresql start >/dev/null 2>&1 || true
    for _ in $(seq 1 30); do
      su postgres -c "psql -tAc 'select 1'" >/dev/null 2>&1 && break
      sleep 1
    done
    if su postgres -c "psql -tAc 'select 1'" >/dev/null 2>&1; then
      su postgres -c "psql -tAc \"select 1 from pg_roles where rolname='xuc'\"" | grep -q 1 \
        || su postgres -c "psql -qc \"create role xuc login superuser password 'xuc'\""
      su postgres -c "psql -tAc \"select 1 from pg_database where datname='xuc_test'\"" | grep -q 1 \
        || su postgres -c "createdb -O xuc xuc_test"
      export XUC_TEST_PG="Host=127.0.0.1;Port=5432;Username=xuc;Password=xuc;Database=xuc_test"
      export XUC_REQUIRE_PG=1
      echo "== PostgreSQL ready for the tests (XUC_TEST_PG set)"
      return 0
    fi
  fi
  echo "== no PostgreSQL could be started: the PostgreSQL tests will be skipped" >&2
}

# A private OpenLDAP server (Debian's slapd, installed when missing) for the LDAP directory tests, stopped on exit.
start_ldap() {
  if [ -n "${XUC_TEST_LDAP:-}" ]; then return 0; fi
  local assignments
  if assignments="$(tests/ldap/start-slapd.sh)"; then
    eval "$assignments"
    export XUC_REQUIRE_LDAP=1
    trap 'kill "$(cat "$XUC_TEST_LDAP_DIR/slapd.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$XUC_TEST_LDAP_DIR"' EXIT
    echo "== OpenLDAP ready for the tests (XUC_TEST_LDAP=$XUC_TEST_LDAP)"
  else
    echo "== no OpenLDAP could be started: the LDAP tests will be skipped" >&2
  fi
}

# The real-Asterisk lane: as root with apt, build the chroot and install sipp, then require the lane (a missing
# Asterisk fails its tests); else its tests say REAL ASTERISK NOT TESTED.
prepare_asterisk() {
  if [ "${XUC_REQUIRE_ASTERISK:-}" = "1" ]; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 && (ast_chroot && ast_need sipp sip-tester); then
    export XUC_REQUIRE_ASTERISK=1
    echo "== real Asterisk ready for the tests ($AST_CHROOT)"
  else
    echo "== no real Asterisk could be prepared: its tests will say REAL ASTERISK NOT TESTED" >&2
  fi
}

# The browser tests (tests/Xuc.Tests/Browser/BrowserTests.cs runs tests/js and tests/browser under node): as root with
# apt, install Debian's chromium, nodejs and npm when missing; npm ci from package-lock.json (playwright-core, no browser
# download); then require them (a missing piece fails the tests). Else their rows say BROWSER NOT TESTED.
prepare_browser() {
  if [ "${XUC_REQUIRE_BROWSER:-}" = "1" ]; then return 0; fi
  local chromium="${XUC_CHROMIUM:-/usr/bin/chromium}"
  if { [ ! -x "$chromium" ] || ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; } \
    && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing chromium, nodejs and npm"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium nodejs npm >/dev/null) || true
  fi
  if command -v npm >/dev/null 2>&1 && { [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
    echo "== npm ci (playwright-core)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error || true
  fi
  if [ -x "$chromium" ] && command -v node >/dev/null 2>&1 && [ -d node_modules/playwright-core ]; then
    export XUC_REQUIRE_BROWSER=1
    echo "== browser tests ready ($chromium, node $(node --version))"
  else
    echo "== no browser could be prepared: the browser tests will say BROWSER NOT TESTED" >&2
  fi
}

# python3 runs the third-party AMI client test (a raw-socket script, no Xuc code).
need_python() {
  if command -v python3 >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing python3"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >/dev/null
  else
    echo "python3 is required by the third-party AMI client test" >&2
    exit 1
  fi
}

# HAProxy from Debian in front of the cluster test's nodes. Prints its path, or nothing when none can be installed.
need_haproxy() {
  if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "== installing haproxy" >&2
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null) >&2 || true
    fi
  fi
  command -v haproxy 2>/dev/null || { [ -x /usr/sbin/haproxy ] && echo /usr/sbin/haproxy; } || true
}

# The cluster acceptance test (tests/Xuc.Tests/Cluster/ClusterFailoverTests.cs) on an already built solution.
cluster_test() {
  local haproxy
  haproxy="$(need_haproxy)"
  if [ -z "$haproxy" ] || [ -z "${XUC_TEST_PG:-}" ]; then
    echo "cluster-test: NOT TESTED ($([ -z "$haproxy" ] && echo "no haproxy" || echo "no PostgreSQL"))"
    return 0
  fi
  local output status
  output="$(mktemp)"
  set +e
  XUC_CLUSTER_TEST=1 XUC_HAPROXY="$haproxy" dotnet test tests/Xuc.Tests -c Release --no-build \
    --filter "FullyQualifiedName~Xuc.Tests.Cluster.ClusterFailoverTests" --logger "console;verbosity=detailed" 2>&1 | tee "$output"
  status=${PIPESTATUS[0]}
  set -e
  echo "cluster-test: $(grep -oE "back within.*calls answered" "$output" | tail -1 || true)"
  echo "cluster-test: $([ "$status" = "0" ] && echo passed || echo FAILED)"
  rm -f "$output"
  return "$status"
}

verb="${1:-help}"; shift || true
case "$verb" in
  build)
    need_dotnet
    dotnet build Xuc.sln -c Release -nologo -v q
    ;;
  run)
    need_dotnet
    if [ "${XUC_PBX:-}" = "asterisk" ]; then
      ast_start
      export XUC_AMI_EMBEDDED=off XUC_AMI_HOST=127.0.0.1 XUC_AMI_PORT="$AST_AMI_PORT"
    fi
    exec dotnet run -c Release --no-launch-profile --project src/Xuc.Host -- "$@"
    ;;
  import)
    need_dotnet
    [ $# -ge 1 ] || { echo "usage: ./build.sh import FILE.json --replace|--merge" >&2; exit 2; }
    exec dotnet run -c Release --no-launch-profile --project src/Xuc.Host -- import-config "$@"
    ;;
  import-callbacks)
    need_dotnet
    [ $# -eq 2 ] || { echo "usage: ./build.sh import-callbacks LIST FILE.csv" >&2; exit 2; }
    exec dotnet run -c Release --no-launch-profile --project src/Xuc.Host -- import-callbacks "$@"
    ;;
  ctl)
    need_dotnet
    exec dotnet run -c Release --project src/Xuc.Ctl -- "$@"
    ;;
  pbxsim)
    need_dotnet
    exec dotnet run -c Release --project src/Xuc.PbxSim -- "$@"
    ;;
  test)
    need_dotnet
    need_python
    start_postgres
    start_ldap
    prepare_asterisk
    prepare_browser
    dotnet build Xuc.sln -c Release -nologo -v q
    output="$(mktemp)"
    set +e
    dotnet test tests/Xuc.Tests -c Release --no-build --logger "console;verbosity=normal" "$@" 2>&1 | tee "$output"
    status=${PIPESTATUS[0]}
    set -e
    count() { grep -E "^[[:space:]]*$1:[[:space:]]*[0-9]+" "$output" | tail -1 | grep -oE "[0-9]+" || echo 0; }
    if [ "$status" != "0" ]; then
      echo "== failed tests:"
      grep -E -A6 "^[[:space:]]+Failed [A-Za-z]" "$output" || true
    fi
    echo "tests: $(count Passed) passed, $(count Failed) failed, $(count Skipped) skipped"
    untested="$(grep -c "Skipped .*REAL ASTERISK NOT TESTED" "$output" || true)"
    [ "$untested" = "0" ] || echo "== REAL ASTERISK NOT TESTED: $untested scenario rows skipped (no Asterisk chroot or sipp; ./build.sh test as root builds them)"
    browser="$(grep -c "Skipped .*BROWSER NOT TESTED" "$output" || true)"
    [ "$browser" = "0" ] || echo "== BROWSER NOT TESTED: $browser browser test files skipped (no chromium, node or npm ci; ./build.sh test as root installs them)"
    rm -f "$output"
    exit "$status"
    ;;
  cluster-test)
    need_dotnet
    start_postgres
    dotnet build Xuc.sln -c Release -nologo -v q
    cluster_test
    ;;
  asterisk)
    asterisk_verb "$@"
    ;;
  bench)
    need_dotnet
    # The sessions benchmark holds 10,000 sockets in each of two processes: raise the descriptor limit to the hard one.
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    exec dotnet run -c Release --project bench/Xuc.Bench -- "${@:-all}"
    ;;
  *)
    sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'
    ;;
esac
