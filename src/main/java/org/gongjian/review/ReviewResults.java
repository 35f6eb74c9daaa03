package org.gongjian.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.gongjian.system.Page;
import org.springframework.stereotype.Component;

/**
 * What of a review is public, for the community's board: the unit, the period, the figures by name and value, the
 * score and grade, the notice window, and the street committee's answers to objections. No person appears: not the
 * objectors, not the raters, not who answered.
 */
@Component
public class ReviewResults {

    /** A review as the board shows it. {@code objectionOpen}: the window is open now, and the page takes objections. */
    public record PublicResult(long id, String unitName, String period, String kind, String stateWord,
                               Standing standing, BigDecimal assessedScore, List<ShownFigure> figures,
                               LocalDate noticeFrom, LocalDate noticeLastDay,
                               boolean objectionOpen, List<PublicAnswer> answers, int unanswered) {}

    /** A figure as the pages show it: its name in Chinese, its value, and the records behind it. */
    public record ShownFigure(String name, String value, List<ShownTrace> traces) {}

    /** One record a figure counts: its kind (activity, meeting, task, transfer...), its id, and a label to show. */
    public record ShownTrace(String kind, String ref, String label) {}

    /** An answered objection as the public sees it: only the street committee's answer. */
    public record PublicAnswer(LocalDate filedOn, boolean upheld, String answer, LocalDate answeredOn) {}

    /**
     * The score a review stands at and its grade: the final one once the result is final, else the one computed
     * from the figures ({@code provisional}).
     */
    public record Standing(BigDecimal score, String grade, boolean provisional) {

        static Standing of(Reviews.Review r) {
            if (r.finalScore() != null) {
                return new Standing(r.finalScore(), r.finalGrade(), false);
            }
            return new Standing(r.computedScore(), r.computedGrade(), true);
        }
    }

    private final ReviewNotices notices;
    private final ReviewObjections objections;
    private final ReviewFigures figures;
    private final WorkingDays workingDays;
    private final Rectifications rectifications;

    ReviewResults(ReviewNotices notices, ReviewObjections objections, ReviewFigures figures,
                  WorkingDays workingDays, Rectifications rectifications) {
        this.rectifications = rectifications;
        this.notices = notices;
        this.objections = objections;
        this.figures = figures;
        this.workingDays = workingDays;
    }

    /** The community's reviews put on notice, the latest first, one page of them. */
    public Page<PublicResult> ofCommunity(String communityId, int page, int size, Instant now) {
        Page<Reviews.Review> published = notices.published(communityId, page, size);
        return new Page<>(published.rows().stream().map(r -> result(r, now)).toList(), published.number(),
                published.size(), published.total());
    }

    private PublicResult result(Reviews.Review r, Instant now) {
        List<ShownFigure> shown = figuresOf(r.id());
        List<ReviewObjections.Objection> all = objections.ofReview(r.id());
        List<PublicAnswer> answers = all.stream().filter(ReviewObjections.Objection::answered)
                .map(o -> new PublicAnswer(day(o.filedAt()), Boolean.TRUE.equals(o.upheld()), o.answer(),
                        day(o.answeredAt()))).toList();
        // the figures by name and value only: the records behind them are for the unit's page
        List<ShownFigure> names = shown.stream()
                .map(f -> new ShownFigure(f.name(), f.value(), List.of())).toList();
        return new PublicResult(r.id(), r.unitName(), r.period(), r.kind(), stateWord(r.state()), Standing.of(r),
                r.finalScore() == null ? r.assessedScore() : null, names, day(r.noticeFrom()),
                r.noticeUntil() == null ? null : workingDays.lastDay(r.noticeUntil()),
                ReviewObjections.inWindow(r, now), answers, (int) all.stream().filter(o -> !o.answered()).count());
    }

    /** The community's rectifications a failing result opened and the secretary has not yet verified. */
    public List<Rectifications.Public> openRectifications(String communityId) {
        return rectifications.openIn(communityId);
    }

    /** The figures as stored when the review was scored, named for people. */
    List<ShownFigure> figuresOf(long reviewId) {
        return figures.of(reviewId).figures().stream()
                .map(f -> new ShownFigure(ReviewFigures.label(f.name()), f.value().stripTrailingZeros().toPlainString(),
                        f.records().stream().map(t -> new ShownTrace(t.kind(), t.ref(), t.label())).toList()))
                .toList();
    }

    private LocalDate day(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, workingDays.zone());
    }

    /** The review's state in words, Chinese with English. */
    public static String stateWord(String state) {
        return switch (state) {
            case "SELF_REPORT" -> "单位自评中 self-report";
            case "ASSESSMENT" -> "社区评定中 assessment";
            case "RATINGS" -> "居民代表评议中 ratings";
            case "MEETING" -> "联席会议确认中 joint meeting";
            case "APPROVAL" -> "街道审批中 approval";
            case "NOTICE" -> "公示中 on public notice";
            case "FINAL" -> "结果已定 final";
            case "ACKNOWLEDGED" -> "单位已签收 acknowledged";
            case "RECTIFICATION" -> "整改中 rectification";
            case "DONE" -> "已完成 done";
            case "ENDED" -> "已终止 ended";
            default -> state;
        };
    }
}
