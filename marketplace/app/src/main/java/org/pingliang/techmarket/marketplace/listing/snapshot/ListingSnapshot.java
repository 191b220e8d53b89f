package org.pingliang.techmarket.marketplace.listing.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One listing as its latest event carried it.
 *
 * @param type the aggregate type, as in the events' {@code aggregateType}: {@code Achievement},
 *     {@code AchievementPackage} or {@code Demand}
 * @param id the listing's id
 * @param version its current version (the latest event's {@code aggregateVersion})
 * @param payload exactly the payload of the event that produced this version; left out when the
 *     caller asked for ids and versions only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ListingSnapshot(String type, UUID id, long version, JsonNode payload) {}
