package org.pingliang.techmarket.marketplace.negotiation;

import java.time.Instant;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.negotiation.internal.Side;

/**
 * A message as the API shows it: the text exactly as written (JSON, never HTML; clients render it
 * as text). A confidential message reads as {@code redacted} to an inquirer who has not yet
 * acknowledged the NDA.
 */
record MessageView(UUID id, String author, Side authorSide, String body, boolean confidential, boolean redacted,
    Instant createdAt) {

  static MessageView of(MessageStore.Message message, boolean confidentialVisible) {
    var hidden = message.confidential() && !confidentialVisible;
    return new MessageView(message.id(), message.authorSubject(), message.authorSide(), hidden ? null : message.body(),
        message.confidential(), hidden, message.createdAt());
  }
}
