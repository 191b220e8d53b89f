package org.pingliang.techmarket.marketplace.organisation;

import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Seeds the demo organisations in tests of other features, which run without the demo profile. */
public final class DemoOrganisationsFixture {

  private DemoOrganisationsFixture() {}

  public static Mono<Long> load(ApplicationContext context) {
    return new DemoOrganisations(context.getBean(PostgresOrganisations.class), context.getBean(PostgresMembers.class),
        context.getBean(PostgresOrganisationChanges.class), context.getBean(TransactionalOperator.class),
        context.getBean(JsonMapper.class), new ClassPathResource("demo/organisations.json")).load();
  }
}
