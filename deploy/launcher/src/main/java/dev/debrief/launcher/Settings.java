package dev.debrief.launcher;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * One option of the stack, such as {@code gateway-port}, read from (first found wins) the command line
 * ({@code --gateway-port=8080}), a system property ({@code -Ddebrief.gateway-port=8080}) or the environment
 * ({@code DEBRIEF_GATEWAY_PORT=8080}). The same names everywhere, so a test and a shell set them alike.
 */
final class Settings {

    private final Map<String, String> commandLine;
    private final Properties systemProperties;
    private final Map<String, String> environment;

    Settings(Map<String, String> commandLine, Properties systemProperties, Map<String, String> environment) {
        this.commandLine = Map.copyOf(commandLine);
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    static Settings ofProcess(Map<String, String> commandLine) {
        return new Settings(commandLine, System.getProperties(), System.getenv());
    }

    Optional<String> get(String key) {
        String value = commandLine.get(key);
        if (value == null) {
            value = systemProperties.getProperty("debrief." + key);
        }
        if (value == null) {
            value = environment.get(environmentName(key));
        }
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    int port(String key, int defaultPort) {
        String value = get(key).orElse(null);
        if (value == null) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StackException(key + " must be a port number between 1 and 65535, not '" + value + "'");
        }
    }

    static String environmentName(String key) {
        return "DEBRIEF_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Command-line options as a map: {@code --name=value}, {@code --name value}, or a bare flag {@code --name}. */
    static Map<String, String> parseCommandLine(String[] args, java.util.Set<String> flags, java.util.Set<String> valued) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new StackException("unexpected argument '" + arg + "' (try --help)");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new StackException("--" + name + " takes no value");
                }
                options.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new StackException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                options.put(name, value);
            } else {
                throw new StackException("unknown option --" + name + " (try --help)");
            }
        }
        return options;
    }
}
