package org.pingliang.techmarket.marketplace.servicematch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.listing.shared.ListingProblems;
import org.pingliang.techmarket.marketplace.problem.ApiProblem;
import org.pingliang.techmarket.marketplace.problem.FieldError;
import org.pingliang.techmarket.marketplace.problem.ProblemType;
import org.pingliang.techmarket.search.query.InvalidSearchException;
import org.pingliang.techmarket.search.query.RankingMode;
import org.pingliang.techmarket.search.query.SearchUnavailableException;
import org.pingliang.techmarket.search.query.ServiceHit;
import org.pingliang.techmarket.search.query.ServiceMatcher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * 服务对接: the best offers for a service request and the best open requests for an offer, ranked like
 * listing matches (BM25 + kNN fused) with {@code breakdown} and {@code reasons}. Offers of commissioners
 * who are not active now (not selected, exited, removed or banned) never appear.
 */
@RestController
@Tag(name = "service-matching", description = "服务对接 — matching service requests with commissioners' offers")
class ServiceMatchesController {

  static final int DEFAULT_SIZE = 10;
  static final int MAX_SIZE = 50;

  private final ServiceMatcher matcher;
  private final ServiceRequests requests;
  private final ServiceOffers offers;
  private final ActiveCommissioners commissioners;

  ServiceMatchesController(ServiceMatcher matcher, ServiceRequests requests, ServiceOffers offers,
      ActiveCommissioners commissioners) {
    this.matcher = matcher;
    this.requests = requests;
    this.offers = offers;
    this.commissioners = commissioners;
  }

  /** The answer: best first. */
  record Matches(List<ServiceHit> items) {}

  @GetMapping("/api/service-requests/{id}/matches")
  @Operation(summary = "The active offers of active commissioners that best fit this request, each with `breakdown` "
      + "(BM25 and vector ranks, fusion, final) and `reasons` (matchedTerms, matchedFields, semanticSimilarity, "
      + "filtersMatched: technologyField, serviceType, county = the request's county is one the offer serves). "
      + "Roles: who may see the request (ADMIN, active commissioners, the enterprise's members). size 1..50, "
      + "mode hybrid|bm25|vector. Errors: 400, 401, 403, 404, 422, 503 with Retry-After.")
  Mono<Matches> forRequest(Actor actor, @PathVariable UUID id, @RequestParam(required = false) Integer size,
      @RequestParam(required = false) String mode) {
    return Mono.defer(() -> {
      var pageSize = size(size);
      var rankingMode = mode(mode);
      return requests.view(actor, id).flatMap(request -> {
        var content = request.content();
        var query = new ServiceMatcher.RequestQuery(content.title(), content.problem(), content.expectedHelp(),
            content.technologyField().name(), content.serviceType() == null ? null : content.serviceType().name(),
            content.countyCode());
        return matcher.matchOffersForRequest(query, rankingMode, pageSize, commissioners);
      });
    }).map(Matches::new).onErrorMap(ServiceMatchesController::translate);
  }

  @GetMapping("/api/service-offers/{id}/matches")
  @Operation(summary = "The open service requests this offer can best serve, with `breakdown` and `reasons` as above. "
      + "Roles: ADMIN and active commissioners (requests are not public). Errors: 400, 401, 403, 404, 422, 503 with "
      + "Retry-After.")
  Mono<Matches> forOffer(Actor actor, @PathVariable UUID id, @RequestParam(required = false) Integer size,
      @RequestParam(required = false) String mode) {
    return Mono.defer(() -> {
      var pageSize = size(size);
      var rankingMode = mode(mode);
      return requests.seesAll(actor)
          .flatMap(allowed -> allowed ? offers.view(actor, id) : Mono.error(ListingProblems.forbidden()))
          .flatMap(offer -> {
            var content = offer.content();
            var query = new ServiceMatcher.OfferQuery(offer.id().toString(), content.title(), content.description(),
                content.technologyField().name(), content.serviceType().name(), content.counties());
            return matcher.matchRequestsForOffer(query, rankingMode, pageSize);
          });
    }).map(Matches::new).onErrorMap(ServiceMatchesController::translate);
  }

  private RankingMode mode(String mode) {
    if (mode == null || mode.isBlank()) {
      return matcher.defaultMode();
    }
    try {
      return RankingMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(ProblemType.MALFORMED_REQUEST,
          List.of(new FieldError("mode", "invalid-value", "search.field.invalid-value")), "problem.invalid-parameter.detail");
    }
  }

  private static int size(Integer size) {
    if (size == null) {
      return DEFAULT_SIZE;
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new ApiProblem(ProblemType.VALIDATION_FAILED,
          List.of(new FieldError("size", size < 1 ? "min" : "max", "search.field." + (size < 1 ? "min" : "max"))),
          "problem.validation-failed.detail");
    }
    return size;
  }

  /** The search library's failures as problems: a mode without the model 422, the cluster away 503. */
  private static Throwable translate(Throwable error) {
    return switch (error) {
      case InvalidSearchException invalid -> new ApiProblem(ProblemType.VALIDATION_FAILED,
          List.of(new FieldError(invalid.field(), invalid.code(), "search.field." + invalid.code())),
          "problem.validation-failed.detail");
      case SearchUnavailableException ignored -> new ApiProblem(ProblemType.SERVICE_UNAVAILABLE, "servicematch.unavailable");
      case RejectedExecutionException ignored -> new ApiProblem(ProblemType.SERVICE_UNAVAILABLE, "servicematch.unavailable");
      default -> error;
    };
  }
}
