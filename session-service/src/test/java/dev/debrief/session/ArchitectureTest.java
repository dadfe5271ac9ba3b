package dev.debrief.session;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import dev.debrief.testsupport.architecture.ModuleArchitectureTest;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shared architecture rules (platform/test-support), run against this module, and one of its own: the session
 * features' domain and use cases know no HTTP and no Kafka. Only the adapters at the edge do: the REST resources
 * (with {@code lifecycle.Etags}, their If-Match and ETag headers) and the Kafka consumers. (The shared rule on a
 * {@code domain} package has little to check here, since the domain lives in its feature packages.)
 */
class ArchitectureTest extends ModuleArchitectureTest {

    private static final String BASE = "dev.debrief.session";

    /** A REST resource, a Kafka consumer, or the resources' header helper. */
    private static final DescribedPredicate<JavaClass> ADAPTER = DescribedPredicate.describe("adapters",
            c -> c.isAnnotatedWith(Path.class) || c.getSimpleName().equals("Etags")
                    || c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Incoming.class)));

    @Override
    protected String basePackage() {
        return BASE;
    }

    @Test
    void shouldKeepHttpAndKafkaOutOfTheSessionDomain() {
        noClasses().that().resideInAnyPackage(BASE + ".lifecycle..", BASE + ".answers..", BASE + ".interjections..",
                        BASE + ".panel..", BASE + ".timeline..")
                .and(DescribedPredicate.not(ADAPTER))
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "dev.debrief.kit.problem..",
                        "org.jboss.resteasy..", "io.vertx..", "org.apache.kafka..", "io.smallrye.reactive.messaging..",
                        "org.eclipse.microprofile.reactive.messaging..")
                .as("the session domain and its use cases know no HTTP and no Kafka")
                .check(classes());
    }
}
