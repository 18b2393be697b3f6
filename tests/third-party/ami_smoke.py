#!/usr/bin/env python3
"""A third-party AMI client in plain Python sockets (no Xuc code): log in, ping, read an event list.

usage: ami_smoke.py PORT [USER SECRET]   exits 0 when every step answers as Asterisk would.
"""
import socket
import sys


def read_message(f):
    headers = []
    while True:
        line = f.readline()
        if not line:
            raise SystemExit("connection closed by the PBX")
        line = line.rstrip("\r\n")
        if line == "":
            if headers:
                return headers
            continue
        name, _, value = line.partition(": ")
        headers.append((name, value))


def get(headers, name):
    for k, v in headers:
        if k == name:
            return v
    return None


def until(f, name, value):
    while True:
        m = read_message(f)
        if get(m, name) == value:
            return m


def main():
    port = int(sys.argv[1])
    user = sys.argv[2] if len(sys.argv) > 2 else "xuc"
    secret = sys.argv[3] if len(sys.argv) > 3 else "xucpass"
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    f = s.makefile("r", encoding="utf-8", newline="")
    banner = f.readline().rstrip("\r\n")
    assert banner.startswith("Asterisk Call Manager/"), banner

    s.sendall(f"Action: Login\r\nActionID: 1\r\nUsername: {user}\r\nSecret: {secret}\r\nEvents: off\r\n\r\n".encode())
    m = until(f, "ActionID", "1")
    assert get(m, "Response") == "Success" and get(m, "Message") == "Authentication accepted", m

    s.sendall(b"Action: Ping\r\nActionID: 2\r\n\r\n")
    m = until(f, "ActionID", "2")
    assert get(m, "Ping") == "Pong" and get(m, "Timestamp"), m

    s.sendall(b"Action: QueueStatus\r\nActionID: 3\r\n\r\n")
    m = until(f, "ActionID", "3")
    assert get(m, "EventList") == "start", m
    items = 0
    while True:
        m = read_message(f)
        if get(m, "Event") == "QueueStatusComplete":
            assert get(m, "EventList") == "Complete" and int(get(m, "ListItems")) == items, (m, items)
            break
        assert get(m, "ActionID") == "3", m
        items += 1
    assert items > 0, "QueueStatus listed nothing"

    s.sendall(b"Action: Logoff\r\nActionID: 4\r\n\r\n")
    m = until(f, "ActionID", "4")
    assert get(m, "Response") == "Goodbye", m
    print(f"ok: {banner}, login, ping, QueueStatus with {items} items, logoff")


if __name__ == "__main__":
    main()
