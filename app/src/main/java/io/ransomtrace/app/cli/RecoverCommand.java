package io.ransomtrace.app.cli;

import io.ransomtrace.app.casefile.CaseSession;
import io.ransomtrace.app.recovery.FindingRecovery;
import io.ransomtrace.app.recovery.PlanWriter;
import io.ransomtrace.app.recovery.RecoveryCancelledException;
import io.ransomtrace.app.store.CaseStoreException;
import io.ransomtrace.engine.finding.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ransomtrace recover --case X [--finding ID] --out PLAN_DIR}: a tested way back for every affected file. */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Plan how each affected file of a case comes back, with the evidence for each.",
                "Each file is to decrypt (the attacker's key is in the audit trail), intact, undelete-possible or",
                "restore-from-backup, each with its evidence event. Writes PLAN_DIR/decrypt.sh",
                "(run: sh decrypt.sh RESTORE_ROOT [EVIDENCE_ROOT]; it holds the keys in full), PLAN_DIR/restore.csv",
                "(the method per file, keys masked) and PLAN_DIR/summary.txt."})
public final class RecoverCommand implements Callable<Integer> {

    @Option(names = "--case", required = true, paramLabel = "X.rtcase", description = "the case to plan from")
    Path casePath;

    @Option(names = "--out", required = true, paramLabel = "PLAN_DIR",
            description = "a new or empty folder for the plan (refused when it is a link or holds files, unless --force)")
    Path out;

    @Option(names = "--finding", paramLabel = "ID", description = "a finding to plan (repeatable; default: all at or above --min-severity)")
    List<String> findings = new ArrayList<>();

    @Option(names = "--min-severity", paramLabel = "LEVEL", defaultValue = "medium",
            description = "plan unsuppressed findings at or above this severity when no --finding is given (default: ${DEFAULT-VALUE})")
    String minSeverity;

    @Option(names = "--force", description = "replace the plan files in a folder that already holds files")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outw = spec.commandLine().getOut();
        Severity floor = Severity.parse(minSeverity);
        if (floor == null) {
            err.println("recover: unknown severity '" + minSeverity + "'; use info, low, medium, high or critical");
            return ExitCodes.USAGE;
        }
        if (!Files.isRegularFile(casePath)) {
            err.println("recover: no such case: " + casePath);
            return ExitCodes.INPUT_ERROR;
        }
        try (CaseSession session = CaseSession.openReadOnly(casePath)) {
            List<FindingRecovery> plans = session.recoveryPlans(findings, floor, () -> false);
            PlanWriter.Written w = PlanWriter.write(out, casePath.getFileName().toString(), plans, force);
            for (FindingRecovery p : plans) {
                // host names and notes come from the logs: escapes and bidi controls shown, never sent raw
                outw.println(ScanReportText.shown(p.findingId() + " (" + p.host() + "): "
                        + (p.note() != null ? p.note() : p.plan().summary())));
            }
            if (plans.isEmpty()) {
                outw.println("No finding at or above " + floor.label() + ": the plan is empty.");
            }
            outw.printf("Wrote %s: %s (%d file%s to decrypt), %s, %s%n", w.dir(), PlanWriter.SCRIPT, w.decrypt(),
                    w.decrypt() == 1 ? "" : "s", PlanWriter.CSV, PlanWriter.SUMMARY);
            outw.flush();
            return ExitCodes.OK;
        } catch (PlanWriter.RefusedException e) {
            err.println("recover: " + ScanReportText.shown(e.getMessage()));
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("recover: " + ScanReportText.shown(e.getMessage()));
            return ExitCodes.USAGE;
        } catch (IOException | CaseStoreException e) {
            err.println("recover: " + ScanReportText.shown(e.getMessage()));
            return ExitCodes.INPUT_ERROR;
        } catch (RecoveryCancelledException e) {
            err.println("recover: cancelled");
            return ExitCodes.INPUT_ERROR;
        } catch (RuntimeException e) {
            // a case this version cannot read as expected: say what, never a stack trace
            err.println("recover: cannot plan from " + casePath + ": " + ScanReportText.shown(String.valueOf(e)));
            return ExitCodes.INPUT_ERROR;
        }
    }
}
