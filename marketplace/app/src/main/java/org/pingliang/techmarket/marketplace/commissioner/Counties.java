package org.pingliang.techmarket.marketplace.commissioner;

import java.util.LinkedHashMap;
import java.util.Map;

/** Pingliang and its counties (GB/T 2260), the managing regions of commissioners. */
final class Counties {

  static final Map<String, String> NAMES;

  static {
    var names = new LinkedHashMap<String, String>();
    names.put("620800", "平凉市");
    names.put("620802", "崆峒区");
    names.put("620821", "泾川县");
    names.put("620822", "灵台县");
    names.put("620823", "崇信县");
    names.put("620825", "庄浪县");
    names.put("620826", "静宁县");
    names.put("620881", "华亭市");
    NAMES = Map.copyOf(names);
  }

  static final java.util.List<String> ORDER = java.util.List.of("620800", "620802", "620821", "620822", "620823",
      "620825", "620826", "620881");

  private Counties() {}

  static boolean known(String code) {
    return code != null && NAMES.containsKey(code);
  }

  static String name(String code) {
    return NAMES.getOrDefault(code, code);
  }

  /** The managing unit (管理单位) of a region: its science and technology bureau. */
  static String managingUnit(String code) {
    return name(code) + "科学技术局";
  }
}
