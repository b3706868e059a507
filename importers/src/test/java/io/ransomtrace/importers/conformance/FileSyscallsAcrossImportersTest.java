package io.ransomtrace.importers.conformance;

import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.importers.CollectingSink;
import io.ransomtrace.importers.FileSyscalls;
import io.ransomtrace.importers.FileSyscalls.Operation;
import io.ransomtrace.importers.Format;
import io.ransomtrace.importers.SourceFile;
import io.ransomtrace.importers.auditd.AuditdImporter;
import io.ransomtrace.importers.ecs.EcsImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every importer that sees syscall names reads them through one table, so the same syscall is the same file
 * operation whether it arrives in an audit log or in an Auditbeat document. The ECS importer once lacked
 * truncate64, fchmodat2 and chown32: this checks every syscall of the table through both.
 */
class FileSyscallsAcrossImportersTest {

    @TempDir
    Path tmp;

    @Test
    void theTableNamesTheVariantsOfEachCall() {
        assertThat(FileSyscalls.of("truncate64")).isEqualTo(Operation.TRUNCATE);
        assertThat(FileSyscalls.of("fchmodat2")).isEqualTo(Operation.CHMOD);
        assertThat(FileSyscalls.of("chown32")).isEqualTo(Operation.CHOWN);
        assertThat(FileSyscalls.of("RENAMEAT2")).isEqualTo(Operation.RENAME);
        assertThat(FileSyscalls.of("execve")).isNull();
        assertThat(FileSyscalls.of(null)).isNull();
    }

    @Test
    void auditdAndEcsGiveTheSameKindForEverySyscallThatNamesAPath() throws IOException {
        List<String> calls = new ArrayList<>();
        StringBuilder audit = new StringBuilder();
        StringBuilder ecs = new StringBuilder();
        int serial = 100;
        for (Map.Entry<String, Operation> e : FileSyscalls.table().entrySet()) {
            // Open and creat depend on flags, write names a descriptor: their kinds are not the table's alone.
            if (e.getValue() == Operation.OPEN || e.getValue() == Operation.CREATE || e.getValue() == Operation.WRITE) {
                continue;
            }
            String call = e.getKey();
            calls.add(call);
            serial++;
            String stamp = "msg=audit(11/28/2026 10:00:00.123:" + serial + ") : ";
            audit.append("----\n")
                    .append("type=PATH ").append(stamp).append("item=0 name=/srv/share/").append(call)
                    .append(" inode=42 dev=fd:01 mode=file,644 nametype=").append(nametype(e.getValue())).append('\n')
                    .append("type=CWD ").append(stamp).append("cwd=/srv/share\n")
                    .append("type=SYSCALL ").append(stamp).append("arch=x86_64 syscall=").append(call)
                    .append(" success=yes exit=0 items=1 ppid=1 pid=4242 auid=alice uid=root gid=root euid=root ")
                    .append("ses=3 comm=tool exe=/usr/bin/tool key=files\n");
            ecs.append("{\"@timestamp\":\"2026-11-28T10:00:00.").append(serial).append("Z\",")
                    .append("\"event\":{\"category\":[\"file\"]},\"host\":{\"name\":\"fs01\"},")
                    .append("\"process\":{\"pid\":4242,\"executable\":\"/usr/bin/tool\"},")
                    .append("\"auditd\":{\"data\":{\"syscall\":\"").append(call).append("\"}},")
                    .append("\"file\":{\"path\":\"/srv/share/").append(call).append("\"}}\n");
        }
        assertThat(calls).contains("truncate64", "fchmodat2", "chown32", "renameat2", "unlinkat", "rmdir");

        List<FileOp> fromAudit = fileOps(new AuditdImporter(Format.AUDITD_INTERPRETED),
                Files.writeString(tmp.resolve("audit.interpreted"), audit), Format.AUDITD_INTERPRETED);
        List<FileOp> fromEcs = fileOps(new EcsImporter(), Files.writeString(tmp.resolve("auditbeat.ndjson"), ecs),
                Format.ECS_NDJSON);

        assertThat(fromAudit).hasSize(calls.size());
        assertThat(fromEcs).hasSize(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            String call = calls.get(i);
            FileOpKind expected = expectedKind(FileSyscalls.of(call));
            assertThat(kindOf(fromAudit, call)).as("auditd %s", call).isEqualTo(expected);
            assertThat(kindOf(fromEcs, call)).as("ECS %s", call).isEqualTo(expected);
        }
    }

    /** The PATH record the kernel writes for the call: the new name of a link or directory, the removed name. */
    private static String nametype(Operation op) {
        return switch (op) {
            case LINK, MKDIR -> "CREATE";
            case DELETE, RMDIR -> "DELETE";
            default -> "NORMAL";
        };
    }

    private static FileOpKind expectedKind(Operation op) {
        return switch (op) {
            case TRUNCATE -> FileOpKind.TRUNCATE;
            case RENAME -> FileOpKind.RENAME;
            case DELETE -> FileOpKind.DELETE;
            case RMDIR -> FileOpKind.RMDIR;
            case MKDIR -> FileOpKind.MKDIR;
            case LINK -> FileOpKind.LINK;
            case CHMOD -> FileOpKind.CHMOD;
            case CHOWN -> FileOpKind.CHOWN;
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private static FileOpKind kindOf(List<FileOp> ops, String call) {
        return ops.stream().filter(o -> ("/srv/share/" + call).equals(o.path()) || ("/srv/share/" + call).equals(o.targetPath()))
                .map(FileOp::kind).findFirst().orElse(null);
    }

    private static List<FileOp> fileOps(io.ransomtrace.importers.Importer importer, Path file, Format format)
            throws IOException {
        CollectingSink sink = new CollectingSink();
        importer.importSource(new SourceFile(1, file, format), sink);
        assertThat(sink.quarantined).isEmpty();
        return sink.of(FileOp.class);
    }
}
