# A build host: a CI runner daemon (root, no login uid, started with setsid) builds a C project twice, runs its
# test binary (which rewrites its own data files), packs the artifacts into a plain tarball and deletes the build
# tree.
HOST=ci02.corp.example
SUMMARY="Benign: a CI runner (root daemon without a login uid, started with setsid) checks out bob's C sources into /srv/rt-lab/ci/ws, runs make -j2 twice with a clean between, runs the built test binary (it rewrites its fixture files in place), tar czf of the artifacts, sha256sum, and rm -rf of the workspace. Host rule set."
scenario_prepare() {
    mkdir -p /srv/rt-lab/ci/src /srv/rt-lab/ci/artifacts
    local i
    for i in $(seq 1 24); do
        printf 'int f%d(int x) { return x * %d; }\n' "$i" "$i" > "/srv/rt-lab/ci/src/unit$i.c"
    done
    cat > /srv/rt-lab/ci/src/main.c <<'C'
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {            /* rewrite each fixture in place: a test that updates golden files */
        int fd = open(argv[i], O_RDWR);
        if (fd < 0) continue;
        char buf[64]; ssize_t n = read(fd, buf, sizeof buf);
        if (n > 0) { lseek(fd, 0, SEEK_SET); write(fd, buf, (size_t)n); }
        close(fd);
    }
    return 0;
}
C
    printf 'all: app\napp: $(patsubst %%.c,%%.o,$(wildcard *.c))\n\tcc -o $@ $^\n%%.o: %%.c\n\tcc -O1 -c $< -o $@\nclean:\n\trm -f *.o app\n' > /srv/rt-lab/ci/src/Makefile
    mkdir -p /srv/rt-lab/ci/fixtures; for i in $(seq 1 12); do echo "golden $i" > "/srv/rt-lab/ci/fixtures/case$i.out"; done
    cat > /usr/local/bin/ci-runner <<'SH'
#!/bin/bash
cd /srv/rt-lab/ci || exit 1
rm -rf ws && cp -r src ws && cd ws
make -s -j2 && make -s clean && make -s -j2
./app ../fixtures/*.out
strip app
tar czf ../artifacts/build-$(date +%s).tgz app *.o
sha256sum ../artifacts/*.tgz > ../artifacts/SHA256SUMS
cd .. && rm -rf ws
SH
    chmod 755 /usr/local/bin/ci-runner
}
scenario_run() { as_root_daemon "/usr/local/bin/ci-runner"; }
scenario_verify() { rt_check artifacts "$(ls /srv/rt-lab/ci/artifacts/*.tgz | wc -l)" 1; }
scenario_truth() {
    echo "split: held-out   # recorded after the detector change (issue 16), never used to tune it"
    echo "expected: none"
    echo "lookAlike: \"a build host: compile, a test binary rewriting its fixtures, a plain tarball, the build tree deleted\""
}
scenario_cleanup() { rm -f /usr/local/bin/ci-runner; }
