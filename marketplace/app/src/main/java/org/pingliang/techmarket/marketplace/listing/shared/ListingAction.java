package org.pingliang.techmarket.marketplace.listing.shared;

import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The optional body of a lifecycle action (submission, publication, rejection, withdrawal…): a
 * reason where one is asked for, and the version the action is based on.
 */
public record ListingAction(@Size(max = 1000) String reason, @PositiveOrZero Long version) {

  public static final ListingAction NONE = new ListingAction(null, null);
}
