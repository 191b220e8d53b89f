package org.pingliang.techmarket.marketplace.listing.imports;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An import job as the API returns it: the job, plus why it failed in the caller's language. The
 * job keeps the reason as a message key ({@code failure}), so it can be shown in any language.
 */
record ImportJobResponse(@JsonUnwrapped ImportJob job, String failureMessage) {}
