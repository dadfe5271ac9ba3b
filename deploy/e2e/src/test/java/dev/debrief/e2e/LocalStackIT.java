package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.launcher.Ports;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole local stack, for real: the launcher starts PostgreSQL, Kafka, Keycloak and the four services
 * (data in target/stack, so in CI this is a first start), and the tests call it as a client would.
 * Ports come from -Ddebrief.gateway-port=… and friends, defaults as in the README. The stack is the one
 * {@link SharedStack} every end-to-end class uses; the launcher's shutdown hook stops it when the test JVM exits.
 */
class LocalStackIT {

    private static final List<String> API_LISTS = List.of("/api/questions", "/api/sessions", "/api/rubrics");

    private static Ports ports;
    private static RealKeycloak keycloak;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTheRealStack() {
        ports = SharedStack.ports();
        keycloak = SharedStack.keycloak();
    }

    @Test
    void shouldReachEveryServiceThroughGatewayWithRealToken() throws Exception {
        String token = keycloak.userToken("cara");

        for (String path : API_LISTS) {
            HttpResponse<String> response = get(path, token);
            assertEquals(200, response.statusCode(), path + " answered " + response.body());
        }
    }

    @Test
    void shouldRefuseEveryApiCallWithoutTokenAsProblemJson() throws Exception {
        for (String path : API_LISTS) {
            HttpResponse<String> response = get(path, null);
            assertEquals(401, response.statusCode(), path);
            String contentType = response.headers().firstValue("Content-Type").orElse("(none)");
            assertTrue(contentType.startsWith("application/problem+json"), path + " answered Content-Type " + contentType);
        }
    }

    @Test
    void shouldIssueUserTokensCarryingAudienceRolesUsernameAndFirm() {
        JsonNode claims = RealKeycloak.claims(keycloak.userToken("cara"));

        assertTrue(texts(claims.get("aud")).contains("debrief-api"), claims.toString());
        assertTrue(texts(claims.at("/realm_access/roles")).contains("candidate"), claims.toString());
        assertEquals("cara", claims.get("preferred_username").asText());
        assertEquals(List.of("northwind"), texts(claims.get("organization")));
    }

    @Test
    void shouldIssueFirmIntegrationTokensNamingTheFirmLikeAUserTokenDoes() {
        JsonNode claims = RealKeycloak.claims(keycloak.clientToken("summit-integration", "summit-demo-secret"));

        assertTrue(texts(claims.get("aud")).contains("debrief-api"), claims.toString());
        assertTrue(texts(claims.at("/realm_access/roles")).containsAll(List.of("firm-admin", "coach")), claims.toString());
        assertEquals("service-account-summit-integration", claims.get("preferred_username").asText());
        assertEquals(List.of("summit"), texts(claims.get("organization")));
    }

    @Test
    void shouldLeaveTheOrganizationClaimOutForACandidateWithoutFirm() {
        JsonNode claims = RealKeycloak.claims(keycloak.userToken("uma"));

        assertFalse(claims.has("organization"), claims.toString());
        assertTrue(texts(claims.at("/realm_access/roles")).contains("candidate"), claims.toString());
    }

    @Test
    void shouldGiveEveryServiceItsOwnMigratedSchemaInTheSharedDatabase() throws Exception {
        String url = "jdbc:postgresql://localhost:" + ports.postgres() + "/debrief";
        List<String> schemas = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "debrief", "debrief");
             ResultSet rows = connection.createStatement().executeQuery("SELECT schema_name FROM information_schema.schemata")) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
        }
        assertTrue(schemas.containsAll(List.of("question", "session", "scoring")), schemas.toString());
    }

    @Test
    void shouldCarryARecordThroughTheRealKafkaBroker() {
        String topic = "debrief.e2e-smoke";
        String key = UUID.randomUUID().toString();
        String bootstrap = "localhost:" + ports.kafka();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, key, "hello")).get();
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + bootstrap, e);
        }

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + key,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        assertEquals("hello", record.value());
                        return;
                    }
                }
            }
        }
        throw new AssertionError("the record keyed " + key + " never came back from " + topic);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + ports.gateway() + path))
                .timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A claim's values: Keycloak writes a single audience as a string, several as an array. */
    private static List<String> texts(JsonNode claim) {
        List<String> values = new ArrayList<>();
        if (claim != null && claim.isTextual()) {
            values.add(claim.asText());
        } else if (claim != null) {
            claim.forEach(node -> values.add(node.asText()));
        }
        return values;
    }
}
