package io.ransomtrace.engine.signal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PathHashesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/srv/data/a.pdf", "/a", "/.bashrc", "/x/y/archive.tar.gz", "/x/y/noext", "/x/y/trail.", "/x.y/z"})
    void onePassGivesTheSameHashesAsTheHelpers(String path) {
        PathHashes h = new PathHashes().of(path);
        assertThat(h.full).isEqualTo(PathNames.hash(path));
        assertThat(h.directory).isEqualTo(PathNames.directoryHash(path));
        assertThat(h.dot).isEqualTo(PathNames.suffixDot(path));
        if (h.dot > 0) {
            assertThat(h.stem).isEqualTo(PathNames.hash(path, 0, h.dot));
        }
    }
}
