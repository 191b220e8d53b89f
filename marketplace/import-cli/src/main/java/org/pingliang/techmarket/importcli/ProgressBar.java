package org.pingliang.techmarket.importcli;

import java.util.Locale;

/** One line of text that redraws itself: {@code [#######-----]  58%  5800/10000 新增 5700 失败 100}. */
final class ProgressBar {

  private static final int WIDTH = 30;

  private ProgressBar() {}

  static String render(Progress progress) {
    var total = progress.totalRows() == null ? 0 : progress.totalRows();
    var ratio = total == 0 ? 0.0 : Math.min(1.0, progress.processedRows() / (double) total);
    var filled = (int) Math.round(ratio * WIDTH);
    return String.format(Locale.ROOT, "[%s%s] %3d%%  %d/%d  新增 %d  更新 %d  未变 %d  失败 %d  (%s)",
        "#".repeat(filled), "-".repeat(WIDTH - filled), Math.round(ratio * 100), progress.processedRows(), total,
        progress.createdRows(), progress.updatedRows(), progress.unchangedRows(), progress.failedRows(), progress.status());
  }
}
