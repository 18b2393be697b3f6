#!/usr/bin/env python3
"""Records what a real Asterisk sends on AMI for one scenario, in Xuc's recording format (XUC_AMI_RECORD)."""
import socket, subprocess, sys, threading, time, os, signal

AMI = ("127.0.0.1", int(os.environ.get("AMI_PORT", "22038")))
SIP = os.environ.get("SIP_PORT", "22060")
HERE = os.path.dirname(os.path.abspath(__file__))

def stamp(): return "%.6f" % time.time()

class Capture:
    def __init__(self, path):
        self.out = open(path, "w", newline="")
        self.out.write(";; xuc-ami-recording 1\r\n")
        self.s = socket.create_connection(AMI)
        self.out.write(f";; t={stamp()} connect {AMI[0]} {AMI[1]}\r\n")
        self.f = self.s.makefile("rb")
        self.out.write(self.f.readline().decode().rstrip("\r\n") + "\r\n")
        self.lock = threading.Lock()
        self.last = time.time()
        self.msgs = []
        self.n = 0
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        cur = []
        for raw in self.f:
            line = raw.decode().rstrip("\r\n")
            if line == "":
                if cur:
                    with self.lock:
                        self.out.write(f";; t={stamp()}\r\n" + "".join(l + "\r\n" for l in cur) + "\r\n")
                        self.out.flush()
                        self.msgs.append(cur)
                        self.last = time.time()
                    cur = []
                continue
            cur.append(line)

    def send(self, action, **headers):
        self.n += 1
        aid = f"fid-{self.n}"
        text = f"Action: {action}\r\nActionID: {aid}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
        with self.lock:
            self.out.write(f";; t={stamp()} sent {action} {aid}\r\n")
        self.s.sendall(text.encode())
        return aid

    def wait_for(self, pred, timeout=20):
        end = time.time() + timeout
        while time.time() < end:
            with self.lock:
                for m in self.msgs:
                    if pred(m): return m
            time.sleep(0.05)
        raise TimeoutError("nothing matched")

    def wait_quiet(self, secs=2.5, timeout=60):
        end = time.time() + timeout
        while time.time() < end:
            if time.time() - self.last > secs: return
            time.sleep(0.1)

def has(m, k, v): return f"{k}: {v}" in m

procs = []
def phone(exten, mode, answer_ms=1000):
    port = 22100 + int(exten[2:])
    xml = f"/tmp/simfid/uas-{exten}.xml"
    body = open(os.path.join(HERE, "uas-answer.xml")).read().replace("ANSWERMS", str(answer_ms if mode == "answer" else 3600000))
    open(xml, "w").write(body)
    p = subprocess.Popen(["sipp", "-sf", xml, "-i", "127.0.0.1", "-p", str(port), "-mp", str(22300 + int(exten[2:]) * 4),
                          "-bg" if False else "-nostdin", "-trace_err", "-error_file", f"/tmp/simfid/sipp-{exten}.err"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    procs.append(p)

def caller(number, to, hold_ms=1500, wait_ms=60000, port=22190):
    xml = f"/tmp/simfid/uac-{port}.xml"
    body = open(os.path.join(HERE, "uac.xml")).read().replace("HOLDMS", str(hold_ms)).replace("WAITMS", str(wait_ms)).replace("CALLER", number)
    open(xml, "w").write(body)
    p = subprocess.Popen(["sipp", "127.0.0.1:" + SIP, "-sf", xml, "-s", to, "-i", "127.0.0.1", "-p", str(port), "-mp", str(22380),
                          "-m", "1", "-nostdin", "-trace_msg", "-message_file", f"/tmp/simfid/uac-{port}.msg", "-trace_err", "-error_file", f"/tmp/simfid/sipp-uac-{port}.err"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    procs.append(p)
    return p

def stop():
    for p in procs:
        if p.poll() is None: p.send_signal(signal.SIGTERM)
    for p in procs:
        try: p.wait(5)
        except subprocess.TimeoutExpired: p.kill()

def main():
    scenario, path = sys.argv[1], sys.argv[2]
    c = Capture(path)
    c.send("Login", Username="xuc", Secret="xucpass")
    c.wait_for(lambda m: has(m, "Event", "FullyBooted"))
    time.sleep(0.5)
    try:
        run(scenario, c)
        c.wait_quiet()
    finally:
        c.send("Logoff"); time.sleep(0.3)
        stop()

def run(s, c):
    if s == "queue-answered":
        phone("1001", "ring"); phone("1002", "answer", 1000); time.sleep(0.5)
        caller("0612345678", "3000").wait(60)
    elif s == "queue-answered-up":
        phone("1001", "ring"); phone("1002", "answer", 1000); time.sleep(0.5)
        caller("0612345678", "3010", hold_ms=4000).wait(60)
    elif s == "queue-local-answered":
        phone("1001", "ring"); phone("1002", "answer", 1000); time.sleep(0.5)
        caller("0612345678", "3003").wait(60)
    elif s == "queue-abandon":
        phone("1001", "ring"); phone("1002", "ring"); time.sleep(0.5)
        caller("0622222222", "3000", wait_ms=2500).wait(60)
    elif s == "queue-local-abandon":
        phone("1001", "ring"); phone("1002", "ring"); time.sleep(0.5)
        caller("0622222222", "3003", wait_ms=2500).wait(60)
    elif s == "queue-ring-no-answer":
        phone("1006", "ring"); phone("1007", "answer", 1000); time.sleep(0.5)
        caller("0611111111", "3001", hold_ms=1500).wait(60)
    elif s == "queue-local-ring-no-answer":
        phone("1006", "ring"); phone("1007", "answer", 1000); time.sleep(0.5)
        caller("0611111111", "3004", hold_ms=1500).wait(60)
    elif s == "queue-agent-hangs-up":
        phone("1001", "answer", 1000); phone("1002", "ring"); time.sleep(0.5)
        p = caller("0612345678", "3000", hold_ms=30000)
        m = c.wait_for(lambda m: has(m, "Event", "AgentConnect"))
        agent = [l.split(": ", 1)[1] for l in m if l.startswith("DestChannel: ")][0]
        time.sleep(1.5)
        c.send("Hangup", Channel=agent, Cause="16")
        p.wait(60)
    elif s == "internal-call":
        phone("1002", "answer", 1000); time.sleep(0.5)
        caller("1001", "1002", hold_ms=1500).wait(60)
    elif s == "originate":
        phone("1001", "answer", 1000); phone("1002", "answer", 1000); time.sleep(0.5)
        c.send("Originate", Channel="PJSIP/1001", Context="default", Exten="1002", Priority="1", CallerID='"Support" <3001>',
               Variable="USR_ticket=42", Async="true", Timeout="20000")
        m = c.wait_for(lambda m: has(m, "Event", "BridgeEnter") and has(m, "CallerIDNum", "1002") or has(m, "Event", "BridgeEnter") and any(l.startswith("Channel: PJSIP/1002") for l in m))
        time.sleep(1.5)
        ch = [l.split(": ", 1)[1] for l in m if l.startswith("Channel: ")][0]
        c.send("Hangup", Channel=ch)
    elif s == "members":
        for a in [("QueueAdd", dict(Queue="billing", Interface="PJSIP/1004", MemberName="Bill", Penalty="3")),
                  ("QueuePause", dict(Queue="billing", Interface="PJSIP/1004", Paused="true", Reason="lunch")),
                  ("QueuePause", dict(Queue="billing", Interface="PJSIP/1004", Paused="false")),
                  ("QueuePenalty", dict(Queue="billing", Interface="PJSIP/1004", Penalty="1")),
                  ("QueueRemove", dict(Queue="billing", Interface="PJSIP/1004")),
                  ("QueueRemove", dict(Queue="sales", Interface="PJSIP/1001")),
                  ("QueuePause", dict(Queue="sales", Interface="PJSIP/1001", Paused="true", Reason="break")),
                  ("QueuePause", dict(Queue="sales", Interface="PJSIP/1001", Paused="false"))]:
            c.send(a[0], **a[1]); time.sleep(0.4)
    elif s == "actions":
        for a in ["DeviceStateList", "PJSIPShowEndpoints", "Status", "CoreSettings", "CoreStatus", "CoreShowChannels",
                  "QueueStatus", "QueueSummary", "ExtensionStateList", "Ping", "ConfbridgeListRooms", "Events",
                  "NoSuchAction"]:
            if a == "Events": c.send(a, EventMask="on")
            else: c.send(a)
            time.sleep(0.4)
    else:
        raise SystemExit("unknown scenario " + s)

main()
