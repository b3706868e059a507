#!/bin/sh
# Regenerates the syscall number -> name tables the auditd importer ships, from the audit userspace's own
# tables (ausyscall, package "auditd"). Run from the repository root.
set -eu
out=importers/src/main/resources/io/ransomtrace/importers/auditd
for arch in x86_64 i386 aarch64; do
  ausyscall "$arch" --dump | tail -n +2 > "$out/syscalls-$arch.tsv"
done
