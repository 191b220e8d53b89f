package org.pingliang.techmarket.infra.elasticsearch;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the dev-service scripts can choose about the node, read from environment variables so the
 * start script needs no config file. Paths default to folders inside the home.
 */
record NodeConfig(
        Path home,
        Path dataDir,
        Path logsDir,
        int httpPort,
        int transportPort,
        String clusterName,
        String nodeName) {

    static final String DATA_DIR = "ES_DATA_DIR";
    static final String LOGS_DIR = "ES_LOGS_DIR";
    static final String HTTP_PORT = "ES_HTTP_PORT";
    static final String TRANSPORT_PORT = "ES_TRANSPORT_PORT";
    static final String CLUSTER_NAME = "ES_CLUSTER_NAME";
    static final String NODE_NAME = "ES_NODE_NAME";

    static NodeConfig fromEnvironment(Path home, Map<String, String> env) {
        return new NodeConfig(
                home,
                path(env, DATA_DIR, home.resolve("data")),
                path(env, LOGS_DIR, home.resolve("logs")),
                port(env, HTTP_PORT, 9200),
                port(env, TRANSPORT_PORT, 9300),
                text(env, CLUSTER_NAME, "techmarket-local"),
                text(env, NODE_NAME, "node-1"));
    }

    Path configDir() {
        return home.resolve("config");
    }

    private static Path path(Map<String, String> env, String name, Path fallback) {
        String value = env.get(name);
        return isBlank(value) ? fallback : Path.of(value).toAbsolutePath().normalize();
    }

    private static String text(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return isBlank(value) ? fallback : value.trim();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (isBlank(value)) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the variable's name
        }
        throw new StartupFailure(name + "=" + value + " is not a port number (0-65535)");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
