package dev.debrief.kit.security;

/** The realm roles of the debrief Keycloak realm. */
public final class Roles {
    /** Practises interviews; sees only their own sessions and scores. */
    public static final String CANDIDATE = "candidate";
    /** Interviews and scores candidates of their firm; curates the firm's private bank. */
    public static final String COACH = "coach";
    /** Runs a coaching firm (a tenant): everything in the firm. */
    public static final String FIRM_ADMIN = "firm-admin";
    /** Debrief staff: the public catalog and rubrics. */
    public static final String ADMIN = "admin";
    /** Reads aggregate figures (calibration, progress) of their firm. */
    public static final String ANALYST = "analyst";

    /**
     * session-service's own identity (the realm's {@code session-service} client): reads question snapshots
     * and draws for the firm a session is scheduled in, answer keys included, never a user's token.
     */
    public static final String SNAPSHOT_READER = "snapshot-reader";

    private Roles() {
    }
}
