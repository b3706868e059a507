#!/usr/bin/python3
"""Check every recorded case against its truth.yaml, using ausearch on the real logs.

For each case: README.md and truth.yaml present; every listed log file exists and is non-empty;
ausearch parses the log; every record carries node=<host>; the exec-only cases hold no file events;
for each expected finding the root executable ran with the expected login uid (auid) and every tool
listed was executed (EXECVE a0); no record of the recording harness leaked in (root without a login
uid, other than auditd/auditctl), and the recorder's own directory appears nowhere. Usage: verify-cases.py [CASES_DIR]
"""
import gzip
import os
import re
import subprocess
import sys
import tempfile

import yaml

CASES = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cases")
REQUIRED = ["case", "recorded", "host", "ruleset", "logFormat", "logFiles", "summary", "expected"]
HARNESS_OK = {"auditd", "auditctl"}


def read_text(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="surrogateescape") as f:
        return f.read()


def rotation_order(files):
    # oldest first: audit.log.3, audit.log.2, audit.log.1, audit.log
    def key(name):
        m = re.search(r"\.(\d+)$", name)
        return -int(m.group(1)) if m else 0
    return sorted(files, key=key)


RECOMMENDED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "audit", "an0603.rules")


def check_recommended_rules(case_dir, text, host):
    """A case recorded with docs/audit/an0603.rules: its file events carry the recommended keys, and the
    host's rule set (auditctl-l.txt) names the host and holds every key of the shipped file."""
    problems = []
    for key in ("rt_exec", "rt_write", "rt_rename"):
        if f'key="{key}"' not in text:
            problems.append(f"an0603 case holds no {key} events")
    if 'key="rt_file"' in text:
        problems.append("an0603 case holds events of the full rule set (rt_file)")
    listing = os.path.join(case_dir, "auditctl-l.txt")
    if not os.path.isfile(listing):
        return problems + ["an0603 case lacks auditctl-l.txt (the host's rule set)"]
    rules = open(listing, encoding="utf-8").read().splitlines()
    if not rules or rules[0] != f"# host: {host}":
        problems.append(f"auditctl-l.txt does not start with '# host: {host}'")
    shipped = open(RECOMMENDED, encoding="utf-8").read()
    listed = "\n".join(rules)
    for key in sorted(set(re.findall(r"-k (rt_\w+)", shipped))):
        if f"key={key}" not in listed:
            problems.append(f"auditctl-l.txt lacks the shipped rules with key {key}")
    always = [l for l in shipped.splitlines() if l.startswith("-a always")]
    loaded = [l for l in rules if l.startswith("-a always")]
    if len(loaded) != len(always):
        problems.append(f"auditctl-l.txt holds {len(loaded)} 'always' rules, docs/audit/an0603.rules {len(always)}")
    return problems


def check_case(case_dir):
    problems = []
    name = os.path.basename(case_dir)
    for f in ("README.md", "truth.yaml"):
        if not os.path.isfile(os.path.join(case_dir, f)):
            return [f"missing {f}"]
    truth = yaml.safe_load(open(os.path.join(case_dir, "truth.yaml"), encoding="utf-8"))
    problems += [f"truth.yaml lacks {k}" for k in REQUIRED if k not in truth]
    if truth.get("case") != name:
        problems.append(f"truth.yaml case {truth.get('case')} != folder {name}")
    logs = truth.get("logFiles") or []
    text = ""
    for lf in rotation_order(logs):
        p = os.path.join(case_dir, lf)
        if not os.path.isfile(p) or os.path.getsize(p) == 0:
            problems.append(f"log file {lf} missing or empty")
            continue
        text += read_text(p)
    if not text:
        return problems + ["no log content"]
    lines = [l for l in text.split("\n") if l]   # not splitlines(): it also splits on \x1d (enriched)
    host = truth["host"]
    bad_node = [l for l in lines if not l.startswith(f"node={host} ")]
    if bad_node:
        problems.append(f"{len(bad_node)} lines without node={host}")
    if truth["logFormat"] == "enriched" and "\x1dAUID=" not in text:
        problems.append("logFormat enriched but no enriched fields")
    if truth["logFormat"] == "raw" and "\x1d" in text:
        problems.append("logFormat raw but enriched fields present")
    if truth["ruleset"] == "exec-only" and 'key="rt_file"' in text:
        problems.append("exec-only case holds file events")
    if truth["ruleset"] == "full" and 'key="rt_file"' not in text:
        problems.append("full case holds no file events")
    if truth["ruleset"] == "an0603":
        problems += check_recommended_rules(case_dir, text, host)
    recorder = os.path.dirname(os.path.abspath(__file__))
    if recorder in text or os.path.dirname(recorder) in text:
        problems.append(f"the recorder's own directory ({os.path.dirname(recorder)}) appears in the log")
    if truth["ruleset"] == "host":
        # the host rule set hides nothing: root processes without a login uid (harness, sshd, cron) are there
        if not any("type=SYSCALL" in l and " auid=4294967295 uid=0 " in l for l in lines):
            problems.append("host case holds no root process without a login uid")
        if 'key="rt_file"' not in text:
            problems.append("host case holds no file events")
    else:
        for l in lines:
            if "type=SYSCALL" in l and " auid=4294967295 uid=0 " in l:
                comm = re.search(r'comm="([^"]*)"', l)
                if comm and comm.group(1) not in HARNESS_OK:
                    problems.append(f"harness leak: {l[:200]}")
                    break
    with tempfile.NamedTemporaryFile("w", suffix=".log", delete=False, encoding="utf-8", errors="surrogateescape") as tmp:
        tmp.write(text)
    try:
        execs = subprocess.run(["ausearch", "--raw", "-if", tmp.name, "-k", "rt_exec"], capture_output=True, text=True, errors="replace")
        if execs.returncode != 0 or "type=EXECVE" not in execs.stdout:
            problems.append("ausearch finds no rt_exec events")
        users = truth.get("users") or {}
        expected = truth["expected"]
        if expected != "none":
            for finding in expected:
                exe = finding["rootExe"]
                rows = [l for l in execs.stdout.splitlines() if "type=SYSCALL" in l and f'exe="{exe}"' in l]
                if not rows:
                    problems.append(f"root exe {exe} never executed")
                login = finding.get("loginUser")
                want_auid = "4294967295" if login is None else str(users.get(login, 0 if login == "root" else -1))
                if rows and not any(f" auid={want_auid} " in r for r in rows):
                    problems.append(f"{exe} not run with auid={want_auid} ({login})")
                for tool in finding.get("tools") or []:
                    # a0, or a1 for a script run by its interpreter (GNU parallel: perl /usr/bin/parallel)
                    if not re.search(rf'type=EXECVE .* a[01]="(\S*/)?{re.escape(tool)}"', execs.stdout):
                        problems.append(f"tool {tool} not in any EXECVE")
                if not isinstance(finding.get("filesAffected"), int) or finding["filesAffected"] <= 0:
                    problems.append("filesAffected must be a positive count")
    finally:
        os.unlink(tmp.name)
    return problems


def main():
    failures = 0
    total = 0
    for name in sorted(os.listdir(CASES)):
        d = os.path.join(CASES, name)
        if not os.path.isdir(d) or name.startswith("."):   # .NAME.recording: a recording in progress
            continue
        total += 1
        problems = check_case(d)
        print(f"{'OK  ' if not problems else 'FAIL'} {name}" + "".join(f"\n     - {p}" for p in problems))
        failures += bool(problems)
    print(f"{total - failures}/{total} cases verified")
    return 1 if failures or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
