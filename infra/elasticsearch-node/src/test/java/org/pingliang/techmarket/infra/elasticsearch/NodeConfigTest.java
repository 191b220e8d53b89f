package org.pingliang.techmarket.infra.elasticsearch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeConfigTest {

    private static final Path HOME = Path.of("/opt/es-home");

    @Test
    void defaultsKeepEverythingInsideTheHome() {
        NodeConfig config = NodeConfig.fromEnvironment(HOME, Map.of());

        assertEquals(HOME.resolve("data"), config.dataDir());
        assertEquals(HOME.resolve("logs"), config.logsDir());
        assertEquals(9200, config.httpPort());
        assertEquals(9300, config.transportPort());
        assertEquals("techmarket-local", config.clusterName());
        assertEquals("node-1", config.nodeName());
    }

    @Test
    void environmentOverridesEveryDefault() {
        NodeConfig config = NodeConfig.fromEnvironment(HOME, Map.of(
                "ES_DATA_DIR", "/var/es/data",
                "ES_LOGS_DIR", "/var/es/logs",
                "ES_HTTP_PORT", "0",
                "ES_TRANSPORT_PORT", "19300",
                "ES_CLUSTER_NAME", "ci",
                "ES_NODE_NAME", "ci-1"));

        assertEquals(Path.of("/var/es/data"), config.dataDir());
        assertEquals(Path.of("/var/es/logs"), config.logsDir());
        assertEquals(0, config.httpPort());
        assertEquals(19300, config.transportPort());
        assertEquals("ci", config.clusterName());
        assertEquals("ci-1", config.nodeName());
    }

    @Test
    void blankValuesCountAsUnset() {
        NodeConfig config = NodeConfig.fromEnvironment(HOME, Map.of("ES_HTTP_PORT", " ", "ES_NODE_NAME", ""));

        assertEquals(9200, config.httpPort());
        assertEquals("node-1", config.nodeName());
    }

    @Test
    void aBadPortNamesTheVariable() {
        StartupFailure failure = assertThrows(StartupFailure.class,
                () -> NodeConfig.fromEnvironment(HOME, Map.of("ES_TRANSPORT_PORT", "70000")));

        assertTrue(failure.getMessage().startsWith("ES_TRANSPORT_PORT=70000"), failure.getMessage());
    }
}
