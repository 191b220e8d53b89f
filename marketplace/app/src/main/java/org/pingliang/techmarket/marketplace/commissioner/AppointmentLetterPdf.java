package org.pingliang.techmarket.marketplace.commissioner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * The appointment letter (科技特派员聘书) as PDF, issued in the managing region's name. Like the
 * contract registration form it uses a configured TrueType font, else Adobe's built-in STSong-Light,
 * so the Chinese text can be selected and extracted. Rendered off the event loop by the caller.
 */
@Component
class AppointmentLetterPdf {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final BaseFont font;

  AppointmentLetterPdf(CommissionerProperties properties) throws IOException {
    var file = properties.pdfFont();
    this.font = file == null || file.isBlank()
        ? BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED)
        : BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
  }

  byte[] render(CommissionerView commissioner) {
    var out = new ByteArrayOutputStream();
    var document = new Document(PageSize.A5.rotate(), 48, 48, 40, 40);
    PdfWriter.getInstance(document, out);
    document.addTitle("科技特派员聘书");
    document.addCreator("平凉科技大市场");
    document.open();
    var title = new Paragraph("聘  书", new Font(font, 26, Font.BOLD));
    title.setAlignment(Element.ALIGN_CENTER);
    title.setSpacingAfter(8);
    document.add(title);
    var number = new Paragraph(commissioner.certificateNumber(), new Font(font, 10));
    number.setAlignment(Element.ALIGN_RIGHT);
    number.setSpacingAfter(16);
    document.add(number);
    var body = new Font(font, 14);
    var date = commissioner.selectedAt().atZone(Selection.CHINA).toLocalDate();
    var served = commissioner.servedOrganisation() != null ? commissioner.servedOrganisation().name()
        : commissioner.servedUnitName();
    var text = "兹聘请" + commissioner.employer().name() + " " + commissioner.name() + " 同志为"
        + Counties.name(commissioner.regionCode()) + commissioner.type().chineseName()
        + (commissioner.threeRegionsTalent() ? "（“三区”人才）" : "")
        + "，专业特长：" + commissioner.expertise()
        + (served == null ? "" : "，服务单位：" + served) + "。";
    var paragraph = new Paragraph(text, body);
    paragraph.setFirstLineIndent(28);
    paragraph.setLeading(24);
    document.add(paragraph);
    var signature = new Paragraph(Counties.managingUnit(commissioner.regionCode()) + "\n" + DATE.format(date),
        new Font(font, 12));
    signature.setAlignment(Element.ALIGN_RIGHT);
    signature.setSpacingBefore(28);
    document.add(signature);
    document.close();
    return out.toByteArray();
  }
}
