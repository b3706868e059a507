package io.ransomtrace.app.store;

import io.ransomtrace.engine.model.Event;

/** An event read back from the case, with the key of the process instance it belongs to (null: none). */
public record StoredEvent(Event event, Long processKey) {
}
