package org.pingliang.techmarket.marketplace.credit;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The integrity blacklist (失信名单): organisations and people barred from trading because of
 * misconduct. Features ask before they let anyone open an inquiry, make or accept an offer, redeem a
 * voucher, book an instrument or be matched.
 */
public interface TradingBans {

  /** Completes empty when the organisation may trade; errors with 403 {@code trading-banned} when not. */
  Mono<Void> requireOrganisationAllowed(UUID organisationId);

  /** Completes empty when the person may trade; errors with 403 {@code trading-banned} when not. */
  Mono<Void> requirePersonAllowed(String personSubject);

  /** Whether the person is barred now; for hiding them from matching and lists. */
  Mono<Boolean> isPersonBanned(String personSubject);

  /** Whether the organisation is barred now. */
  Mono<Boolean> isOrganisationBanned(UUID organisationId);

  /**
   * Bars an organisation or a person for misconduct (records who decided and why); a second ban of
   * someone already barred is a no-op answering the existing ban's id.
   */
  Mono<UUID> ban(UUID organisationId, String personSubject, String reason, String decidedBy);
}
