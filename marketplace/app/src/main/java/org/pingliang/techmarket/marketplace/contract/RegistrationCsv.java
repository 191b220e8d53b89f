package org.pingliang.techmarket.marketplace.contract;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The registration form as CSV for the registry's spreadsheet: UTF-8 with a byte-order mark (so Excel
 * reads Chinese), RFC 4180 (every field quoted, quotes doubled, CRLF), one header and one data row.
 * A value that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
 * return) gets a leading apostrophe.
 */
final class RegistrationCsv {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private RegistrationCsv() {}

  static byte[] of(List<RegistrationForm.Field> fields) {
    var text = row(fields.stream().map(RegistrationForm.Field::label).toList())
        + row(fields.stream().map(RegistrationForm.Field::value).toList());
    var body = text.getBytes(StandardCharsets.UTF_8);
    var bytes = new byte[BOM.length + body.length];
    System.arraycopy(BOM, 0, bytes, 0, BOM.length);
    System.arraycopy(body, 0, bytes, BOM.length, body.length);
    return bytes;
  }

  private static String row(List<String> values) {
    var line = new StringBuilder();
    for (var i = 0; i < values.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append('"').append(defused(values.get(i)).replace("\"", "\"\"")).append('"');
    }
    return line.append("\r\n").toString();
  }

  static String defused(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    var first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + value : value;
  }
}
