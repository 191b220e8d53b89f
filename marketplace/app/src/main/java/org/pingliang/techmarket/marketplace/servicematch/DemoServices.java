package org.pingliang.techmarket.marketplace.servicematch;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.identity.Actor;
import org.pingliang.techmarket.marketplace.identity.Role;
import org.pingliang.techmarket.marketplace.listing.shared.TechnologyField;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Demo service matching (profile {@code demo}): offers of the demo commissioner and requests of the
 * demo apple enterprise and of villages and a community (posted by the bureau), through the same
 * services users use. Idempotent by title. Offers need the demo commissioner to be on the roster
 * (selected by the commissioner feature's demo data): the loader waits for that a while and
 * otherwise leaves the offers out, saying so.
 */
@Component
@Profile("demo")
class DemoServices {

  private static final Logger log = LoggerFactory.getLogger(DemoServices.class);
  private static final Actor COMMISSIONER = new Actor("0b7e1000-0000-4000-8000-000000000006", "commissioner",
      Set.of(Role.COMMISSIONER));
  private static final Actor ENTERPRISE = new Actor("0b7e1000-0000-4000-8000-000000000003", "enterprise",
      Set.of(Role.ENTERPRISE));
  private static final Actor ADMIN = new Actor("0b7e1000-0000-4000-8000-000000000007", "admin", Set.of(Role.ADMIN));
  private static final UUID APPLE_ENTERPRISE = UUID.fromString("01941f29-7c00-7000-8000-000000000004");

  private static final List<ServiceOffer.Content> OFFERS = List.of(
      new ServiceOffer.Content("苹果树腐烂病综合防治技术指导",
          "针对静宁、庄浪山地果园的苹果树腐烂病（烂皮病），现场指导病斑刮治、涂药保护、剪锯口处理和冬季清园，建立防治台账。",
          TechnologyField.AGRICULTURE, ServiceType.GUIDANCE, List.of("620826", "620825", "620823"),
          Set.of(ServiceMode.ON_SITE, ServiceMode.REMOTE)),
      new ServiceOffer.Content("马铃薯晚疫病监测预警与绿色防控培训",
          "面向马铃薯种植合作社和农户，讲授晚疫病田间识别、气象预警、脱毒种薯和科学用药，田间现场示范。",
          TechnologyField.AGRICULTURE, ServiceType.TRAINING, List.of("620825", "620826"), Set.of(ServiceMode.ON_SITE)),
      new ServiceOffer.Content("果品农残与土壤养分检测服务",
          "依托崇信县农业科技服务中心实验室，提供苹果农药残留快速检测、果园土壤养分检测和施肥建议。",
          TechnologyField.AGRICULTURE, ServiceType.TESTING, List.of("620800"), Set.of(ServiceMode.ON_SITE, ServiceMode.REMOTE)),
      new ServiceOffer.Content("肉牛标准化养殖与饲草青贮技术咨询",
          "平凉红牛养殖场（户）的圈舍改造、全株玉米青贮、饲料配方与常见疫病防控咨询。",
          TechnologyField.AGRICULTURE, ServiceType.CONSULTING, List.of("620822", "620821", "620823"),
          Set.of(ServiceMode.REMOTE)));

  private final ServiceOffers offers;
  private final ServiceRequests requests;
  private final ActiveCommissioners commissioners;
  private final Organisations organisations;
  private final DatabaseClient database;

  DemoServices(ServiceOffers offers, ServiceRequests requests, ActiveCommissioners commissioners,
      Organisations organisations, DatabaseClient database) {
    this.offers = offers;
    this.requests = requests;
    this.commissioners = commissioners;
    this.organisations = organisations;
    this.database = database;
  }

  @EventListener(ApplicationReadyEvent.class)
  void load() {
    seedRequests().then(seedOffers()).subscribe(
        ignored -> { },
        error -> log.error("demo service matching could not be loaded", error),
        () -> log.info("demo service matching ready"));
  }

  private Mono<Void> seedRequests() {
    var deadline = LocalDate.now().plusMonths(3);
    var forms = List.of(
        new Posting(ENTERPRISE, new ServiceRequestForm(APPLE_ENTERPRISE, null, null, null, "苹果树腐烂病防治技术指导",
            "公司在静宁的 800 亩果园近两年苹果树腐烂病发病加重，主干和大枝树皮溃烂，部分树体死亡。",
            "请特派员到园诊断病因，制定全年防治方案，并培训公司技术员。", TechnologyField.AGRICULTURE,
            ServiceType.GUIDANCE, "620826", deadline, null)),
        new Posting(ADMIN, new ServiceRequestForm(null, RequesterKind.VILLAGE, "庄浪县朱店镇吊沟村", null,
            "马铃薯晚疫病防治", "连阴雨后村里马铃薯晚疫病蔓延，叶片出现水渍状病斑，群众不清楚何时用药。",
            "希望特派员进村开展晚疫病识别和防控培训。", TechnologyField.AGRICULTURE, ServiceType.TRAINING, "620825",
            deadline, null)),
        new Posting(ADMIN, new ServiceRequestForm(null, RequesterKind.VILLAGE, "灵台县什字镇测试示范村", null,
            "肉牛养殖饲草青贮技术", "村里新建肉牛养殖合作社，青贮玉米霉变损失大，饲料成本高。",
            "需要青贮制作与饲料配方方面的技术指导。", TechnologyField.AGRICULTURE, ServiceType.CONSULTING, "620822",
            deadline, null)),
        new Posting(ADMIN, new ServiceRequestForm(null, RequesterKind.COMMUNITY, "崆峒区东关街道社区", null,
            "社区居民食品安全与农残检测科普", "社区居民关心市场上水果蔬菜的农药残留，希望了解快速检测方法。",
            "请特派员到社区开展农残检测演示和科普讲座。", TechnologyField.AGRICULTURE, ServiceType.TESTING, "620802",
            deadline, null)));
    return organisations.find(APPLE_ENTERPRISE)
        .switchIfEmpty(Mono.error(new IllegalStateException("demo organisations not there yet")))
        .retryWhen(Retry.fixedDelay(60, Duration.ofSeconds(1)))
        .thenMany(Flux.fromIterable(forms).concatMap(posting -> exists("service_requests", posting.form().title())
            .flatMap(found -> found ? Mono.empty() : requests.post(posting.actor(), posting.form()).then())))
        .then();
  }

  private Mono<Void> seedOffers() {
    return commissioners.isActive(COMMISSIONER.subject())
        .filter(Boolean::booleanValue)
        .switchIfEmpty(Mono.error(new IllegalStateException("demo commissioner not on the roster yet")))
        .retryWhen(Retry.fixedDelay(60, Duration.ofSeconds(2)))
        .thenMany(Flux.fromIterable(OFFERS).concatMap(content -> exists("service_offers", content.title())
            .flatMap(found -> found ? Mono.empty() : offers.publish(COMMISSIONER, content).then())))
        .then()
        .onErrorResume(error -> {
          log.warn("demo service offers left out: the demo commissioner is not an active commissioner ({})",
              error.getMessage());
          return Mono.empty();
        });
  }

  private record Posting(Actor actor, ServiceRequestForm form) {}

  private Mono<Boolean> exists(String table, String title) {
    return database.sql("SELECT 1 FROM " + table + " WHERE title = :title").bind("title", title)
        .map(row -> true).first().defaultIfEmpty(false);
  }
}
