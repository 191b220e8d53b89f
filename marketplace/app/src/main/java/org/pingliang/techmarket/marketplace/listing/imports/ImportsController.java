package org.pingliang.techmarket.marketplace.listing.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.ListingProblems;
import org.pingliang.techmarket.marketplace.web.HttpProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 成果汇交: upload a CSV or XLSX of achievements, watch it being registered, read the rejected rows. */
@RestController
@Tag(name = "achievement imports", description = "成果汇交 — bulk registration of achievements")
class ImportsController {

  private final RunningImports imports;
  private final int maxUploadBytes;
  private final MessageSource messages;

  ImportsController(RunningImports imports, HttpProperties http, MessageSource messages) {
    this.imports = imports;
    this.maxUploadBytes = (int) http.maxUploadSize().toBytes();
    this.messages = messages;
  }

  @PostMapping(path = "/api/achievement-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Upload a .csv (UTF-8) or .xlsx file of achievements for an organisation you edit for (multipart: file, organisationId, submit=true to submit every row for review). Answers 202 with the job. Roles: UNIVERSITY (owner/editor). Errors: 400, 401, 403, 404, 409, 413, 415, 422.")
  Mono<ResponseEntity<ImportJob>> upload(Actor actor, @RequestPart("file") Mono<FilePart> file,
      @RequestPart("organisationId") String organisationId,
      @RequestPart(name = "submit", required = false) String submit) {
    var organisation = parseId(organisationId);
    return file.flatMap(part -> DataBufferUtils.join(part.content(), maxUploadBytes)
            .map(buffer -> {
              var bytes = new byte[buffer.readableByteCount()];
              buffer.read(bytes);
              DataBufferUtils.release(buffer);
              return bytes;
            })
            .flatMap(bytes -> imports.start(actor, organisation, part.filename(), bytes, "true".equalsIgnoreCase(submit))))
        .map(job -> ResponseEntity.accepted().location(URI.create("/api/achievement-imports/" + job.id())).body(job));
  }

  @GetMapping("/api/achievement-imports/{id}")
  @Operation(summary = "An import job with its counts. Roles: members of the organisation and ADMIN (404 otherwise).")
  Mono<ImportJobResponse> get(Actor actor, @PathVariable UUID id, ServerWebExchange exchange) {
    var locale = exchange.getLocaleContext().getLocale();
    return imports.view(actor, id).map(job -> new ImportJobResponse(job, failureMessage(job.failure(), locale)));
  }

  /** "import.file.missing-column:成果名称" is a message key and its argument. */
  private String failureMessage(String failure, Locale locale) {
    if (failure == null) {
      return null;
    }
    var separator = failure.indexOf(':');
    var key = separator < 0 ? failure : failure.substring(0, separator);
    Object[] arguments = separator < 0 ? new Object[0] : new Object[] {failure.substring(separator + 1)};
    return messages.getMessage(key, arguments, failure, locale == null ? Locale.SIMPLIFIED_CHINESE : locale);
  }

  @GetMapping(path = "/api/achievement-imports/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(summary = "Live progress (Server-Sent Events, event 'progress') until the job is final. Roles: members of the organisation and ADMIN (404 otherwise).")
  Flux<ServerSentEvent<ImportProgress>> events(Actor actor, @PathVariable UUID id) {
    var progress = imports.follow(actor, id)
        .map(update -> ServerSentEvent.builder(update).event("progress").build())
        .share();
    // Comments keep proxies from closing a quiet stream; they stop with the progress.
    var keepAlive = Flux.interval(Duration.ofSeconds(15))
        .map(tick -> ServerSentEvent.<ImportProgress>builder().comment("keep-alive").build())
        .takeUntilOther(progress.then());
    return Flux.merge(progress, keepAlive);
  }

  @GetMapping("/api/achievement-imports/{id}/errors")
  @Operation(summary = "The rejected rows: row number (as in the spreadsheet), column, code and message. Roles: members of the organisation and ADMIN (404 otherwise).")
  Flux<ImportJobStore.RowError> errors(Actor actor, @PathVariable UUID id) {
    return imports.errors(actor, id);
  }

  @GetMapping(path = "/api/achievement-imports/template", produces = "text/csv")
  @Operation(summary = "The CSV template with the column headers (public).")
  ResponseEntity<byte[]> template() {
    var header = Arrays.stream(ImportColumn.values()).map(ImportColumn::chineseHeader).collect(Collectors.joining(","));
    var example = "PL-2026-001,马铃薯脱毒种薯快繁技术,茎尖脱毒结合雾培快繁,适用于旱作区,农业,马铃薯、种业,中试,6,"
        + "202310123456.6,许可、技术服务,500000,620825";
    var bytes = ("\uFEFF" + header + "\r\n" + example + "\r\n").getBytes(StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .header("Content-Disposition", "attachment; filename=\"achievement-import-template.csv\"")
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .body(bytes);
  }

  private static UUID parseId(String text) {
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      throw ListingProblems.invalid("organisationId", "wrong-type");
    }
  }
}
