package org.pingliang.techmarket.marketplace.listing.shared;

import java.util.Objects;

/**
 * An amount of money in minor units (fen for CNY), never floating point. The API writes it as
 * {@code {"amountFen": 1234500, "currency": "CNY"}}.
 */
public record Money(long amountFen, String currency) {

  public static final String CNY = "CNY";

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (amountFen < 0) {
      throw new IllegalArgumentException("amount must not be negative");
    }
  }

  public static Money cny(long amountFen) {
    return new Money(amountFen, CNY);
  }

  public boolean isGreaterThan(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot compare " + currency + " with " + other.currency);
    }
    return amountFen > other.amountFen;
  }
}
