package io.ransomtrace.app.cli;

import io.ransomtrace.app.ui.RansomtraceApp;
import javafx.application.Application;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code ransomtrace gui}: opens the workbench window. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the workbench window.")
public final class GuiCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Application.launch(RansomtraceApp.class);
        return ExitCodes.OK;
    }
}
