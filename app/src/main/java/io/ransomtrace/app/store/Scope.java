package io.ransomtrace.app.store;

/** Which events an aggregation covers. */
public sealed interface Scope {

    /** Every event of the case. */
    record WholeCase() implements Scope {
    }

    /** The events of one host. */
    record Host(String name) implements Scope {
    }

    /** The events of a process and all its descendants (a campaign's lineage). */
    record Lineage(long processKey) implements Scope {
    }

    static Scope wholeCase() {
        return new WholeCase();
    }

    static Scope host(String name) {
        return new Host(name);
    }

    static Scope lineage(long processKey) {
        return new Lineage(processKey);
    }
}
