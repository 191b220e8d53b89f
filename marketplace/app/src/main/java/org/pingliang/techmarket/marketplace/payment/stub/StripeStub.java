package org.pingliang.techmarket.marketplace.payment.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for the part of Stripe's API that payments use, spoken over real HTTP so the
 * real stripe-java client talks to it: Bearer keys, form-encoded bodies, Stripe-shaped objects and
 * errors, and idempotency keys that replay the first answer (and refuse a key reused with other
 * parameters). It also plays the customer and Stripe's dashboard: {@link #confirm} pays a
 * PaymentIntent and {@link #completeOnboarding} finishes an account, each sending the signed webhook
 * Stripe would send. Faults ({@link #failNextPosts}, {@link #stallNextPosts}) let tests see Stripe
 * down or slow. For local development and tests only.
 */
public final class StripeStub implements AutoCloseable {

  private static final String API_VERSION = "2025-08-27.basil";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpServer server;
  private final Object lock = new Object();
  private final Map<String, Map<String, Object>> objects = new LinkedHashMap<>();
  private final Map<String, Replay> idempotent = new ConcurrentHashMap<>();
  private final AtomicInteger failing = new AtomicInteger();
  private final AtomicInteger stalling = new AtomicInteger();
  private final AtomicReference<Duration> stall = new AtomicReference<>(Duration.ZERO);
  private final AtomicReference<String> faultyKeys = new AtomicReference<>("");
  private final AtomicReference<Webhooks> webhooks = new AtomicReference<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private record Replay(String fingerprint, int status, String body) {}

  private record Webhooks(String url, String secret) {}

  private StripeStub(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  /** Starts on {@code port} on loopback, or on a free port when it is taken (0 = any). */
  public static StripeStub start(int port) throws IOException {
    var loopback = InetAddress.getLoopbackAddress();
    try {
      return new StripeStub(HttpServer.create(new InetSocketAddress(loopback, port), 0));
    } catch (BindException taken) {
      return new StripeStub(HttpServer.create(new InetSocketAddress(loopback, 0), 0));
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Where Stripe events go, signed with {@code secret} (t=…,v1=HMAC-SHA256 like Stripe). */
  public void deliverWebhooksTo(String url, String secret) {
    webhooks.set(new Webhooks(url, secret));
  }

  /** The next {@code count} API POSTs answer 500 api_error without doing anything. */
  public void failNextPosts(int count) {
    failNextPosts(count, "");
  }

  /** Like {@link #failNextPosts(int)}, only for POSTs whose Idempotency-Key starts with {@code keyPrefix}. */
  public void failNextPosts(int count, String keyPrefix) {
    faultyKeys.set(keyPrefix);
    failing.set(count);
  }

  /** The next {@code count} API POSTs are carried out, then answered only after {@code wait}. */
  public void stallNextPosts(int count, Duration wait) {
    stall.set(wait);
    stalling.set(count);
  }

  /** Every object of one type ({@code payment_intent}, {@code transfer}, {@code refund}, {@code account}). */
  public List<Map<String, Object>> objects(String type) {
    synchronized (lock) {
      return objects.values().stream().filter(o -> type.equals(o.get("object"))).map(LinkedHashMap::new)
          .map(o -> (Map<String, Object>) o).toList();
    }
  }

  public Map<String, Object> object(String id) {
    synchronized (lock) {
      var found = objects.get(id);
      return found == null ? null : new LinkedHashMap<>(found);
    }
  }

  /** The buyer pays: the PaymentIntent succeeds with a charge and payment_intent.succeeded is sent. */
  public Map<String, Object> confirm(String paymentIntentId) {
    Map<String, Object> intent;
    synchronized (lock) {
      intent = objects.get(paymentIntentId);
      if (intent == null || !"requires_payment_method".equals(intent.get("status"))) {
        return intent;
      }
      var charge = put(newObject("charge", "ch_"));
      charge.put("amount", intent.get("amount"));
      charge.put("currency", intent.get("currency"));
      charge.put("payment_intent", paymentIntentId);
      charge.put("transfer_group", intent.get("transfer_group"));
      charge.put("paid", true);
      charge.put("status", "succeeded");
      intent.put("status", "succeeded");
      intent.put("latest_charge", charge.get("id"));
      intent.put("amount_received", intent.get("amount"));
      intent = new LinkedHashMap<>(intent);
    }
    send("payment_intent.succeeded", intent);
    return intent;
  }

  /** The seller finishes Stripe's hosted onboarding: the account can take charges and payouts. */
  public Map<String, Object> completeOnboarding(String accountId) {
    Map<String, Object> account;
    synchronized (lock) {
      account = objects.get(accountId);
      if (account == null) {
        return null;
      }
      account.put("charges_enabled", true);
      account.put("payouts_enabled", true);
      account.put("details_submitted", true);
      account = new LinkedHashMap<>(account);
    }
    send("account.updated", account);
    return account;
  }

  /** Sends an event for {@code object} as Stripe would; the event is returned with its id. */
  public Map<String, Object> send(String type, Map<String, Object> object) {
    var event = new LinkedHashMap<String, Object>();
    event.put("id", "evt_" + token(24));
    event.put("object", "event");
    event.put("api_version", API_VERSION);
    event.put("created", Instant.now().getEpochSecond());
    event.put("type", type);
    event.put("livemode", false);
    event.put("pending_webhooks", 1);
    event.put("data", Map.of("object", object));
    var target = webhooks.get();
    if (target != null) {
      var payload = Json.write(event);
      var request = HttpRequest.newBuilder(URI.create(target.url()))
          .header("Content-Type", "application/json; charset=utf-8")
          .header("Stripe-Signature", signature(payload, target.secret(), Instant.now().getEpochSecond()))
          .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
      http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }
    return event;
  }

  /** Stripe's signature scheme: {@code t=<seconds>,v1=hex(HMAC-SHA256(secret, "<t>.<payload>"))}. */
  public static String signature(String payload, String secret, long timestamp) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      var digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    http.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var method = exchange.getRequestMethod();
      var path = exchange.getRequestURI().getPath();
      var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (path.startsWith("/stub/onboarding/")) {
        onboardingPage(exchange, path.substring("/stub/onboarding/".length()));
        return;
      }
      var auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (!authorised(auth)) {
        respond(exchange, 401, error("invalid_request_error", null, "You did not provide an API key."));
        return;
      }
      if (!"POST".equals(method)) {
        var found = "GET".equals(method) ? object(path.substring(path.lastIndexOf('/') + 1)) : null;
        respond(exchange, found == null ? 404 : 200, found == null
            ? error("invalid_request_error", "resource_missing", "No such object: " + path) : Json.write(found));
        return;
      }
      var key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      if ((key == null ? "" : key).startsWith(faultyKeys.get()) && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        respond(exchange, 500, error("api_error", null, "An error occurred with our connection to Stripe."));
        return;
      }
      var answer = post(path, body, key);
      if (stalling.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        Thread.sleep(stall.get());
      }
      if (answer.replayed()) {
        exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
      }
      respond(exchange, answer.replay().status(), answer.replay().body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      respond(exchange, 500, error("api_error", null, "stub failure: " + e.getMessage()));
    }
  }

  private record Answer(Replay replay, boolean replayed) {}

  /** A secret key as Bearer token, or as Basic user name like {@code curl -u sk_test_…:}, as Stripe takes it. */
  private static boolean authorised(String header) {
    if (header == null) {
      return false;
    }
    if (header.startsWith("Basic ")) {
      try {
        header = "Bearer " + new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
            StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return header.startsWith("Bearer sk_test_");
  }

  private Answer post(String path, String body, String key) {
    synchronized (lock) {
      var fingerprint = path + "\n" + body;
      if (key != null) {
        var earlier = idempotent.get(key);
        if (earlier != null) {
          return earlier.fingerprint().equals(fingerprint) ? new Answer(earlier, true)
              : new Answer(new Replay(fingerprint, 400, error("idempotency_error", null,
                  "Keys for idempotent requests can only be used with the same parameters they were first used with.")),
                  false);
        }
      }
      var replay = new Replay(fingerprint, 200, null);
      try {
        replay = new Replay(fingerprint, 200, Json.write(route(path, form(body))));
      } catch (StubError e) {
        replay = new Replay(fingerprint, e.status, error(e.type, e.code, e.getMessage()));
      }
      if (key != null && replay.status() < 500) {
        idempotent.put(key, replay);
      }
      return new Answer(replay, false);
    }
  }

  private Map<String, Object> route(String path, Map<String, String> form) {
    var parts = path.split("/");
    return switch (parts.length) {
      case 3 -> switch (parts[2]) {
        case "accounts" -> createAccount(form);
        case "account_links" -> createAccountLink(form);
        case "payment_intents" -> createPaymentIntent(form);
        case "transfers" -> createTransfer(form);
        case "refunds" -> createRefund(form);
        default -> throw new StubError(404, "invalid_request_error", null, "Unrecognized request URL (POST: " + path + ")");
      };
      case 5 -> switch (parts[2] + "/" + parts[4]) {
        case "payment_intents/confirm" -> {
          var confirmed = confirm(parts[3]);
          if (confirmed == null) {
            throw missing(parts[3]);
          }
          yield confirmed;
        }
        case "payment_intents/cancel" -> cancel(parts[3]);
        default -> throw new StubError(404, "invalid_request_error", null, "Unrecognized request URL (POST: " + path + ")");
      };
      default -> throw new StubError(404, "invalid_request_error", null, "Unrecognized request URL (POST: " + path + ")");
    };
  }

  private Map<String, Object> createAccount(Map<String, String> form) {
    var account = put(newObject("account", "acct_"));
    account.put("type", form.getOrDefault("type", "express"));
    account.put("charges_enabled", false);
    account.put("payouts_enabled", false);
    account.put("details_submitted", false);
    account.put("metadata", metadata(form));
    return account;
  }

  private Map<String, Object> createAccountLink(Map<String, String> form) {
    var account = require(form, "account");
    if (!objects.containsKey(account)) {
      throw missing(account);
    }
    var link = newObject("account_link", "");
    link.remove("id");
    link.put("url", baseUrl() + "/stub/onboarding/" + account + "?return_url="
        + java.net.URLEncoder.encode(form.getOrDefault("return_url", ""), StandardCharsets.UTF_8));
    link.put("expires_at", Instant.now().plusSeconds(300).getEpochSecond());
    return link;
  }

  private Map<String, Object> createPaymentIntent(Map<String, String> form) {
    var amount = positive(form, "amount");
    var intent = put(newObject("payment_intent", "pi_"));
    intent.put("amount", amount);
    intent.put("amount_received", 0);
    intent.put("currency", require(form, "currency"));
    intent.put("status", "requires_payment_method");
    intent.put("client_secret", intent.get("id") + "_secret_" + token(24));
    intent.put("payment_method_types", indexed(form, "payment_method_types"));
    intent.put("transfer_group", form.get("transfer_group"));
    intent.put("description", form.get("description"));
    intent.put("latest_charge", null);
    intent.put("metadata", metadata(form));
    return intent;
  }

  private Map<String, Object> cancel(String paymentIntentId) {
    var intent = objects.get(paymentIntentId);
    if (intent == null) {
      throw missing(paymentIntentId);
    }
    if ("succeeded".equals(intent.get("status"))) {
      throw new StubError(400, "invalid_request_error", "payment_intent_unexpected_state",
          "You cannot cancel this PaymentIntent because it has a status of succeeded.");
    }
    intent.put("status", "canceled");
    return intent;
  }

  private Map<String, Object> createTransfer(Map<String, String> form) {
    var amount = positive(form, "amount");
    var destination = require(form, "destination");
    var account = objects.get(destination);
    if (account == null || !"account".equals(account.get("object"))) {
      throw new StubError(400, "invalid_request_error", "resource_missing", "No such destination: '" + destination + "'");
    }
    var source = form.get("source_transaction");
    if (source != null) {
      var charge = objects.get(source);
      if (charge == null) {
        throw missing(source);
      }
      var used = objects.values().stream().filter(o -> "transfer".equals(o.get("object")) && source.equals(o.get("source_transaction")))
          .mapToLong(o -> ((Number) o.get("amount")).longValue()).sum();
      if (used + amount > ((Number) charge.get("amount")).longValue()) {
        throw new StubError(400, "invalid_request_error", "balance_insufficient",
            "Transfers using this transaction as a source must not exceed the source amount.");
      }
    }
    var transfer = put(newObject("transfer", "tr_"));
    transfer.put("amount", amount);
    transfer.put("currency", require(form, "currency"));
    transfer.put("destination", destination);
    transfer.put("transfer_group", form.get("transfer_group"));
    transfer.put("source_transaction", source);
    transfer.put("metadata", metadata(form));
    return transfer;
  }

  private Map<String, Object> createRefund(Map<String, String> form) {
    var intentId = require(form, "payment_intent");
    var intent = objects.get(intentId);
    if (intent == null) {
      throw missing(intentId);
    }
    if (!"succeeded".equals(intent.get("status"))) {
      throw new StubError(400, "invalid_request_error", "charge_not_refundable",
          "This PaymentIntent does not have a successful charge to refund.");
    }
    var received = ((Number) intent.get("amount_received")).longValue();
    var refunded = objects.values().stream().filter(o -> "refund".equals(o.get("object")) && intentId.equals(o.get("payment_intent")))
        .mapToLong(o -> ((Number) o.get("amount")).longValue()).sum();
    var amount = form.containsKey("amount") ? positive(form, "amount") : received - refunded;
    if (refunded + amount > received) {
      throw new StubError(400, "invalid_request_error", "charge_already_refunded",
          "Refund amount is greater than the amount that can be refunded.");
    }
    var refund = put(newObject("refund", "re_"));
    refund.put("amount", amount);
    refund.put("currency", intent.get("currency"));
    refund.put("payment_intent", intentId);
    refund.put("charge", intent.get("latest_charge"));
    refund.put("status", "succeeded");
    return refund;
  }

  private void onboardingPage(HttpExchange exchange, String accountId) throws IOException {
    var done = completeOnboarding(accountId);
    var query = exchange.getRequestURI().getRawQuery();
    var back = query != null && query.startsWith("return_url=")
        ? URLDecoder.decode(query.substring("return_url=".length()), StandardCharsets.UTF_8) : "";
    if (done != null && !back.isBlank()) {
      exchange.getResponseHeaders().set("Location", back);
      exchange.sendResponseHeaders(302, -1);
      return;
    }
    respond(exchange, done == null ? 404 : 200, Json.write(done == null ? Map.of("error", "no such account") : done));
  }

  private Map<String, Object> newObject(String type, String prefix) {
    var object = new LinkedHashMap<String, Object>();
    object.put("id", prefix + token(24));
    object.put("object", type);
    object.put("created", Instant.now().getEpochSecond());
    object.put("livemode", false);
    return object;
  }

  private Map<String, Object> put(Map<String, Object> object) {
    objects.put((String) object.get("id"), object);
    return object;
  }

  /** Decodes a form body; nested keys stay flat, e.g. {@code metadata[contract_id]}. */
  private static Map<String, String> form(String body) {
    var form = new LinkedHashMap<String, String>();
    if (body == null || body.isBlank()) {
      return form;
    }
    for (var pair : body.split("&")) {
      var at = pair.indexOf('=');
      var name = URLDecoder.decode(at < 0 ? pair : pair.substring(0, at), StandardCharsets.UTF_8);
      form.put(name, at < 0 ? "" : URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
    }
    return form;
  }

  private static Map<String, Object> metadata(Map<String, String> form) {
    var metadata = new LinkedHashMap<String, Object>();
    form.forEach((name, value) -> {
      if (name.startsWith("metadata[") && name.endsWith("]")) {
        metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
      }
    });
    return metadata;
  }

  private static List<String> indexed(Map<String, String> form, String name) {
    var values = new ArrayList<String>();
    form.forEach((key, value) -> {
      if (key.startsWith(name + "[")) {
        values.add(value);
      }
    });
    return values;
  }

  private static String require(Map<String, String> form, String name) {
    var value = form.get(name);
    if (value == null || value.isBlank()) {
      throw new StubError(400, "invalid_request_error", "parameter_missing", "Missing required param: " + name + ".");
    }
    return value;
  }

  private static long positive(Map<String, String> form, String name) {
    try {
      var value = Long.parseLong(require(form, name));
      if (value <= 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new StubError(400, "invalid_request_error", "parameter_invalid_integer", "Invalid integer: " + form.get(name));
    }
  }

  private static StubError missing(String id) {
    return new StubError(404, "invalid_request_error", "resource_missing", "No such object: '" + id + "'");
  }

  private static String error(String type, String code, String message) {
    var error = new LinkedHashMap<String, Object>();
    error.put("type", type);
    if (code != null) {
      error.put("code", code);
    }
    error.put("message", message);
    return Json.write(Map.of("error", error));
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    var bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Request-Id", "req_" + token(14));
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String token(int length) {
    var alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    var out = new StringBuilder(length);
    for (var i = 0; i < length; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static final class StubError extends RuntimeException {
    private final int status;
    private final String type;
    private final String code;

    StubError(int status, String type, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.type = type;
      this.code = code;
    }
  }
}
