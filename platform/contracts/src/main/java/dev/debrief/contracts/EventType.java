package dev.debrief.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type the suite emits, with its topic and the JSON Schema of its {@code data}.
 * The CloudEvents {@code type} is {@code dev.debrief.<name>}; the schema lives on the classpath at
 * {@code schemas/<name>.v1.json} and is published with the AsyncAPI document.
 */
public enum EventType {
    QUESTION_PUBLISHED("question.published", Topics.CATALOG),
    QUESTION_REVISED("question.revised", Topics.CATALOG),
    QUESTION_RETIRED("question.retired", Topics.CATALOG),
    LOOP_PUBLISHED("loop.published", Topics.CATALOG),
    LOOP_REVISED("loop.revised", Topics.CATALOG),

    SESSION_CREATED("session.created", Topics.SESSIONS),
    SESSION_STARTED("session.started", Topics.SESSIONS),
    QUESTION_ASKED("session.question-asked", Topics.SESSIONS),
    ANSWER_SUBMITTED("session.answer-submitted", Topics.SESSIONS),
    FOLLOW_UP_ASKED("session.follow-up-asked", Topics.SESSIONS),
    CONSTRAINT_INTRODUCED("session.constraint-introduced", Topics.SESSIONS),
    SESSION_PAUSED("session.paused", Topics.SESSIONS),
    SESSION_RESUMED("session.resumed", Topics.SESSIONS),
    ROUND_COMPLETED("session.round-completed", Topics.SESSIONS),
    SESSION_COMPLETED("session.completed", Topics.SESSIONS),
    SESSION_ABANDONED("session.abandoned", Topics.SESSIONS),
    SESSION_EXPIRED("session.expired", Topics.SESSIONS),
    SESSION_PANEL_CHANGED("session.panel-changed", Topics.SESSIONS),

    ANSWER_SCORED("score.answer-scored", Topics.SCORES),
    SCORECARD_SUBMITTED("score.scorecard-submitted", Topics.SCORES),
    SESSION_DEBRIEFED("score.session-debriefed", Topics.SCORES);

    public static final String TYPE_PREFIX = "dev.debrief.";

    private final String name;
    private final String topic;

    EventType(String name, String topic) {
        this.name = name;
        this.topic = topic;
    }

    /** The CloudEvents {@code type} attribute, for example {@code dev.debrief.session.started}. */
    public String ceType() {
        return TYPE_PREFIX + name;
    }

    public String topic() {
        return topic;
    }

    /** The CloudEvents {@code dataschema} attribute: a stable URN naming the schema and its version. */
    public String dataSchema() {
        return "urn:debrief:schema:" + name + ":v1";
    }

    /** Classpath location of the JSON Schema for this type's {@code data}. */
    public String schemaResource() {
        return "schemas/" + name + ".v1.json";
    }

    public static Optional<EventType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType().equals(ceType)).findFirst();
    }
}
