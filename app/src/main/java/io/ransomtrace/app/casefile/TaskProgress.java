package io.ransomtrace.app.casefile;

/** What long work on a case tells whoever waits for it (the window's status bar), from the work's own thread. */
public interface TaskProgress {

    /** Nobody listens and nobody cancels. */
    TaskProgress NONE = new TaskProgress() {
        @Override
        public void update(double fraction, String message, String rate) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** @param fraction 0..1, or negative when unknown */
    void update(double fraction, String message, String rate);

    boolean cancelled();
}
