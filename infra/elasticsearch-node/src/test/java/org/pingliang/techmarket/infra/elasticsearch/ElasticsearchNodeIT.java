package org.pingliang.techmarket.infra.elasticsearch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the assembled home exactly as the dev-service scripts do (bin/elasticsearch-node with
 * environment variables) and checks what our own modules add: GET /, the cjk analyzer and
 * synonyms. Ports are 0 so parallel builds never clash; the real port comes from http.ports.
 */
class ElasticsearchNodeIT {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]*)\"");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Process node;
    private static Path workDir;
    private static URI baseUri;

    @BeforeAll
    static void startNode() throws IOException {
        Path home = Path.of(System.getProperty("elasticsearch.home"));
        workDir = Path.of(System.getProperty("elasticsearch.it.workdir"));
        deleteRecursively(workDir);
        Path logsDir = workDir.resolve("logs");
        Files.createDirectories(logsDir);

        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/elasticsearch-node").toString())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("node-output.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("ES_DATA_DIR", workDir.resolve("data").toString());
        builder.environment().put("ES_LOGS_DIR", logsDir.toString());
        builder.environment().put("ES_HTTP_PORT", "0");
        builder.environment().put("ES_TRANSPORT_PORT", "0");
        builder.environment().put("ES_CLUSTER_NAME", "techmarket-it");
        node = builder.start();

        Path portsFile = logsDir.resolve("http.ports");
        await("http.ports written").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> nodeAlive() && Files.exists(portsFile) && !Files.readString(portsFile).isBlank());
        baseUri = URI.create("http://" + Files.readAllLines(portsFile).getFirst().trim());
        await("cluster yellow").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> nodeAlive() && get("/_cluster/health?wait_for_status=yellow&timeout=1s").statusCode() == 200);
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        if (node == null) {
            return;
        }
        node.destroy();
        if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
    }

    @Test
    void rootEndpointAnswersLikeTheOfficialNode() throws Exception {
        HttpResponse<String> response = get("/");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"cluster_name\" : \"techmarket-it\""), response.body());
        assertTrue(response.body().contains("\"number\" : \"9.5.3\""), response.body());
        assertTrue(response.body().contains("\"tagline\" : \"You Know, for Search\""), response.body());
    }

    @Test
    void cjkAnalyzerSplitsChineseIntoBigrams() throws Exception {
        HttpResponse<String> response = send("POST", "/_analyze", """
                {"analyzer": "cjk", "text": "锂电池材料"}
                """);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(List.of("锂电", "电池", "池材", "材料"), tokens(response.body()));
    }

    @Test
    void synonymGraphFindsTheOtherNameOfTheSameThing() throws Exception {
        HttpResponse<String> created = send("PUT", "/it-synonyms", """
                {
                  "settings": {
                    "number_of_shards": 1,
                    "number_of_replicas": 0,
                    "analysis": {
                      "filter": {
                        "crop_synonyms": {"type": "synonym_graph", "synonyms": ["马铃薯, 土豆, 洋芋"], "lenient": true}
                      },
                      "analyzer": {
                        "zh_index": {"tokenizer": "standard", "filter": ["cjk_width", "lowercase", "cjk_bigram"]},
                        "zh_search": {"tokenizer": "standard", "filter": ["cjk_width", "lowercase", "cjk_bigram", "crop_synonyms"]}
                      }
                    }
                  },
                  "mappings": {
                    "properties": {
                      "title": {"type": "text", "analyzer": "zh_index", "search_analyzer": "zh_search"}
                    }
                  }
                }
                """);
        assertEquals(200, created.statusCode(), created.body());
        HttpResponse<String> indexed = send("PUT", "/it-synonyms/_doc/1?refresh=true", """
                {"title": "甘肃马铃薯种植技术"}
                """);
        assertEquals(201, indexed.statusCode(), indexed.body());

        HttpResponse<String> found = send("POST", "/it-synonyms/_search", """
                {"query": {"match": {"title": "土豆"}}}
                """);

        assertEquals(200, found.statusCode(), found.body());
        assertTrue(found.body().contains("\"total\":{\"value\":1,"), found.body());
        assertTrue(found.body().contains("甘肃马铃薯种植技术"), found.body());
    }

    private static boolean nodeAlive() throws IOException {
        if (!node.isAlive()) {
            throw new AssertionError("node exited with " + node.exitValue() + ":\n"
                    + Files.readString(workDir.resolve("node-output.log")));
        }
        return true;
    }

    private static List<String> tokens(String analyzeResponse) {
        return TOKEN.matcher(analyzeResponse).results().map(match -> match.group(1)).toList();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return baseUri.resolve(path);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
