package io.ransomtrace.engine.process;

/** What a process is for when deciding which process a campaign belongs to. */
public enum ProcessRole {
    /** A service or session leader (sshd, systemd, cron, login, tmux): the walk up the tree stops below it. */
    BOUNDARY,
    /** An interactive or login shell: the human's session. Per-file tools typed in it join its campaign. */
    INTERACTIVE_SHELL,
    /** A shell or interpreter running a script, find, xargs, parallel: passes lineage through. */
    SCRIPT_RUNNER,
    /** sudo, env, nohup, timeout...: runs one other program; never named as root when it has a child. */
    WRAPPER,
    /** A per-file tool (openssl, gpg, rm, mv, sed): typed in a session it joins the session's campaign. */
    FILE_TOOL,
    /** Any other program: it and everything below it form one campaign unless a parent claims it. */
    ORDINARY,
    /** A parent known only by its pid (it started before the log): treated like a session. */
    UNKNOWN
}
