package org.pingliang.techmarket.infra.elasticsearch.rest;

import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.RestHandler;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Stands in for the official rest-root module, which is not published on Maven Central. Without
 * {@code GET /} the Java client's {@code info()} and many health probes get HTTP 405.
 */
public final class RootInfoPlugin extends Plugin implements ActionPlugin {

    // Components are created before REST handlers are wired, but handlers read it per request
    // anyway, so the order never matters.
    private final AtomicReference<ClusterService> clusterService = new AtomicReference<>();

    @Override
    public Collection<?> createComponents(PluginServices services) {
        clusterService.set(services.clusterService());
        return List.of();
    }

    @Override
    public Collection<RestHandler> getRestHandlers(
            RestHandlersServices services,
            Supplier<DiscoveryNodes> nodesInCluster,
            Predicate<NodeFeature> clusterSupportsFeature) {
        return List.of(new RootInfoRestHandler(clusterService::get));
    }
}
