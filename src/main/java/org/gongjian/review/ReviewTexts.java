package org.gongjian.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/** The review as the people who take part in it read it in their tasks: the record so far, in a few lines. */
@Component
class ReviewTexts {

    private final Reviews reviews;
    private final ReviewFigures figures;
    private final Rectifications rectifications;

    ReviewTexts(Reviews reviews, ReviewFigures figures, Rectifications rectifications) {
        this.reviews = reviews;
        this.figures = figures;
        this.rectifications = rectifications;
    }

    /** The rectification as planned so far, and why it came back if it did; empty when there is none. */
    String rectification(long reviewId) {
        return rectifications.of(reviewId).map(r -> {
            List<String> lines = new ArrayList<>();
            if (r.returnReason() != null && "OPEN".equals(r.state())) {
                lines.add("**社区退回 Returned**：" + r.returnReason());
            }
            if (r.plan() != null) {
                lines.add("**整改措施 Plan**：" + r.plan());
                lines.add("**完成日期 Done by**：" + r.dueOn());
            }
            return String.join("\n", lines);
        }).orElse("");
    }

    String forTask(long reviewId) {
        Reviews.Review r = reviews.get(reviewId);
        List<String> lines = new ArrayList<>();
        if (r.returnReason() != null && "ASSESSMENT".equals(r.state())) {
            lines.add("**街道退回 Returned by the street committee**：" + r.returnReason());
            lines.add("");
        }
        lines.add("**单位 Unit**：" + r.unitName() + "（" + r.communityName() + "）");
        lines.add("**考核期 Period**：" + r.period() + "（" + r.periodStart() + " 至 " + r.periodEnd().minusDays(1) + "）");
        if (r.computedScore() != null) {
            lines.add("**按记录计算 Computed from the record**：" + points(r.computedScore()) + " 分，" + r.computedGrade());
        }
        if (r.finalScore() != null) {
            lines.add("**最终结果 Result**：" + points(r.finalScore()) + " 分，" + r.finalGrade());
        }
        lines.add("");
        lines.add("**考核数字 Figures**（详见 /reviews/" + r.id() + "）");
        for (ReviewFigures.Figure f : figures.of(reviewId).figures()) {
            lines.add("- " + ReviewFigures.label(f.name()) + "：" + f.value().stripTrailingZeros().toPlainString());
        }
        if (r.selfReport() != null) {
            lines.add("");
            lines.add("**单位自评 Self-report**：" + r.selfReport());
        }
        if (r.assessedScore() != null) {
            lines.add("**社区评价 Assessment**：" + points(r.assessedScore()) + " 分"
                    + (r.assessmentReason() == null ? "" : "，理由：" + r.assessmentReason()));
        }
        if (r.meetingDecision() != null) {
            lines.add("**联席会议 Joint meeting**：" + ("confirmed".equals(r.meetingDecision()) ? "确认" : "有意见")
                    + (r.meetingNote() == null ? "" : "：" + r.meetingNote()));
        }
        return String.join("\n", lines);
    }

    static String points(BigDecimal score) {
        return score.stripTrailingZeros().toPlainString();
    }
}
