package io.ransomtrace.importers.auditd;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathResolverTest {

    @Test
    void joinsRelativeNamesToTheWorkingDirectoryAndFoldsDotSegments() {
        assertThat(PathResolver.resolve("/home/alice", "docs/q3.xlsx")).isEqualTo("/home/alice/docs/q3.xlsx");
        assertThat(PathResolver.resolve("/home/alice", "../bob/x")).isEqualTo("/home/bob/x");
        assertThat(PathResolver.resolve("/home/alice", "./a/./b/")).isEqualTo("/home/alice/a/b");
        assertThat(PathResolver.resolve("/srv//share/", "c")).isEqualTo("/srv/share/c");
        assertThat(PathResolver.resolve("/var/lib/postgresql/15/main", "pg_wal/")).isEqualTo("/var/lib/postgresql/15/main/pg_wal");
        assertThat(PathResolver.resolve("/home/alice", ".")).isEqualTo("/home/alice");
        assertThat(PathResolver.resolve("/home/alice/../..", "etc")).isEqualTo("/etc");
    }

    @Test
    void neverClimbsAboveTheRoot() {
        assertThat(PathResolver.resolve("/", "..")).isEqualTo("/");
        assertThat(PathResolver.resolve("/a", "../../../b")).isEqualTo("/b");
        assertThat(PathResolver.resolve("/a", "..")).isEqualTo("/");
    }

    @Test
    void leavesAbsoluteNamesAndNamesWithoutAKnownDirectoryAlone() {
        assertThat(PathResolver.resolve("/home/alice", "/etc/../passwd")).isEqualTo("/etc/../passwd");
        assertThat(PathResolver.resolve(null, "x/../y")).isEqualTo("x/../y");
        assertThat(PathResolver.resolve("relative", "y")).isEqualTo("y");
        assertThat(PathResolver.resolve("/home", "")).isEmpty();
        assertThat(PathResolver.resolve("/home", null)).isNull();
    }
}
