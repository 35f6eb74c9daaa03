package org.gongjian.review;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gongjian.identity.Directory;
import org.gongjian.identity.Groups;
import org.gongjian.identity.Parties;
import org.gongjian.system.PdfFonts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/**
 * The review's pages: the public objection page of a result on notice (no account), the unit's review page for the
 * unit, its community, its supervising body and the street committee, and the street committee's ranking of a
 * community's units by score.
 */
@Controller
class ReviewController {

    /** What a person typed on the objection page, shown again after a refusal. */
    record ObjectionForm(String name, String phone, String text) {
        static final ObjectionForm EMPTY = new ObjectionForm("", "", "");

        /** The form without one field's value: an over-long value is not carried back to the page. */
        ObjectionForm without(String field) {
            return new ObjectionForm("name".equals(field) ? "" : name, "phone".equals(field) ? "" : phone,
                    "text".equals(field) ? "" : text);
        }
    }

    /** A figure with links to the records it counts, where they have a page. */
    record FigureRow(String name, String value, List<TraceLink> traces) {}

    record TraceLink(String label, String href) {}

    /** An objection on the unit's page: what was objected and answered, not who objected. */
    record ObjectionRow(Instant filedAt, String text, Boolean upheld, String answer, Instant answeredAt) {}

    /** A unit's place in its community's ranking. */
    record RankRow(int rank, Reviews.Review review, ReviewResults.Standing standing, String stateWord) {}

    private final Reviews reviews;
    private final ReviewNotices notices;
    private final ReviewObjections objections;
    private final ReviewResults results;
    private final Directory directory;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final ReviewLetter letter;
    private final UnitScore score;
    private final ReviewFigures figures;

    ReviewController(Reviews reviews, ReviewNotices notices, ReviewObjections objections, ReviewResults results,
                     Directory directory, WorkingDays workingDays, Clock clock, ReviewLetter letter, UnitScore score,
                     ReviewFigures figures) {
        this.letter = letter;
        this.score = score;
        this.figures = figures;
        this.reviews = reviews;
        this.notices = notices;
        this.objections = objections;
        this.results = results;
        this.directory = directory;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    // the public objection page

    @GetMapping("/board/{communityId}/reviews/{id}/objection")
    String objectionPage(@PathVariable String communityId, @PathVariable long id, Model model) {
        return objectionPage(published(communityId, id), ObjectionForm.EMPTY, model);
    }

    @PostMapping("/board/{communityId}/reviews/{id}/objection")
    String object(@PathVariable String communityId, @PathVariable long id, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String phone, @RequestParam(required = false) String text,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Reviews.Review review = published(communityId, id);
        ObjectionForm form = new ObjectionForm(name, phone, text);
        try {
            objections.file(id, new ReviewObjections.Request(name, phone, text), request.getRemoteAddr(), clock.instant());
            return "redirect:/board/" + communityId + "/reviews/" + id + "/objection?filed";
        } catch (ObjectionRefusedException refused) {
            response.setStatus(switch (refused.reason()) {
                case INVALID -> HttpStatus.BAD_REQUEST.value();
                case CLOSED -> HttpStatus.CONFLICT.value();
                case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS.value();
            });
            model.addAttribute("refused", refused);
            return objectionPage(reviews.get(review.id()), refused.tooLong() ? form.without(refused.field()) : form, model);
        }
    }

    private String objectionPage(Reviews.Review review, ObjectionForm form, Model model) {
        Instant now = clock.instant();
        model.addAttribute("review", review);
        model.addAttribute("standing", ReviewResults.Standing.of(review));
        model.addAttribute("stateWord", ReviewResults.stateWord(review.state()));
        model.addAttribute("noticeFrom", review.noticeFrom() == null ? null
                : LocalDate.ofInstant(review.noticeFrom(), workingDays.zone()));
        model.addAttribute("noticeLastDay", review.noticeUntil() == null ? null : workingDays.lastDay(review.noticeUntil()));
        model.addAttribute("open", ReviewObjections.inWindow(review, now));
        model.addAttribute("form", form);
        model.addAttribute("limits", new Limits());
        return "review/objection";
    }

    /** A review of the community whose result has been put on notice; any other is not public. */
    private Reviews.Review published(String communityId, long id) {
        return reviews.find(id).filter(r -> r.communityId().equals(communityId) && r.noticeFrom() != null)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "没有这项公示 (no review " + id + " on notice in community " + communityId + ")"));
    }

    /** The input boxes' maxlength, the same numbers the server holds them to. */
    record Limits(int name, int phone, int text) {
        Limits() {
            this(ReviewObjections.NAME, ReviewObjections.PHONE, ReviewObjections.TEXT);
        }
    }

    // the unit's review page

    @GetMapping("/reviews/{id}")
    String show(@PathVariable long id, Authentication who, Model model) {
        Reviews.Review review = reviews.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no review " + id));
        Optional<Directory.Unit> unit = directory.unit(review.unitId());
        if (!mayRead(who, review, unit)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "考核页面只供本单位、本社区、主管部门和街道党工委查看"
                    + " (a review is for its unit, its community, the unit's supervising body and the street committee)");
        }
        List<ReviewResults.ShownFigure> figures = results.figuresOf(id);
        model.addAttribute("review", review);
        model.addAttribute("supervisorName", unit.map(Directory.Unit::supervisorName).orElse(null));
        model.addAttribute("stateWord", ReviewResults.stateWord(review.state()));
        model.addAttribute("standing", ReviewResults.Standing.of(review));
        model.addAttribute("figures", figures.stream().map(f -> new FigureRow(f.name(), f.value(),
                f.traces().stream().map(t -> new TraceLink(t.label(), href(t))).toList())).toList());
        model.addAttribute("ratings", notices.ratings(id));
        model.addAttribute("parts", parts(review));
        model.addAttribute("objections", objections.ofReview(id).stream()
                .map(o -> new ObjectionRow(o.filedAt(), o.text(), o.upheld(), o.answer(), o.answeredAt())).toList());
        model.addAttribute("noticeLastDay", review.noticeUntil() == null ? null : workingDays.lastDay(review.noticeUntil()));
        model.addAttribute("zone", workingDays.zone());
        return "review/page";
    }

    /** How the score table reached the quarter's computed score: each part with its points and weight. */
    private List<UnitScore.Part> parts(Reviews.Review review) {
        if (review.computedScore() == null || review.annual()) {
            return review.annual() && review.computedScore() != null
                    ? score.annual(reviews.quarterResults(review.unitId(), review.period()), review.assessedScore()).parts()
                    : List.of();
        }
        var stored = figures.of(review.id()).values();
        return stored.isEmpty() ? List.of() : score.quarter(stored).parts();
    }

    /** The feedback letter, once the result is final: for those who may read the review. */
    @GetMapping("/reviews/{id}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable long id, Authentication who) {
        Reviews.Review review = reviews.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no review " + id));
        if (!mayRead(who, review, directory.unit(review.unitId()))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "考核反馈函只供本单位、本社区、主管部门和街道党工委查看"
                    + " (the letter is for its unit, its community, the unit's supervising body and the street committee)");
        }
        if (review.finalScore() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "考核结果尚未生效 The result of review " + id + " is not final yet.");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("review-" + id + "-letter.pdf").build().toString())
                .body(letter.render(review));
    }

    @ExceptionHandler(PdfFonts.FontMissingException.class)
    ResponseEntity<String> noFont(PdfFonts.FontMissingException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    /** The unit (leader, liaison), its community (secretary, staff), its supervising body, the street committee. */
    private static boolean mayRead(Authentication who, Reviews.Review review, Optional<Directory.Unit> unit) {
        if (Parties.of(who).covers(review.communityId(), review.unitId())) {
            return true;
        }
        return who != null && unit.isPresent() && who.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("GROUP_" + Groups.supervisor(unit.get().supervisorId())));
    }

    /** The page of a record a figure counts, where Gongjian has one. */
    static String href(ReviewResults.ShownTrace trace) {
        if (trace.ref() == null || trace.ref().isBlank()) {
            return null;
        }
        String ref = UriUtils.encodePathSegment(trace.ref(), StandardCharsets.UTF_8);
        return switch (trace.kind() == null ? "" : trace.kind()) {
            case "activity" -> "/activities/" + ref;
            case "meeting" -> "/meetings/" + ref;
            case "agreement" -> "/agreements/" + ref;
            default -> null;
        };
    }

    // the ranking

    @GetMapping("/reviews/ranking")
    String ranking(@RequestParam(required = false) String community, @RequestParam(required = false) String period,
                   Authentication who, Model model) {
        if (!Parties.of(who).everything()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "排名只供街道党工委查看 (the ranking is for the street committee)");
        }
        model.addAttribute("communities", directory.communities());
        model.addAttribute("community", community == null ? null : directory.community(community).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no community " + community)));
        if (community == null) {
            model.addAttribute("periods", List.of());
            model.addAttribute("rows", List.of());
            return "review/ranking";
        }
        List<String> periods = notices.periods(community);
        String shown = period == null || period.isBlank() ? (periods.isEmpty() ? null : periods.get(0)) : period.strip();
        List<Reviews.Review> ofPeriod = shown == null ? List.of() : reviews.ofCommunity(community, shown);
        Comparator<Reviews.Review> byScore = Comparator.comparing((Reviews.Review r) -> ReviewResults.Standing.of(r).score(),
                Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())).thenComparing(Reviews.Review::unitName);
        List<Reviews.Review> sorted = ofPeriod.stream().filter(r -> !"ENDED".equals(r.state())).sorted(byScore).toList();
        ArrayList<RankRow> rows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Reviews.Review r = sorted.get(i);
            ReviewResults.Standing s = ReviewResults.Standing.of(r);
            // equal scores share a place
            int rank = i > 0 && s.score() != null && rows.get(i - 1).standing().score() != null
                    && s.score().compareTo(rows.get(i - 1).standing().score()) == 0 ? rows.get(i - 1).rank() : i + 1;
            rows.add(new RankRow(rank, r, s, ReviewResults.stateWord(r.state())));
        }
        model.addAttribute("periods", periods);
        model.addAttribute("period", shown);
        model.addAttribute("rows", rows);
        return "review/ranking";
    }
}
