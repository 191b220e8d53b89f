package org.pingliang.techmarket.marketplace.instrument;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.pingliang.techmarket.marketplace.organisation.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * Demo instruments (profile {@code demo}): two of the demo college and one of the Chongxin service
 * centre, with fixed ids, so a restart adds nothing.
 */
@Component
@Profile("demo")
class DemoInstruments {

  private static final Logger log = LoggerFactory.getLogger(DemoInstruments.class);
  static final UUID COLLEGE = UUID.fromString("01941f29-7c00-7000-8000-000000000001");
  static final UUID SERVICE_PROVIDER = UUID.fromString("01941f29-7c00-7000-8000-000000000010");
  private static final String UNIVERSITY = "0b7e1000-0000-4000-8000-000000000001";
  private static final String COMMISSIONER = "0b7e1000-0000-4000-8000-000000000006";

  private final InstrumentStore store;
  private final Organisations organisations;
  private final TransactionalOperator transaction;
  private final Clock clock;

  DemoInstruments(InstrumentStore store, Organisations organisations, TransactionalOperator transaction, Clock clock) {
    this.store = store;
    this.organisations = organisations;
    this.transaction = transaction;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    var weekdays = List.of(new Instrument.Window(1, 9, 12), new Instrument.Window(1, 14, 18),
        new Instrument.Window(2, 9, 12), new Instrument.Window(2, 14, 18), new Instrument.Window(3, 9, 12),
        new Instrument.Window(3, 14, 18), new Instrument.Window(4, 9, 12), new Instrument.Window(4, 14, 18),
        new Instrument.Window(5, 9, 12), new Instrument.Window(5, 14, 18));
    var now = Instant.now(clock);
    var demo = List.of(
        new Instrument(UUID.fromString("01941f29-7c00-7000-8000-0000000b0001"), COLLEGE, null,
            new Instrument.Content("气相色谱-质谱联用仪", "Agilent 8890-5977B", InstrumentCategory.ANALYTICAL,
                "用于农产品农药残留、挥发性风味物质与中药材成分的定性定量分析；配自动进样器与 NIST 谱库。",
                "平凉泾河职业技术学院 实验楼 B204", "620802", 30_000, "须提前 24 小时预约；样品前处理由预约方完成；"
                    + "首次使用须由本院实验员陪同操作。", 4, 24, weekdays),
            Instrument.Status.ACTIVE, UNIVERSITY, now, now, 1),
        new Instrument(UUID.fromString("01941f29-7c00-7000-8000-0000000b0002"), COLLEGE, null,
            new Instrument.Content("扫描电子显微镜", "Hitachi SU3800", InstrumentCategory.TESTING,
                "材料表面形貌观察与能谱（EDS）元素分析，适用于煤化工新材料、金属零部件失效分析。",
                "平凉泾河职业技术学院 实验楼 A101", "620802", 45_000, "导电样品直接观察，非导电样品需喷金；"
                    + "每次预约最多 3 小时。", 3, 24, weekdays),
            Instrument.Status.ACTIVE, UNIVERSITY, now, now, 1),
        new Instrument(UUID.fromString("01941f29-7c00-7000-8000-0000000b0003"), SERVICE_PROVIDER, null,
            new Instrument.Content("土壤养分快速检测仪", "TPY-8A", InstrumentCategory.AGRICULTURAL,
                "测定土壤氮磷钾、有机质与 pH，为测土配方施肥提供数据；可送样检测。",
                "崇信县汭河川农业科技服务中心 检测室", "620823", 5_000, "周一至周六开放；送样请附采样地块信息。",
                8, 12, List.of(new Instrument.Window(1, 8, 18), new Instrument.Window(2, 8, 18),
                    new Instrument.Window(3, 8, 18), new Instrument.Window(4, 8, 18), new Instrument.Window(5, 8, 18),
                    new Instrument.Window(6, 9, 12))),
            Instrument.Status.ACTIVE, COMMISSIONER, now, now, 1));
    Flux.fromIterable(demo)
        .concatMap(instrument -> organisations.find(instrument.organisationId())
            .repeatWhenEmpty(repeat -> repeat.delayElements(Duration.ofSeconds(1)).take(60))
            .then(store.insert(instrument).as(transaction::transactional))
            .retryWhen(Retry.fixedDelay(5, Duration.ofSeconds(2))))
        .then()
        .subscribe(ignored -> { }, error -> log.warn("demo instruments not loaded", error),
            () -> log.info("demo instruments ready"));
  }
}
