package org.pingliang.techmarket.marketplace.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The split of a milestone's money: fee half-even, commission rounded down, seller the rest. */
class SplitTest {

  @ParameterizedTest(name = "{0} fen at {1}/{2} bps → fee {3}, commission {4}, seller {5}")
  @CsvSource({
      // amount, fee bps, commission bps, fee, commission, seller
      "1000000, 500, 300, 50000, 30000, 920000",
      // 0.5 fen of fee: half-even rounds to the even neighbour (0 here, 2 below).
      "10, 500, 0, 0, 0, 10",
      "30, 500, 0, 2, 0, 28",
      "50, 500, 0, 2, 0, 48",
      "70, 500, 0, 4, 0, 66",
      // 0.99 fen of commission rounds down: the broker never gets more than agreed.
      "33, 0, 3000, 0, 9, 24",
      "1234567, 500, 300, 61728, 37037, 1135802",
      // Fee and commission together take everything: the capped commission keeps the sum exact.
      "3, 5000, 5000, 2, 1, 0",
      "1, 10000, 10000, 1, 0, 0",
      "0, 500, 300, 0, 0, 0",
  })
  void splits_by_the_documented_rounding(long amount, int feeBps, int commissionBps, long fee, long commission,
      long seller) {
    var split = Split.of(amount, feeBps, commissionBps);
    assertThat(split.platformFeeFen()).isEqualTo(fee);
    assertThat(split.commissionFen()).isEqualTo(commission);
    assertThat(split.sellerShareFen()).isEqualTo(seller);
  }

  @Test
  void transfers_plus_fee_always_equal_the_amount_charged() {
    var random = new SplittableRandom(20261126L);
    for (var i = 0; i < 200_000; i++) {
      var amount = switch (i % 4) {
        case 0 -> random.nextLong(0, 1_000);
        case 1 -> random.nextLong(0, 10_000_000);
        case 2 -> random.nextLong(0, 150_000_000_000L);
        default -> random.nextLong(0, Long.MAX_VALUE / 10_000);
      };
      var feeBps = random.nextInt(0, 10_001);
      var commissionBps = random.nextInt(0, 10_001);
      var split = Split.of(amount, feeBps, commissionBps);
      assertThat(split.sellerShareFen() + split.commissionFen() + split.platformFeeFen()).isEqualTo(amount);
      assertThat(split.sellerShareFen()).isNotNegative();
      // Each part is within a fen of its exact share (the commission only when not capped).
      assertThat(Math.abs(split.platformFeeFen() * 10_000.0 - (double) amount * feeBps))
          .isLessThanOrEqualTo(5_000.0 + Math.ulp((double) amount * feeBps));
      if (feeBps + commissionBps <= 10_000) {
        assertThat(split.commissionFen() * 10_000.0).isLessThanOrEqualTo((double) amount * commissionBps + 1e-3 * amount);
      }
    }
  }

  @Test
  void many_small_payments_are_not_biased_towards_the_platform() {
    var fees = 0L;
    var exact = 0.0;
    for (var amount = 1L; amount <= 100_000; amount++) {
      fees += Split.of(amount, 500, 0).platformFeeFen();
      exact += amount * 0.05;
    }
    assertThat(Math.abs(fees - exact)).isLessThan(1.0);
  }

  @Test
  void refuses_rates_outside_zero_to_one_hundred_percent_and_negative_amounts() {
    assertThatThrownBy(() -> Split.of(100, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Split.of(100, 0, 10_001)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Split.of(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Split(100, 10, 10, 10)).isInstanceOf(IllegalArgumentException.class);
  }
}
