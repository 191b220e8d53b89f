package org.pingliang.techmarket.importcli;

import java.util.regex.Pattern;

/** One progress report of the server's import stream, read from its JSON without a JSON library. */
record Progress(String status, Integer totalRows, int processedRows, int createdRows, int updatedRows,
    int unchangedRows, int failedRows, String failure) {

  boolean isFinal() {
    return "COMPLETED".equals(status) || "FAILED".equals(status);
  }

  static Progress parse(String json) {
    return new Progress(text(json, "status"), number(json, "totalRows"), orZero(number(json, "processedRows")),
        orZero(number(json, "createdRows")), orZero(number(json, "updatedRows")), orZero(number(json, "unchangedRows")),
        orZero(number(json, "failedRows")), text(json, "failure"));
  }

  private static String text(String json, String field) {
    var matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static Integer number(String json, String field) {
    var matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?\\d+)").matcher(json);
    return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
