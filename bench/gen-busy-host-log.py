#!/usr/bin/env python3
"""Writes the raw audit.log (log_format=RAW, node= prefix) of a busy file server: the detector-state stress case.

What a real host logs under an execve + file-change rule set that does not audit exit_group (most do not): cron
jobs every few seconds (cron's forked child, pam_loginuid LOGIN, sh -c, the job's tools writing logs and
temp files), PHP-FPM workers writing session files, rsyslog appending, users logging in over ssh (LOGIN +
PAM records) to edit, compile and copy files, and one attack in the middle (an ssh session of alice runs a
locker that rewrites and renames 3,000 documents and drops a note per directory). No process ever exits in the
log, so nothing tells the detector that a pid is gone: every pid the host used stays a candidate.

usage: bench/gen-busy-host-log.py OUT_FILE [--events N] [--pids N] [--size-mb N]
  --events   events to write (default 1,000,000); or --size-mb to stop at a size instead
  --pids     distinct pids the jobs use (default 125,000: about 8 events per process); --pids equal to
             --events gives a new pid to nearly every event (the "1 M distinct pids" case)
Deterministic (fixed seed). Pids above 4,194,303 (pid_max) wrap, as on a real host.
"""
import argparse
import random

NODE = "fs-busy01"


def hexs(s):
    return s.encode().hex().upper()


class Log:
    def __init__(self, out, start):
        self.out = out
        self.t = start
        self.serial = 4_100_000
        self.bytes = 0
        self.events = 0

    def stamp(self):
        self.t += 0.0007
        self.serial += 1
        return f"{self.t:.3f}:{self.serial}"

    def write(self, text):
        self.out.write(text)
        self.bytes += len(text)
        self.events += 1


def syscall(st, nr, exitv, a2, items, ppid, pid, auid, uid, ses, comm, exe, key, a1="7ffc1d2e3f40"):
    return (f"node={NODE} type=SYSCALL msg=audit({st}): arch=c000003e syscall={nr} success=yes exit={exitv} "
            f"a0=ffffff9c a1={a1} a2={a2} a3=1b6 items={items} ppid={ppid} pid={pid} auid={auid} uid={uid} "
            f"gid={uid} euid={uid} suid={uid} fsuid={uid} egid={uid} sgid={uid} fsgid={uid} tty=(none) ses={ses} "
            f"comm=\"{comm}\" exe=\"{exe}\" subj=unconfined key=\"{key}\"\n")


def path(st, item, name, inode, mode, nametype, ouid):
    return (f"node={NODE} type=PATH msg=audit({st}): item={item} name=\"{name}\" inode={inode} dev=fd:01 mode={mode} "
            f"ouid={ouid} ogid={ouid} rdev=00:00 nametype={nametype} cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 "
            f"cap_frootid=0\n")


def cwd(st, d):
    return f"node={NODE} type=CWD msg=audit({st}): cwd=\"{d}\"\n"


def proctitle(st, argv):
    return f"node={NODE} type=PROCTITLE msg=audit({st}): proctitle={'00'.join(hexs(a) for a in argv)}\n"


def execve(log, pid, ppid, exe, argv, d, auid="4294967295", uid="0", ses="4294967295"):
    st = log.stamp()
    comm = exe.rsplit("/", 1)[1][:15]
    text = syscall(st, 59, 0, "55d2c1a0b2c0", 2, ppid, pid, auid, uid, ses, comm, exe, "rt_exec")
    args = " ".join(f"a{i}=\"{a}\"" for i, a in enumerate(argv))
    text += f"node={NODE} type=EXECVE msg=audit({st}): argc={len(argv)} {args}\n"
    text += cwd(st, d)
    text += path(st, 0, exe, 1_300_000 + len(exe), "0100755", "NORMAL", 0)
    text += path(st, 1, "/lib64/ld-linux-x86-64.so.2", 29514, "0100755", "NORMAL", 0)
    text += proctitle(st, argv)
    log.write(text)


def create(log, pid, ppid, exe, f, inode, auid="4294967295", uid="0", ses="4294967295", flags="241"):
    st = log.stamp()
    d = f.rsplit("/", 1)[0]
    text = syscall(st, 257, 3, flags, 2, ppid, pid, auid, uid, ses, exe.rsplit("/", 1)[1][:15], exe, "rt_file")
    text += cwd(st, d)
    text += path(st, 0, d + "/", inode // 100, "040755", "PARENT", uid)
    text += path(st, 1, f, inode, "0100644", "CREATE", uid)
    text += proctitle(st, [exe])
    log.write(text)


def write(log, pid, ppid, exe, f, inode, auid="4294967295", uid="0", ses="4294967295", flags="441"):
    st = log.stamp()
    text = syscall(st, 257, 3, flags, 1, ppid, pid, auid, uid, ses, exe.rsplit("/", 1)[1][:15], exe, "rt_file")
    text += cwd(st, "/")
    text += path(st, 0, f, inode, "0100644", "NORMAL", uid)
    text += proctitle(st, [exe])
    log.write(text)


def rename(log, pid, ppid, exe, old, new, inode, auid="4294967295", uid="0", ses="4294967295"):
    st = log.stamp()
    d = old.rsplit("/", 1)[0]
    text = syscall(st, 82, 0, "7ffc1d2e4000", 4, ppid, pid, auid, uid, ses, exe.rsplit("/", 1)[1][:15], exe, "rt_file")
    text += cwd(st, d)
    text += path(st, 0, d + "/", inode // 100, "040755", "PARENT", uid)
    text += path(st, 1, d + "/", inode // 100, "040755", "PARENT", uid)
    text += path(st, 2, old, inode, "0100644", "DELETE", uid)
    text += path(st, 3, new, inode, "0100644", "CREATE", uid)
    text += proctitle(st, [exe])
    log.write(text)


def unlink(log, pid, ppid, exe, f, inode, auid="4294967295", uid="0", ses="4294967295"):
    st = log.stamp()
    d = f.rsplit("/", 1)[0]
    text = syscall(st, 263, 0, "0", 2, ppid, pid, auid, uid, ses, exe.rsplit("/", 1)[1][:15], exe, "rt_file")
    text += cwd(st, d)
    text += path(st, 0, d + "/", inode // 100, "040755", "PARENT", uid)
    text += path(st, 1, f, inode, "0100644", "DELETE", uid)
    text += proctitle(st, [exe])
    log.write(text)


def login(log, pid, auid, ses, acct):
    st = log.stamp()
    log.write(f"node={NODE} type=LOGIN msg=audit({st}): pid={pid} uid=0 subj=unconfined old-auid=4294967295 "
              f"auid={auid} tty=(none) old-ses=4294967295 ses={ses} res=1\n")
    st = log.stamp()
    log.write(f"node={NODE} type=USER_START msg=audit({st}): pid={pid} uid=0 auid={auid} ses={ses} "
              f"subj=unconfined msg='op=PAM:session_open grantors=pam_loginuid,pam_unix acct=\"{acct}\" "
              f"exe=\"/usr/sbin/sshd\" hostname=10.0.4.20 addr=10.0.4.20 terminal=ssh res=success'\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--pids", type=int, default=125_000)
    ap.add_argument("--size-mb", type=int, default=0)
    a = ap.parse_args()
    rnd = random.Random(16)
    target_bytes = a.size_mb * 1_000_000
    target_events = a.events if not a.size_mb else 1 << 62
    # pids per event asked for; the mix below is steered towards it: while the log has used fewer pids than
    # asked, the next job is a short-lived worker with one event of its own
    ratio = a.pids / a.events
    per_job = max(1, round(2.5 / ratio))
    with open(a.out, "w", buffering=1 << 22) as out:
        log = Log(out, 1_764_800_000.0)
        st = log.stamp()
        log.write(f"node={NODE} type=DAEMON_START msg=audit({st}): op=start ver=3.0.9 format=raw kernel=6.1.0-28-amd64 "
                  f"auid=4294967295 pid=611 uid=0 ses=4294967295 subj=unconfined res=success\n")
        next_pid = 20_000
        ses = 100
        inode = 5_000_000
        attack_at = target_events // 2 if not a.size_mb else None
        attack_done = False
        files_done = 0

        def new_pid():
            nonlocal next_pid
            next_pid += 1
            if next_pid > 4_194_303:
                next_pid = 300
            return next_pid

        while log.events < target_events and (not target_bytes or log.bytes < target_bytes):
            if not attack_done and (attack_at is not None and log.events >= attack_at
                                    or target_bytes and log.bytes >= target_bytes // 2):
                # alice's ssh session runs a locker over 3,000 documents in 75 directories
                ses += 1
                priv = new_pid()
                login(log, priv, 1101, ses, "alice")
                sh = new_pid()
                execve(log, sh, priv, "/usr/bin/bash", ["-bash"], "/home/alice", "1101", "1101", str(ses))
                lk = new_pid()
                execve(log, lk, sh, "/home/alice/.cache/fontd", ["./fontd", "--all", "/srv/share"], "/home/alice/.cache",
                       "1101", "1101", str(ses))
                for i in range(3000):
                    d = f"/srv/share/dept{i // 400:02d}/proj{(i // 40) % 10}"
                    f = f"{d}/doc{i:05d}.docx"
                    inode += 1
                    write(log, lk, sh, "/home/alice/.cache/fontd", f, inode, "1101", "1101", str(ses), flags="2")
                    rename(log, lk, sh, "/home/alice/.cache/fontd", f, f + ".fontd", inode, "1101", "1101", str(ses))
                    if i % 40 == 0:
                        inode += 1
                        create(log, lk, sh, "/home/alice/.cache/fontd", d + "/RESTORE-FILES.txt", inode, "1101", "1101",
                               str(ses))
                attack_done = True
                files_done = 3000
                continue
            kind = rnd.random()
            if (next_pid - 20_000) < ratio * log.events:
                w = new_pid()
                inode += 1
                create(log, w, 900, "/usr/sbin/php-fpm8.2", f"/var/lib/php/sessions/sess_{rnd.randrange(1 << 40):010x}",
                       inode, uid="33")
                continue
            if kind < 0.45:
                # a cron job: cron's child (pam_loginuid for the job's user), sh -c, and the job's tools
                ses += 1
                child = new_pid()
                job_user = rnd.choice([("0", "4294967295", "4294967295"), ("1190", "1190", str(ses))])
                if job_user[1] != "4294967295":
                    login(log, child, 1190, ses, "svc-backup")
                sh = new_pid()
                job = rnd.choice(["/usr/local/bin/stats.sh", "/usr/local/sbin/rotate-uploads", "/opt/app/bin/sync-cache"])
                execve(log, sh, child, "/usr/bin/dash", ["/bin/sh", "-c", job], "/root", job_user[1], job_user[0], job_user[2])
                for _ in range(max(1, per_job // 6)):
                    tool = new_pid()
                    exe = rnd.choice(["/usr/bin/gzip", "/usr/bin/date", "/usr/bin/python3.11", "/usr/bin/cp", "/usr/bin/logger"])
                    execve(log, tool, sh, exe, [exe.rsplit("/", 1)[1], "-q"], "/var/lib/app", job_user[1], job_user[0], job_user[2])
                    for _ in range(3):
                        inode += 1
                        f = f"/var/lib/app/cache/{rnd.randrange(1 << 30):08x}.tmp"
                        create(log, tool, sh, exe, f, inode, job_user[1], job_user[0], job_user[2])
                        if rnd.random() < 0.5:
                            rename(log, tool, sh, exe, f, f[:-4] + ".json", inode, job_user[1], job_user[0], job_user[2])
                        else:
                            unlink(log, tool, sh, exe, f, inode, job_user[1], job_user[0], job_user[2])
            elif kind < 0.80:
                # a PHP-FPM worker (forked by the master, no exec) writing session files
                w = new_pid()
                for _ in range(per_job):
                    inode += 1
                    f = f"/var/lib/php/sessions/sess_{rnd.randrange(1 << 40):010x}"
                    if rnd.random() < 0.6:
                        create(log, w, 900, "/usr/sbin/php-fpm8.2", f, inode, uid="33")
                    else:
                        unlink(log, w, 900, "/usr/sbin/php-fpm8.2", f, inode, uid="33")
            elif kind < 0.95:
                # rsyslog appends (the same daemon pid all day)
                for _ in range(per_job):
                    inode += 1
                    write(log, 812, 1, "/usr/sbin/rsyslogd", f"/var/log/{rnd.choice(['syslog', 'auth.log', 'kern.log'])}",
                          inode, flags="441")
            else:
                # a user's ssh session: edit and build
                ses += 1
                priv = new_pid()
                who = rnd.choice([("1102", "bob"), ("1103", "carol"), ("1104", "dave")])
                login(log, priv, int(who[0]), ses, who[1])
                sh = new_pid()
                execve(log, sh, priv, "/usr/bin/bash", ["-bash"], f"/home/{who[1]}", who[0], who[0], str(ses))
                for _ in range(max(1, per_job // 4)):
                    p = new_pid()
                    exe = rnd.choice(["/usr/bin/vim.basic", "/usr/bin/make", "/usr/bin/cp", "/usr/bin/git"])
                    execve(log, p, sh, exe, [exe.rsplit("/", 1)[1], "x"], f"/home/{who[1]}/src", who[0], who[0], str(ses))
                    inode += 1
                    f = f"/home/{who[1]}/src/f{rnd.randrange(5000)}.c"
                    create(log, p, sh, exe, f + ".swp", inode, who[0], who[0], str(ses))
                    rename(log, p, sh, exe, f + ".swp", f, inode, who[0], who[0], str(ses))
        st = log.stamp()
        log.write(f"node={NODE} type=DAEMON_END msg=audit({st}): op=terminate auid=0 pid=1 subj=unconfined res=success\n")
    print(f"wrote {a.out}: {log.bytes / 1e6:.0f} MB, {log.events} events, pids up to {next_pid}, "
          f"attack files {files_done}")


if __name__ == "__main__":
    main()
