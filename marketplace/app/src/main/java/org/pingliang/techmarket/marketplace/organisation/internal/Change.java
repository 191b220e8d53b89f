package org.pingliang.techmarket.marketplace.organisation.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pingliang.techmarket.marketplace.organisation.Organisation;
import org.pingliang.techmarket.marketplace.organisation.VerificationStatus;

/**
 * An accepted change of an organisation: the state before and after, what changed (for the history)
 * and, for a rejection, its reason.
 *
 * @param fields changed fields by their API name, in a stable order
 */
public record Change(Organisation before, Organisation after, ChangeType type, Map<String, FieldChange> fields,
    String reason) {

  public Change {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** Nothing differs: no update, no new version, no history entry. */
  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** The rejection reason to keep with the organisation after this change, given the one it had. */
  public String rejectionReasonAfter(String previous) {
    if (after.verificationStatus() != VerificationStatus.REJECTED) {
      return null;
    }
    return reason != null ? reason : previous;
  }
}
