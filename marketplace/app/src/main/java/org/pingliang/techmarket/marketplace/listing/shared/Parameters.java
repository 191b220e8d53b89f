package org.pingliang.techmarket.marketplace.listing.shared;

import org.springframework.r2dbc.core.Parameter;

/** Binding helpers: R2DBC needs the type of a null value. */
public final class Parameters {

  private Parameters() {}

  public static <T> Parameter nullable(T value, Class<T> type) {
    return value == null ? Parameter.empty(type) : Parameter.from(value);
  }
}
