package org.pingliang.techmarket.marketplace.listing.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The first worksheet of an Office Open XML workbook (.xlsx), read with a streaming XML parser:
 * shared strings, inline strings, numbers and booleans as their text. Formulas give their cached
 * value. DTDs and external entities are refused, and the unzipped size is capped (zip bombs).
 */
final class XlsxReader {

  private static final long MAX_UNZIPPED_BYTES = 200L * 1024 * 1024;
  private static final XMLInputFactory XML = safeFactory();

  private XlsxReader() {}

  static Sheet read(byte[] bytes) {
    var parts = unzip(bytes);
    var sheetPath = firstSheetPath(parts);
    var sheet = parts.get(sheetPath);
    if (sheet == null) {
      throw new UnreadableFile("import.file.not-xlsx");
    }
    var shared = parts.containsKey("xl/sharedStrings.xml") ? sharedStrings(parts.get("xl/sharedStrings.xml")) : List.<String>of();
    var rows = rows(sheet, shared);
    if (rows.isEmpty()) {
      throw new UnreadableFile("import.file.empty");
    }
    return new Sheet(rows.getFirst(), rows.subList(1, rows.size()));
  }

  private static Map<String, byte[]> unzip(byte[] bytes) {
    var parts = new HashMap<String, byte[]>();
    var total = 0L;
    try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        var name = entry.getName();
        if (!name.endsWith(".xml") && !name.endsWith(".rels")) {
          continue;
        }
        var content = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_UNZIPPED_BYTES - total + 1));
        total += content.length;
        if (total > MAX_UNZIPPED_BYTES) {
          throw new UnreadableFile("import.file.too-large");
        }
        parts.put(name, content);
      }
    } catch (IOException e) {
      throw new UnreadableFile("import.file.not-xlsx");
    }
    if (parts.isEmpty()) {
      throw new UnreadableFile("import.file.not-xlsx");
    }
    return parts;
  }

  /** workbook.xml names the sheets in order; its relationships say which part each one is. */
  private static String firstSheetPath(Map<String, byte[]> parts) {
    var workbook = parts.get("xl/workbook.xml");
    var rels = parts.get("xl/_rels/workbook.xml.rels");
    if (workbook == null || rels == null) {
      return "xl/worksheets/sheet1.xml";
    }
    var firstId = firstAttribute(workbook, "sheet", "id");
    var targets = new HashMap<String, String>();
    parse(rels, reader -> {
      if (reader.getEventType() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(reader.getLocalName())) {
        targets.put(reader.getAttributeValue(null, "Id"), reader.getAttributeValue(null, "Target"));
      }
    });
    var target = firstId == null ? null : targets.get(firstId);
    if (target == null) {
      return "xl/worksheets/sheet1.xml";
    }
    return target.startsWith("/") ? target.substring(1) : "xl/" + target;
  }

  private static String firstAttribute(byte[] xml, String element, String attributeLocalName) {
    var found = new String[1];
    parse(xml, reader -> {
      if (found[0] == null && reader.getEventType() == XMLStreamConstants.START_ELEMENT
          && element.equals(reader.getLocalName())) {
        for (var i = 0; i < reader.getAttributeCount(); i++) {
          if (attributeLocalName.equals(reader.getAttributeLocalName(i))) {
            found[0] = reader.getAttributeValue(i);
          }
        }
      }
    });
    return found[0];
  }

  private static List<String> sharedStrings(byte[] xml) {
    var strings = new ArrayList<String>();
    var current = new StringBuilder();
    var inText = new boolean[1];
    parse(xml, reader -> {
      switch (reader.getEventType()) {
        case XMLStreamConstants.START_ELEMENT -> {
          if ("si".equals(reader.getLocalName())) {
            current.setLength(0);
          } else if ("t".equals(reader.getLocalName())) {
            inText[0] = true;
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
          if (inText[0]) {
            current.append(reader.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          if ("t".equals(reader.getLocalName())) {
            inText[0] = false;
          } else if ("si".equals(reader.getLocalName())) {
            strings.add(current.toString());
          }
        }
        default -> { }
      }
    });
    return strings;
  }

  private static List<List<String>> rows(byte[] xml, List<String> shared) {
    var rows = new ArrayList<List<String>>();
    var state = new CellState();
    parse(xml, reader -> {
      switch (reader.getEventType()) {
        case XMLStreamConstants.START_ELEMENT -> state.start(reader);
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> state.text(reader.getText());
        case XMLStreamConstants.END_ELEMENT -> state.end(reader.getLocalName(), shared, rows);
        default -> { }
      }
    });
    return rows;
  }

  /** The parser's position inside sheetData: the row being built and the cell being read. */
  private static final class CellState {
    private List<String> row;
    private int column;
    private String type;
    private boolean inValue;
    private final StringBuilder value = new StringBuilder();

    void start(XMLStreamReader reader) {
      switch (reader.getLocalName()) {
        case "row" -> row = new ArrayList<>();
        case "c" -> {
          column = columnIndex(reader.getAttributeValue(null, "r"), row == null ? 0 : row.size());
          type = reader.getAttributeValue(null, "t");
          value.setLength(0);
        }
        case "v", "t" -> inValue = true;
        default -> { }
      }
    }

    void text(String text) {
      if (inValue) {
        value.append(text);
      }
    }

    void end(String name, List<String> shared, List<List<String>> rows) {
      switch (name) {
        case "v", "t" -> inValue = false;
        case "c" -> {
          while (row.size() < column) {
            row.add("");
          }
          row.add(cellText(shared));
        }
        case "row" -> {
          if (row.stream().anyMatch(cell -> !cell.isBlank())) {
            rows.add(row);
          }
          row = null;
        }
        default -> { }
      }
    }

    private String cellText(List<String> shared) {
      var text = value.toString();
      if ("s".equals(type)) {
        try {
          return shared.get(Integer.parseInt(text.strip()));
        } catch (RuntimeException e) {
          throw new UnreadableFile("import.file.not-xlsx");
        }
      }
      if ("b".equals(type)) {
        return "1".equals(text) ? "TRUE" : "FALSE";
      }
      if (type == null || "n".equals(type)) {
        return plainNumber(text);
      }
      return text;
    }
  }

  /** Excel stores 12 as "12" but sometimes 12.0 or 1.2E1; ids and prices read better plain. */
  static String plainNumber(String text) {
    if (text.isBlank()) {
      return text;
    }
    try {
      return new java.math.BigDecimal(text.strip()).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return text;
    }
  }

  /** "C7" is column 2; cells may be missing, so the reference decides, not the count. */
  static int columnIndex(String reference, int fallback) {
    if (reference == null) {
      return fallback;
    }
    var index = 0;
    for (var i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
      index = index * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
    }
    return index == 0 ? fallback : index - 1;
  }

  private interface Handler {
    void on(XMLStreamReader reader);
  }

  private static void parse(byte[] xml, Handler handler) {
    try (InputStream in = new ByteArrayInputStream(xml)) {
      var reader = XML.createXMLStreamReader(in);
      try {
        while (reader.hasNext()) {
          reader.next();
          handler.on(reader);
        }
      } finally {
        reader.close();
      }
    } catch (XMLStreamException | IOException e) {
      throw new UnreadableFile("import.file.not-xlsx");
    }
  }

  private static XMLInputFactory safeFactory() {
    var factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }
}
