#!/usr/bin/env python3
"""Writes a raw audit.log (log_format=RAW) of about SIZE_MB megabytes: a host's ordinary file activity and cron
jobs, with an encryption campaign in the middle (a locker that rewrites and renames files and drops a note in
every directory). Records follow what auditd writes for openat/rename/execve with the usual file-watch rules,
so `ausearch --raw` and the Ransomtrace importer read the same thing.

usage: bench/gen-ransom-audit-log.py SIZE_MB OUT_FILE
"""
import random
import sys

HOST_SUBJ = "subj=unconfined"


def hexs(s):
    return s.encode().hex().upper()


def main():
    size = int(sys.argv[1]) * 1_000_000
    out = open(sys.argv[2], "w", buffering=1 << 20)
    rnd = random.Random(1486)
    t = 1_763_600_000.000
    serial = 1000
    written = 0
    campaign_start, campaign_end = size * 0.45, size * 0.75
    files_done = 0
    users = [("812", "1", "/usr/sbin/rsyslogd", "rsyslogd", "0", "4294967295", "4294967295"),
             ("2210", "1", "/usr/bin/python3.11", "python3", "1000", "1000", "3"),
             ("3001", "2999", "/usr/bin/vim.basic", "vim", "1000", "1000", "3")]

    def syscall(ts, sn, nr, success, exitv, a2, items, ppid, pid, auid, uid, ses, comm, exe, key):
        return (f"type=SYSCALL msg=audit({ts:.3f}:{sn}): arch=c000003e syscall={nr} success={success} exit={exitv} "
                f"a0=ffffff9c a1=7ffd5a1c{sn % 10000:04x} a2={a2} a3=1b6 items={items} ppid={ppid} pid={pid} "
                f"auid={auid} uid={uid} gid={uid} euid={uid} suid={uid} fsuid={uid} egid={uid} sgid={uid} "
                f"fsgid={uid} tty=(none) ses={ses} comm=\"{comm}\" exe=\"{exe}\" {HOST_SUBJ} key=\"{key}\"\n")

    def path(ts, sn, item, name, inode, mode, nametype):
        return (f"type=PATH msg=audit({ts:.3f}:{sn}): item={item} name=\"{name}\" inode={inode} dev=fd:01 "
                f"mode={mode} ouid=1000 ogid=1000 rdev=00:00 nametype={nametype} cap_fp=0 cap_fi=0 cap_fe=0 "
                f"cap_fver=0 cap_frootid=0\n")

    def tail(ts, sn, cwd, title):
        return (f"type=CWD msg=audit({ts:.3f}:{sn}): cwd=\"{cwd}\"\n" if cwd else "") + \
               f"type=PROCTITLE msg=audit({ts:.3f}:{sn}): proctitle={hexs(title)}\n"

    locker_started = False
    while written < size:
        t += rnd.uniform(0.0002, 0.002)
        serial += 1
        in_campaign = campaign_start <= written < campaign_end
        if in_campaign and not locker_started:
            locker_started = True
            block = syscall(t, serial, 59, "yes", 0, "55d0c8e1a2b0", 2, 4242, 4300, 1000, 1000, 3, "locker",
                            "/tmp/.x/locker", "rt_exec")
            block += f"type=EXECVE msg=audit({t:.3f}:{serial}): argc=3 a0=\"/tmp/.x/locker\" a1=\"--all\" a2=\"/srv\"\n"
            block += f"type=CWD msg=audit({t:.3f}:{serial}): cwd=\"/home/alice\"\n"
            block += path(t, serial, 0, "/tmp/.x/locker", 77001, "0100755", "NORMAL")
            block += path(t, serial, 1, "/lib64/ld-linux-x86-64.so.2", 29514, "0100755", "NORMAL")
            block += f"type=PROCTITLE msg=audit({t:.3f}:{serial}): proctitle={hexs('/tmp/.x/locker')}002D2D616C6C002F737276\n"
        elif in_campaign:
            d = f"/srv/share/dept{files_done // 400:04d}/proj{(files_done // 40) % 10}"
            f = f"{d}/doc{files_done:07d}.docx"
            files_done += 1
            # open for read+write (O_RDWR), then rename to the encrypted name
            block = syscall(t, serial, 257, "yes", 3, "2", 1, 4242, 4300, 1000, 1000, 3, "locker", "/tmp/.x/locker",
                            "rt_write")
            block += path(t, serial, 0, f, 1_000_000 + files_done, "0100644", "NORMAL")
            block += tail(t, serial, "/home/alice", "/tmp/.x/locker")
            t += 0.0001
            serial += 1
            block += syscall(t, serial, 82, "yes", 0, "7ffd5a1c9000", 4, 4242, 4300, 1000, 1000, 3, "locker",
                             "/tmp/.x/locker", "rt_rename")
            block += path(t, serial, 0, d + "/", 900_000 + files_done // 40, "040755", "PARENT")
            block += path(t, serial, 1, d + "/", 900_000 + files_done // 40, "040755", "PARENT")
            block += path(t, serial, 2, f, 1_000_000 + files_done, "0100644", "DELETE")
            block += path(t, serial, 3, f + ".locked", 1_000_000 + files_done, "0100644", "CREATE")
            block += tail(t, serial, "/home/alice", "/tmp/.x/locker")
            if files_done % 40 == 1:
                t += 0.0001
                serial += 1
                block += syscall(t, serial, 257, "yes", 4, "241", 2, 4242, 4300, 1000, 1000, 3, "locker",
                                 "/tmp/.x/locker", "rt_write")
                block += path(t, serial, 0, d + "/", 900_000 + files_done // 40, "040755", "PARENT")
                block += path(t, serial, 1, d + "/HOW_TO_RESTORE.txt", 2_000_000 + files_done, "0100644", "CREATE")
                block += tail(t, serial, "/home/alice", "/tmp/.x/locker")
        else:
            r = rnd.random()
            if r < 0.08:
                pid = 20000 + serial % 30000
                block = syscall(t, serial, 59, "yes", 0, "55d0c8e1a2b0", 2, 1020, pid, 4294967295, 0, 4294967295,
                                "logrotate", "/usr/sbin/logrotate", "rt_exec")
                block += (f"type=EXECVE msg=audit({t:.3f}:{serial}): argc=2 a0=\"/usr/sbin/logrotate\" "
                          f"a1=\"/etc/logrotate.conf\"\n")
                block += f"type=CWD msg=audit({t:.3f}:{serial}): cwd=\"/\"\n"
                block += path(t, serial, 0, "/usr/sbin/logrotate", 4411, "0100755", "NORMAL")
                block += path(t, serial, 1, "/lib64/ld-linux-x86-64.so.2", 29514, "0100755", "NORMAL")
                block += (f"type=PROCTITLE msg=audit({t:.3f}:{serial}): proctitle="
                          f"{hexs('/usr/sbin/logrotate')}00{hexs('/etc/logrotate.conf')}\n")
                t += 0.0003
                serial += 1
                block += (f"type=SYSCALL msg=audit({t:.3f}:{serial}): arch=c000003e syscall=231 success=yes exit=0 "
                          f"a0=0 a1=0 a2=0 a3=0 items=0 ppid=1020 pid={pid} auid=4294967295 uid=0 gid=0 euid=0 "
                          f"suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm=\"logrotate\" "
                          f"exe=\"/usr/sbin/logrotate\" {HOST_SUBJ} key=\"rt_exit\"\n")
            elif r < 0.10:
                block = (f"type=USER_LOGIN msg=audit({t:.3f}:{serial}): pid=5120 uid=0 auid=1000 ses=3 "
                         f"{HOST_SUBJ} msg='op=login id=1000 exe=\"/usr/sbin/sshd\" hostname=10.0.0.5 addr=10.0.0.5 "
                         f"terminal=ssh res=success'\x1dUID=\"root\" AUID=\"alice\" ID=\"alice\"\n")
            else:
                pid, ppid, exe, comm, uid, auid, ses = rnd.choice(users)
                n = rnd.randrange(5000)
                f = f"/var/lib/app/cache/c{n % 50}/item{n}.json" if comm != "rsyslogd" else "/var/log/syslog"
                block = syscall(t, serial, 257, "yes", 5, "241", 2, ppid, pid, auid, uid, ses, comm, exe, "rt_write")
                block += path(t, serial, 0, f.rsplit("/", 1)[0] + "/", 5000 + n % 50, "040755", "PARENT")
                block += path(t, serial, 1, f, 6000 + n, "0100644", "NORMAL")
                block += tail(t, serial, "/", exe)
        out.write(block)
        written += len(block)
    out.close()
    print(f"wrote {written / 1e6:.0f} MB, {serial - 1000} audit events, {files_done} files encrypted", file=sys.stderr)


if __name__ == "__main__":
    main()
