package dev.debrief.session.webhooks;

import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Topics;

import java.util.Arrays;
import java.util.List;

/** The event types a firm can subscribe to: those of the session and score topics (the catalog's are not a firm's). */
public final class WebhookEventTypes {

    public static final List<String> ALL = Arrays.stream(EventType.values())
            .filter(t -> t.topic().equals(Topics.SESSIONS) || t.topic().equals(Topics.SCORES))
            .map(t -> t.ceType().substring(EventType.TYPE_PREFIX.length()))
            .toList();

    private WebhookEventTypes() {
    }
}
