package org.pingliang.techmarket.importcli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportCliTest {

  @Test
  void the_bar_shows_how_far_the_import_is() {
    var progress = Progress.parse("{\"importId\":\"x\",\"status\":\"RUNNING\",\"totalRows\":10000,\"processedRows\":5000,"
        + "\"createdRows\":4900,\"updatedRows\":0,\"unchangedRows\":0,\"failedRows\":100,\"failure\":null}");

    assertThat(ProgressBar.render(progress))
        .startsWith("[###############---------------]  50%  5000/10000")
        .contains("新增 4900").contains("失败 100").endsWith("(RUNNING)");
    assertThat(progress.isFinal()).isFalse();
  }

  @Test
  void a_final_report_ends_the_stream() {
    assertThat(Progress.parse("{\"status\":\"COMPLETED\",\"totalRows\":3,\"processedRows\":3}").isFinal()).isTrue();
    assertThat(Progress.parse("{\"status\":\"FAILED\",\"failure\":\"import.file.not-utf8\"}").failure())
        .isEqualTo("import.file.not-utf8");
  }

  @Test
  void the_token_may_come_from_the_environment_and_everything_else_is_required() {
    var options = Options.parse(new String[] {"--organisation", "o-1", "--submit", "成果.xlsx"}, "env-token");
    assertThat(options).isEqualTo(new Options("http://localhost:8080", "o-1", "env-token", true, "成果.xlsx"));
    assertThat(Options.parse(new String[] {"成果.xlsx"}, "env-token")).isNull();
    assertThat(Options.parse(new String[] {"--organisation", "o-1", "成果.xlsx"}, null)).isNull();
  }
}
