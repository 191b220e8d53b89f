package org.pingliang.techmarket.marketplace.outbox;

/**
 * What publishing one event did to its stream: appended it now, or found it appended before (a retry
 * after a crash between the publish and the database update).
 *
 * @param entryId the stream entry that holds the event
 */
record Publication(boolean appended, String entryId) {

  /** The publish script's reply: {@code appended <id>} or {@code present <id>}. */
  static Publication parse(String reply) {
    var separator = reply.indexOf(' ');
    var outcome = separator < 0 ? reply : reply.substring(0, separator);
    var entryId = reply.substring(separator + 1);
    return switch (outcome) {
      case "appended" -> new Publication(true, entryId);
      case "present" -> new Publication(false, entryId);
      default -> throw new IllegalStateException("unexpected reply from the publish script: " + reply);
    };
  }
}
