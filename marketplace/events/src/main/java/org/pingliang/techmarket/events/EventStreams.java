package org.pingliang.techmarket.events;

/** Names of the Redis Streams shared by publisher and consumers: one stream per aggregate family. */
public final class EventStreams {

  /** Achievements, achievement packages and demands (科技成果, 科技成果包, 技术需求). */
  public static final String LISTINGS = "techmarket:events:listings";

  /** Negotiations, technology contracts (技术合同) and their payments. */
  public static final String DEALS = "techmarket:events:deals";

  /** S&T commissioners' service offers and the service requests of villages, enterprises and communities. */
  public static final String SERVICES = "techmarket:events:services";

  private EventStreams() {}
}
