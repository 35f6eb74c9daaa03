package org.gongjian.agreement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import org.gongjian.system.PdfFonts;
import org.springframework.stereotype.Component;

/**
 * The printable agreement (PDF): parties, term, needs, resources, the negotiation and every
 * signature. Chinese needs a TrueType CJK font, embedded in the file so any reader shows it.
 */
@Component
class AgreementPdf {

    private final ObjectMapper json = new ObjectMapper();
    private final PdfFonts fonts;
    private final DateTimeFormatter time;

    AgreementPdf(PdfFonts fonts, AgreementTerm term) {
        this.fonts = fonts;
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(term.zone());
    }

    byte[] render(Agreements.Agreement a, List<Agreements.Round> rounds, List<Agreements.Signature> signatures,
                  Function<String, String> displayName) {
        BaseFont base = fonts.chinese();
        Font title = new Font(base, 18, Font.BOLD);
        Font heading = new Font(base, 13, Font.BOLD);
        Font body = new Font(base, 11);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("社区共建协议 " + a.number());
            doc.open();
            Paragraph head = new Paragraph("社区共建协议", title);
            head.setAlignment(Element.ALIGN_CENTER);
            doc.add(head);
            Paragraph no = new Paragraph("协议编号：" + a.number() + "（" + status(a.status()) + "）", body);
            no.setAlignment(Element.ALIGN_CENTER);
            doc.add(no);
            doc.add(new Paragraph(" ", body));
            doc.add(new Paragraph("甲方（社区）：" + a.communityName(), body));
            doc.add(new Paragraph("乙方（驻区单位）：" + a.unitName(), body));
            doc.add(new Paragraph("协议期限：" + a.termStart() + " 至 " + a.termEnd(), body));
            doc.add(new Paragraph("为推进社区区域化党建，建立长效共建机制，双方经协商一致，订立本协议。", body));

            doc.add(new Paragraph("一、社区需求", heading));
            JsonNode needs = json.readTree(a.needsJson());
            int i = 1;
            for (JsonNode need : needs) {
                doc.add(new Paragraph(i++ + ". " + need.path("title").asText()
                        + (need.path("description").asText().isBlank() ? "" : "：" + need.path("description").asText()), body));
            }

            doc.add(new Paragraph("二、单位资源", heading));
            JsonNode r = json.readTree(a.resourcesJson());
            doc.add(new Paragraph("可提供的场地：" + venues(r.path("venues")), body));
            doc.add(new Paragraph("志愿者人数：" + r.path("volunteers").asInt(), body));
            doc.add(new Paragraph("专业特长：" + r.path("expertise").asText("—"), body));
            doc.add(new Paragraph("年度共建经费：" + r.path("annualFunds").asDouble() + " 元", body));
            doc.add(new Paragraph("联系人：" + r.path("contactPerson").asText() + " " + r.path("contactPhone").asText(), body));

            doc.add(new Paragraph("三、拟开展的活动", heading));
            i = 1;
            for (JsonNode activity : r.path("proposedActivities")) {
                doc.add(new Paragraph(i++ + ". " + activity.path("title").asText()
                        + (activity.path("timing").asText().isBlank() ? "" : "（" + activity.path("timing").asText() + "）"), body));
            }

            doc.add(new Paragraph("四、协商记录", heading));
            for (Agreements.Round round : rounds) {
                doc.add(new Paragraph("第 " + round.roundNo() + " 轮：" + ("accept".equals(round.decision()) ? "同意" : "退回修改")
                        + "，" + displayName.apply(round.decidedBy()) + "，" + time.format(round.decidedAt())
                        + (round.comments() == null || round.comments().isBlank() ? "" : "；意见：" + round.comments()), body));
            }

            doc.add(new Paragraph("五、签署与备案", heading));
            for (Agreements.Signature s : signatures) {
                doc.add(new Paragraph((Agreements.UNIT.equals(s.party()) ? "乙方签署：" : "甲方签署：")
                        + displayName.apply(s.signedBy()) + "，" + time.format(s.signedAt())
                        + (s.delegatedTo() == null ? "" : "（办理中曾委托 " + displayName.apply(s.delegatedTo()) + "）"), body));
            }
            doc.add(new Paragraph("街道党工委备案，协议生效：" + time.format(a.activatedAt()), body));
            if (a.endedAt() != null) {
                doc.add(new Paragraph(status(a.status()) + "：" + time.format(a.endedAt())
                        + (a.endReason() == null ? "" : "；理由：" + a.endReason()), body));
            }
            doc.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("cannot render agreement " + a.number() + " as PDF", e);
        }
        return out.toByteArray();
    }

    static String status(String status) {
        return switch (status) {
            case "ACTIVE" -> "履行中";
            case "EXPIRED" -> "已到期";
            case "TERMINATED" -> "已终止";
            default -> status;
        };
    }

    /** The venues as one line: rows "多功能厅（100 人）", or the text an agreement filed before the rows kept. */
    static String venues(JsonNode venues) {
        if (!venues.isArray()) {
            return venues.asText("").isBlank() ? "—" : venues.asText();
        }
        java.util.List<String> named = new java.util.ArrayList<>();
        for (JsonNode venue : venues) {
            int capacity = venue.path("capacity").asInt(0);
            named.add(venue.path("name").asText() + (capacity > 0 ? "（" + capacity + " 人）" : ""));
        }
        return named.isEmpty() ? "—" : String.join("；", named);
    }
}
