package dev.debrief.launcher;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ./stack}: starts the whole local stack, prints where everything is, and on Ctrl-C (SIGINT) or SIGTERM
 * stops it all in reverse order. Exit code 0 after a clean stop, 1 when the stack could not start, 2 for a usage error.
 */
public final class LocalStack {

    private static final Set<String> FLAGS = Set.of("infra-only", "help");
    private static final Set<String> VALUED = Set.copyOf(
            java.util.stream.Stream.concat(Arrays.stream(Ports.OPTION_NAMES), java.util.stream.Stream.of("home", "repo-root", "service-jvm-options", "class-data-archives", "session-replicas")).toList());

    private LocalStack() {
    }

    public static void main(String[] args) {
        Map<String, String> options;
        StackConfig config;
        try {
            options = Settings.parseCommandLine(args, FLAGS, VALUED);
            if (options.containsKey("help")) {
                System.out.println(usage());
                return;
            }
            config = StackConfig.from(Settings.ofProcess(options));
        } catch (StackException e) {
            System.err.println("stack: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(config));
    }

    private static int run(StackConfig config) {
        Progress progress = new Progress(System.out);
        StopSignals.interruptOnSignal(Thread.currentThread(), progress);
        try (Stack stack = Stack.start(config, progress)) {
            progress.raw(Banner.text(stack.config()));
            StopSignals.awaitSignal();
            return 0;
        } catch (StackException e) {
            if (StopSignals.received()) {
                return 0; // stopped while starting: what had started is already stopped
            }
            System.err.println("stack: " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        String ports = Arrays.stream(Ports.OPTION_NAMES)
                .map(name -> option("--" + name + "=PORT", "", Settings.environmentName(name)))
                .collect(Collectors.joining(System.lineSeparator()));
        String defaults = String.join(" ", StackConfig.DEFAULT_SERVICE_JVM_OPTIONS);
        return String.join(System.lineSeparator(),
                "Usage: ./stack [--build] [options]",
                "",
                "Starts the real local stack, no Docker: PostgreSQL, Kafka, Keycloak, question-, scoring- and",
                "session-service, then the gateway. Ctrl-C stops everything. Data stays in .debrief/ between runs.",
                "Each option can also be given as an environment variable or a -Ddebrief.<option> system property.",
                "",
                option("--build", "(./stack only) rebuild the project first", ""),
                option("--infra-only", "only PostgreSQL, Kafka and Keycloak", "DEBRIEF_INFRA_ONLY=true"),
                option("--home=DIR", "data directory (default <repo>/.debrief)", "DEBRIEF_HOME"),
                option("--repo-root=DIR", "the checkout (default: found upwards)", "DEBRIEF_REPO_ROOT"),
                option("--service-jvm-options=OPTS", "each service's JVM options", "DEBRIEF_SERVICE_JVM_OPTIONS"),
                option("", "(default \"" + defaults + "\")", ""),
                option("--class-data-archives=false", "no class-data archive per service", "DEBRIEF_CLASS_DATA_ARCHIVES"),
                option("--session-replicas=N", "session-service processes (default 1; n on port+2(n-1))", "DEBRIEF_SESSION_REPLICAS"),
                option("--help", "this text", ""),
                "",
                "Ports (defaults: gateway 8080, services 8081-8083, Keycloak 8180 and 8190, PostgreSQL 15432, Kafka 19092 and 19093):",
                ports,
                "");
    }

    private static String option(String name, String meaning, String variable) {
        return String.format("  %-34s %-42s %s", name, meaning, variable).stripTrailing();
    }
}
