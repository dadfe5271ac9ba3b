package dev.debrief.launcher;

import java.util.StringJoiner;

/** What a person needs once the stack is up: addresses, demo accounts and a first request to copy. */
final class Banner {

    private Banner() {
    }

    static String text(StackConfig config) {
        Ports p = config.ports();
        StringJoiner out = new StringJoiner(System.lineSeparator());
        out.add("");
        out.add("Debrief is running" + (config.infraOnly() ? " (infrastructure only: start the services yourself)" : "") + ". Ctrl-C stops everything.");
        out.add("");
        if (!config.infraOnly()) {
            out.add("  Gateway (the API)      http://localhost:" + p.gateway() + "   Swagger UI http://localhost:" + p.gateway() + "/q/swagger-ui");
            out.add("  question-service       http://localhost:" + p.question() + "/q/swagger-ui");
            out.add("  session-service        http://localhost:" + p.session() + "/q/swagger-ui"
                    + (config.sessionReplicas() > 1 ? "   replicas on " + config.sessionPorts().subList(1, config.sessionReplicas()) : ""));
            out.add("  scoring-service        http://localhost:" + p.scoring() + "/q/swagger-ui");
        }
        out.add("  Keycloak admin console http://localhost:" + p.keycloak() + "/admin/   (demo login "
                + KeycloakServer.ADMIN_USER + " / " + KeycloakServer.ADMIN_PASSWORD + ")");
        out.add("  Realm issuer           " + KeycloakServer.issuer(p));
        out.add("  PostgreSQL             " + PostgresServer.jdbcUrl(p.postgres()) + "   (demo role "
                + PostgresServer.ROLE + " / " + PostgresServer.PASSWORD + ")");
        out.add("  Kafka                  localhost:" + p.kafka());
        out.add("  Logs                   " + config.logs());
        out.add("");
        out.add("  DEMO users (password 'demo' for all, local use only):");
        out.add("    ada    admin                     no firm");
        out.add("    nina   analyst                   northwind");
        out.add("    cara   candidate                 northwind     colin  coach   northwind     fiona  firm-admin  northwind");
        out.add("    sam    candidate                 summit        sofia  coach   summit        seth   firm-admin  summit");
        out.add("    uma    candidate (self-practice) no firm");
        out.add("  DEMO clients: debrief-web (public, PKCE; password grant on for the demo)");
        out.add("    northwind-integration / northwind-demo-secret   summit-integration / summit-demo-secret   (client credentials)");
        out.add("    session-service / session-service-demo-secret   (service to service)");
        out.add("");
        out.add("  Try it:");
        out.add("    TOKEN=$(curl -s -d grant_type=password -d client_id=debrief-web -d username=cara -d password=demo \\");
        out.add("      " + KeycloakServer.tokenUrl(p) + " | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        out.add("    curl -s -H \"Authorization: Bearer $TOKEN\" http://localhost:" + p.gateway() + "/api/questions");
        out.add("");
        return out.toString();
    }
}
