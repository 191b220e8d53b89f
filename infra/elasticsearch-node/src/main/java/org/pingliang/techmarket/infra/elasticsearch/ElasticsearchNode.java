package org.pingliang.techmarket.infra.elasticsearch;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.plugins.PluginsLoader;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Starts a single Elasticsearch node from a home assembled out of Maven Central artifacts.
 *
 * <p>The official bootstrap (server-cli, entitlement agent) is not published on Maven Central, so
 * this launcher does the few steps that matter for a local node itself: settings, logging,
 * modules, {@link org.elasticsearch.node.Node}. It also means no refusal to run as root and no
 * entitlement checks, which is acceptable for a development and CI service bound to 127.0.0.1.
 */
public final class ElasticsearchNode {

    private static final String LOOPBACK = "127.0.0.1";
    private static final int EXIT_CONFIGURATION = 2;
    private static final int EXIT_FAILURE = 1;

    private ElasticsearchNode() {
    }

    public static void main(String[] args) {
        RunningNode node;
        try {
            NodeConfig config = NodeConfig.fromEnvironment(home(), System.getenv());
            InetAddress loopback = InetAddress.getByName(LOOPBACK);
            LocalPorts.requireFree(loopback, config.httpPort(), NodeConfig.HTTP_PORT);
            LocalPorts.requireFree(loopback, config.transportPort(), NodeConfig.TRANSPORT_PORT);
            node = RunningNode.start(prepare(config, SettingArguments.parse(args)));
        } catch (StartupFailure e) {
            System.err.println("elasticsearch-node: " + e.getMessage());
            System.exit(EXIT_CONFIGURATION);
            return;
        } catch (Exception e) {
            System.err.println("elasticsearch-node: failed to start: " + e);
            e.printStackTrace(System.err);
            System.exit(EXIT_FAILURE);
            return;
        }
        node.awaitStop();
    }

    private static Path home() {
        String home = System.getProperty("es.path.home");
        if (home == null || home.isBlank()) {
            throw new StartupFailure("system property es.path.home is not set; start the node with bin/elasticsearch-node");
        }
        return Path.of(home).toAbsolutePath().normalize();
    }

    private static Prepared prepare(NodeConfig config, Settings extraSettings) throws Exception {
        // Logging first: the node's classes take their loggers while being constructed.
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName(config.nodeName());
        LogConfigurator.setClusterName(config.clusterName());
        LogConfigurator.configureESLogging();
        Files.createDirectories(config.dataDir());
        Files.createDirectories(config.logsDir());

        Settings settings = Settings.builder()
                .put("path.home", config.home().toString())
                .put("path.data", config.dataDir().toString())
                .put("path.logs", config.logsDir().toString())
                .put("cluster.name", config.clusterName())
                .put("node.name", config.nodeName())
                .put("discovery.type", "single-node")
                .put("network.host", LOOPBACK)
                .put("http.port", config.httpPort())
                .put("transport.port", config.transportPort())
                // Writes logs/http.ports, so callers can find the port when it is 0.
                .put("node.portsfile", true)
                .put(extraSettings)
                .build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
                settings, Map.of(), config.configDir(), config::nodeName);
        LogConfigurator.configure(environment, true);

        // Modules only, no plugins folder. Server exports are for a module-path boot; this node
        // runs everything from the class path.
        PluginsLoader plugins = PluginsLoader.createPluginsLoader(
                PluginsLoader.loadModulesBundles(environment.modulesDir(), false), Set.of(), Map.of(), false);
        return new Prepared(environment, plugins);
    }

    record Prepared(Environment environment, PluginsLoader plugins) {
    }
}
