package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schema-driven fuzzing (issue 13, build item 9): every operation of each service's own OpenAPI document,
 * called on the service's port with a token it accepts, with wrong types, control characters, huge and
 * empty values, duplicate keys and broken bodies, path segments and query values. Expects no 5xx, every
 * 4xx as problem+json, and no row written by a refused request. The seed is fixed, so a failure repeats.
 */
class FuzzIT {

    private static final long SEED = 13;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> SEGMENTS = List.of("%00", "%07", "%1B%5B31m", "a%00b", "x".repeat(5000), "-1",
            "99999999999999999999", "..%2F..", "%E2%80%AE", "null", "%20", "%C3%28");
    private static final List<String> CONTROL = List.of("a\u0000b", "\u001b[31mred", "\u0007", "\u007f", "\u0085", "\u0000");

    private final Random random = new Random(SEED);
    private int cases;
    private final List<String> serverErrors = new ArrayList<>();
    private final List<String> notProblems = new ArrayList<>();
    private final List<String> partialWrites = new ArrayList<>();

    @Test
    void shouldAnswerEveryMalformedRequestWithA4xxProblemAndWriteNothing() throws Exception {
        RealKeycloak keycloak = SharedStack.keycloak();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("candidate", keycloak.userToken("cara"));
        tokens.put("coach", keycloak.userToken("colin"));
        tokens.put("other-coach", keycloak.userToken("noel"));
        tokens.put("firm-admin", keycloak.userToken("fiona"));
        tokens.put("admin", keycloak.userToken("ada"));
        tokens.put("analyst", keycloak.userToken("nina"));
        tokens.put("other-firm", keycloak.userToken("seth"));
        tokens.put("no-firm", keycloak.userToken("uma"));
        tokens.put("client", keycloak.clientToken("northwind-integration", "northwind-demo-secret"));
        tokens.put("none", null);
        AccessMatrixIT.Fixtures fixtures = AccessMatrixIT.Fixtures.create(SharedStack.gateway(), tokens);

        var ports = SharedStack.ports();
        int operations = 0;
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + ports.postgres() + "/debrief",
                "debrief", "debrief")) {
            for (int port : new int[] { ports.question(), ports.session(), ports.scoring() }) {
                Api service = new Api("http://localhost:" + port);
                JsonNode document = service.get("/q/openapi?format=json", null).expect(200).json();
                for (String[] operation : AccessMatrixIT.operations(document)) {
                    operations++;
                    fuzz(service, document, operation[0], operation[1], fixtures, tokens, db);
                }
            }
        }
        System.out.println("Fuzz: " + cases + " cases over " + operations + " operations (seed " + SEED + "); "
                + serverErrors.size() + " answered 5xx, " + notProblems.size() + " 4xx without problem+json, "
                + partialWrites.size() + " refused requests that wrote rows");
        assertTrue(serverErrors.isEmpty(), serverErrors.size() + " cases answered 5xx:\n" + String.join("\n", first(serverErrors)));
        assertTrue(notProblems.isEmpty(), notProblems.size() + " 4xx without problem+json:\n" + String.join("\n", first(notProblems)));
        assertTrue(partialWrites.isEmpty(), "refused requests that wrote rows:\n" + String.join("\n", first(partialWrites)));
    }

    private void fuzz(Api service, JsonNode document, String method, String template, AccessMatrixIT.Fixtures fixtures,
            Map<String, String> tokens, Connection db) throws Exception {
        String token = tokenFor(service, method, template, fixtures, tokens);
        String path = fixtures.fill(template);
        JsonNode operation = document.path("paths").path(template).path(method.toLowerCase());

        // path segments: each parameter in turn replaced by a hostile value
        Matcher parameter = PARAMETER.matcher(template);
        while (parameter.find()) {
            for (String segment : SEGMENTS) {
                String mutated = fixtures.fill(template.replace(parameter.group(), "\u0001"))
                        .replace("\u0001", segment);
                send(service, method, mutated, token, jsonOrNull(fixtures.body(method, template)), db);
            }
        }
        // query values, declared or not
        List<String> queries = new ArrayList<>(List.of("q", "sessionId", "format", "page", "size", "from", "to", "status"));
        for (JsonNode p : operation.path("parameters")) {
            if (p.path("in").asText().equals("query") && !queries.contains(p.path("name").asText())) {
                queries.add(p.path("name").asText());
            }
        }
        for (String name : queries) {
            for (String value : List.of("%00", "%1B", "x".repeat(3000), "", "-1", "%C3%28", "%5B%5D", "1e309")) {
                send(service, method, path + "?" + name + "=" + value, token, jsonOrNull(fixtures.body(method, template)), db);
            }
        }
        if (!List.of("POST", "PUT", "PATCH").contains(method)) {
            return;
        }
        // whole bodies
        for (String body : List.of("[]", "null", "\"text\"", "123", "{}", "{", "{\"a\":1,\"a\":2}", "[".repeat(5000),
                "{\"x\":\"" + "y".repeat(2_000_000) + "\"}")) {
            send(service, method, path, token, body.getBytes(StandardCharsets.UTF_8), db);
        }
        send(service, method, path, token, new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}' }, db);
        // field by field, from the schema and from the valid body the matrix sends
        JsonNode valid = Api.JSON.valueToTree(fixtures.body(method, template));
        JsonNode schema = resolve(document, operation.path("requestBody").path("content").path("application/json").path("schema"));
        ObjectNode base = valid instanceof ObjectNode o && !o.isEmpty() ? o : sample(document, schema, 0) instanceof ObjectNode s ? s : NODES.objectNode();
        List<String> fields = new ArrayList<>();
        base.fieldNames().forEachRemaining(fields::add);
        schema.path("properties").fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                fields.add(f);
            }
        });
        for (String field : fields) {
            for (JsonNode value : mutations(base.get(field))) {
                ObjectNode body = base.deepCopy();
                body.set(field, value);
                send(service, method, path, token, Api.JSON.writeValueAsBytes(body), db);
            }
            // the same key twice: the second must not silently win
            String duplicate = Api.JSON.writeValueAsString(base);
            String extra = "\"" + field + "\":" + Api.JSON.writeValueAsString(mutations(base.get(field)).get(0));
            duplicate = duplicate.equals("{}") ? "{" + extra + "," + extra + "}" : duplicate.substring(0, duplicate.length() - 1) + "," + extra + "}";
            send(service, method, path, token, duplicate.getBytes(StandardCharsets.UTF_8), db);
        }
    }

    /** Wrong types, control characters, huge and empty values and null, for the kind of value there. */
    private List<JsonNode> mutations(JsonNode value) {
        List<JsonNode> out = new ArrayList<>();
        String control = CONTROL.get(random.nextInt(CONTROL.size()));
        out.add(NODES.textNode(control));
        out.add(NODES.textNode("ok " + control + " text"));
        out.add(NODES.textNode("z".repeat(100_000 + random.nextInt(1000))));
        out.add(NODES.textNode(""));
        out.add(NODES.nullNode());
        out.add(NODES.numberNode(-1));
        out.add(NODES.numberNode(new java.math.BigInteger("9".repeat(40))));
        out.add(NODES.numberNode(1.5e308));
        out.add(NODES.booleanNode(true));
        out.add(NODES.arrayNode().add(NODES.textNode(control)));
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < 5000; i++) {
            many.add(i);
        }
        out.add(many);
        out.add(NODES.objectNode().put("nested", control));
        if (value != null && value.isArray() && !value.isEmpty()) {
            ArrayNode broken = value.deepCopy();
            broken.set(0, NODES.textNode(control));
            out.add(broken);
            if (value.get(0).isObject()) {
                Iterator<String> names = value.get(0).fieldNames();
                while (names.hasNext()) {
                    String name = names.next();
                    ObjectNode copy = value.get(0).deepCopy();
                    copy.put(name, control);
                    out.add(NODES.arrayNode().add(copy));
                    ObjectNode wrong = value.get(0).deepCopy();
                    wrong.set(name, NODES.arrayNode());
                    out.add(NODES.arrayNode().add(wrong));
                }
            }
        }
        if (value != null && value.isObject()) {
            Iterator<String> names = value.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                ObjectNode copy = value.deepCopy();
                copy.put(name, control);
                out.add(copy);
            }
        }
        return out;
    }

    private void send(Api service, String method, String path, String token, byte[] body, Connection db) throws SQLException {
        long before = rows(db);
        Api.Reply reply = service.send(method, path, token, body == null ? null : "application/json", body);
        cases++;
        String what = method + " " + abbreviate(path) + " " + abbreviate(body == null ? "" : new String(body, StandardCharsets.UTF_8));
        if (reply.status() >= 500) {
            serverErrors.add(reply.status() + " " + what + " -> " + abbreviate(reply.raw().body()));
        }
        if (reply.status() >= 400 && reply.status() < 500) {
            if (!reply.header("Content-Type").orElse("").startsWith("application/problem+json")) {
                notProblems.add(reply.status() + " " + what);
            }
            long after = rows(db);
            if (after != before) {
                partialWrites.add(reply.status() + " " + what + ": " + before + " -> " + after + " rows");
            }
        }
    }

    /**
     * Every row of the services' own tables (not the outbox and inbox, which events move on their own, nor the
     * webhook deliveries and attempts, which events and the dispatcher add on their own).
     */
    private static long rows(Connection db) throws SQLException {
        StringBuilder sql = new StringBuilder();
        try (var statement = db.createStatement(); var tables = statement.executeQuery("""
                select table_schema, table_name from information_schema.tables
                where table_schema in ('question', 'session', 'scoring') and table_type = 'BASE TABLE'
                  and table_name not like '%outbox%' and table_name not like '%inbox%' and table_name not like 'flyway%'
                  and table_name not like 'webhook_delivery%'""")) {
            while (tables.next()) {
                sql.append(sql.isEmpty() ? "select " : " + ").append("(select count(*) from \"")
                        .append(tables.getString(1)).append("\".\"").append(tables.getString(2)).append("\")");
            }
        }
        if (sql.isEmpty()) {
            return 0;
        }
        try (var statement = db.createStatement(); ResultSet count = statement.executeQuery(sql.toString())) {
            count.next();
            return count.getLong(1);
        }
    }

    /** A caller the operation lets in on the fixtures, so the fuzzed input reaches the code behind the checks. */
    private static String tokenFor(Api service, String method, String template, AccessMatrixIT.Fixtures fixtures,
            Map<String, String> tokens) {
        if (template.contains("/answer") || template.contains("/draft") || template.equals("/api/progress/me")
                || template.equals("/api/sessions") && method.equals("POST")) {
            return tokens.get("candidate");
        }
        if (template.startsWith("/api/rubrics") && !method.equals("GET") || template.startsWith("/api/firm/webhooks")) {
            return tokens.get("firm-admin");
        }
        if (template.equals("/api/calibration") || template.equals("/api/progress")) {
            return tokens.get("analyst");
        }
        if (template.startsWith("/api/admin/")) {
            return tokens.get("admin");
        }
        return tokens.get("coach");
    }

    private JsonNode sample(JsonNode document, JsonNode schema, int depth) {
        schema = resolve(document, schema);
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        switch (schema.path("type").asText("object")) {
            case "string" -> {
                return NODES.textNode(schema.path("format").asText().equals("uuid") ? new UUID(random.nextLong(), random.nextLong()).toString() : "text");
            }
            case "integer", "number" -> {
                return NODES.numberNode(1);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            case "array" -> {
                return depth > 3 ? NODES.arrayNode() : NODES.arrayNode().add(sample(document, schema.path("items"), depth + 1));
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                if (depth <= 3) {
                    schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), sample(document, p.getValue(), depth + 1)));
                }
                return object;
            }
        }
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        int hops = 0;
        while (schema.has("$ref") && hops++ < 10) {
            String ref = schema.path("$ref").asText();
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            schema = target;
        }
        if (schema.has("allOf") && schema.path("allOf").size() == 1) {
            return resolve(document, schema.path("allOf").get(0));
        }
        return schema;
    }

    private static byte[] jsonOrNull(Object body) throws Exception {
        return body == null ? null : Api.JSON.writeValueAsBytes(body);
    }

    private static String abbreviate(String s) {
        String flat = s.replace('\n', ' ');
        return flat.length() > 120 ? flat.substring(0, 120) + "…(" + flat.length() + ")" : flat;
    }

    private static List<String> first(List<String> all) {
        return all.subList(0, Math.min(40, all.size()));
    }
}
