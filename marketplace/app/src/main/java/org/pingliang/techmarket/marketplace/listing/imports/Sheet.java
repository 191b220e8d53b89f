package org.pingliang.techmarket.marketplace.listing.imports;

import java.util.List;

/**
 * A table read from an uploaded file: a header and data rows, every cell as text. Row numbers are
 * the ones a person sees in the spreadsheet (the header is row 1).
 */
record Sheet(List<String> header, List<List<String>> rows) {

  int rowNumber(int index) {
    return index + 2;
  }
}
