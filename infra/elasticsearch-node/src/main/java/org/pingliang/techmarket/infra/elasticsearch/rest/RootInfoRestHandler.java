package org.pingliang.techmarket.infra.elasticsearch.rest;

import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.rest.BaseRestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.XContentBuilder;

import java.util.List;
import java.util.function.Supplier;

import static org.elasticsearch.rest.RestRequest.Method.GET;
import static org.elasticsearch.rest.RestRequest.Method.HEAD;

/**
 * {@code GET /} and {@code HEAD /}. The answer is built from this node's own cluster state: on a
 * single node there is no other node to ask, so no transport action is needed.
 */
final class RootInfoRestHandler extends BaseRestHandler {

    private final Supplier<ClusterService> clusterService;

    RootInfoRestHandler(Supplier<ClusterService> clusterService) {
        this.clusterService = clusterService;
    }

    @Override
    public String getName() {
        return "techmarket_root_info";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(GET, "/"), new Route(HEAD, "/"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        return channel -> {
            XContentBuilder builder = channel.newBuilder();
            // Pretty by default, as the official node does for this one endpoint.
            if (!request.hasParam("pretty")) {
                builder.prettyPrint().lfAtEnd();
            }
            RootInfo.of(clusterService.get()).toXContent(builder);
            channel.sendResponse(new RestResponse(RestStatus.OK, builder));
        };
    }

    @Override
    public boolean canTripCircuitBreaker() {
        return false;
    }
}
