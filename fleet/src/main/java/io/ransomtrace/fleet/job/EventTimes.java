package io.ransomtrace.fleet.job;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.nio.charset.StandardCharsets;

/**
 * The event time of a shipped line, read cheaply without parsing the whole line (it drives watermarks, before any
 * event is assembled): auditd's {@code msg=audit(SECONDS.MILLIS:SERIAL)}, or an ECS document's {@code @timestamp}.
 */
public final class EventTimes {
    /** No time could be read: the line does not move the watermark. */
    public static final long UNKNOWN = Long.MIN_VALUE;
    private static final byte[] AUDIT = "msg=audit(".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TIMESTAMP = "\"@timestamp\"".getBytes(StandardCharsets.US_ASCII);

    private EventTimes() {
    }

    public static long of(byte[] line) {
        int i = indexOf(line, AUDIT, 0);
        if (i >= 0) {
            return auditStamp(line, i + AUDIT.length);
        }
        i = indexOf(line, TIMESTAMP, 0);
        if (i >= 0) {
            return isoString(line, i + TIMESTAMP.length);
        }
        return UNKNOWN;
    }

    private static long auditStamp(byte[] b, int i) {
        long seconds = 0;
        int digits = 0;
        while (i < b.length && b[i] >= '0' && b[i] <= '9' && digits < 12) {
            seconds = seconds * 10 + (b[i++] - '0');
            digits++;
        }
        if (digits == 0 || i >= b.length || b[i] != '.') {
            return UNKNOWN; // ausearch -i prints local dates; the job reads those lines, but they set no watermark
        }
        i++;
        int millis = 0;
        int n = 0;
        while (i < b.length && b[i] >= '0' && b[i] <= '9' && n < 3) {
            millis = millis * 10 + (b[i++] - '0');
            n++;
        }
        while (n++ < 3) {
            millis *= 10;
        }
        return seconds * 1000 + millis;
    }

    private static long isoString(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == ':')) {
            i++;
        }
        if (i >= b.length || b[i] != '"') {
            return UNKNOWN;
        }
        int end = i + 1;
        while (end < b.length && b[end] != '"' && end - i < 64) {
            end++;
        }
        if (end >= b.length || b[end] != '"') {
            return UNKNOWN;
        }
        try {
            return Instant.parse(new String(b, i + 1, end - i - 1, StandardCharsets.US_ASCII)).toEpochMilli();
        } catch (DateTimeParseException e) {
            return UNKNOWN;
        }
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
