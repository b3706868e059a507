package io.ransomtrace.engine.correlate;

import io.ransomtrace.engine.model.FileOp;
import io.ransomtrace.engine.model.FileOpKind;
import io.ransomtrace.engine.process.ProcessInfo;
import io.ransomtrace.engine.signal.EncryptionCommandParser;
import io.ransomtrace.engine.signal.PathNames;
import io.ransomtrace.engine.signal.ToolUse;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the files of a recursive deletion really were. {@code rm -r DIR} and {@code find DIR … -delete} walk the
 * tree with directory file descriptors and delete with {@code unlinkat(dirfd, "name")}. The kernel's audit
 * record then names the file relative to that descriptor, but logs the process's working directory as its
 * parent (it prints the cwd for every relative name), so an importer resolving the name against the CWD record
 * puts every deleted file in the working directory. For a deleting process with directory operands, a deleted
 * path that lies directly in its working directory and under none of its operands is such a name: it is put
 * back under the (first) operand. Files in subdirectories of the operand come out one level up; what matters —
 * which tree the file was in, and one file per name — holds.
 */
final class RecursiveDeletion {
    private RecursiveDeletion() {
    }

    /** The trees a deleting process was told to delete under (rm/unlink operands, find starting points), or empty. */
    static List<String> roots(ProcessInfo p) {
        String name = p.exeName();
        if (name == null || !p.argvKnown()) {
            return List.of();
        }
        List<String> argv = p.argv();
        if (name.equals("rm")) {
            ToolUse use = EncryptionCommandParser.parse(name, argv, p.cwd());
            return use != null && use.recursive() ? use.targets() : List.of();
        }
        if (name.equals("find") && argv.contains("-delete")) {
            List<String> out = new ArrayList<>();
            for (int i = 1; i < argv.size(); i++) {
                String a = argv.get(i);
                if (a.startsWith("-") || a.equals("(") || a.equals("!")) {
                    break; // the expression starts: everything before it were starting points
                }
                out.add(PathNames.resolve(p.cwd(), a));
            }
            return out.isEmpty() && p.cwd() != null ? List.of(p.cwd()) : out;
        }
        return List.of();
    }

    /** The deletion with its path put back under the tree it was deleted from (see the class comment), or op itself. */
    static FileOp relocate(FileOp op, ProcessInfo actor, List<String> roots) {
        if (roots.isEmpty() || (op.kind() != FileOpKind.DELETE && op.kind() != FileOpKind.RMDIR) || op.path() == null
                || actor.cwd() == null) {
            return op;
        }
        String path = op.path();
        int slash = path.lastIndexOf('/');
        String dir = slash <= 0 ? "/" : path.substring(0, slash);
        if (!dir.equals(actor.cwd())) {
            return op;
        }
        for (String root : roots) {
            if (path.equals(root) || path.startsWith(root.endsWith("/") ? root : root + "/")) {
                return op; // really there
            }
        }
        String moved = roots.get(0) + path.substring(slash);
        return new FileOp(op.id(), op.time(), op.host(), op.actor(), op.kind(), moved, op.targetPath(), op.openFlags(),
                op.mode(), op.success(), op.inode(), op.contentHint(), op.provenance());
    }
}
