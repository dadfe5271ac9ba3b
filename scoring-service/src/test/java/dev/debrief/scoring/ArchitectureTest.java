package dev.debrief.scoring;

import com.tngtech.archunit.lang.ArchRule;
import dev.debrief.testsupport.architecture.ModuleArchitectureTest;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The shared architecture rules (platform/test-support), run against this module, and this module's own: its
 * packages are features, so "the domain" is not one package here. The rules below say where HTTP, Kafka and the
 * outbox may appear instead (docs/scoring-service.md, "Packages").
 */
class ArchitectureTest extends ModuleArchitectureTest {

    private static final String[] HTTP = {"jakarta.ws.rs..", "dev.debrief.kit.problem.."};
    private static final String[] KAFKA = {"org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..",
            "io.smallrye.reactive.messaging.."};
    private static final String[] RECORDING = {"dev.debrief.kit.outbox..", "dev.debrief.kit.inbox..",
            "jakarta.persistence..", "org.hibernate..", "io.quarkus.hibernate..", "io.quarkus.narayana.."};

    @Override
    protected String basePackage() {
        return "dev.debrief.scoring";
    }

    /** JAX-RS belongs to the resources; a use case behind one maps its failures to problems, never to responses. */
    @Test
    void shouldKeepJaxRsInTheResources() {
        check(noClasses().that().resideInAPackage("dev.debrief.scoring..")
                .and().haveSimpleNameNotEndingWith("Resource")
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .as("only resources know JAX-RS"));
    }

    /** The Kafka adapter is the intake package; the use cases it calls take envelopes, not records. */
    @Test
    void shouldKeepKafkaInTheIntake() {
        check(noClasses().that().resideInAPackage("dev.debrief.scoring..")
                .and().resideOutsideOfPackage("dev.debrief.scoring.intake..")
                .should().dependOnClassesThat().resideInAnyPackage(KAFKA)
                .as("only the intake knows Kafka"));
    }

    /** The scorer and the SQL checks return results: they know no HTTP, no Kafka, no entity, no outbox or inbox. */
    @Test
    void shouldKeepTheScorerAndTheSqlChecksPure() {
        check(noClasses().that().resideInAnyPackage("dev.debrief.scoring.scorer..", "dev.debrief.scoring.sql..")
                .should().dependOnClassesThat().resideInAnyPackage(HTTP)
                .orShould().dependOnClassesThat().resideInAnyPackage(KAFKA)
                .orShould().dependOnClassesThat().resideInAnyPackage(RECORDING)
                .as("the scorer and the SQL checks are pure"));
    }

    private void check(ArchRule rule) {
        rule.check(classes());
    }
}
