package io.ransomtrace.engine.model;

import java.time.Instant;
import java.util.Map;

/**
 * A record the detector does not act on but an analyst may need: a login (USER_LOGIN), a rule change
 * (CONFIG_CHANGE), daemon start/stop, lost-event notices, an EDR event type we do not map. Kept so nothing
 * imported silently disappears, and so coverage checks can see lost-event indicators.
 *
 * @param actor   the process the record names, or {@link Actor#NONE}
 * @param type    the source's record type, e.g. {@code USER_LOGIN}, {@code sysmon:3}, {@code ecs:network}
 * @param summary a one-line readable summary
 * @param fields  selected key/value fields (bounded by the importer)
 */
public record OtherRecord(long id, Instant time, String host, Actor actor, String type, String summary,
                          Map<String, String> fields, Provenance provenance) implements Event {

    public OtherRecord {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
