package org.pingliang.techmarket.marketplace.commissioner;

import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Who is a selected S&T commissioner (科技特派员) now. Owned by the commissioner feature; service
 * matching asks it so that only selected commissioners in good standing publish offers and appear
 * in matches.
 */
public interface CommissionerRoster {

  /** The person's standing; {@link Standing#NONE} when they never applied. */
  Mono<Standing> standing(String personSubject);

  /** A selected commissioner's public card, or empty when the person is not selected now. */
  Mono<Optional<Card>> card(String personSubject);

  enum Standing {
    NONE, APPLIED, SELECTED, EXITED, REMOVED;

    /** Selected and neither exited (不称职) nor removed for misconduct. */
    public boolean active() {
      return this == SELECTED;
    }
  }

  /**
   * @param type {@code RURAL} 农村, {@code ENTERPRISE} 企业 or {@code COMMUNITY} 社区
   * @param threeRegionsTalent 三区人才
   */
  record Card(String personSubject, String name, String type, String expertise, String employer, boolean threeRegionsTalent) {}
}
