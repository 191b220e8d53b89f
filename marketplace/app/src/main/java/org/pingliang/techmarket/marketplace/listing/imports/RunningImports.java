package org.pingliang.techmarket.marketplace.listing.imports;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.achievement.ManagingAchievements;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.ListingAccess;
import org.pingliang.techmarket.marketplace.listing.shared.ListingProblems;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.pingliang.techmarket.marketplace.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Bulk registration of achievements (成果汇交). An upload is stored with its job and acknowledged at
 * once; the rows are then registered in the background, each in its own transaction, idempotent by
 * external id. A job whose worker died is taken up again by any instance (heartbeat), so nothing
 * acknowledged is lost, and running it again changes nothing that was already done.
 */
@Service
public class RunningImports {

  private static final Logger log = LoggerFactory.getLogger(RunningImports.class);
  private static final Duration STALE_AFTER = Duration.ofSeconds(60);
  private static final Duration PROGRESS_EVERY = Duration.ofMillis(500);
  private static final Duration FOLLOW_POLL = Duration.ofSeconds(2);
  private static final int ROW_CONCURRENCY = 8;
  private static final int MAX_ROWS = 50_000;

  private final ImportJobStore jobs;
  private final ImportProgressChannel channel;
  private final ManagingAchievements achievements;
  private final ListingAccess access;
  private final Validator validator;
  private final Clock clock;

  RunningImports(ImportJobStore jobs, ImportProgressChannel channel, ManagingAchievements achievements,
      ListingAccess access, Validator validator, Clock clock) {
    this.jobs = jobs;
    this.channel = channel;
    this.achievements = achievements;
    this.access = access;
    this.validator = validator;
    this.clock = clock;
  }

  /** Accepts a file for an organisation the actor edits for; processing starts in the background. */
  public Mono<ImportJob> start(Actor actor, UUID organisationId, String fileName, byte[] content, boolean submit) {
    var format = formatOf(fileName);
    var job = new ImportJob(Ids.newId(), organisationId, fileName, format, submit, ImportJob.Status.QUEUED, null, 0, 0, 0,
        0, 0, null, actor.subject(), null, null, Instant.now(clock));
    return access.requireEditorOf(organisationId, actor)
        .then(submit ? access.requireVerified(organisationId) : Mono.empty())
        .then(jobs.insert(job, content))
        .then(jobs.find(job.id()))
        .doOnNext(accepted -> process(accepted.id(), actor).subscribe());
  }

  public Mono<ImportJob> view(Actor actor, UUID id) {
    return jobs.find(id)
        .filterWhen(job -> access.maySeeUnpublished(job.organisationId(), actor))
        .switchIfEmpty(Mono.error(ListingProblems.notFound()));
  }

  public Flux<ImportJobStore.RowError> errors(Actor actor, UUID id) {
    return view(actor, id).flatMapMany(job -> jobs.errors(id));
  }

  /**
   * The current state, then every change until the job is final. Changes come live over Redis; a
   * slow poll of the database rides along, so a message missed while subscribing (or lost) only
   * delays the end of the stream, never hangs it.
   */
  public Flux<ImportProgress> follow(Actor actor, UUID id) {
    return view(actor, id).flatMapMany(job -> Flux.merge(
            channel.listen(id),
            Flux.interval(Duration.ZERO, FOLLOW_POLL).concatMap(tick -> jobs.find(id).map(ImportProgress::of)))
        .takeUntil(progress -> progress.status().isFinal()));
  }

  /** After a restart, and every half minute: take up jobs whose worker is gone. */
  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
  void resumeOrphans() {
    jobs.orphans(STALE_AFTER)
        .concatMap(id -> jobs.find(id).flatMap(job -> process(id, new Actor(job.createdBy(), null, java.util.Set.of()))))
        .subscribe(ignored -> { }, error -> log.warn("could not resume imports: {}", error.toString()));
  }

  Mono<Void> process(UUID id, Actor actor) {
    var counters = new ImportCounters();
    return jobs.claim(id, STALE_AFTER)
        .flatMap(job -> jobs.content(id)
            .publishOn(Schedulers.boundedElastic())
            .map(bytes -> read(job.format(), bytes))
            .flatMap(sheet -> run(job, actor, sheet, counters))
            .onErrorResume(UnreadableFile.class, error -> fail(id, error.getMessage()))
            .onErrorResume(RowMapper.MissingColumn.class, error -> fail(id, "import.file.missing-column:" + error.getMessage()))
            .onErrorResume(error -> {
              log.error("import {} failed", id, error);
              return fail(id, "import.failed");
            }))
        .then();
  }

  private Mono<Void> run(ImportJob job, Actor actor, Sheet sheet, ImportCounters counters) {
    if (sheet.rows().size() > MAX_ROWS) {
      return fail(job.id(), "import.file.too-many-rows");
    }
    var mapper = RowMapper.forHeader(sheet.header(), validator);
    var total = sheet.rows().size();
    var seen = new HashSet<String>();
    var rows = Flux.range(0, total)
        .flatMap(index -> row(job, actor, mapper, sheet, index, seen, counters), ROW_CONCURRENCY)
        .then();
    // Progress is written (heartbeat) and broadcast on a timer while the rows run, not per row.
    var progress = Flux.interval(PROGRESS_EVERY).concatMap(tick -> report(job.id(), total, counters));
    return jobs.progress(job.id(), counters, total)
        .then(Mono.defer(() -> {
          var ticker = progress.subscribe();
          return rows.doFinally(signal -> ticker.dispose());
        }))
        // Deferred: the statement binds the counters when it is built, so build it after the rows.
        .then(Mono.defer(() -> jobs.progress(job.id(), counters, total)))
        .then(jobs.finish(job.id(), ImportJob.Status.COMPLETED, null))
        .then(jobs.find(job.id()))
        .flatMap(done -> channel.publish(ImportProgress.of(done)));
  }

  private Mono<Void> row(ImportJob job, Actor actor, RowMapper mapper, Sheet sheet, int index, java.util.Set<String> seen,
      ImportCounters counters) {
    var rowNumber = sheet.rowNumber(index);
    var result = mapper.map(job.organisationId(), sheet.rows().get(index));
    if (result.parsed() == null) {
      return rejected(job, rowNumber, result.errors(), counters);
    }
    boolean first;
    synchronized (seen) {
      first = seen.add(result.parsed().externalId());
    }
    if (!first) {
      return rejected(job, rowNumber,
          List.of(new FieldError("externalId", "duplicate", "problem.field.duplicate")), counters);
    }
    return achievements.register(actor, job.organisationId(), result.parsed().externalId(), result.parsed().content(),
            job.submitForReview())
        .doOnNext(counters::count)
        .then()
        .onErrorResume(ApiProblem.class, problem -> rejected(job, rowNumber, problem.errors().isEmpty()
            ? List.of(new FieldError("externalId", problemCode(problem), problem.detailKey()))
            : problem.errors(), counters));
  }

  private static String problemCode(ApiProblem problem) {
    return problem.type() == ProblemType.CONFLICT ? "not-editable" : problem.type().name().toLowerCase(Locale.ROOT);
  }

  private Mono<Void> rejected(ImportJob job, int rowNumber, List<FieldError> errors, ImportCounters counters) {
    counters.countFailure();
    return Flux.fromIterable(errors).concatMap(error -> jobs.rowError(job.id(), rowNumber, error)).then();
  }

  private Mono<Void> report(UUID id, int total, ImportCounters counters) {
    return Mono.defer(() -> jobs.progress(id, counters, total).then(channel.publish(ImportProgress.running(id, total, counters))));
  }

  private Mono<Void> fail(UUID id, String reason) {
    return jobs.finish(id, ImportJob.Status.FAILED, reason)
        .then(jobs.find(id))
        .flatMap(job -> channel.publish(ImportProgress.of(job)));
  }

  private static Sheet read(ImportJob.Format format, byte[] bytes) {
    return format == ImportJob.Format.CSV ? CsvReader.read(bytes) : XlsxReader.read(bytes);
  }

  static ImportJob.Format formatOf(String fileName) {
    var name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return ImportJob.Format.CSV;
    }
    if (name.endsWith(".xlsx")) {
      return ImportJob.Format.XLSX;
    }
    throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "import.file.format");
  }
}
