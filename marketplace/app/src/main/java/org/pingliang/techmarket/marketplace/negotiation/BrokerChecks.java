package org.pingliang.techmarket.marketplace.negotiation;

import java.util.UUID;
import org.pingliang.techmarket.marketplace.organisation.OrganisationKind;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What makes a broker a broker here: a member of a verified broker organisation (技术转移/经纪机构). */
@Component
class BrokerChecks {

  private final Organisations organisations;

  BrokerChecks(Organisations organisations) {
    this.organisations = organisations;
  }

  Mono<Void> commission(Integer basisPoints) {
    if (basisPoints == null) {
      return Mono.error(NegotiationProblems.invalid("commissionBasisPoints", "required"));
    }
    return basisPoints < 0 || basisPoints > 10_000
        ? Mono.error(NegotiationProblems.invalid("commissionBasisPoints", "commission")) : Mono.empty();
  }

  /** The organisation is a verified broker agency and the subject one of its members (422 otherwise). */
  Mono<Void> brokerOf(UUID organisationId, String subject) {
    if (organisationId == null) {
      return Mono.error(NegotiationProblems.invalid("brokerOrganisationId", "required"));
    }
    if (subject == null || subject.isBlank()) {
      return Mono.error(NegotiationProblems.invalid("brokerSubject", "required"));
    }
    return organisations.find(organisationId)
        .filter(o -> o.kind() == OrganisationKind.BROKER_AGENCY && o.isVerified())
        .switchIfEmpty(Mono.error(() -> NegotiationProblems.invalid("brokerOrganisationId", "not-broker-agency")))
        .flatMap(agency -> organisations.roleOf(organisationId, subject))
        .switchIfEmpty(Mono.error(() -> NegotiationProblems.invalid("brokerSubject", "not-a-member")))
        .then();
  }
}
