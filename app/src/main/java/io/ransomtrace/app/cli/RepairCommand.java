package io.ransomtrace.app.cli;

import io.ransomtrace.app.files.OutputFile;
import io.ransomtrace.app.store.CaseRepair;
import io.ransomtrace.engine.text.Inert;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ransomtrace repair --case X --out Y}: copies the data of a case that was refused (changed outside
 * Ransomtrace, damaged) into a fresh case built by this version's own schema; the old case is only read.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Copy the data of a refused or damaged case into a new case made by this version of Ransomtrace.",
                "Only the old case's plain tables are read (none of its triggers, views or virtual tables run);",
                "rows that cannot be read or do not fit are skipped and counted. The old case is not changed."})
public final class RepairCommand implements Callable<Integer> {

    @Option(names = "--case", required = true, paramLabel = "X.rtcase", description = "the case to copy from")
    Path casePath;

    @Option(names = "--out", required = true, paramLabel = "NEW.rtcase", description = "the new case (must not exist)")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputFile target;
        try {
            target = OutputFile.check(out, false, List.of(casePath));
        } catch (OutputFile.RefusedException e) {
            err.println("repair: " + e.getMessage());
            return ExitCodes.INPUT_ERROR;
        }
        CaseRepair.Result r = CaseRepair.repair(casePath, target);
        stdout.printf(Locale.ROOT, "%-20s %12s %9s  %s%n", "TABLE", "ROWS", "SKIPPED", "NOTE");
        for (CaseRepair.TableResult t : r.tables()) {
            stdout.printf(Locale.ROOT, "%-20s %,12d %,9d  %s%n", t.table(), t.copied(), t.skipped(),
                    t.problem() == null ? "" : Inert.visible(t.problem()));
        }
        stdout.printf(Locale.ROOT, "Wrote %s%s%n", r.out(), r.skipped() == 0 ? ""
                : String.format(Locale.ROOT, " (%,d rows skipped)", r.skipped()));
        stdout.flush();
        return ExitCodes.OK;
    }
}
