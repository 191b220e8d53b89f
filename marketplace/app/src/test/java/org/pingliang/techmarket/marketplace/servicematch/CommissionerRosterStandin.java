package org.pingliang.techmarket.marketplace.servicematch;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pingliang.techmarket.marketplace.commissioner.CommissionerRoster;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * TEST-ONLY stand-in for the commissioner feature's roster until it is merged (the lead deletes this
 * file then): the demo user {@code commissioner} is SELECTED; tests may set others' standing.
 */
@Component
public class CommissionerRosterStandin implements CommissionerRoster {

  /** The demo user {@code commissioner} (see demo/organisations.json). */
  public static final String DEMO_COMMISSIONER = "0b7e1000-0000-4000-8000-000000000006";

  private final Map<String, Standing> standings = new ConcurrentHashMap<>(Map.of(DEMO_COMMISSIONER, Standing.SELECTED));

  public void set(String subject, Standing standing) {
    standings.put(subject, standing);
  }

  @Override
  public Mono<Standing> standing(String personSubject) {
    return Mono.just(standings.getOrDefault(personSubject, Standing.NONE));
  }

  @Override
  public Mono<Optional<Card>> card(String personSubject) {
    var standing = standings.getOrDefault(personSubject, Standing.NONE);
    return Mono.just(standing.active()
        ? Optional.of(new Card(personSubject, "测试特派员" + personSubject.substring(personSubject.length() - 4), "RURAL",
            "果树病虫害防治", "崇信县汭河川农业科技服务中心", false))
        : Optional.empty());
  }
}
