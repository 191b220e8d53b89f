package org.pingliang.techmarket.searchindexer.listing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.stereotype.Component;

/**
 * This instance's name in the consumer group. It is stable across restarts of the same host, so a
 * restarted instance reads back the entries it had been given but not acknowledged.
 */
@Component
class ConsumerName {

  private final String value;

  ConsumerName(IndexerProperties properties) {
    this.value = properties.consumerName().isBlank() ? "indexer-" + hostName() : properties.consumerName();
  }

  String value() {
    return value;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "local";
    }
  }
}
