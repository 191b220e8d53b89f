package org.pingliang.techmarket.marketplace.listing.imports;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 (with or without the BOM Excel writes): quoted fields, doubled quotes,
 * line breaks inside quotes, CRLF or LF. Blank lines are skipped.
 */
final class CsvReader {

  private CsvReader() {}

  static Sheet read(byte[] bytes) {
    var text = decode(bytes);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    var records = new ArrayList<List<String>>();
    var record = new ArrayList<String>();
    var field = new StringBuilder();
    var quoted = false;
    for (var i = 0; i < text.length(); i++) {
      var c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        addUnlessBlank(records, record);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new UnreadableFile("import.file.unterminated-quote");
    }
    record.add(field.toString());
    addUnlessBlank(records, record);
    if (records.isEmpty()) {
      throw new UnreadableFile("import.file.empty");
    }
    return new Sheet(records.getFirst(), records.subList(1, records.size()));
  }

  private static void addUnlessBlank(List<List<String>> records, List<String> record) {
    if (!(record.size() == 1 && record.getFirst().isBlank())) {
      records.add(record);
    }
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableFile("import.file.not-utf8");
    }
  }
}
