#!/usr/bin/env python3
"""Builds the EDR importer test data from one synthetic host timeline (see README.md).

Run from this directory: python3 generate.py. Deterministic: the same files come out every time.
Every format renders the same story; malformed records are appended per format on purpose.
"""
import json
import uuid
from datetime import datetime, timedelta, timezone

HOST = "web-01"
HOST_ID = "8c1f0c3a6d2e4b7f9a0b1c2d3e4f5a6b"
T0 = datetime(2026, 11, 20, 3, 14, 0, tzinfo=timezone.utc)
BOOT = "6512a0b1"


def guid(pid):
    return "{%s-%s-%04x-0000-000000000000}" % ("d65774de", BOOT[:4], pid % 0x10000)


def entity(pid):
    return "ZDY1Nzc0ZGUt%08d" % pid


class Story:
    def __init__(self):
        self.events = []
        self.t = T0

    def tick(self, ms=37):
        self.t += timedelta(milliseconds=ms)
        return self.t

    def exec(self, pid, ppid, exe, argv, cwd, user, uid, login_user, login_uid):
        self.events.append(dict(kind="exec", t=self.tick(), pid=pid, ppid=ppid, exe=exe, argv=argv, cwd=cwd,
                                user=user, uid=uid, login_user=login_user, login_uid=login_uid))

    def exit(self, pid, exe, user, uid, code=0):
        self.events.append(dict(kind="exit", t=self.tick(), pid=pid, exe=exe, user=user, uid=uid, code=code))

    def file(self, op, pid, exe, user, uid, path, target=None, entropy=None, header=None, orig_ext=None):
        self.events.append(dict(kind="file", op=op, t=self.tick(), pid=pid, exe=exe, user=user, uid=uid, path=path,
                                target=target, entropy=entropy, header=header, orig_ext=orig_ext))

    def other(self, what, pid, exe, user, uid, detail):
        self.events.append(dict(kind="other", what=what, t=self.tick(), pid=pid, exe=exe, user=user, uid=uid,
                                detail=detail))


def build_story():
    s = Story()
    # Benign start: alice logs in over ssh, checks disk, becomes root with sudo.
    s.exec(2001, 1999, "/usr/bin/bash", ["-bash"], "/home/alice", "alice", 1000, "alice", 1000)
    s.exec(2002, 2001, "/usr/bin/df", ["df", "-h"], "/home/alice", "alice", 1000, "alice", 1000)
    s.exit(2002, "/usr/bin/df", "alice", 1000)
    s.other("network", 2001, "/usr/sbin/sshd", "root", 0, "10.0.8.23:51514 -> 10.0.0.5:22")
    s.exec(2003, 2001, "/usr/bin/sudo", ["sudo", "-i"], "/home/alice", "root", 0, "alice", 1000)
    s.exec(3100, 2003, "/usr/bin/bash", ["bash", "-i"], "/root", "root", 0, "alice", 1000)
    s.exec(3101, 3100, "/usr/bin/find", ["find", "/srv/data", "-type", "f", "-name", "*.xlsx"], "/root",
           "root", 0, "alice", 1000)
    s.exit(3101, "/usr/bin/find", "root", 0)
    s.file("create", 3100, "/usr/bin/bash", "root", 0, "/root/.cache/k.bin")
    s.other("raw-access", 3100, "/usr/bin/bash", "root", 0, "/dev/sda1")
    dirs = ["/srv/data/finance", "/srv/data/hr", "/srv/data/sales", "/srv/data/legal", "/srv/data/ops"]
    n = 0
    for d in dirs:
        for i in range(8):
            n += 1
            src = "%s/report_%02d.xlsx" % (d, i)
            dst = src + ".enc"
            pid = 3200 + n
            s.exec(pid, 3100, "/usr/bin/openssl",
                   ["openssl", "enc", "-aes-256-cbc", "-salt", "-in", src, "-out", dst, "-pass", "file:/root/.cache/k.bin"],
                   "/root", "root", 0, "alice", 1000)
            s.file("create", pid, "/usr/bin/openssl", "root", 0, dst)
            s.file("write", pid, "/usr/bin/openssl", "root", 0, dst, entropy=7.998 - (n % 5) * 0.001,
                   header="53616c7465645f5f", orig_ext="xlsx")
            s.exit(pid, "/usr/bin/openssl", "root", 0)
            rm = 3300 + n
            s.exec(rm, 3100, "/usr/bin/rm", ["rm", "-f", src], "/root", "root", 0, "alice", 1000)
            s.file("delete", rm, "/usr/bin/rm", "root", 0, src)
            s.exit(rm, "/usr/bin/rm", "root", 0)
        s.file("create", 3100, "/usr/bin/bash", "root", 0, d + "/README_RESTORE_FILES.txt")
    for i in range(6):
        pid = 3400 + i
        src = "/srv/data/archive/backup_%d.tar" % i
        s.exec(pid, 3100, "/usr/bin/mv", ["mv", src, src + ".locked"], "/root", "root", 0, "alice", 1000)
        s.file("rename", pid, "/usr/bin/mv", "root", 0, src, target=src + ".locked")
        s.exit(pid, "/usr/bin/mv", "root", 0)
    s.file("delete", 3100, "/usr/bin/bash", "root", 0, "/root/.cache/k.bin")
    s.exit(3100, "/usr/bin/bash", "root", 0)
    return s.events


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


# ---------------------------------------------------------------- ECS (Elastic Defend shape)

def ecs_doc(e, seq):
    doc = {"@timestamp": iso(e["t"]), "agent": {"type": "endpoint", "version": "8.15.0"},
           "ecs": {"version": "8.11.0"}, "host": {"name": HOST, "id": HOST_ID, "os": {"type": "linux"}},
           "event": {"id": "NkQ%07d" % seq, "kind": "event", "module": "endpoint", "dataset": None}}
    user = {"name": e["user"], "id": str(e["uid"])}
    proc = {"pid": e["pid"], "executable": e["exe"], "name": e["exe"].rsplit("/", 1)[1], "entity_id": entity(e["pid"])}
    if e["kind"] == "exec":
        doc["event"].update(category=["process"], type=["start"], action="exec", dataset="endpoint.events.process")
        proc.update(args=e["argv"], args_count=len(e["argv"]), command_line=" ".join(e["argv"]),
                    working_directory=e["cwd"], parent={"pid": e["ppid"], "entity_id": entity(e["ppid"])})
        doc["user"] = {**user, "effective": {"name": e["user"], "id": str(e["uid"])}}
    elif e["kind"] == "exit":
        doc["event"].update(category=["process"], type=["end"], action="end", dataset="endpoint.events.process")
        proc["exit_code"] = e["code"]
        doc["user"] = user
    elif e["kind"] == "file":
        action = {"create": "creation", "write": "overwrite", "delete": "deletion", "rename": "rename"}[e["op"]]
        etype = {"create": ["creation"], "write": ["change"], "delete": ["deletion"], "rename": ["change"]}[e["op"]]
        doc["event"].update(category=["file"], type=etype, action=action, dataset="endpoint.events.file")
        path = e["target"] if e["op"] == "rename" else e["path"]
        f = {"path": path, "name": path.rsplit("/", 1)[1], "extension": path.rsplit(".", 1)[1] if "." in path else None}
        ext = {}
        if e["op"] == "rename":
            ext["original"] = {"path": e["path"], "name": e["path"].rsplit("/", 1)[1]}
        if e["entropy"] is not None:
            ext["entropy"] = e["entropy"]
            ext["header_bytes"] = e["header"]
            ext.setdefault("original", {})["extension"] = e["orig_ext"]
        if ext:
            f["Ext"] = ext
        doc["file"] = f
        doc["user"] = user
    else:
        cat = {"network": "network", "raw-access": "driver"}[e["what"]]
        doc["event"].update(category=[cat], type=["info"], action="connection_accepted" if cat == "network" else "raw_disk_read")
        doc["message"] = e["detail"]
        doc["user"] = user
    doc["process"] = proc
    if doc["event"]["dataset"] is None:
        del doc["event"]["dataset"]
    return doc


def write_ecs(events):
    lines = []
    for i, e in enumerate(events):
        lines.append(json.dumps(ecs_doc(e, i + 1), separators=(",", ":")))
        if i == 10:
            lines.append("")  # blank lines are not records
    # Malformed on purpose: each is one quarantined record.
    lines.append('{"@timestamp":"2026-11-20T03:20:00.000Z","event":{"category":["process"],"type":["start"]')
    lines.append("42")
    lines.append('{"event":{"category":["file"],"type":["creation"],"action":"creation"},"file":{"path":"/tmp/x"}}')
    lines.append('{"@timestamp":"2026-11-20T03:20:01.000Z","event":{"category":["process"],"type":["start"],'
                 '"action":"exec"},"process":{"pid":"not-a-pid","executable":"/usr/bin/true"}}')
    lines.append('{"@timestamp":"2026-11-20T03:20:02.000Z","event":{"category":["file"],"type":["deletion"],'
                 '"action":"deletion"},"process":{"pid":4000}}')
    lines.append("\x00\x01binary junk \xff")
    with open("ecs/elastic-defend-attack.ndjson", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    # The first 12 documents as a pretty-printed JSON array (Kibana "Inspect > Response" / jq -s output).
    with open("ecs/elastic-defend-array.json", "w", encoding="utf-8") as f:
        json.dump([ecs_doc(e, i + 1) for i, e in enumerate(events[:12])], f, indent=2)
        f.write("\n")


def write_auditbeat():
    """Auditbeat auditd-module documents (ECS 8) for syscalls: open with flags, renameat, unlinkat, fchmodat."""
    base_t = T0 + timedelta(minutes=30)
    docs = []

    def doc(seq, syscall, action, cat, etype, path, paths, a1="0", a2="0", outcome="success", extra_proc=None):
        t = base_t + timedelta(milliseconds=seq * 13)
        d = {"@timestamp": iso(t), "ecs": {"version": "8.0.0"}, "host": {"name": HOST},
             "agent": {"type": "auditbeat", "version": "8.15.0"}, "service": {"type": "auditd"},
             "event": {"module": "auditd", "category": [cat], "type": etype, "action": action, "outcome": outcome,
                       "kind": "event"},
             "auditd": {"sequence": 9000 + seq, "session": "7", "result": "success" if outcome == "success" else "fail",
                        "data": {"syscall": syscall, "a0": "ffffff9c", "a1": a1, "a2": a2, "arch": "x86_64",
                                 "tty": "pts1"},
                        "summary": {"actor": {"primary": "alice", "secondary": "root"}, "action": action,
                                    "object": {"type": "file", "primary": path}, "how": "/usr/bin/python3.11"},
                        "paths": paths},
             "user": {"id": "0", "name": "root", "audit": {"id": "1000", "name": "alice"},
                      "effective": {"id": "0", "name": "root"}, "group": {"id": "0", "name": "root"}},
             "process": {"pid": 5100, "parent": {"pid": 3100}, "executable": "/usr/bin/python3.11",
                         "name": "python3", "working_directory": "/srv/data/archive",
                         "title": "python3 /tmp/.x/enc.py /srv/data"},
             "file": {"path": path}}
        if extra_proc:
            d["process"].update(extra_proc)
        return d

    seq = 0
    for i in range(6):
        name = "photo_%02d.jpg" % i
        seq += 1
        docs.append(doc(seq, "openat", "opened-file", "file", ["change"], name,
                        [{"item": "0", "name": "/srv/data/archive/", "nametype": "PARENT"},
                         {"item": "1", "name": name, "nametype": "NORMAL"}], a2="241"))   # O_WRONLY|O_CREAT|O_TRUNC
        seq += 1
        docs.append(doc(seq, "openat", "opened-file", "file", ["info"], name,
                        [{"item": "0", "name": name, "nametype": "NORMAL"}], a2="0"))     # read-only: not a change
        seq += 1
        docs.append(doc(seq, "renameat2", "renamed", "file", ["change"], name,
                        [{"item": "0", "name": "/srv/data/archive/", "nametype": "PARENT"},
                         {"item": "1", "name": "/srv/data/archive/", "nametype": "PARENT"},
                         {"item": "2", "name": name, "nametype": "DELETE"},
                         {"item": "3", "name": name + ".crypt", "nametype": "CREATE"}]))
        seq += 1
        docs.append(doc(seq, "openat", "opened-file", "file", ["creation"], "HOW_TO_DECRYPT.txt",
                        [{"item": "0", "name": "/srv/data/archive/", "nametype": "PARENT"},
                         {"item": "1", "name": "HOW_TO_DECRYPT.txt", "nametype": "CREATE"}], a2="241"))
    seq += 1
    docs.append(doc(seq, "unlinkat", "deleted", "file", ["deletion"], "photo_00.jpg.crypt",
                    [{"item": "0", "name": "/srv/data/archive/", "nametype": "PARENT"},
                     {"item": "1", "name": "photo_00.jpg.crypt", "nametype": "DELETE"}]))
    seq += 1
    docs.append(doc(seq, "fchmodat", "changed-file-permissions-of", "file", ["change"], "HOW_TO_DECRYPT.txt",
                    [{"item": "0", "name": "HOW_TO_DECRYPT.txt", "nametype": "NORMAL"}], a2="1a4"))
    seq += 1
    docs.append(doc(seq, "unlinkat", "deleted", "file", ["deletion"], "/srv/data/archive/locked",
                    [{"item": "0", "name": "/srv/data/archive/locked", "nametype": "DELETE"}], outcome="failure"))
    seq += 1
    d = doc(seq, "execve", "executed", "process", ["start"], "/usr/bin/shred", [])
    d["process"].update(pid=5101, parent={"pid": 5100}, executable="/usr/bin/shred", name="shred",
                        args=["shred", "-u", "/srv/data/archive/key.bin"])
    docs.append(d)
    with open("ecs/auditbeat-auditd.ndjson", "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, separators=(",", ":")) + "\n")


# ---------------------------------------------------------------- Sysmon for Linux XML

SYSMON_TASK = {1: 1, 5: 5, 11: 11, 23: 23, 3: 3, 9: 9, 16: 16}


def sysmon_xml(eid, rec, t, data):
    sys_time = t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06d000Z" % t.microsecond
    items = "".join('<Data Name="%s">%s</Data>' % (k, xml_escape(str(v))) for k, v in data)
    return ('<Event><System><Provider Name="Linux-Sysmon" Guid="{ff032593-a8d3-4f13-b0d6-01fc615a0f97}"/>'
            '<EventID>%d</EventID><Version>5</Version><Level>4</Level><Task>%d</Task><Opcode>0</Opcode>'
            '<Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime="%s"/><EventRecordID>%d</EventRecordID>'
            '<Correlation/><Execution ProcessID="1242" ThreadID="1242"/><Channel>Linux-Sysmon/Operational</Channel>'
            '<Computer>%s</Computer><Security UserId="0"/></System><EventData>%s</EventData></Event>'
            % (eid, SYSMON_TASK.get(eid, eid), sys_time, rec, HOST, items))


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def utc(t):
    return t.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (t.microsecond // 1000)


def sysmon_events(events):
    out = []
    rec = 100
    ppids = {}
    for e in events:
        rec += 1
        if e["kind"] == "exec":
            ppids[e["pid"]] = e["ppid"]
            out.append((e["t"], sysmon_xml(1, rec, e["t"], [
                ("RuleName", "-"), ("UtcTime", utc(e["t"])), ("ProcessGuid", guid(e["pid"])), ("ProcessId", e["pid"]),
                ("Image", e["exe"]), ("FileVersion", "-"), ("Description", "-"), ("Product", "-"), ("Company", "-"),
                ("OriginalFileName", "-"), ("CommandLine", " ".join(e["argv"])), ("CurrentDirectory", e["cwd"]),
                ("User", e["user"]), ("LogonGuid", "{d65774de-0000-0000-e803-000000000000}"),
                ("LogonId", e["login_uid"]), ("TerminalSessionId", 7), ("IntegrityLevel", "no level"),
                ("Hashes", "-"), ("ParentProcessGuid", guid(e["ppid"])), ("ParentProcessId", e["ppid"]),
                ("ParentImage", "-"), ("ParentCommandLine", "-"), ("ParentUser", "-")])))
        elif e["kind"] == "exit":
            out.append((e["t"], sysmon_xml(5, rec, e["t"], [
                ("RuleName", "-"), ("UtcTime", utc(e["t"])), ("ProcessGuid", guid(e["pid"])), ("ProcessId", e["pid"]),
                ("Image", e["exe"]), ("User", e["user"])])))
        elif e["kind"] == "file":
            if e["op"] == "write":
                rec -= 1
                continue  # Sysmon for Linux has no file-modification event
            if e["op"] == "rename":
                # Sysmon sees a rename as the new name appearing and the old one going away.
                out.append((e["t"], sysmon_xml(11, rec, e["t"], [
                    ("RuleName", "-"), ("UtcTime", utc(e["t"])), ("ProcessGuid", guid(e["pid"])),
                    ("ProcessId", e["pid"]), ("Image", e["exe"]), ("TargetFilename", e["target"]),
                    ("CreationUtcTime", utc(e["t"])), ("User", e["user"])])))
                rec += 1
                out.append((e["t"], sysmon_xml(26, rec, e["t"], [
                    ("RuleName", "-"), ("UtcTime", utc(e["t"])), ("ProcessGuid", guid(e["pid"])),
                    ("ProcessId", e["pid"]), ("User", e["user"]), ("Image", e["exe"]),
                    ("TargetFilename", e["path"]), ("Hashes", "-"), ("IsExecutable", "false")])))
                continue
            eid = 11 if e["op"] == "create" else (23 if e["path"].endswith(".xlsx") else 26)
            data = [("RuleName", "-"), ("UtcTime", utc(e["t"])), ("ProcessGuid", guid(e["pid"])),
                    ("ProcessId", e["pid"]), ("Image", e["exe"]), ("TargetFilename", e["path"])]
            if eid == 11:
                data += [("CreationUtcTime", utc(e["t"])), ("User", e["user"])]
            else:
                data += [("User", e["user"]), ("Hashes", "SHA256=3F1C...") if eid == 23 else ("Hashes", "-"),
                         ("IsExecutable", "false")] + ([("Archived", "true")] if eid == 23 else [])
            out.append((e["t"], sysmon_xml(eid, rec, e["t"], data)))
        else:
            if e["what"] == "network":
                out.append((e["t"], sysmon_xml(3, rec, e["t"], [
                    ("RuleName", "-"), ("UtcTime", utc(e["t"])), ("ProcessGuid", guid(e["pid"])),
                    ("ProcessId", e["pid"]), ("Image", e["exe"]), ("User", e["user"]), ("Protocol", "tcp"),
                    ("Initiated", "false"), ("SourceIsIpv6", "false"), ("SourceIp", "10.0.8.23"),
                    ("SourceHostname", "-"), ("SourcePort", 51514), ("SourcePortName", "-"),
                    ("DestinationIsIpv6", "false"), ("DestinationIp", "10.0.0.5"), ("DestinationHostname", "-"),
                    ("DestinationPort", 22), ("DestinationPortName", "ssh")])))
            else:
                out.append((e["t"], sysmon_xml(9, rec, e["t"], [
                    ("RuleName", "-"), ("UtcTime", utc(e["t"])), ("ProcessGuid", guid(e["pid"])),
                    ("ProcessId", e["pid"]), ("Image", e["exe"]), ("Device", e["detail"]), ("User", e["user"])])))
    return out


def write_sysmon(events):
    recs = sysmon_events(events)
    lines = []
    for i, (t, xml) in enumerate(recs):
        header = t.strftime("%b %d %H:%M:%S").replace(" 0", "  ", 1) if t.day < 10 else t.strftime("%b %d %H:%M:%S")
        lines.append("%s %s sysmon[1242]: %s" % (header, HOST, xml))
        if i == 3:
            lines.append("%s %s systemd[1]: Started Session 7 of User alice." % (header, HOST))
        if i == 20:
            lines.append("%s %s sysmon[1242]: %s" % (header, HOST, sysmon_xml(16, 9999, t, [
                ("UtcTime", utc(t)), ("Configuration", "/opt/sysmon/config.xml"), ("ConfigurationFileHash", "-")])))
    t = recs[-1][0]
    h = t.strftime("%b %d %H:%M:%S")
    # Malformed on purpose.
    lines.append("%s %s sysmon[1242]: <Event><System><EventID>1</EventID><Computer>%s</Computer></System>"
                 "<EventData><Data Name=\"ProcessId\">77</Data>" % (h, HOST, HOST))          # never closed
    lines.append("%s %s sysmon[1242]: %s" % (h, HOST, sysmon_xml(1, 9001, t, [("UtcTime", utc(t)),
                                                                             ("ProcessId", "x"), ("Image", "/bin/x")])))
    lines.append("%s %s sysmon[1242]: <Event><System><Computer>%s</Computer></System></Event>" % (h, HOST, HOST))
    lines.append("%s %s sysmon[1242]: <Event><System><EventID>11</EventID></System><EventData><Data Name=\"UtcTime\">"
                 "2026-11-20 03:59:00.000</Data><Data Name=\"TargetFilename\">/tmp/a</Data></EventDat></Event>" % (h, HOST))
    with open("sysmon/syslog-sysmon.log", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    # Pretty-printed: the first 6 events, indented as `sysmonLogView -X` or an XML viewer would show them.
    pretty = ['<?xml version="1.0" encoding="UTF-8"?>', "<Events>"]
    for t, xml in recs[:6]:
        x = xml.replace("<System>", "\n  <System>\n    ").replace("</System>", "\n  </System>")
        x = x.replace("<EventData>", "\n  <EventData>\n    ").replace("</EventData>", "\n  </EventData>\n")
        x = x.replace("><Data", ">\n    <Data").replace("><EventID", ">\n    <EventID")
        pretty.append(x)
    pretty.append("</Events>")
    with open("sysmon/pretty-events.xml", "w", encoding="utf-8") as f:
        f.write("\n".join(pretty) + "\n")


# ---------------------------------------------------------------- osquery results log

def write_osquery(events):
    lines = []
    counter = 0
    tx = 5000
    for e in events:
        t = int(e["t"].timestamp())
        base = {"hostIdentifier": HOST, "calendarTime": e["t"].strftime("%a %b %d %H:%M:%S %Y UTC"),
                "unixTime": t, "epoch": 0, "numerics": False, "decorations": {"host_uuid": "a1b2c3d4-0000-4000-8000-"
                                                                                       "00000000beef"}}
        def emit(name, cols, action="added"):
            nonlocal counter
            counter += 1
            lines.append(json.dumps({"name": name, **base, "counter": counter, "columns": cols, "action": action},
                                    separators=(",", ":")))
        if e["kind"] == "exec":
            if e["pid"] % 2 == 0:
                emit("process_events", {"pid": str(e["pid"]), "path": e["exe"], "mode": "0100755",
                                        "cmdline": " ".join(e["argv"]), "cmdline_size": str(len(" ".join(e["argv"])) + 1),
                                        "env": "", "env_count": "12", "env_size": "612", "cwd": e["cwd"],
                                        "auid": str(e["login_uid"]), "uid": str(e["uid"]), "euid": str(e["uid"]),
                                        "gid": "0", "egid": "0", "owner_uid": "0", "owner_gid": "0", "atime": "0",
                                        "mtime": "0", "ctime": "0", "btime": "0", "overflows": "",
                                        "parent": str(e["ppid"]), "time": str(t), "uptime": "86400",
                                        "eid": str(counter), "syscall": "execve", "fsuid": "0", "suid": "0",
                                        "fsgid": "0", "sgid": "0"})
            else:
                emit("bpf_process_events", {"tid": str(e["pid"]), "pid": str(e["pid"]), "parent": str(e["ppid"]),
                                            "uid": str(e["uid"]), "gid": "0", "cid": "0", "exit_code": "0",
                                            "probe_error": "0", "syscall": "exec", "path": e["exe"], "cwd": e["cwd"],
                                            "cmdline": " ".join(e["argv"]), "duration": "312",
                                            "json_cmdline": json.dumps(e["argv"]), "ntime": "86400123456789",
                                            "time": str(t), "eid": str(counter)})
        elif e["kind"] == "exit":
            continue  # osquery's process tables record execs, not exits
        elif e["kind"] == "file":
            cols = {"target_path": e["path"], "category": "data", "transaction_id": "0", "inode": "1048%03d" % (counter % 1000),
                    "uid": "0", "gid": "0", "mode": "0644", "size": "0", "atime": str(t), "mtime": str(t),
                    "ctime": str(t), "md5": "", "sha1": "", "sha256": "", "hashed": "0", "time": str(t),
                    "eid": str(counter)}
            if e["op"] == "rename":
                tx += 1
                emit("file_events", {**cols, "action": "MOVED_FROM", "transaction_id": str(tx)})
                emit("file_events", {**cols, "target_path": e["target"], "action": "MOVED_TO", "transaction_id": str(tx)})
            else:
                emit("file_events", {**cols, "action": {"create": "CREATED", "write": "UPDATED",
                                                        "delete": "DELETED"}[e["op"]]})
        else:
            emit("listening_ports", {"pid": "811", "port": "22", "protocol": "6", "family": "2", "address": "0.0.0.0",
                                     "fd": "3", "socket": "20001", "path": "", "net_namespace": "4026531840"})
    # A snapshot query and a batched differential line.
    t = int(events[-1]["t"].timestamp())
    lines.append(json.dumps({"snapshot": [{"name": "sshd", "pid": "811", "path": "/usr/sbin/sshd"},
                                          {"name": "cron", "pid": "602", "path": "/usr/sbin/cron"}],
                             "action": "snapshot", "name": "processes_snapshot", "hostIdentifier": HOST,
                             "calendarTime": "Fri Nov 20 03:30:00 2026 UTC", "unixTime": t, "epoch": 0,
                             "counter": 0, "numerics": False}, separators=(",", ":")))
    lines.append(json.dumps({"name": "pack_fim_file_events", "hostIdentifier": HOST, "calendarTime": "",
                             "unixTime": t, "epoch": 0, "counter": counter + 1, "numerics": False,
                             "diffResults": {"added": [{"target_path": "/srv/data/ops/README_RESTORE_FILES.txt",
                                                        "action": "UPDATED", "transaction_id": "0", "time": str(t),
                                                        "category": "data", "inode": "1", "mode": "0644"}],
                                             "removed": [{"target_path": "/srv/data/ops/old.txt", "action": "CREATED",
                                                          "transaction_id": "0", "time": str(t)}]}},
                            separators=(",", ":")))
    # Malformed on purpose.
    lines.append('{"name":"process_events","hostIdentifier":"web-01","unixTime":1795000000,"columns":{"pid":"12"')
    lines.append('{"name":"process_events","hostIdentifier":"web-01","unixTime":1795000000,"columns":{"pid":"abc",'
                 '"path":"/bin/true","cmdline":"true","parent":"1","syscall":"execve"},"action":"added"}')
    lines.append('{"name":"file_events","hostIdentifier":"web-01","unixTime":1795000000,"columns":{"action":"CREATED",'
                 '"transaction_id":"0"},"action":"added"}')
    lines.append('{"name":"something","hostIdentifier":"web-01","unixTime":1795000000}')
    lines.append('["not","an","object"]')
    with open("osquery/osqueryd.results.log", "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------- CSV

def csv_quote(v):
    v = "" if v is None else str(v)
    if any(c in v for c in ',"\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


def kibana_time(t):
    return t.strftime("%b ") + str(t.day) + t.strftime(", %Y @ %H:%M:%S.") + "%03d" % (t.microsecond // 1000)


def write_csv(events):
    header = ["@timestamp", "host.name", "event.id", "event.action", "process.pid", "process.parent.pid",
              "process.executable", "process.command_line", "process.working_directory", "user.name", "user.id",
              "process.entity_id", "file.path", "file.Ext.original.path", "file.Ext.entropy", "event.outcome"]
    rows = [",".join(header)]
    for i, e in enumerate(events):
        d = ecs_doc(e, i + 1)
        p = d["process"]
        f = d.get("file", {})
        rows.append(",".join(csv_quote(v) for v in [
            kibana_time(e["t"]), HOST, d["event"]["id"], d["event"]["action"], p["pid"],
            p.get("parent", {}).get("pid"), p["executable"], p.get("command_line"), p.get("working_directory"),
            d["user"]["name"], d["user"]["id"], p["entity_id"], f.get("path"),
            f.get("Ext", {}).get("original", {}).get("path"), f.get("Ext", {}).get("entropy"), "success"]))
    rows.append('"Nov 20, 2026 @ 03:40:00.000",web-01,X1,exec,4100,1,/usr/bin/sh,"sh -c ""echo a,b""",/,root,0,'
                'ZZ,,,,success')  # valid, quoted field with a comma and quotes
    rows.append("not a date,web-01,X2,exec,4101,1,/usr/bin/sh,sh,/,root,0,ZZ,,,,success")
    rows.append('"Nov 20, 2026 @ 03:40:01.000",web-01,X3,exec')
    rows.append('"Nov 20, 2026 @ 03:40:02.000",web-01,X4,exec,4102,1,/usr/bin/sh,"sh -c ""printf x\n'
                'y""",/,root,0,ZZ,,,,success')  # quoted newline: one row over two lines
    rows.append('"Nov 20, 2026 @ 03:40:03.000",web-01,X5,deletion,4103,1,/usr/bin/rm,rm,/,root,0,ZZ,,,,success')
    with open("csv/kibana-defend-export.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write("\r\n".join(rows) + "\r\n")

    header = ["_time", "host", "EventID", "EventRecordID", "ProcessId", "ParentProcessId", "Image", "CommandLine",
              "CurrentDirectory", "User", "LogonId", "ProcessGuid", "ParentProcessGuid", "TargetFilename"]
    rows = [",".join(header)]
    rec = 100
    for e in events:
        rec += 1
        tt = e["t"].strftime("%Y-%m-%dT%H:%M:%S.") + "%03d+00:00" % (e["t"].microsecond // 1000)
        if e["kind"] == "exec":
            rows.append(",".join(csv_quote(v) for v in [tt, HOST, 1, rec, e["pid"], e["ppid"], e["exe"],
                                                        " ".join(e["argv"]), e["cwd"], e["user"], e["login_uid"],
                                                        guid(e["pid"]), guid(e["ppid"]), ""]))
        elif e["kind"] == "exit":
            rows.append(",".join(csv_quote(v) for v in [tt, HOST, 5, rec, e["pid"], "", e["exe"], "", "", e["user"],
                                                        "", guid(e["pid"]), "", ""]))
        elif e["kind"] == "file" and e["op"] in ("create", "delete"):
            rows.append(",".join(csv_quote(v) for v in [tt, HOST, 11 if e["op"] == "create" else 26, rec, e["pid"],
                                                        "", e["exe"], "", "", e["user"], "", guid(e["pid"]), "",
                                                        e["path"]]))
        elif e["kind"] == "other":
            rows.append(",".join(csv_quote(v) for v in [tt, HOST, 3, rec, e["pid"], "", e["exe"], "", "", e["user"],
                                                        "", guid(e["pid"]), "", ""]))
    rows.append("2026-11-20T03:50:00.000+00:00,web-01,11,9999,4200,,/usr/bin/touch,,,root,,G,,")   # file-create w/o path
    rows.append('2026-11-20T03:50:01.000+00:00,web-01,1,9998,4201,1,/usr/bin/x,"unclosed,root')    # open quote to EOF
    with open("csv/splunk-sysmon-linux.csv", "w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join(rows) + "\n")

    with open("csv/unknown-shape.csv", "w", encoding="utf-8") as fh:
        fh.write("when,machine,what,who\n2026-11-20 03:00:00,web-01,login,alice\n")


# ---------------------------------------------------------------- CSV of other EDRs (Defender, Falcon, S1)

VHOST = "fs-02"
VT0 = datetime(2026, 11, 21, 9, 2, 0, tzinfo=timezone.utc)


def build_vendor_story():
    """carol logs in over ssh to fs-02 (after a cron job ran); a find -exec openssl enc chain encrypts 12 files in
    3 folders, a find -delete removes the originals, a note lands in each folder and 3 files get .locked."""
    s = Story()
    s.t = VT0
    docs = "/home/carol/docs"
    s.exec(700, 1, "/usr/sbin/cron", ["/usr/sbin/cron", "-f"], "/", "root", 0, None, None)
    s.exec(4001, 700, "/usr/bin/sh", ["/bin/sh", "-c", "test -x /usr/sbin/logrotate && /usr/sbin/logrotate /etc/logrotate.conf"],
           "/", "root", 0, None, None)
    s.exec(4002, 4001, "/usr/sbin/logrotate", ["/usr/sbin/logrotate", "/etc/logrotate.conf"], "/", "root", 0, None, None)
    s.file("rename", 4002, "/usr/sbin/logrotate", "root", 0, "/var/log/syslog", target="/var/log/syslog.1")
    s.file("create", 4002, "/usr/sbin/logrotate", "root", 0, "/var/log/syslog")
    s.exit(4002, "/usr/sbin/logrotate", "root", 0)
    s.exit(4001, "/usr/bin/sh", "root", 0)
    s.exec(5100, 812, "/usr/sbin/sshd", ["sshd:", "carol", "[priv]"], "/", "root", 0, "carol", 1002)
    s.exec(5101, 5100, "/usr/bin/bash", ["-bash"], "/home/carol", "carol", 1002, "carol", 1002)
    s.exec(5102, 5101, "/usr/bin/find", ["find", docs, "-type", "f", "-exec", "openssl", "enc", "-aes-256-cbc",
                                         "-pbkdf2", "-pass", "pass:Xk93!q", "-in", "{}", "-out", "{}.enc", ";"],
           "/home/carol", "carol", 1002, "carol", 1002)
    files = []
    for d in ("invoices", "contracts", "photos"):
        for name in ("a.pdf", "b.docx", "c.xlsx", "d.odt"):
            files.append("%s/%s/%s_%s" % (docs, d, d[:3], name))
    pid = 5110
    for f in files:
        pid += 1
        s.exec(pid, 5102, "/usr/bin/openssl", ["openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-pass", "pass:Xk93!q",
                                               "-in", f, "-out", f + ".enc"], "/home/carol", "carol", 1002, "carol", 1002)
        s.file("create", pid, "/usr/bin/openssl", "carol", 1002, f + ".enc")
        s.file("write", pid, "/usr/bin/openssl", "carol", 1002, f + ".enc")
        s.exit(pid, "/usr/bin/openssl", "carol", 1002)
    s.exit(5102, "/usr/bin/find", "carol", 1002)
    s.exec(5140, 5101, "/usr/bin/find", ["find", docs, "-type", "f", "!", "-name", "*.enc", "-delete"],
           "/home/carol", "carol", 1002, "carol", 1002)
    for f in files:
        s.file("delete", 5140, "/usr/bin/find", "carol", 1002, f)
    s.exit(5140, "/usr/bin/find", "carol", 1002)
    for i, d in enumerate(("invoices", "contracts", "photos")):
        note = "%s/%s/HOW_TO_DECRYPT.txt" % (docs, d)
        s.exec(5150 + i, 5101, "/usr/bin/cp", ["cp", "/tmp/.n", note], "/home/carol", "carol", 1002, "carol", 1002)
        s.file("create", 5150 + i, "/usr/bin/cp", "carol", 1002, note)
        s.exit(5150 + i, "/usr/bin/cp", "carol", 1002)
    for i, f in enumerate(files[:3]):
        s.exec(5160 + i, 5101, "/usr/bin/mv", ["mv", f + ".enc", f + ".enc.locked"], "/home/carol", "carol", 1002,
               "carol", 1002)
        s.file("rename", 5160 + i, "/usr/bin/mv", "carol", 1002, f + ".enc", target=f + ".enc.locked")
        s.exit(5160 + i, "/usr/bin/mv", "carol", 1002)
    return s.events


def processes(events):
    """pid -> the exec event that started it (for the initiating/parent columns vendors repeat on every row)."""
    return {e["pid"]: e for e in events if e["kind"] == "exec"}


def cmdline(p):
    return None if p is None else " ".join(p["argv"])


def basename(path):
    return None if path is None else path.rsplit("/", 1)[-1]


def folder(path):
    return path.rsplit("/", 1)[0]


def write_rows(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("\r\n".join(",".join(csv_quote(v) for v in r) for r in [header] + rows) + "\r\n")


def write_defender(events):
    procs = processes(events)
    header = ["Timestamp", "DeviceId", "DeviceName", "ActionType", "FileName", "FolderPath", "PreviousFileName",
              "PreviousFolderPath", "ProcessId", "ProcessCommandLine", "AccountName", "InitiatingProcessId",
              "InitiatingProcessFileName", "InitiatingProcessFolderPath", "InitiatingProcessCommandLine",
              "InitiatingProcessParentId", "InitiatingProcessAccountName", "ReportId"]
    rows = []
    for n, e in enumerate(events):
        ts = e["t"].strftime("%Y-%m-%dT%H:%M:%S.") + "%03d0000Z" % (e["t"].microsecond // 1000)
        dev = "6f1e0c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f"
        if e["kind"] == "exec":
            parent = procs.get(e["ppid"])
            rows.append([ts, dev, VHOST, "ProcessCreated", basename(e["exe"]), e["exe"], None, None, e["pid"],
                         cmdline(e), e["user"], e["ppid"], basename(parent and parent["exe"]),
                         parent and parent["exe"], cmdline(parent), parent and parent["ppid"],
                         parent and parent["user"], 1000 + n])
        elif e["kind"] == "file":
            actor = procs[e["pid"]]
            action = {"create": "FileCreated", "write": "FileModified", "delete": "FileDeleted",
                      "rename": "FileRenamed"}[e["op"]]
            path, prev = (e["target"], e["path"]) if e["op"] == "rename" else (e["path"], None)
            rows.append([ts, dev, VHOST, action, basename(path), path, basename(prev), prev and folder(prev) + "/",
                         None, None, None, e["pid"], basename(actor["exe"]), actor["exe"], cmdline(actor),
                         actor["ppid"], actor["user"], 1000 + n])
    write_rows("csv/defender-advanced-hunting.csv", header, rows)


def upid(pid):
    return 4398046511104 + pid * 7919   # Falcon's TargetProcessId: an id of its own, far past any int pid


def write_falcon(events):
    procs = processes(events)
    header = ["timestamp", "aid", "ComputerName", "event_simpleName", "RawProcessId", "TargetProcessId",
              "ParentProcessId", "ContextProcessId", "ImageFileName", "CommandLine", "UserName", "UID",
              "TargetFileName", "SourceFileName"]
    rows = []
    aid = "a1b2c3d4e5f60718293a4b5c6d7e8f90"
    for e in events:
        ms = int(e["t"].timestamp() * 1000)
        if e["kind"] == "exec":
            rows.append([ms, aid, VHOST, "ProcessRollup2", e["pid"], upid(e["pid"]), upid(e["ppid"]), None, e["exe"],
                         cmdline(e), e["user"], e["uid"], None, None])
        elif e["kind"] == "exit":
            rows.append([ms, aid, VHOST, "EndOfProcess", None, upid(e["pid"]), None, upid(e["pid"]), None, None, None,
                         None, None, None])
        elif e["kind"] == "file" and e["op"] != "write":   # Falcon has no generic "file written" event
            name = {"create": "FileCreateInfo", "delete": "FileDeleteInfo", "rename": "FileRenameInfo"}[e["op"]]
            target, source = (e["target"], e["path"]) if e["op"] == "rename" else (e["path"], None)
            rows.append([ms, aid, VHOST, name, None, None, None, upid(e["pid"]), None, None, None, None, target,
                         source])
    write_rows("csv/crowdstrike-falcon.csv", header, rows)


def write_sentinelone(events):
    procs = processes(events)
    header = ["EventTime", "EndpointName", "EventType", "SrcProcName", "SrcProcPid", "SrcProcImagePath",
              "SrcProcCmdLine", "SrcProcUser", "SrcProcParentPid", "SrcProcParentName", "TgtProcName", "TgtProcPid",
              "TgtProcImagePath", "TgtProcCmdLine", "TgtProcUser", "TgtFilePath", "TgtFileOldPath"]
    rows = []
    for e in events:
        ts = iso(e["t"])
        if e["kind"] == "exec":
            src = procs.get(e["ppid"])
            grand = src and procs.get(src["ppid"])
            rows.append([ts, VHOST, "Process Creation", basename(src and src["exe"]), e["ppid"], src and src["exe"],
                         cmdline(src), src and src["user"], src and src["ppid"], basename(grand and grand["exe"]),
                         basename(e["exe"]), e["pid"], e["exe"], cmdline(e), e["user"], None, None])
        elif e["kind"] == "file":
            a = procs[e["pid"]]
            parent = procs.get(a["ppid"])
            kind = {"create": "File Creation", "write": "File Modification", "delete": "File Deletion",
                    "rename": "File Rename"}[e["op"]]
            path, old = (e["target"], e["path"]) if e["op"] == "rename" else (e["path"], None)
            rows.append([ts, VHOST, kind, basename(a["exe"]), e["pid"], a["exe"], cmdline(a), a["user"], a["ppid"],
                         basename(parent and parent["exe"]), None, None, None, None, None, path, old])
    write_rows("csv/sentinelone-deep-visibility.csv", header, rows)


if __name__ == "__main__":
    story = build_story()
    write_ecs(story)
    write_auditbeat()
    write_sysmon(story)
    write_osquery(story)
    write_csv(story)
    vendor_story = build_vendor_story()
    write_defender(vendor_story)
    write_falcon(vendor_story)
    write_sentinelone(vendor_story)
    kinds = {}
    for e in story:
        k = e["kind"] + (":" + e["op"] if e["kind"] == "file" else "")
        kinds[k] = kinds.get(k, 0) + 1
    print(len(story), "story events", kinds)
