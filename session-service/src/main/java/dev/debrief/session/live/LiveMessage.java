package dev.debrief.session.live;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.debrief.session.timeline.TimelineEntry;

/**
 * The WebSocket wire form of a timeline entry: {@code {seq, type, at, actor, data}}. Written by hand around
 * the stored data, which is already JSON (our own mapper wrote it), so nothing is parsed per message; a
 * feed renders an entry once and sends the same text to every socket of the session.
 */
public final class LiveMessage {

    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private LiveMessage() {
    }

    public static String of(TimelineEntry entry) {
        StringBuilder json = new StringBuilder(96 + entry.data.length());
        json.append("{\"seq\":").append(entry.seq).append(",\"type\":\"");
        ENCODER.quoteAsString(entry.type, json);
        json.append("\",\"at\":\"").append(entry.at).append("\",\"actor\":\"");
        ENCODER.quoteAsString(entry.actor, json);
        return json.append("\",\"data\":").append(entry.data).append('}').toString();
    }
}
