package org.pingliang.techmarket.marketplace.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * The registration form (技术合同认定登记表) as PDF. Chinese needs a CJK font: a configured TrueType
 * font file is embedded (subset); without one the form uses Adobe's built-in STSong-Light with the
 * UniGB-UCS2-H encoding, which PDF readers supply themselves, so nothing needs licensing or
 * installing. Either way the text can be selected and extracted. Rendering is CPU work on a
 * bounded elastic thread (see the controller), never on the event loop.
 */
@Component
class RegistrationPdf {

  private final BaseFont font;

  RegistrationPdf(ContractProperties properties) throws IOException {
    this.font = load(properties.pdfFont());
  }

  static BaseFont load(String fontFile) throws IOException {
    if (fontFile == null || fontFile.isBlank()) {
      return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
    }
    return BaseFont.createFont(fontFile, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
  }

  byte[] render(List<RegistrationForm.Field> fields) {
    var out = new ByteArrayOutputStream();
    var document = new Document(PageSize.A4, 48, 48, 48, 48);
    PdfWriter.getInstance(document, out);
    document.addTitle("技术合同认定登记表");
    document.addCreator("平凉科技大市场");
    document.open();
    var title = new Paragraph("技术合同认定登记表", new Font(font, 16, Font.BOLD));
    title.setAlignment(Element.ALIGN_CENTER);
    title.setSpacingAfter(12);
    document.add(title);
    var table = new PdfPTable(new float[] {2, 5});
    table.setWidthPercentage(100);
    var label = new Font(font, 10, Font.BOLD);
    var value = new Font(font, 10);
    for (var field : fields) {
      table.addCell(cell(field.label(), label));
      table.addCell(cell(field.value(), value));
    }
    document.add(table);
    document.close();
    return out.toByteArray();
  }

  private static PdfPCell cell(String text, Font font) {
    var cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
    cell.setPadding(4);
    return cell;
  }
}
