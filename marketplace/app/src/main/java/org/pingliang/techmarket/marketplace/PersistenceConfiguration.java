package org.pingliang.techmarket.marketplace;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.r2dbc.config.EnableR2dbcAuditing;

/** Fills created_at/updated_at of every entity. */
@Configuration(proxyBeanMethods = false)
@EnableR2dbcAuditing
class PersistenceConfiguration {}
