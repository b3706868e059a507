package io.ransomtrace.views.timeline;

import io.ransomtrace.views.common.Palette;
import javafx.scene.paint.Color;

import java.time.Instant;

/** A moment the analyst should see on the timeline: first event, first alert, first note. */
public record TimelineMarker(Instant time, Kind kind, String label) {

    public enum Kind {
        FIRST_EVENT(Palette.MARK_FIRST_EVENT),
        FIRST_ALERT(Palette.MARK_FIRST_ALERT),
        FIRST_NOTE(Palette.MARK_FIRST_NOTE);

        private final Color color;

        Kind(Color color) {
            this.color = color;
        }

        public Color color() {
            return color;
        }
    }
}
