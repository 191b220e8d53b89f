package org.pingliang.techmarket.marketplace.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where an event stream may be trimmed: below the oldest entry some consumer group still needs, and
 * below the retention window. Pure, so it is tested without Redis.
 */
final class TrimBoundary {

  private TrimBoundary() {}

  /**
   * A stream entry id, {@code <milliseconds>-<sequence>}; the milliseconds are the append time for
   * ids Redis generates ({@code XADD *}).
   */
  record EntryId(long millis, long sequence) implements Comparable<EntryId> {

    static final EntryId ZERO = new EntryId(0, 0);

    static EntryId parse(String id) {
      var dash = id.indexOf('-');
      try {
        return dash < 0
            ? new EntryId(Long.parseUnsignedLong(id), 0)
            : new EntryId(Long.parseUnsignedLong(id.substring(0, dash)), Long.parseUnsignedLong(id.substring(dash + 1)));
      } catch (NumberFormatException notAnId) {
        throw new IllegalArgumentException("not a stream entry id: '" + id + "'", notAnId);
      }
    }

    static EntryId min(EntryId a, EntryId b) {
      return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public int compareTo(EntryId other) {
      var byMillis = Long.compareUnsigned(millis, other.millis);
      return byMillis != 0 ? byMillis : Long.compareUnsigned(sequence, other.sequence);
    }

    @Override
    public String toString() {
      return Long.toUnsignedString(millis) + "-" + Long.toUnsignedString(sequence);
    }
  }

  /**
   * What one consumer group still needs (XINFO GROUPS, XPENDING summary).
   *
   * @param lastDelivered the newest entry delivered to the group; everything after it is unread
   * @param oldestPending the oldest entry delivered but not acknowledged, null if none
   */
  record GroupPosition(String group, EntryId lastDelivered, EntryId oldestPending) {

    /** Every entry below this id has been delivered to the group and acknowledged. */
    EntryId safeBelow() {
      return oldestPending == null ? lastDelivered : EntryId.min(oldestPending, lastDelivered);
    }
  }

  /**
   * The smallest id to keep ({@code XTRIM MINID}): the minimum of every group's {@link
   * GroupPosition#safeBelow()} and of {@code now − retention}. Empty when nothing may go.
   */
  static Optional<EntryId> keepFrom(List<GroupPosition> groups, long nowMillis, Duration retention) {
    var keepFrom = boundary(groups, nowMillis, retention).keepFrom();
    return keepFrom.equals(EntryId.ZERO) ? Optional.empty() : Optional.of(keepFrom);
  }

  /**
   * The smallest id to keep and what holds it there: a group's name, or null for the retention
   * window. A group that never advances (a consumer gone for good) shows up here, in the job's log.
   */
  record Boundary(EntryId keepFrom, String limitedBy) {}

  static Boundary boundary(List<GroupPosition> groups, long nowMillis, Duration retention) {
    var boundary = new Boundary(new EntryId(Math.max(0, nowMillis - retention.toMillis()), 0), null);
    for (var group : groups) {
      if (group.safeBelow().compareTo(boundary.keepFrom()) < 0) {
        boundary = new Boundary(group.safeBelow(), group.group());
      }
    }
    return boundary;
  }
}
