package org.pingliang.techmarket.marketplace.outbox;

/**
 * What one relay batch did.
 *
 * @param busy another relay held the lock, so this one did nothing
 * @param full the batch was as large as allowed and all of it went out, so more events may be waiting
 * @param failure why the batch stopped early, or {@code null}
 */
record BatchOutcome(boolean busy, boolean full, Throwable failure) {

  static final BatchOutcome BUSY = new BatchOutcome(true, false, null);

  static BatchOutcome failed(Throwable failure) {
    return new BatchOutcome(false, false, failure);
  }

  boolean failed() {
    return failure != null;
  }
}
