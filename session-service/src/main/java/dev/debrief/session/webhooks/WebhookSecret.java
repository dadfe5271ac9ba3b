package dev.debrief.session.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A signing secret in the Standard Webhooks form, {@code whsec_<base64 of the key>}: the key is what the HMAC
 * uses; the prefix only tells people and libraries what the string is.
 */
public record WebhookSecret(String value) {

    static final String PREFIX = "whsec_";
    /** The spec asks for 24 to 64 bytes of key. */
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    public WebhookSecret {
        key(value); // refuses a malformed secret at construction
    }

    public static WebhookSecret generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The HMAC key: the bytes the base64 after the prefix names. */
    public byte[] key() {
        return key(value);
    }

    private static byte[] key(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("must start with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be " + PREFIX + " followed by base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("must hold " + MIN_BYTES + " to " + MAX_BYTES + " bytes of key");
        }
        return key;
    }

    @Override
    public String toString() {
        return PREFIX + "…"; // never in a log line by accident
    }
}
