package org.pingliang.techmarket.searchindexer.listing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This instance's name in the consumer group: {@code techmarket.indexer.consumer-name} when set,
 * otherwise {@code indexer-<hostname>-<http port>}. It is unique per instance (two instances on one
 * host listen on different ports) and stable across restarts of the same instance, so a restarted
 * instance reads back the entries it had been given but not acknowledged. With a random port (0)
 * the process id stands in; such an instance's leftovers are taken over by XCLAIM instead.
 */
@Component
public class ConsumerName {

  private final String value;

  @Autowired
  ConsumerName(IndexerProperties properties, @Value("${server.port:8081}") int port) {
    this.value = properties.consumerName().isBlank()
        ? "indexer-" + hostName() + "-" + (port > 0 ? String.valueOf(port) : "pid" + ProcessHandle.current().pid())
        : properties.consumerName();
  }

  ConsumerName(IndexerProperties properties) {
    this(properties, 0);
  }

  public String value() {
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
