package org.pingliang.techmarket.search.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generates realistic Chinese listings (科技成果 and 技术需求) of Pingliang's industries from templates
 * and vocabularies. Deterministic: listing {@code n} of a seed is always the same, so a corpus can
 * be regenerated, reused and compared between runs.
 */
public final class CorpusGenerator {

  /** One industry's vocabulary. */
  record Domain(String tag, String field, String[] subjects, String[] techniques, String[] metrics,
      String[] scenes, String[] problems) {}

  static final String[] REGIONS = {"620802", "620821", "620822", "620823", "620825", "620826", "620881"};
  static final String[] PLACES = {"崆峒区", "泾川县", "灵台县", "崇信县", "庄浪县", "静宁县", "华亭市"};
  static final String[] MATURITIES = {"LABORATORY", "BENCH_SCALE", "PILOT_SCALE", "READY_FOR_PRODUCTION", "INDUSTRIALISED"};
  static final String[] TRANSFER_MODES = {"TRANSFER", "LICENCE", "EQUITY", "JOINT_DEVELOPMENT", "TECHNICAL_SERVICE"};
  static final String[] ORGS = {"崆峒理工职业学院", "泾河新材料研究院", "平凉市农业科学院", "陇东现代农业研究所",
      "甘肃煤电化工技术中心", "平凉市畜牧技术推广站", "华亭能源装备研究院", "静宁果业技术服务中心", "庄浪马铃薯研究所",
      "平凉信息技术产业园", "平凉市中医药研究所", "陇原生态环境研究院"};

  static final List<Domain> DOMAINS = List.of(
      new Domain("马铃薯", "AGRICULTURE",
          new String[] {"马铃薯", "脱毒种薯", "原原种", "青薯9号", "陇薯7号", "庄薯3号", "彩色马铃薯", "马铃薯淀粉"},
          new String[] {"雾培快繁", "晚疫病预警", "黑膜垄作", "机械化收获", "贮藏窖控温", "测土配方施肥", "全粉加工", "连作障碍修复"},
          new String[] {"亩产", "商品薯率", "病毒检出率", "贮藏损耗", "淀粉含量"},
          new String[] {"高寒阴湿区", "半干旱旱塬", "梯田", "川道水浇地"},
          new String[] {"种薯退化", "晚疫病流行", "窖藏烂薯", "收获用工难", "废水超标"}),
      new Domain("苹果", "AGRICULTURE",
          new String[] {"苹果", "静宁苹果", "矮砧苹果", "M9-T337 自根砧", "富士苹果", "老果园", "苹果苗木", "果汁"},
          new String[] {"矮化密植", "水肥一体化", "腐烂病防控", "气调贮藏", "近红外分选", "防霜冻", "免套袋", "有机肥替代"},
          new String[] {"优果率", "亩产", "糖度", "好果率", "节水"},
          new String[] {"旱塬果区", "川道果园", "山地果园", "冷库"},
          new String[] {"腐烂病高发", "花期霜冻", "冷库烂果", "分级靠人工", "套袋用工多"}),
      new Domain("肉牛", "AGRICULTURE",
          new String[] {"平凉红牛", "肉牛", "基础母牛", "犊牛", "架子牛", "全株玉米青贮", "苜蓿", "牛肉"},
          new String[] {"同期发情", "胚胎移植", "TMR 饲喂", "短期育肥", "犊牛腹泻防治", "粪污堆肥", "电子耳标", "排酸分割"},
          new String[] {"日增重", "受胎率", "犊牛成活率", "料肉比", "出品率"},
          new String[] {"规模养殖场", "养殖合作社", "屠宰加工厂", "家庭牧场"},
          new String[] {"繁殖率低", "犊牛死亡多", "育肥成本高", "粪污处理难", "青贮霉变"}),
      new Domain("设施蔬菜", "AGRICULTURE",
          new String[] {"日光温室", "设施辣椒", "高原夏菜", "娃娃菜", "穴盘育苗", "食用菌", "韭菜", "尾菜"},
          new String[] {"物联网调控", "高温消毒", "错季栽培", "潮汐灌溉", "绿色防控", "好氧发酵", "保温被", "水肥耦合"},
          new String[] {"成苗率", "商品率", "最低室温", "节省人工", "防效"},
          new String[] {"温室园区", "川道地区", "高海拔山区", "蔬菜产地"},
          new String[] {"冬季温度低", "连作障碍", "抽薹严重", "病虫害多", "尾菜乱堆"}),
      new Domain("煤电", "ADVANCED_MANUFACTURING",
          new String[] {"综采工作面", "高瓦斯矿井", "煤矸石", "粉煤灰", "SCR 脱硝催化剂", "空冷机组", "带式输送机", "液压支架"},
          new String[] {"电液控制", "瓦斯抽采", "胶结充填", "制备陶粒", "催化剂再生", "喷雾降背压", "智能巡检", "激光熔覆"},
          new String[] {"减人", "抽采浓度", "综合利用率", "脱硝效率", "供电煤耗"},
          new String[] {"华亭矿区", "燃煤电厂", "选煤厂", "煤化工园区"},
          new String[] {"招工难", "瓦斯超限", "矸石堆积", "氨逃逸超标", "夏季背压高"}),
      new Domain("新能源", "NEW_ENERGY",
          new String[] {"光伏电站", "分布式光伏", "储能电站", "风电机组", "沼气工程", "空气源热泵", "生物质颗粒", "电解水制氢"},
          new String[] {"清扫机器人", "红外热斑检测", "削峰填谷", "叶片巡检", "厌氧发酵", "清洁取暖", "成型燃料", "风光耦合"},
          new String[] {"发电量", "自发自用率", "COP", "产气率", "度电成本"},
          new String[] {"山地电站", "工业园区屋顶", "乡镇学校", "养殖园区"},
          new String[] {"发电量下降", "电费高", "燃煤锅炉拆除", "粪污能源化", "弃风弃光"}),
      new Domain("新材料", "NEW_MATERIALS",
          new String[] {"可降解地膜", "玄武岩纤维", "石墨烯散热膜", "岩棉保温板", "铝合金型材", "碳化硅陶瓷", "防水卷材", "地聚物胶凝材料"},
          new String[] {"配方优化", "拉挤成型", "憎水改性", "挤压工艺", "反应烧结", "复合改性", "碱激发", "吹膜工艺"},
          new String[] {"抗拉强度", "导热系数", "吸水率", "耐磨性", "抗压强度"},
          new String[] {"建筑节能", "农田覆膜", "电子散热", "电厂输粉管道"},
          new String[] {"残膜污染", "保温板吸水", "管道磨损快", "型材强度不足", "散热不够"}),
      new Domain("智能制造", "ADVANCED_MANUFACTURING",
          new String[] {"数控机床", "深沟球轴承", "金属零件", "焊接机器人", "MES 系统", "液压油缸", "3D 打印", "装箱码垛机器人"},
          new String[] {"振动监测", "沟道磨削", "视觉检测", "焊缝跟踪", "排程报工", "珩磨工艺", "激光选区熔化", "视觉定位抓取"},
          new String[] {"非计划停机", "圆度误差", "漏检率", "一次合格率", "交期准时率"},
          new String[] {"机加工车间", "轴承企业", "结构件工厂", "包装车间"},
          new String[] {"主轴突发故障", "异音超标", "人工质检漏检", "焊工难招", "交期延误"}),
      new Domain("信息技术", "ELECTRONIC_INFORMATION",
          new String[] {"农产品溯源", "县域电商", "遥感监测", "数字乡村", "冷链物流", "墒情监测", "政务热线", "企业上云"},
          new String[] {"区块链", "直播运营", "多时相影像识别", "一张图管理", "温湿度监控", "LoRa 组网", "大模型问答", "等保整改"},
          new String[] {"识别精度", "网销额", "响应时间", "覆盖半径", "运维成本"},
          new String[] {"地理标志产品", "乡镇", "山区", "中小企业"},
          new String[] {"假冒品牌", "销路不畅", "数据报不上来", "没有信号", "运维无人"}),
      new Domain("旅游", "URBAN_AND_SOCIAL",
          new String[] {"崆峒山景区", "乡村民宿", "红色遗址", "文创产品", "采摘园", "山岳步道", "窑洞", "景区票务"},
          new String[] {"客流预测", "分时预约", "沉浸式体验", "非遗活化", "农旅融合", "落石监测", "窑洞改造", "电子票务"},
          new String[] {"客流预测误差", "入住率", "参观时长", "二次消费", "投诉率"},
          new String[] {"5A 景区", "乡村旅游示范村", "纪念馆", "休闲农业园"},
          new String[] {"节假日拥堵", "闲置窑洞", "体验单一", "游客停留短", "雨季险情"}),
      new Domain("生态环保", "ENVIRONMENT",
          new String[] {"农村生活污水", "泾河水质", "淤地坝", "废旧农膜", "黄土边坡", "农村户厕", "VOCs", "废弃矿山"},
          new String[] {"一体化处理", "在线监测", "除险加固", "机械化回收", "生态护坡", "无害化处理", "转轮浓缩", "复绿治理"},
          new String[] {"出水达标率", "去除率", "植被覆盖度", "回收率", "稳定系数"},
          new String[] {"自然村", "流域", "黄土丘陵沟壑区", "工业园区"},
          new String[] {"污水横流", "水质超标", "水土流失", "白色污染", "边坡冲刷"}),
      new Domain("卫生健康", "BIOMEDICINE",
          new String[] {"远程影像", "慢病管理", "跌倒检测", "党参多糖", "包虫病", "中药配方颗粒", "医共体", "医疗废物"},
          new String[] {"AI 初筛", "签约随访", "可穿戴监测", "提取纯化", "超声筛查", "一致性评价", "双向转诊", "微波消毒"},
          new String[] {"报告时长", "控制率", "检出率", "纯度", "相似度"},
          new String[] {"乡镇卫生院", "县级医院", "养老机构", "村卫生室"},
          new String[] {"没有放射医生", "随访不到位", "独居老人无人照看", "基层筛查难", "医废处置难"}));

  private final long seed;

  public CorpusGenerator(long seed) {
    this.seed = seed;
  }

  /** One generated listing, in the fields the index stores. */
  public record Listing(String id, String type, String title, String summary, String description, String problem,
      String expectedOutcome, String technologyField, List<String> industryTags, String maturity, String regionCode,
      List<String> modes, Long priceFen, String organisationName, int domain, int subject, int technique) {

    /** The summary an embedding is computed from: a demand's problem plays that part. */
    public String embeddingSummary() {
      return type.equals("DEMAND") ? problem : summary;
    }

    public String embeddingDescription() {
      return type.equals("DEMAND") ? join(description, expectedOutcome) : description;
    }

    private static String join(String a, String b) {
      return a == null ? b : b == null ? a : a + " " + b;
    }
  }

  /** Listing number {@code n}: four in five are achievements, one in five a demand. */
  public Listing listing(long n) {
    var random = new Random(seed * 1_000_003L + n);
    var d = (int) (n % DOMAINS.size());
    var domain = DOMAINS.get(d);
    var s = random.nextInt(domain.subjects().length);
    var t = random.nextInt(domain.techniques().length);
    var subject = domain.subjects()[s];
    var technique = domain.techniques()[t];
    var other = domain.techniques()[(t + 1 + random.nextInt(domain.techniques().length - 1)) % domain.techniques().length];
    var metric = pick(random, domain.metrics());
    var metric2 = pick(random, domain.metrics());
    var scene = pick(random, domain.scenes());
    var r = random.nextInt(REGIONS.length);
    var place = PLACES[r];
    var id = UUID.nameUUIDFromBytes(("bench-corpus:" + seed + ":" + n).getBytes(StandardCharsets.UTF_8)).toString();
    var tags = List.of(domain.tag(), subject.replace(" ", ""));
    var org = ORGS[random.nextInt(ORGS.length)];
    if (n % 5 == 4) {
      var problemWord = pick(random, domain.problems());
      var title = switch (random.nextInt(3)) {
        case 0 -> subject + problemWord + "问题亟待解决";
        case 1 -> "求" + subject + technique + "技术";
        default -> place + subject + problemWord + "技术攻关";
      };
      var problem = "我单位位于" + place + "，" + subject + "生产中" + problemWord + "，" + metric + "长期达不到要求，"
          + "现有做法成本高、效果不稳定，" + (random.nextInt(100) + 20) + "名职工和周边农户受影响。";
      var outcome = "引进" + technique + "或" + other + "等成熟技术，" + metric + "提高 " + (10 + random.nextInt(40))
          + "% 以上，" + (6 + random.nextInt(18)) + " 个月内在" + scene + "落地。";
      return new Listing(id, "DEMAND", title + " " + shortCode(n), null, "合作方式可以是技术开发、转让或技术服务，预算面议。",
          problem, outcome, domain.field(), tags, null, REGIONS[r], List.of(pick(random, TRANSFER_MODES)),
          random.nextInt(4) == 0 ? null : (long) (5 + random.nextInt(200)) * 1_000_000L, org, d, s, t);
    }
    var title = switch (random.nextInt(4)) {
      case 0 -> subject + technique + "技术";
      case 1 -> subject + technique + "与" + other + "集成技术";
      case 2 -> place + subject + technique + "示范成果";
      default -> "基于" + technique + "的" + subject + metric + "提升技术";
    };
    var summary = technique + "结合" + other + "，" + metric + "提高 " + (5 + random.nextInt(45)) + "%，"
        + metric2 + "改善 " + (5 + random.nextInt(30)) + "%。";
    var description = "适用于" + scene + "，已在" + place + "等地 " + (2 + random.nextInt(40)) + " 个" + pick(random, domain.scenes())
        + "示范应用 " + (1 + random.nextInt(6)) + " 年，包括" + technique + "、" + other + "和配套规程，"
        + pick(random, new String[] {"可提供技术培训和现场指导。", "已获授权发明专利 " + (1 + random.nextInt(5)) + " 件。",
            "配套设备可国产化。", "适合合作社和中小企业推广。"});
    return new Listing(id, "ACHIEVEMENT", title + " " + shortCode(n), summary, description, null, null, domain.field(),
        tags, MATURITIES[random.nextInt(MATURITIES.length)], REGIONS[r],
        List.of(pick(random, TRANSFER_MODES), pick(random, TRANSFER_MODES)).stream().distinct().toList(),
        random.nextInt(3) == 0 ? null : (long) (1 + random.nextInt(500)) * 1_000_000L, org, d, s, t);
  }

  /** Search queries of the kind users type: a subject, a subject and a technique, a problem. */
  public List<String> queries(int count) {
    var random = new Random(seed ^ 0x5EA4C4L);
    var queries = new ArrayList<String>(count);
    for (var i = 0; i < count; i++) {
      var domain = DOMAINS.get(random.nextInt(DOMAINS.size()));
      queries.add(switch (random.nextInt(3)) {
        case 0 -> pick(random, domain.subjects());
        case 1 -> pick(random, domain.subjects()) + " " + pick(random, domain.techniques());
        default -> pick(random, domain.subjects()) + pick(random, domain.problems());
      });
    }
    return queries;
  }

  /** A code in the title that keeps titles distinct (like an internal project number). */
  static String shortCode(long n) {
    return "PL" + Long.toString(n, 36).toUpperCase(java.util.Locale.ROOT);
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
