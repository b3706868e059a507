#!/usr/bin/python3
"""Build the deterministic corporate-looking lab tree used by every recorded case.

Same seed -> same paths, same sizes, same bytes. Small files (1-64 KB) keep the audit logs small;
VM disks are the only larger files (2 MB) so intermittent encryption has more than one 1 MB chunk.
Usage: make-tree.py ROOT [SEED]
"""
import os
import random
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else "/srv/rt-lab"
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 20261128
rng = random.Random(SEED)

USERS = {"alice": 1101, "bob": 1102, "carol": 1103, "dave": 1104, "svc-backup": 1190}
WORDS = ("quarterly revenue forecast budget invoice customer supplier contract renewal payroll "
         "headcount policy compliance audit review migration server backup network storage "
         "project milestone deliverable risk mitigation approval signature amendment schedule "
         "marketing campaign pipeline opportunity regional office expense travel reimbursement").split()

MAGIC = {
    ".pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", ".docx": b"PK\x03\x04\x14\x00\x06\x00", ".xlsx": b"PK\x03\x04\x14\x00\x06\x00",
    ".pptx": b"PK\x03\x04\x14\x00\x06\x00", ".odt": b"PK\x03\x04\x14\x00\x00\x08", ".zip": b"PK\x03\x04\x14\x00\x00\x00",
    ".jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", ".png": b"\x89PNG\r\n\x1a\n", ".sqlite": b"SQLite format 3\x00",
    ".db": b"SQLite format 3\x00", ".qcow2": b"QFI\xfb\x00\x00\x00\x03", ".vmdk": b"KDMV\x01\x00\x00\x00",
    ".kdbx": b"\x03\xd9\xa2\x9a\x67\xfb\x4b\xb5", ".mp4": b"\x00\x00\x00\x18ftypmp42",
}
TEXT = {".txt", ".csv", ".md", ".sql", ".conf", ".yaml", ".ini", ".html", ".css", ".js", ".php", ".py", ".c",
        ".h", ".sh", ".log", ".xml", ".json", ".pem", ".vmx", ".env", ".properties"}


def text_bytes(ext, size):
    lines = []
    total = 0
    n = 0
    while total < size:
        n += 1
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12)))
        if ext == ".csv":
            line = f"{n},{rng.randint(1000, 99999)},{rng.choice(WORDS)},{rng.randint(1, 500)}.{rng.randint(0, 99):02d},EUR"
        elif ext in (".conf", ".ini", ".properties", ".env"):
            line = f"{rng.choice(WORDS)}_{n} = {rng.choice(WORDS)}"
        elif ext == ".yaml":
            line = f"{rng.choice(WORDS)}_{n}: {rng.choice(WORDS)}"
        elif ext in (".html", ".php"):
            line = f"<p class=\"{rng.choice(WORDS)}\">{words}</p>"
        elif ext in (".c", ".h", ".js", ".py", ".css"):
            line = f"/* {words} */" if ext != ".py" else f"# {words}"
        elif ext == ".log":
            line = f"2026-11-27T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z INFO {words}"
        else:
            line = words
        lines.append(line)
        total += len(line) + 1
    return ("\n".join(lines) + "\n").encode()[:size]


def content(ext, size):
    if ext in TEXT:
        return text_bytes(ext, size)
    head = MAGIC.get(ext, b"")
    return head + rng.randbytes(max(0, size - len(head)))


def put(path, owner, size=None, mode=0o644):
    full = os.path.join(ROOT, path.lstrip("/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    ext = os.path.splitext(full)[1].lower()
    if size is None:
        size = rng.randint(1024, 64 * 1024)
    with open(full, "wb") as f:
        f.write(content(ext, size))
    os.chmod(full, mode)
    uid = USERS.get(owner, 0)
    os.chown(full, uid, uid)


BASHRC = b"""# ~/.bashrc: executed by bash(1) for non-login shells.
[ -z "$PS1" ] && return
HISTCONTROL=ignoreboth
HISTSIZE=2000
shopt -s histappend checkwinsize
PS1='\\u@\\h:\\w\\$ '
alias ll='ls -alF'
alias la='ls -A'
export EDITOR=vim
"""


def put_bashrc(owner):
    full = os.path.join(ROOT, "home", owner, ".bashrc")
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(BASHRC)
    os.chown(full, USERS[owner], USERS[owner])


def pick(options):
    return rng.choice(options)


def own_dirs(owner):
    """chown every directory under a user's home to the user."""
    uid = USERS[owner]
    home = os.path.join(ROOT, "home", owner)
    for d, _, _ in os.walk(home):
        os.chown(d, uid, uid)
        os.chmod(d, 0o755)


MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
CLIENTS = ["northwind", "contoso", "fabrikam", "globex", "initech", "umbrella", "acme", "hooli", "stark", "wayne"]

# --- homes -----------------------------------------------------------------------------------------
for i in range(14):
    put(f"home/alice/Documents/{pick(['Budget', 'Forecast', 'Board-Pack', 'Expense-Report'])}-{2025 + i % 2}-{MONTHS[i % 12]}{'.xlsx' if i % 2 else '.docx'}", "alice")
for i in range(6):
    put(f"home/alice/Documents/Contracts/{CLIENTS[i]}-msa-v{i + 1}.pdf", "alice")
for i in range(8):
    put(f"home/alice/Pictures/IMG_{20250101 + i * 37}_{rng.randint(100000, 999999)}.jpg", "alice")
for i in range(4):
    put(f"home/alice/Desktop/{pick(['notes', 'todo', 'meeting', 'call'])}-{i}.txt", "alice")
put("home/alice/Documents/passwords.kdbx", "alice")
put_bashrc("alice")
put("home/alice/.config/app/settings.ini", "alice", 1500)
for p in ["billing-api", "etl-jobs"]:
    for i in range(12):
        put(f"home/bob/Projects/{p}/src/{pick(WORDS)}_{i}.{'py' if p == 'etl-jobs' else 'c'}", "bob")
    put(f"home/bob/Projects/{p}/README.md", "bob", 2048)
for i in range(6):
    put(f"home/bob/Documents/design-{pick(WORDS)}-{i}.{pick(['odt', 'pdf', 'pptx'])}", "bob")
put_bashrc("bob")
for i in range(10):
    put(f"home/carol/Documents/HR/{pick(['offer-letter', 'review', 'onboarding', 'exit-interview'])}-{CLIENTS[i % 10]}-{i}.docx", "carol")
for i in range(5):
    put(f"home/carol/Pictures/team-event-{i}.png", "carol")
put_bashrc("carol")
for i in range(6):
    put(f"home/dave/scripts/{pick(['rotate', 'cleanup', 'report', 'sync'])}-{i}.sh", "dave", 2048, 0o755)
for i in range(4):
    put(f"home/dave/dumps/crm-{20251101 + i}.sql", "dave")
put_bashrc("dave")
put_bashrc("svc-backup")
for u in USERS:
    os.makedirs(os.path.join(ROOT, "home", u), exist_ok=True)
    own_dirs(u)

# --- shares ----------------------------------------------------------------------------------------
for year in (2024, 2025):
    for q in (1, 2, 3, 4):
        for i in range(4):
            c = CLIENTS[(i + q) % 10]
            put(f"shares/finance/{year}/Q{q}/invoice-{year}{q}{i:02d}-{c}.pdf", "alice")
        put(f"shares/finance/{year}/Q{q}/ledger-{year}-Q{q}.csv", "alice")
        put(f"shares/finance/{year}/Q{q}/budget-{year}-Q{q}.xlsx", "alice")
for sub, n in (("policies", 6), ("contracts", 8), ("payroll", 6)):
    for i in range(n):
        ext = ".xlsx" if sub == "payroll" else pick([".docx", ".pdf"])
        put(f"shares/hr/{sub}/{sub[:-1]}-{CLIENTS[i % 10]}-{i:02d}{ext}", "carol")
for i in range(8):
    put(f"shares/legal/contracts/{CLIENTS[i]}-nda-{2020 + i}.pdf", "alice")
for i in range(10):
    put(f"shares/engineering/specs/spec-{pick(WORDS)}-{i:02d}.{pick(['md', 'pdf', 'docx'])}", "bob")
for i in range(4):
    put(f"shares/engineering/diagrams/arch-{i}.png", "bob")

# --- web roots -------------------------------------------------------------------------------------
for site in ("intranet", "shop"):
    for i in range(18):
        put(f"var/www/{site}/{pick(['index', 'about', 'contact', 'product', 'news', 'team'])}-{i}.{pick(['html', 'php'])}", "carol")
    for i in range(5):
        put(f"var/www/{site}/assets/css/{pick(WORDS)}-{i}.css", "carol")
        put(f"var/www/{site}/assets/js/{pick(WORDS)}-{i}.js", "carol")
    for i in range(6):
        put(f"var/www/{site}/assets/img/{pick(WORDS)}-{i}.{pick(['png', 'jpg'])}", "carol")
    put(f"var/www/{site}/config.php", "carol", 1800)

# --- logs (for logrotate), VM disks, configs, databases, temp ---------------------------------------
for app in ("billing", "crm", "portal"):
    for i in range(3):
        put(f"var/log/{app}/{app}-{['access', 'error', 'audit'][i]}.log", "root", rng.randint(16 * 1024, 64 * 1024))
for i, name in enumerate(["dc01", "sql01", "web01", "erp01"]):
    ext = ".qcow2" if i % 2 == 0 else ".vmdk"
    put(f"vm/{name}/{name}-disk0{ext}", "root", 2 * 1024 * 1024 + rng.randint(0, 65536))
    put(f"vm/{name}/{name}.vmx", "root", 2048)
    put(f"vm/{name}/{name}.nvram", "root", 8192)
for f in ["nginx/nginx.conf", "nginx/sites/intranet.conf", "nginx/sites/shop.conf", "app/billing.yaml",
          "app/crm.yaml", "app/portal.properties", "ssl/intranet.pem", "ssl/shop.pem", "db/pg_hba.conf",
          "db/postgresql.conf", "cron/backup.crontab", "app/.env", "ldap/ldap.conf", "samba/smb.conf"]:
    put(f"etc/{f}", "root", rng.randint(1024, 8192))
for f in ["crm.sqlite", "inventory.db", "billing.sqlite", "hr-2025.sql"]:
    put(f"db/{f}", "root")
for i in range(120):
    put(f"tmp/build-cache/{rng.randint(10**7, 10**8)}-{i:03d}.tmp", "bob", rng.randint(1024, 4096))
for i in range(40):
    put(f"tmp/sessions/sess_{rng.randint(10**11, 10**12):x}", "root", 1024)
os.chown(os.path.join(ROOT, "tmp", "build-cache"), USERS["bob"], USERS["bob"])   # bob's build cache
os.makedirs(os.path.join(ROOT, "backup"), exist_ok=True)
os.chmod(os.path.join(ROOT, "tmp"), 0o1777)
for d, _, _ in os.walk(os.path.join(ROOT, "shares")):
    os.chmod(d, 0o2775)
