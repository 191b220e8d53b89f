package org.pingliang.techmarket.marketplace.listing.shared;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** Money as clients send it: {@code {"amountFen": 1234500, "currency": "CNY"}}; only CNY for now. */
public record MoneyForm(@NotNull @PositiveOrZero Long amountFen, @NotNull @Pattern(regexp = "CNY") String currency) {

  public Money toMoney() {
    return new Money(amountFen, currency);
  }
}
