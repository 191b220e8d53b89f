package org.pingliang.techmarket.marketplace.commissioner;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The yearly filing (备案) the city sends to the province: every commissioner on the roster that year
 * with standing, services filed and confirmed in the year, and the year's evaluation grade.
 */
@Service
class Filings {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final DatabaseClient database;
  private final Clock clock;

  Filings(DatabaseClient database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  record Entry(String certificateNumber, String name, CommissionerType type, String employerName, String regionCode,
      boolean threeRegionsTalent, String standing, Instant selectedAt, long servicesFiled, long servicesConfirmed,
      String grade) {}

  record Summary(int year, String city, Instant generatedAt, long commissioners, long selectedInYear,
      long threeRegionsTalents, long servicesConfirmed, List<Entry> entries) {}

  Mono<Summary> summary(int year) {
    return database.sql("""
            SELECT c.*, e.name AS employer_name, ev.grade,
              (SELECT count(*) FROM commissioner_service_records r WHERE r.commissioner_id = c.id
                 AND extract(year FROM r.served_on) = :year) AS filed,
              (SELECT count(*) FROM commissioner_service_records r WHERE r.commissioner_id = c.id
                 AND r.status = 'CONFIRMED' AND extract(year FROM r.served_on) = :year) AS confirmed
            FROM commissioners c JOIN organisations e ON e.id = c.employer_id
            LEFT JOIN commissioner_evaluations ev ON ev.commissioner_id = c.id AND ev.year = :year
            WHERE extract(year FROM c.selected_at AT TIME ZONE 'Asia/Shanghai') <= :year
              AND (c.standing = 'SELECTED' OR extract(year FROM coalesce(c.exited_at, c.removed_at) AT TIME ZONE 'Asia/Shanghai') >= :year)
            ORDER BY c.certificate_number""")
        .bind("year", year)
        .map(row -> new Entry(row.get("certificate_number", String.class), row.get("name", String.class),
            CommissionerType.valueOf(row.get("type", String.class)), row.get("employer_name", String.class),
            row.get("region_code", String.class), Boolean.TRUE.equals(row.get("three_regions_talent", Boolean.class)),
            row.get("standing", String.class), row.get("selected_at", Instant.class), row.get("filed", Long.class),
            row.get("confirmed", Long.class), row.get("grade", String.class)))
        .all().collectList()
        .map(entries -> new Summary(year, "平凉市", clock.instant(), entries.size(),
            entries.stream().filter(e -> e.selectedAt().atZone(Selection.CHINA).getYear() == year).count(),
            entries.stream().filter(Entry::threeRegionsTalent).count(),
            entries.stream().mapToLong(Entry::servicesConfirmed).sum(), entries));
  }

  /** The summary as CSV: UTF-8 with BOM, every field quoted, CRLF, formula-safe. */
  static byte[] csv(Summary summary) {
    var text = new StringBuilder(row(List.of("聘书编号", "姓名", "类型", "派出单位", "管理县区", "三区人才", "状态",
        "选派时间", "年度服务记录", "已确认服务", "年度考核")));
    for (var e : summary.entries()) {
      text.append(row(List.of(e.certificateNumber(), e.name(), e.type().chineseName(), e.employerName(),
          Counties.name(e.regionCode()), e.threeRegionsTalent() ? "是" : "否", standing(e.standing()),
          e.selectedAt().atZone(Selection.CHINA).toLocalDate().toString(), Long.toString(e.servicesFiled()),
          Long.toString(e.servicesConfirmed()), grade(e.grade()))));
    }
    var body = text.toString().getBytes(StandardCharsets.UTF_8);
    var bytes = new byte[BOM.length + body.length];
    System.arraycopy(BOM, 0, bytes, 0, BOM.length);
    System.arraycopy(body, 0, bytes, BOM.length, body.length);
    return bytes;
  }

  private static String standing(String standing) {
    return switch (standing) {
      case "SELECTED" -> "在派";
      case "EXITED" -> "已退出";
      default -> "已撤销资格";
    };
  }

  private static String grade(String grade) {
    if (grade == null) {
      return "";
    }
    return switch (grade) {
      case "EXCELLENT" -> "优秀";
      case "COMPETENT" -> "称职";
      default -> "不称职";
    };
  }

  private static String row(List<String> values) {
    return String.join(",", values.stream().map(Filings::quoted).toList()) + "\r\n";
  }

  private static String quoted(String value) {
    var v = value == null ? "" : value;
    if (!v.isEmpty() && Stream.of("=", "+", "-", "@", "\t", "\r").anyMatch(v::startsWith)) {
      v = "'" + v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
