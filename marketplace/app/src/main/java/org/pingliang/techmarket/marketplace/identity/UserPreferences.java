package org.pingliang.techmarket.marketplace.identity;

import java.time.Instant;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A user's settings; {@code version} guards against lost updates from two open tabs. */
@Table("user_preferences")
record UserPreferences(
    @Id String subject,
    String locale,
    boolean emailNotifications,
    @CreatedDate Instant createdAt,
    @LastModifiedDate Instant updatedAt,
    @Version Long version) {

  static final String DEFAULT_LOCALE = "zh-CN";

  static UserPreferences defaults(String subject) {
    return new UserPreferences(subject, DEFAULT_LOCALE, true, null, null, null);
  }

  UserPreferences change(String newLocale, boolean newEmailNotifications) {
    return new UserPreferences(subject, newLocale, newEmailNotifications, createdAt, updatedAt, version);
  }
}
