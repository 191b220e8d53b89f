package org.pingliang.techmarket.marketplace.identity;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/** Every user's preferences, by subject. */
interface AllUserPreferences extends ReactiveCrudRepository<UserPreferences, String> {}
