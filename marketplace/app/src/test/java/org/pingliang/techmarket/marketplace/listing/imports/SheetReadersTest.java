package org.pingliang.techmarket.marketplace.listing.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SheetReadersTest {

  @Test
  void csv_with_bom_quotes_commas_and_line_breaks_inside_fields() {
    var csv = "\uFEFF外部编号,成果名称\r\nA-1,\"含逗号, 和 \"\"引号\"\"\"\r\n\r\nA-2,\"两\n行\"\n";
    var sheet = CsvReader.read(csv.getBytes(StandardCharsets.UTF_8));

    assertThat(sheet.header()).containsExactly("外部编号", "成果名称");
    assertThat(sheet.rows()).containsExactly(List.of("A-1", "含逗号, 和 \"引号\""), List.of("A-2", "两\n行"));
    assertThat(sheet.rowNumber(1)).isEqualTo(3);
  }

  @Test
  void csv_that_is_not_utf8_is_refused_with_advice() {
    var gbk = new byte[] {(byte) 0xC6, (byte) 0xBD, (byte) 0xC1, (byte) 0xB9, ',', 'x'};
    assertThatThrownBy(() -> CsvReader.read(gbk)).isInstanceOf(UnreadableFile.class).hasMessage("import.file.not-utf8");
  }

  @Test
  void xlsx_first_sheet_with_gaps_between_cells() {
    var bytes = Workbooks.xlsx(List.of(List.of("外部编号", "成果名称"), List.of("A-1", "苹果 <贮藏> & 保鲜")));
    var sheet = XlsxReader.read(bytes);

    assertThat(sheet.header()).containsExactly("外部编号", "成果名称");
    assertThat(sheet.rows()).containsExactly(List.of("A-1", "苹果 <贮藏> & 保鲜"));
  }

  @Test
  void a_file_that_is_not_a_workbook_is_refused() {
    assertThatThrownBy(() -> XlsxReader.read("not a zip".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableFile.class);
  }

  @Test
  void cell_references_and_numbers_read_as_people_expect() {
    assertThat(XlsxReader.columnIndex("C7", 0)).isEqualTo(2);
    assertThat(XlsxReader.columnIndex("AA10", 0)).isEqualTo(26);
    assertThat(XlsxReader.plainNumber("1.2E1")).isEqualTo("12");
    assertThat(XlsxReader.plainNumber("500000.00")).isEqualTo("500000");
  }
}
