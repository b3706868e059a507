package io.ransomtrace.app.ui;

import io.ransomtrace.app.cli.ExitCodes;
import javafx.application.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ransomtrace gui [CASE.rtcase]}: opens the workbench window. It lives with the window, and the entry point
 * ({@link io.ransomtrace.app.Main}) adds it to the command line: the headless commands know nothing of the UI.
 */
@Command(name = "gui", mixinStandardHelpOptions = true, description = {"Open the workbench window.",
        "Without a case, opens the bundled mixed-workday sample (imported on first start into "
                + "~/.local/share/ransomtrace/cases/mixed-workday.rtcase)."})
public final class GuiCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "CASE.rtcase", description = "the case to open")
    Path caseFile;

    @Option(names = "--screenshot-dir", hidden = true,
            description = "photograph every view of the attack finding into this folder, then quit")
    Path screenshotDir;

    @Option(names = "--window-size", hidden = true, paramLabel = "WxH",
            description = "the window's size, e.g. 1280x800 (screenshots at a given size)")
    String windowSize;

    @Override
    public Integer call() {
        if (caseFile != null && !Files.isRegularFile(caseFile)) {
            System.err.println("No case file at " + caseFile + ".");
            return ExitCodes.INPUT_ERROR;
        }
        List<String> args = new ArrayList<>();
        if (screenshotDir != null) {
            args.add("--screenshot-dir=" + screenshotDir.toAbsolutePath());
        }
        if (windowSize != null) {
            if (!windowSize.matches("\\d{3,5}x\\d{3,5}")) {
                System.err.println("--window-size takes WIDTHxHEIGHT, e.g. 1280x800.");
                return ExitCodes.USAGE;
            }
            args.add("--window-size=" + windowSize);
        }
        if (caseFile != null) {
            args.add(caseFile.toAbsolutePath().toString());
        }
        Application.launch(RansomtraceApp.class, args.toArray(String[]::new));
        return ExitCodes.OK;
    }
}
