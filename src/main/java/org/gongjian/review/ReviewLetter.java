package org.gongjian.review;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import org.gongjian.escalation.ServiceLevels;
import org.gongjian.system.PdfFonts;
import org.springframework.stereotype.Component;

/**
 * The feedback letter (考核反馈函) to the unit's leader and its supervising body, as a PDF in Chinese with the same
 * embedded CJK font as the agreement: the period, the figures as counted, the result, the objections' outcome, and what
 * follows — the leader's acknowledgement and, for a failing result, the rectification.
 */
@Component
class ReviewLetter {

    private final PdfFonts fonts;
    private final ReviewFigures figures;
    private final ReviewObjections objections;
    private final Rectifications rectifications;

    private final ServiceLevels serviceLevels;
    private final Clock clock;

    ReviewLetter(PdfFonts fonts, ReviewFigures figures, ReviewObjections objections, Rectifications rectifications,
                 ServiceLevels serviceLevels, Clock clock) {
        this.fonts = fonts;
        this.serviceLevels = serviceLevels;
        this.clock = clock;
        this.figures = figures;
        this.objections = objections;
        this.rectifications = rectifications;
    }

    byte[] render(Reviews.Review r) {
        // the acknowledgement is due so many days after the letter went out (or goes out now)
        LocalDate sent = LocalDate.ofInstant(r.letterSentAt() != null ? r.letterSentAt() : clock.instant(), clock.getZone());
        LocalDate acknowledgeBy = sent.plusDays(serviceLevels.level(ReviewProcess.ACKNOWLEDGE_RESULT, "due").days());
        BaseFont base = fonts.chinese();
        Font title = new Font(base, 18, Font.BOLD);
        Font heading = new Font(base, 13, Font.BOLD);
        Font body = new Font(base, 11);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("考核反馈函 " + r.unitName() + " " + r.period());
            doc.open();
            Paragraph head = new Paragraph("驻区单位共建考核反馈函", title);
            head.setAlignment(Element.ALIGN_CENTER);
            doc.add(head);
            doc.add(new Paragraph(" ", body));
            doc.add(new Paragraph(r.unitName() + "党组织：", body));
            doc.add(new Paragraph("贵单位与" + r.communityName() + "共建 " + r.period() + "（" + r.periodStart() + " 至 "
                    + r.periodEnd().minusDays(1) + "）的考核评议已经社区评价、居民代表评议、联席会议确认、街道党工委审定，并经公示，结果如下。", body));

            doc.add(new Paragraph("一、考核结果", heading));
            doc.add(new Paragraph("得分：" + ReviewTexts.points(r.finalScore()) + " 分　等次：" + r.finalGrade(), body));
            if (r.assessedScore() != null) {
                doc.add(new Paragraph("社区评价分：" + ReviewTexts.points(r.assessedScore()) + " 分"
                        + (r.assessmentReason() == null ? "" : "（" + r.assessmentReason() + "）"), body));
            }

            doc.add(new Paragraph("二、考核数字（均取自各流程的记录）", heading));
            for (ReviewFigures.Figure f : figures.of(r.id()).figures()) {
                doc.add(new Paragraph(ReviewFigures.label(f.name()) + "：" + f.value().stripTrailingZeros().toPlainString(), body));
            }

            doc.add(new Paragraph("三、公示与异议", heading));
            var all = objections.ofReview(r.id());
            long upheld = all.stream().filter(o -> Boolean.TRUE.equals(o.upheld())).count();
            doc.add(new Paragraph("公示期间收到异议 " + all.size() + " 条，经街道党工委答复，成立 " + upheld + " 条。", body));

            doc.add(new Paragraph("四、后续要求", heading));
            doc.add(new Paragraph("请单位党组织书记本人于 " + acknowledgeBy + " 前在任务列表中签收本考核结果；委托他人办理将被记录并计入下次考核。", body));
            if (rectifications.needed(r)) {
                doc.add(new Paragraph("考核结果为" + r.finalGrade() + "或低于整改线，请单位提出整改措施和完成日期，由社区书记验证；整改情况在社区公示栏公示，并计入下一考核期。", body));
            }
            doc.add(new Paragraph(" ", body));
            Paragraph sign = new Paragraph("新华街道党工委", body);
            sign.setAlignment(Element.ALIGN_RIGHT);
            doc.add(sign);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render the feedback letter of review " + r.id() + " as PDF", e);
        }
        return out.toByteArray();
    }
}
