package org.pingliang.techmarket.marketplace.listing.imports;

/** The uploaded file cannot be read as a table at all; the message is a translation key. */
class UnreadableFile extends RuntimeException {

  UnreadableFile(String messageKey) {
    super(messageKey, null, false, false);
  }
}
