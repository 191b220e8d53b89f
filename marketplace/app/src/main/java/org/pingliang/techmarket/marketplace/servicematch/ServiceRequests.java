package org.pingliang.techmarket.marketplace.servicematch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.credit.TradingBans;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.identity.Role;
import org.pingliang.techmarket.marketplace.listing.shared.Cursor;
import org.pingliang.techmarket.marketplace.listing.shared.Ids;
import org.pingliang.techmarket.marketplace.listing.shared.ListingAccess;
import org.pingliang.techmarket.marketplace.listing.shared.ListingProblems;
import org.pingliang.techmarket.marketplace.listing.shared.Page;
import org.pingliang.techmarket.marketplace.listing.shared.Pages;
import org.pingliang.techmarket.marketplace.organisation.Organisation;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.pingliang.techmarket.marketplace.outbox.Outbox;
import org.pingliang.techmarket.marketplace.outbox.OutboxMessage;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.ProblemType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Service requests: an enterprise's OWNER/EDITOR posts for the (verified, not banned) enterprise; the
 * bureau (ADMIN) posts for a village or community. Seen by ADMIN, active commissioners and the
 * enterprise's members. Edited and closed by who may post them (ADMIN may close any). Row, revision and
 * event ({@code ServiceRequestPosted/Updated/Closed}, payload {@link ServiceRequestView}) in one transaction.
 */
@Service
class ServiceRequests {

  static final String AGGREGATE = "ServiceRequest";

  private final ServiceStore store;
  private final ActiveCommissioners commissioners;
  private final ListingAccess access;
  private final Organisations organisations;
  private final TradingBans bans;
  private final Outbox outbox;
  private final TransactionalOperator transaction;
  private final Clock clock;

  ServiceRequests(ServiceStore store, ActiveCommissioners commissioners, ListingAccess access, Organisations organisations,
      TradingBans bans, Outbox outbox, TransactionalOperator transaction, Clock clock) {
    this.store = store;
    this.commissioners = commissioners;
    this.access = access;
    this.organisations = organisations;
    this.bans = bans;
    this.outbox = outbox;
    this.transaction = transaction;
    this.clock = clock;
  }

  Mono<ServiceRequest> post(Actor actor, ServiceRequestForm form) {
    return Mono.defer(() -> {
      var content = form.toContent();
      return requester(actor, form).flatMap(requester -> {
        var now = Instant.now(clock);
        var request = new ServiceRequest(Ids.newId(), requester, actor.subject(), content, ServiceRequest.Status.OPEN,
            null, now, now, now, 1);
        return store.insert(request)
            .then(store.request(request.id(), false))
            .flatMap(stored -> recorded(stored, "POST", "ServiceRequestPosted", actor, null))
            .as(transaction::transactional);
      });
    });
  }

  /** Who the request is for, checked against who posts it. */
  private Mono<ServiceRequest.Requester> requester(Actor actor, ServiceRequestForm form) {
    if (actor.isAdmin() && form.organisationId() == null) {
      if (form.requesterKind() == null || form.requesterKind() == RequesterKind.ENTERPRISE) {
        return Mono.error(ListingProblems.invalid("requesterKind", "village-or-community"));
      }
      if (form.placeName() == null || form.placeName().isBlank()) {
        return Mono.error(ListingProblems.invalid("placeName", "not-blank"));
      }
      return Mono.just(new ServiceRequest.Requester(form.requesterKind(), null, null, form.placeName().strip(),
          form.villageId()));
    }
    if (!actor.has(Role.ENTERPRISE)) {
      return Mono.error(ListingProblems.forbidden());
    }
    if (form.organisationId() == null) {
      return Mono.error(ListingProblems.invalid("organisationId", "not-null"));
    }
    if (form.requesterKind() != null && form.requesterKind() != RequesterKind.ENTERPRISE
        || form.placeName() != null || form.villageId() != null) {
      return Mono.error(ListingProblems.invalid("requesterKind", "enterprise-only"));
    }
    var organisationId = form.organisationId();
    return access.requireEditorOf(organisationId, actor)
        .then(access.requireVerified(organisationId))
        .then(bans.requireOrganisationAllowed(organisationId))
        .thenReturn(new ServiceRequest.Requester(RequesterKind.ENTERPRISE, organisationId, null, null, null));
  }

  Mono<ServiceRequest> edit(Actor actor, UUID id, long expectedVersion, ServiceRequest.Content content) {
    return change(actor, id, expectedVersion, false, current -> new ServiceRequest(current.id(), current.requester(),
        current.postedBy(), content, current.status(), current.statusReason(), current.publishedAt(), current.createdAt(),
        Instant.now(clock), current.version() + 1), "EDIT", "ServiceRequestUpdated", null);
  }

  Mono<ServiceRequest> close(Actor actor, UUID id, Long expectedVersion, String reason) {
    return change(actor, id, expectedVersion, true, current -> new ServiceRequest(current.id(), current.requester(),
        current.postedBy(), current.content(), ServiceRequest.Status.CLOSED, reason, current.publishedAt(),
        current.createdAt(), Instant.now(clock), current.version() + 1), "CLOSE", "ServiceRequestClosed", reason);
  }

  /** The request if the caller may see it (ADMIN, active commissioners, the enterprise's members); else 404. */
  Mono<ServiceRequest> view(Actor actor, UUID id) {
    return store.request(id, false)
        .filterWhen(request -> maySee(actor, request))
        .switchIfEmpty(Mono.error(ListingProblems.notFound()));
  }

  /**
   * ADMIN and active commissioners: every request (of {@code organisationId} when given) in the
   * status asked (default OPEN); enterprise members: their organisations' requests (or the one given),
   * any status unless asked. Anyone else: 403.
   */
  Mono<Page<ServiceRequest>> list(Actor actor, UUID organisationId, ServiceRequest.Status status, String cursor, int size) {
    var after = Pages.decode(cursor);
    return seesAll(actor).flatMap(all -> {
      Mono<List<UUID>> scope;
      if (all) {
        scope = Mono.just(organisationId == null ? List.<UUID>of() : List.of(organisationId));
      } else if (actor.has(Role.ENTERPRISE)) {
        scope = organisations.of(actor.subject()).map(Organisation::id)
            .filter(id -> organisationId == null || id.equals(organisationId)).collectList();
      } else {
        return Mono.error(ListingProblems.forbidden());
      }
      var effectiveStatus = all && status == null ? ServiceRequest.Status.OPEN : status;
      return scope.flatMap(ids -> {
        if (!all && ids.isEmpty()) {
          return Mono.just(new Page<ServiceRequest>(List.of(), null));
        }
        return Pages.of(store.requests(all && ids.isEmpty() ? null : ids, effectiveStatus, after, size + 1), size,
            last -> new Cursor(last.publishedAt(), last.id()));
      });
    });
  }

  Flux<ServiceStore.Revision> history(Actor actor, UUID id) {
    return view(actor, id).flatMapMany(request -> store.revisions(AGGREGATE, id));
  }

  /** ADMIN, and commissioners active now. */
  Mono<Boolean> seesAll(Actor actor) {
    return actor.isAdmin() ? Mono.just(true) : commissioners.isActive(actor);
  }

  private Mono<Boolean> maySee(Actor actor, ServiceRequest request) {
    if (actor.isAnonymous()) {
      return Mono.just(false);
    }
    return seesAll(actor).flatMap(all -> all || request.requester().organisationId() == null ? Mono.just(all)
        : organisations.roleOf(request.requester().organisationId(), actor.subject()).hasElement());
  }

  private Mono<Boolean> mayChange(Actor actor, ServiceRequest request, boolean adminMay) {
    var organisationId = request.requester().organisationId();
    if (organisationId == null || adminMay && actor.isAdmin()) {
      return Mono.just(actor.isAdmin());
    }
    return access.mayEdit(organisationId, actor);
  }

  private Mono<ServiceRequest> change(Actor actor, UUID id, Long expectedVersion, boolean adminMay,
      java.util.function.UnaryOperator<ServiceRequest> next, String action, String eventType, String reason) {
    return store.request(id, true)
        .filterWhen(current -> maySee(actor, current))
        .switchIfEmpty(Mono.error(ListingProblems.notFound()))
        .filterWhen(current -> mayChange(actor, current, adminMay))
        .switchIfEmpty(Mono.error(ListingProblems.forbidden()))
        .flatMap(current -> {
          if (expectedVersion != null && expectedVersion != current.version()) {
            return Mono.error(ListingProblems.stale());
          }
          if (current.status() != ServiceRequest.Status.OPEN) {
            return Mono.error(new ApiProblem(ProblemType.CONFLICT, "listing.illegal-transition", action,
                current.status().name()));
          }
          var changed = next.apply(current);
          return store.update(changed).then(recorded(changed, action, eventType, actor, reason));
        })
        .as(transaction::transactional);
  }

  private Mono<ServiceRequest> recorded(ServiceRequest request, String action, String eventType, Actor actor,
      String reason) {
    var view = ServiceRequestView.of(request);
    return store.revision(AGGREGATE, request.id(), request.version(), action, actor.subject(), reason, view)
        .then(outbox.append(new OutboxMessage(AGGREGATE, request.id(), request.version(), eventType, view)))
        .thenReturn(request);
  }
}
