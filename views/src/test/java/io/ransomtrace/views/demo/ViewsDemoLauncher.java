package io.ransomtrace.views.demo;

import javafx.application.Application;

/** Starts {@link ViewsDemo} from the plain classpath (a main class extending Application would need modules). */
public final class ViewsDemoLauncher {
    private ViewsDemoLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(ViewsDemo.class, args);
    }
}
