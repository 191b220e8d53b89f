package org.pingliang.techmarket.marketplace.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How one milestone's money is shared, in whole fen: the platform keeps its fee, the broker gets the
 * commission, the seller the rest. The three always add up to the amount charged.
 *
 * <p>Rounding: the platform fee is {@code amount × feeBps / 10000} rounded half-even (banker's
 * rounding, no bias either way over many payments); the commission is {@code amount × commissionBps
 * / 10000} rounded down, so a broker is never paid a fraction of a fen more than agreed, and capped at
 * what is left after the fee; the seller gets the remainder and so absorbs every rounding residue.
 */
public record Split(long amountFen, long platformFeeFen, long commissionFen, long sellerShareFen) {

  private static final BigDecimal BASIS = BigDecimal.valueOf(10_000);

  public Split {
    if (amountFen < 0 || platformFeeFen < 0 || commissionFen < 0 || sellerShareFen < 0) {
      throw new IllegalArgumentException("a split has no negative parts");
    }
    if (Math.addExact(Math.addExact(platformFeeFen, commissionFen), sellerShareFen) != amountFen) {
      throw new IllegalArgumentException("a split must add up to the amount");
    }
  }

  /** Splits {@code amountFen}; both rates are basis points in 0..10000. */
  public static Split of(long amountFen, int platformFeeBps, int commissionBps) {
    if (amountFen < 0) {
      throw new IllegalArgumentException("amount must not be negative");
    }
    requireBasisPoints(platformFeeBps, "platform fee");
    requireBasisPoints(commissionBps, "commission");
    var amount = BigDecimal.valueOf(amountFen);
    var fee = share(amount, platformFeeBps, RoundingMode.HALF_EVEN);
    var commission = Math.min(share(amount, commissionBps, RoundingMode.DOWN), amountFen - fee);
    return new Split(amountFen, fee, commission, amountFen - fee - commission);
  }

  private static long share(BigDecimal amount, int basisPoints, RoundingMode rounding) {
    return amount.multiply(BigDecimal.valueOf(basisPoints)).divide(BASIS, 0, rounding).longValueExact();
  }

  private static void requireBasisPoints(int value, String name) {
    if (value < 0 || value > 10_000) {
      throw new IllegalArgumentException(name + " must be 0..10000 basis points");
    }
  }
}
