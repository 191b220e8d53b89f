package org.pingliang.techmarket.marketplace.credit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The score formula on its own: Bayesian average of stars, track record, and misconduct. */
class CreditScoreTest {

  @Test
  void nobody_starts_at_the_prior() {
    var score = CreditProfiles.score(0, 0, 0, false);
    assertThat(score.bayesianAverage()).isEqualByComparingTo("3.50");
    assertThat(score.ratingPoints()).isEqualTo(44);
    assertThat(score.engagementPoints()).isZero();
    assertThat(score.status()).isEqualTo("NO_HISTORY");
  }

  @Test
  void one_five_star_rating_counts_less_than_many() {
    var once = CreditProfiles.score(1, 5, 1, false);
    assertThat(once.bayesianAverage()).isEqualByComparingTo("3.75");
    var many = CreditProfiles.score(20, 90, 10, false);
    assertThat(many.bayesianAverage()).isEqualByComparingTo("4.30");
    assertThat(many.total()).isGreaterThan(once.total());
    assertThat(many.ratingPoints()).isEqualTo(58);
    assertThat(many.engagementPoints()).isEqualTo(30);
    assertThat(many.total()).isEqualTo(88);
  }

  @Test
  void engagements_count_up_to_ten() {
    assertThat(CreditProfiles.score(0, 0, 9, false).engagementPoints()).isEqualTo(27);
    assertThat(CreditProfiles.score(0, 0, 10, false).engagementPoints()).isEqualTo(30);
    assertThat(CreditProfiles.score(0, 0, 40, false).engagementPoints()).isEqualTo(30);
    assertThat(CreditProfiles.score(0, 0, 1, false).status()).isEqualTo("ACTIVE");
  }

  @Test
  void a_ban_sets_the_score_to_zero() {
    var banned = CreditProfiles.score(50, 250, 30, true);
    assertThat(banned.total()).isZero();
    assertThat(banned.status()).isEqualTo("BANNED");
  }
}
