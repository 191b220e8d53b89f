package org.pingliang.techmarket.infra.elasticsearch.rest;

import org.elasticsearch.Build;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.xcontent.XContentBuilder;

import java.io.IOException;

/**
 * The document {@code GET /} returns. Every field the official response has is present, because
 * clients (elasticsearch-java's InfoResponse among them) treat them as required.
 */
record RootInfo(String nodeName, String clusterName, String clusterUuid, Build build, String luceneVersion) {

    static RootInfo of(ClusterService clusterService) {
        return new RootInfo(
                clusterService.getNodeName(),
                clusterService.getClusterName().value(),
                clusterService.state().metadata().clusterUUID(),
                Build.current(),
                IndexVersion.current().luceneVersion().toString());
    }

    void toXContent(XContentBuilder builder) throws IOException {
        builder.startObject()
                .field("name", nodeName)
                .field("cluster_name", clusterName)
                .field("cluster_uuid", clusterUuid)
                .startObject("version")
                .field("number", build.qualifiedVersion())
                .field("build_flavor", build.flavor())
                .field("build_type", build.type().displayName())
                .field("build_hash", build.hash())
                .field("build_date", build.date())
                .field("build_snapshot", build.isSnapshot())
                .field("lucene_version", luceneVersion)
                .field("minimum_wire_compatibility_version", build.minWireCompatVersion())
                .field("minimum_index_compatibility_version", build.minIndexCompatVersion())
                .endObject()
                .field("tagline", "You Know, for Search")
                .endObject();
    }
}
