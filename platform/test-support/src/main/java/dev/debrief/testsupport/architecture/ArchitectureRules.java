package dev.debrief.testsupport.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture rules every Debrief module keeps (docs/adding-a-service.md), written once here and run by
 * each module's {@code ArchitectureTest} (a subclass of {@link ModuleArchitectureTest}).
 */
public final class ArchitectureRules {

    /** The base package of each service; a service's classes import none of the others'. */
    public static final List<String> SERVICES = List.of(
            "dev.debrief.question", "dev.debrief.session", "dev.debrief.scoring", "dev.debrief.gateway");

    /** Persistence the gateway never uses: it forwards requests and records nothing (no ORM, no outbox). */
    static final String[] PERSISTENCE = {
            "org.hibernate..", "io.quarkus.hibernate..", "jakarta.persistence..", "jakarta.transaction..",
            "io.quarkus.narayana..", "dev.debrief.kit.outbox..", "dev.debrief.kit.inbox..",
            "org.apache.kafka..", "io.smallrye.reactive.messaging..", "org.eclipse.microprofile.reactive.messaging.."};
    /** Plain JDBC, which the gateway keeps in one place only (see {@link #gatewayHasNoPersistence()}). */
    static final String[] JDBC = {"java.sql..", "javax.sql..", "io.agroal.."};
    /** What a domain never touches: HTTP (resources, problem answers) and Kafka (clients, messaging, outbox, inbox). */
    static final String[] HTTP_AND_KAFKA = {
            "jakarta.ws.rs..", "org.jboss.resteasy..", "dev.debrief.kit.problem..",
            "org.apache.kafka..", "io.smallrye.reactive.messaging..", "org.eclipse.microprofile.reactive.messaging..",
            "dev.debrief.kit.outbox..", "dev.debrief.kit.inbox.."};
    /** The gateway's one database read: the per-firm rate-limit plans, a small table read on a schedule. */
    static final String GATEWAY_PLANS = "dev.debrief.gateway.ratelimit.TenantPlans";

    private ArchitectureRules() {
    }

    /** The module's own production classes: its {@code target/classes} (the tests run in the module's folder). */
    public static JavaClasses moduleClasses() {
        return new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    /** The production classes under {@code basePackage} found on the class path (slower: every jar is looked at). */
    public static JavaClasses classesOf(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** The packages right under the base package (its features, or its layers today) import each other in no cycle. */
    public static ArchRule noPackageCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .allowEmptyShould(true)
                .as("the packages of " + basePackage + " have no cycles");
    }

    /** A domain knows no HTTP resource and no Kafka adapter: api and messaging call the domain, never back. */
    public static ArchRule domainImportsNoApiOrMessaging(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage + ".api..", basePackage + ".messaging..")
                .allowEmptyShould(true)
                .as("the domain of " + basePackage + " imports nothing from api or messaging");
    }

    /**
     * For a service in feature packages, each with its domain in {@code <feature>.domain}: no domain class knows
     * HTTP or Kafka. It returns results and events and throws its own exceptions; the use cases record the events
     * in the outbox and answer the failures as problems. Fails when the service has no domain package.
     */
    public static ArchRule domainKnowsNoHttpOrKafka(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(HTTP_AND_KAFKA)
                .as("the domain of " + basePackage + " knows no HTTP and no Kafka");
    }

    /**
     * For a service in feature packages: of its own classes a feature's domain uses only domains (its own and
     * other features') and the {@code shared} packages (a common vocabulary); resources, use cases and adapters
     * call the domain, never back.
     */
    public static ArchRule domainDependsOnlyOnDomains(String basePackage, String... shared) {
        String[] allowed = Stream.concat(Stream.of(basePackage + "..domain.."), Stream.of(shared)).toArray(String[]::new);
        return noClasses().that().resideInAPackage(basePackage + "..domain..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(basePackage + "..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(allowed))))
                .as("the domain of " + basePackage + " uses of its service only domains and " + String.join(", ", shared));
    }

    /** Services talk over HTTP and Kafka contracts (platform/contracts), never through each other's classes. */
    public static ArchRule dependsOnNoOtherService(String basePackage) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(basePackage)).map(s -> s + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(basePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(true)
                .as(basePackage + " depends on no other service's classes");
    }

    /**
     * The gateway forwards and records nothing: no ORM, transactions, outbox, inbox or Kafka. Its one table,
     * the per-firm rate-limit plans, is read with plain JDBC by {@link #GATEWAY_PLANS} alone.
     */
    public static List<ArchRule> gatewayHasNoPersistence() {
        return List.of(
                noClasses().that().resideInAPackage("dev.debrief.gateway..")
                        .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE)
                        .as("the gateway uses no ORM, transactions, outbox, inbox or Kafka"),
                noClasses().that().resideInAPackage("dev.debrief.gateway..")
                        .and().doNotHaveFullyQualifiedName(GATEWAY_PLANS)
                        .should().dependOnClassesThat().resideInAnyPackage(JDBC)
                        .as("the gateway reads its database only in " + GATEWAY_PLANS));
    }
}
