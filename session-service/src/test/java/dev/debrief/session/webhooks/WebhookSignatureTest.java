package dev.debrief.session.webhooks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    /** The Standard Webhooks reference libraries' own test vector: a receiver's library accepts what we sign. */
    @Test
    void shouldReproduceTheStandardWebhooksTestVector() {
        WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        String signature = WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");

        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    @Test
    void shouldSignWithEverySecretSpaceSeparatedDuringARotation() {
        WebhookSecret current = WebhookSecret.generate();
        WebhookSecret previous = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        String header = WebhookSignature.header(List.of(current, previous), "msg_1", 1700000000, "{}");

        String[] parts = header.split(" ");
        assertEquals(2, parts.length);
        assertEquals(WebhookSignature.sign(current, "msg_1", 1700000000, "{}"), parts[0]);
        assertEquals(WebhookSignature.sign(previous, "msg_1", 1700000000, "{}"), parts[1]);
    }

    @Test
    void shouldChangeTheSignatureWhenIdTimestampOrBodyChange() {
        WebhookSecret secret = WebhookSecret.generate();
        String base = WebhookSignature.sign(secret, "msg_1", 1, "{}");

        assertNotEquals(base, WebhookSignature.sign(secret, "msg_2", 1, "{}"));
        assertNotEquals(base, WebhookSignature.sign(secret, "msg_1", 2, "{}"));
        assertNotEquals(base, WebhookSignature.sign(secret, "msg_1", 1, "{ }"));
    }

    @Test
    void shouldGenerateSecretsOfThirtyTwoRandomBytesInTheWhsecForm() {
        WebhookSecret a = WebhookSecret.generate();
        WebhookSecret b = WebhookSecret.generate();

        assertTrue(a.value().startsWith("whsec_"));
        assertEquals(32, a.key().length);
        assertNotEquals(a.value(), b.value());
    }

    @Test
    void shouldRefuseSecretsNotInTheWhsecForm() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertThrows(IllegalArgumentException.class, () -> new WebhookSecret("whsec_not base64!"));
        assertThrows(IllegalArgumentException.class, () -> new WebhookSecret("whsec_c2hvcnQ=")); // 5 bytes: too short
        assertThrows(IllegalArgumentException.class, () -> new WebhookSecret(null));
    }
}
