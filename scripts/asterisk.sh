# A real Asterisk 22 for the demo and the tests (sourced by build.sh; docs/real-asterisk.md).
# The Asterisk runs in a Debian sid chroot (cached), with a configuration generated from Xuc's store
# (`Xuc.Host asterisk-config`) under $AST_CHROOT/xuc/demo, and one SIPp phone per line.

AST_CHROOT="${XUC_ASTERISK_CHROOT:-$HOME/.cache/xuc/asterisk-sid}"
AST_NAME=demo
AST_DIR="$AST_CHROOT/xuc/$AST_NAME"       # on this machine
AST_ROOT="/xuc/$AST_NAME"                 # as Asterisk sees it
AST_AMI_PORT="${XUC_ASTERISK_AMI_PORT:-5038}"
AST_SIP_PORT="${XUC_ASTERISK_SIP_PORT:-5060}"
AST_PHONE_PORT="${XUC_ASTERISK_PHONE_PORT:-5101}"
AST_RTP_PORTS="${XUC_ASTERISK_RTP_PORTS:-10000-10199}"
AST_ANSWER_MS="${XUC_ASTERISK_ANSWER_MS:-2000}"
AST_MIRROR="${XUC_ASTERISK_MIRROR:-http://deb.debian.org/debian}"

ast_say() { echo "== asterisk: $*"; }
ast_fail() { echo "asterisk: $*" >&2; exit 1; }

# apt-get install of what is missing (as root on Debian/Ubuntu); else a clear line.
ast_need() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    ast_say "installing $2"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null) || ast_fail "apt-get install $2 failed"
  else
    ast_fail "$1 is required (Debian package $2; as root, ./build.sh asterisk installs it)"
  fi
}

# The sid chroot with asterisk, built into a temporary directory then renamed, so a half-built one is never used.
ast_chroot() {
  [ -x "$AST_CHROOT/usr/sbin/asterisk" ] && return 0
  [ "$(id -u)" = "0" ] || ast_fail "building the Asterisk chroot ($AST_CHROOT) needs root (chroot, mmdebstrap)"
  ast_need mmdebstrap mmdebstrap
  local tmp="$AST_CHROOT.building.$$"
  mkdir -p "$(dirname "$AST_CHROOT")"
  rm -rf "$tmp"
  ast_say "building the Debian sid chroot with Asterisk 22 into $AST_CHROOT (once; about a minute)"
  if ! mmdebstrap --quiet --variant=apt --aptopt='Acquire::Check-Valid-Until "false"' \
      --include=asterisk,asterisk-modules,asterisk-config sid "$tmp" "$AST_MIRROR" >"$tmp.log" 2>&1; then
    tail -5 "$tmp.log" >&2; rm -rf "$tmp"
    ast_fail "mmdebstrap could not build the chroot (log above: $tmp.log)"
  fi
  rm -f "$tmp.log"
  rm -rf "$AST_CHROOT"
  mv "$tmp" "$AST_CHROOT"
}

ast_pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

ast_cli() { chroot "$AST_CHROOT" /usr/sbin/asterisk -C "$AST_ROOT/etc/asterisk.conf" -rx "$1"; }

ast_config() {
  need_dotnet
  dotnet run -c Release --no-launch-profile --project src/Xuc.Host -- asterisk-config "$AST_DIR" --root "$AST_ROOT" \
    --ami-port "$AST_AMI_PORT" --sip-port "$AST_SIP_PORT" --phone-port "$AST_PHONE_PORT" --rtp-ports "$AST_RTP_PORTS" --answer-ms "$AST_ANSWER_MS"
}

# Waits until the manager port takes connections (Asterisk fully booted), up to 60 s, while $1 (its chroot's pid) lives.
ast_wait_ami() {
  for _ in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$AST_AMI_PORT") 2>/dev/null; then
      ast_cli "core waitfullybooted" >/dev/null 2>&1 && return 0
    fi
    kill -0 "$1" 2>/dev/null || break
    sleep 0.5
  done
  tail -5 "$AST_DIR/log/messages.log" >&2 2>/dev/null || true
  ast_fail "Asterisk did not open its manager port 127.0.0.1:$AST_AMI_PORT (XUC_ASTERISK_AMI_PORT); its log: $AST_DIR/log/messages.log"
}

ast_start() {
  ast_chroot
  ast_need sipp sip-tester
  if ast_pid_alive "$AST_DIR/run/asterisk.pid"; then
    ast_say "already running (AMI 127.0.0.1:$AST_AMI_PORT); ./build.sh asterisk stop first to regenerate its configuration"
    return 0
  fi
  ast_config
  : >"$AST_DIR/log/messages.log"
  local pid
  pid="$(cd / && { setsid chroot "$AST_CHROOT" /usr/sbin/asterisk -f -C "$AST_ROOT/etc/asterisk.conf" >"$AST_DIR/log/console.log" 2>&1 </dev/null & echo $!; })"
  ast_wait_ami "$pid"
  while read -r endpoint port number; do
    (cd "$AST_DIR/run" && setsid sipp -sf "$AST_DIR/etc/phone.xml" -i 127.0.0.1 -p "$port" -mp "$((AST_PHONE_PORT + 500 + 10 * (port - AST_PHONE_PORT)))" -s "$endpoint" \
       -aa -nostdin -m 1000000 -l 100 -nd -trace_err -error_file "$AST_DIR/log/phone-$number.log" >/dev/null 2>&1 </dev/null &
     echo $! >"$AST_DIR/run/phone-$number.pid")
  done <"$AST_DIR/etc/phones.txt"
  ast_say "Asterisk $(ast_cli 'core show version' | awk '{print $2}') up: AMI 127.0.0.1:$AST_AMI_PORT (user ${XUC_AMI_USER:-xuc}), SIP 127.0.0.1:$AST_SIP_PORT, $(wc -l <"$AST_DIR/etc/phones.txt") phones answering after ${AST_ANSWER_MS} ms"
  ast_say "configuration in $AST_DIR/etc (from Xuc's store); place a call with ./build.sh asterisk call 0612345678 3000"
}

ast_stop() {
  local stopped=0
  for pidfile in "$AST_DIR"/run/phone-*.pid; do
    [ -f "$pidfile" ] || continue
    if ast_pid_alive "$pidfile"; then
      local phone; phone="$(cat "$pidfile")"
      kill "$phone" 2>/dev/null && stopped=$((stopped + 1))
      for _ in $(seq 1 20); do kill -0 "$phone" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$pidfile"
  done
  if ast_pid_alive "$AST_DIR/run/asterisk.pid"; then
    local pid; pid="$(cat "$AST_DIR/run/asterisk.pid")"
    ast_cli "core stop now" >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    ast_say "stopped Asterisk and $stopped phones"
  else
    ast_say "Asterisk was not running ($stopped phones stopped)"
  fi
  rm -f "$AST_DIR/run/asterisk.pid"
}

ast_status() {
  if ast_pid_alive "$AST_DIR/run/asterisk.pid"; then
    echo "asterisk: running, pid $(cat "$AST_DIR/run/asterisk.pid"), AMI 127.0.0.1:$AST_AMI_PORT, $(ast_cli 'core show channels count' | head -1)"
  else
    echo "asterisk: not running"
  fi
  local up=0 down=""
  for pidfile in "$AST_DIR"/run/phone-*.pid; do
    [ -f "$pidfile" ] || continue
    if ast_pid_alive "$pidfile"; then up=$((up + 1)); else down="$down $(basename "$pidfile" .pid | cut -d- -f2)"; fi
  done
  echo "phones: $up running${down:+, stopped:$down}"
  [ -x "$AST_CHROOT/usr/sbin/asterisk" ] && echo "chroot: $AST_CHROOT" || echo "chroot: not built ($AST_CHROOT)"
}

# A call from an outside number FROM to TO (a line, a queue): an AMI Originate of a Local channel whose caller
# waits SECONDS once answered, then hangs up.
ast_call() {
  local from="${1:-}" to="${2:-}" seconds="${3:-30}"
  [ -n "$from" ] && [ -n "$to" ] || ast_fail "usage: ./build.sh asterisk call FROM TO [SECONDS]   (e.g. call 0612345678 3000)"
  ast_pid_alive "$AST_DIR/run/asterisk.pid" || ast_fail "not running: ./build.sh asterisk start"
  exec 3<>"/dev/tcp/127.0.0.1/$AST_AMI_PORT" || ast_fail "cannot reach the manager port 127.0.0.1:$AST_AMI_PORT"
  printf 'Action: Login\r\nUsername: %s\r\nSecret: %s\r\nEvents: off\r\n\r\n' "${XUC_AMI_USER:-xuc}" "${XUC_AMI_SECRET:-xucpass}" >&3
  printf 'Action: Originate\r\nChannel: Local/%s@default\r\nCallerID: <%s>\r\nApplication: Wait\r\nData: %s\r\nAsync: true\r\n\r\nAction: Logoff\r\n\r\n' \
    "$to" "$from" "$seconds" >&3
  local answer; answer="$(timeout 5 cat <&3 | tr -d '\r' | grep -E '^Message: ' | sed -n 2p)"
  exec 3<&-
  ast_say "call $from -> $to: ${answer:-no answer from the manager}"
}

asterisk_verb() {
  local sub="${1:-start}"; shift || true
  case "$sub" in
    start) ast_start ;;
    stop) ast_stop ;;
    status) ast_status ;;
    config) ast_chroot; ast_config ;;
    call) ast_call "$@" ;;
    *) ast_fail "usage: ./build.sh asterisk [start|stop|status|config|call FROM TO [SECONDS]]" ;;
  esac
}
