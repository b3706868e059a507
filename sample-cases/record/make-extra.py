#!/usr/bin/python3
"""Extra lab trees for the host-rule-set cases, so that not every case hits the same paths.

Same kind + seed -> same tree. Layouts:
  nas DEST      a NAS volume: Public/, Multimedia/Photos/<year>/, Projects/<client>/, homes/<user>/Documents
  studio DEST   a design studio share: clients/<client>/<job>/{briefs,artwork,exports}
  research DEST a research group: datasets/<study>/raw/*.csv, papers/*.tex|.bib, notebooks/*.ipynb
Usage: make-extra.py LAYOUT DEST SEED OWNER_UID
"""
import os
import random
import sys

layout, dest, seed, owner = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
WORDS = ("harbour lantern orchard meadow copper granite willow summit delta falcon prism ember cedar "
         "tundra quartz beacon atlas nimbus").split()
CLIENTS = ["brightwater", "kestrel-foods", "lumen-optics", "northgate", "pinecrest", "quayside", "redfern", "solace"]


def put(rel, size=None):
    full = os.path.join(dest, rel)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    ext = os.path.splitext(full)[1]
    size = size or rng.randint(1536, 48 * 1024)
    if ext in (".csv", ".tex", ".bib", ".txt", ".md", ".ipynb", ".json", ".svg"):
        line = lambda: " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 9)))
        data = "\n".join(line() for _ in range(size // 40)).encode()[:size]
    else:
        data = bytes([0x25, 0x50]) + rng.randbytes(size - 2)
    with open(full, "wb") as f:
        f.write(data)
    os.chown(full, owner, owner)


if layout == "nas":
    for i in range(14):
        put(f"Public/{rng.choice(WORDS)}-handbook-{i:02d}.{rng.choice(['pdf', 'docx', 'odt'])}")
    for year in (2023, 2024, 2025):
        for i in range(9):
            put(f"Multimedia/Photos/{year}/DSC_{year}{i:04d}.jpg", rng.randint(20 * 1024, 96 * 1024))
    for c in CLIENTS[:5]:
        for i in range(6):
            put(f"Projects/{c}/{rng.choice(['quote', 'invoice', 'plan', 'minutes'])}-{i}.{rng.choice(['xlsx', 'pdf', 'docx'])}")
    for u in ("erin", "frank"):
        for i in range(8):
            put(f"homes/{u}/Documents/{rng.choice(WORDS)}-{i}.{rng.choice(['docx', 'xlsx', 'txt'])}")
elif layout == "studio":
    for c in CLIENTS[2:7]:
        for job in range(2):
            for sub, exts in (("briefs", ["docx", "pdf"]), ("artwork", ["psd", "ai", "svg"]), ("exports", ["png", "jpg"])):
                for i in range(3):
                    put(f"clients/{c}/job-{job + 1}/{sub}/{rng.choice(WORDS)}-{i}.{rng.choice(exts)}")
elif layout == "research":
    for study in ("cohort-a", "cohort-b", "pilot"):
        for i in range(10):
            put(f"datasets/{study}/raw/subject-{i:03d}.csv")
        put(f"datasets/{study}/README.md", 1200)
    for i in range(7):
        put(f"papers/draft-{rng.choice(WORDS)}-{i}.{rng.choice(['tex', 'bib'])}")
    for i in range(5):
        put(f"notebooks/analysis-{i}.ipynb")
else:
    sys.exit(f"unknown layout {layout}")
for d, _, _ in os.walk(dest):
    os.chown(d, owner, owner)
    os.chmod(d, 0o2775)
