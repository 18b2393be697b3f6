#!/usr/bin/env bash
# Starts a private OpenLDAP server (Debian's slapd) for the directory tests, on a free loopback port, with its own
# configuration and database in a fresh folder (never the system's /etc/ldap/slapd.d): suffix dc=xuc,dc=test,
# administrator cn=admin,dc=xuc,dc=test. Prints the four XUC_TEST_LDAP* variables as shell assignments; the server's
# pid is in <folder>/slapd.pid. Usage: eval "$(tests/ldap/start-slapd.sh)"
set -euo pipefail
slapd=/usr/sbin/slapd
if [ ! -x "$slapd" ] || ! command -v ldapadd >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing slapd and ldap-utils" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slapd ldap-utils >/dev/null) >&2 || true
  fi
fi
[ -x "$slapd" ] || { echo "slapd is not installed: the LDAP tests will be skipped" >&2; exit 1; }
dir="$(mktemp -d /tmp/xuc-slapd.XXXXXX)"
mkdir -p "$dir/db"
port="${XUC_SLAPD_PORT:-}"; [ -n "$port" ] || port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
password="xuc-test-$RANDOM$RANDOM"
cat > "$dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile $dir/slapd.pid
argsfile $dir/slapd.args
database mdb
maxsize 104857600
suffix "dc=xuc,dc=test"
rootdn "cn=admin,dc=xuc,dc=test"
rootpw $password
directory $dir/db
index objectClass eq
CONF
"$slapd" -f "$dir/slapd.conf" -h "ldap://127.0.0.1:$port/" >&2
for _ in $(seq 1 50); do
  ldapsearch -x -H "ldap://127.0.0.1:$port" -b "" -s base >/dev/null 2>&1 && break
  sleep 0.2
done
ldapadd -x -H "ldap://127.0.0.1:$port" -D "cn=admin,dc=xuc,dc=test" -w "$password" >/dev/null <<LDIF
dn: dc=xuc,dc=test
objectClass: dcObject
objectClass: organization
o: Xuc tests
dc: xuc
LDIF
echo "export XUC_TEST_LDAP='ldap://127.0.0.1:$port' XUC_TEST_LDAP_BASE='dc=xuc,dc=test' XUC_TEST_LDAP_ADMIN='cn=admin,dc=xuc,dc=test' XUC_TEST_LDAP_PASSWORD='$password' XUC_TEST_LDAP_DIR='$dir'"
