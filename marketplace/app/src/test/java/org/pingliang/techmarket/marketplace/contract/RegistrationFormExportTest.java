package org.pingliang.techmarket.marketplace.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The registration form as PDF (Chinese text extractable) and as CSV (BOM, RFC 4180, formula-safe). */
class RegistrationFormExportTest extends ContractApiTest {

  @Test
  void the_pdf_carries_the_registration_fields_in_chinese() throws IOException {
    var id = demoDraft(123_456_789);
    var registered = registered(id);
    var number = (String) ((java.util.Map<?, ?>) registered.get("registration")).get("registrationNumber");
    var pdf = as("enterprise").get().uri("/api/contracts/{id}/registration-form.pdf", id).exchange()
        .expectStatus().isOk()
        .expectHeader().contentType(MediaType.APPLICATION_PDF)
        .expectHeader().value("Content-Disposition", value -> assertThat(value).contains("attachment"))
        .expectBody(byte[].class).returnResult().getResponseBody();
    assertThat(new String(Arrays.copyOf(pdf, 5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (var document = Loader.loadPDF(pdf)) {
      var text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
      assertThat(text).contains("技术合同认定登记表", "马铃薯脱毒种薯快繁技术转让", "平凉泾河职业技术学院",
          "静宁县陇红苹果产业有限公司", "126208024382761592", "事业法人（高等院校）", "技术转让", "专利权转让",
          "1234567.89", "农业", "市、县级计划", number, "2026-01-23");
    }
  }

  @Test
  void the_csv_opens_in_excel_and_cannot_run_formulas() {
    var id = demoDraft(1_000_001);
    var form = ContractTestData.completeForm(version("university", id), 1, 0);
    form.put("projectName", "=HYPERLINK(\"http://evil\",\"点我\")");
    as("university").put().uri("/api/contracts/{id}", id).contentType(MediaType.APPLICATION_JSON).bodyValue(form)
        .exchange().expectStatus().isOk();
    var bytes = as("university").get().uri("/api/contracts/{id}/registration-form.csv", id).exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
        .expectBody(byte[].class).returnResult().getResponseBody();
    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    var text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    var lines = text.split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(text).endsWith("\r\n");
    assertThat(lines[0]).startsWith("\"登记编号\",\"登记状态\"").contains("\"技术交易额（元）\"", "\"卖方统一社会信用代码\"");
    // Quotes doubled inside a quoted field, and a leading apostrophe so the cell is text, not a formula.
    assertThat(lines[1]).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\"");
    assertThat(lines[1]).contains("\"10000.01\"", "\"10000.00\"", "\"草稿\"", "\"126208024382761592\"");
    var header = fields(lines[0]);
    var row = fields(lines[1]);
    assertThat(row).hasSameSizeAs(header);
    assertThat(row.get(header.indexOf("项目名称"))).isEqualTo("'=HYPERLINK(\"http://evil\",\"点我\")");
    assertThat(row.get(header.indexOf("合同总额（元）"))).isEqualTo("10000.01");
  }

  /** A strict RFC 4180 reader for one line of fully quoted fields. */
  private static java.util.List<String> fields(String line) {
    var fields = new java.util.ArrayList<String>();
    var i = 0;
    while (i < line.length()) {
      assertThat(line.charAt(i)).isEqualTo('"');
      var field = new StringBuilder();
      i++;
      while (true) {
        var c = line.charAt(i);
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
        } else if (c == '"') {
          i++;
          break;
        } else {
          field.append(c);
          i++;
        }
      }
      fields.add(field.toString());
      if (i < line.length()) {
        assertThat(line.charAt(i)).isEqualTo(',');
        i++;
      }
    }
    return fields;
  }
}
