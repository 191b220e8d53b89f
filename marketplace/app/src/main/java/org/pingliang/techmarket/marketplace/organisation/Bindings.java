package org.pingliang.techmarket.marketplace.organisation;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** R2DBC needs the type of a null parameter; these keep the SQL call sites readable. */
final class Bindings {

  private Bindings() {}

  static GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, String value) {
    return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
  }

  static String nameOf(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
