package org.pingliang.techmarket.importcli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * 成果汇交 from the command line: uploads a CSV or XLSX of achievements, draws a progress bar from the
 * server's live stream, then lists the rejected rows. Exit code 0 when every row went in, 2 when
 * some rows were rejected, 1 when the import could not run.
 *
 * <pre>
 * java -jar import-cli.jar --server http://localhost:8080 --organisation UUID [--submit] FILE
 * </pre>
 * The access token comes from {@code --token} or the {@code TECHMARKET_TOKEN} environment variable
 * (locally: {@code infra/bin/dev-token university}).
 */
public final class ImportCli {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final PrintStream out;

  private ImportCli(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    var options = Options.parse(args, System.getenv("TECHMARKET_TOKEN"));
    if (options == null) {
      System.err.println(Options.USAGE);
      System.exit(1);
    }
    System.exit(new ImportCli(System.out).run(options));
  }

  int run(Options options) throws IOException, InterruptedException {
    var file = Path.of(options.file());
    var job = upload(options, file);
    out.println("导入任务 / import job " + job);
    var last = follow(options, job);
    out.println();
    if (last == null || "FAILED".equals(last.status())) {
      out.println("导入失败 / import failed: " + (last == null ? "no answer" : last.failure()));
      return 1;
    }
    if (last.failedRows() > 0) {
      out.println("被拒绝的行 / rejected rows:");
      out.println(get(options, "/api/achievement-imports/" + job + "/errors"));
      return 2;
    }
    return 0;
  }

  private UUID upload(Options options, Path file) throws IOException, InterruptedException {
    var boundary = "techmarket-" + UUID.randomUUID();
    var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"organisationId\"\r\n\r\n"
        + options.organisation() + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"submit\"\r\n\r\n" + options.submit() + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + file.getFileName().toString().replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
    var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    var content = Files.readAllBytes(file);
    var body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    var response = http.send(request(options, "/api/achievement-imports")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 202) {
      throw new IllegalStateException("upload refused (HTTP " + response.statusCode() + "): " + response.body());
    }
    var matcher = ID.matcher(response.body());
    if (!matcher.find()) {
      throw new IllegalStateException("no job id in " + response.body());
    }
    return UUID.fromString(matcher.group(1));
  }

  /** Reads the Server-Sent Events stream line by line, redrawing the bar on each progress event. */
  private Progress follow(Options options, UUID job) throws IOException, InterruptedException {
    var response = http.send(request(options, "/api/achievement-imports/" + job + "/events")
        .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    Progress last = null;
    try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (var line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("data:")) {
          last = Progress.parse(line.substring(5));
          out.print("\r" + ProgressBar.render(last));
          out.flush();
          if (last.isFinal()) {
            break;
          }
        }
      }
    }
    return last;
  }

  private String get(Options options, String path) throws IOException, InterruptedException {
    return http.send(request(options, path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static HttpRequest.Builder request(Options options, String path) {
    return HttpRequest.newBuilder(URI.create(options.server() + path))
        .header("Authorization", "Bearer " + options.token());
  }
}
