package org.gongjian.board;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.gongjian.activity.Activities;
import org.gongjian.activity.Activities.Activity;
import org.gongjian.activity.ActivitySignups;
import org.gongjian.activity.PointsLedger;
import org.gongjian.agreement.Agreements;
import org.gongjian.identity.Directory;
import org.gongjian.meeting.JointMeetings;
import org.gongjian.review.ReviewResults;
import org.gongjian.system.Page;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A community's public board (公示栏): its agreements in force, this quarter's and coming
 * activities with sign-up, each unit's fulfilment this quarter, the latest joint meetings' resolutions
 * and how each stands, the review results on notice and the answers to objections, ratings and points. Public: people appear only by masked name, never by phone
 * number; the meetings show no person at all.
 */
@Controller
class BoardController {

    static final int TOP_PERSONS = 10;
    /** Rows per page of each list on the board that can grow: agreements, activities, unit totals, ledger entries. */
    static final int PAGE = 20;
    /** The latest joint meetings the board shows, with their resolutions. */
    static final int MEETINGS = 4;

    private final Directory directory;
    private final Agreements agreements;
    private final Activities activities;
    private final PointsLedger ledger;
    private final JointMeetings meetings;
    private final ReviewResults reviews;
    private final ZoneId zone;
    private final Clock clock;

    BoardController(Directory directory, Agreements agreements, Activities activities, PointsLedger ledger,
                    JointMeetings meetings, ReviewResults reviews, @Value("${gongjian.zone}") String zone, Clock clock) {
        this.directory = directory;
        this.agreements = agreements;
        this.activities = activities;
        this.ledger = ledger;
        this.meetings = meetings;
        this.reviews = reviews;
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    /** One activity as the board lists it; the average of its ratings once it has any. */
    record ActivityRow(Activity activity, String statusWord, int placesLeft, Double averageStars, int ratings) {}

    /** How a unit kept this quarter's activities. Open: published, or evidence awaiting verification. */
    record Fulfilment(String unitName, int kept, int missed, int cancelled, int open) {}

    record PersonTotal(String maskedName, int points) {}

    /** A ledger entry as the public sees it: units by name, persons by masked name. */
    record LedgerRow(long id, Instant postedAt, String account, int points, String reason, Long reverses) {}

    @GetMapping("/board")
    String communities(Model model) {
        model.addAttribute("communities", directory.communities());
        return "board/communities";
    }

    @GetMapping("/board/{communityId}")
    String board(@PathVariable String communityId, @RequestParam(defaultValue = "1") int agreementsPage,
                 @RequestParam(defaultValue = "1") int activitiesPage, @RequestParam(defaultValue = "1") int unitsPage,
                 @RequestParam(defaultValue = "1") int ledgerPage, @RequestParam(defaultValue = "1") int reviewsPage,
                 Model model) {
        Directory.Community community = directory.community(communityId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no community " + communityId));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate quarterStart = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        Instant from = quarterStart.atStartOfDay(zone).toInstant();
        Instant quarterEnd = quarterStart.plusMonths(3).atStartOfDay(zone).toInstant();
        Instant horizon = quarterStart.plusYears(1).atStartOfDay(zone).toInstant();

        Page<Activity> listed = activities.ofCommunity(communityId, from, horizon, activitiesPage, PAGE);
        Map<Long, Activities.Standing> standings = activities.standings(listed.rows().stream().map(Activity::id).toList());

        model.addAttribute("community", community);
        model.addAttribute("quarter", quarterStart.getYear() + "Q" + ((quarterStart.getMonthValue() - 1) / 3 + 1));
        model.addAttribute("agreements", agreements.inForceOf(communityId, agreementsPage, PAGE));
        model.addAttribute("activities", map(listed, a -> row(a, standings.get(a.id()))));
        model.addAttribute("fulfilment", fulfilment(agreements.unitsInForce(communityId),
                activities.countsByUnitAndStatus(communityId, from, quarterEnd)));
        model.addAttribute("meetings", meetings.publicSummary(communityId, MEETINGS, today));
        model.addAttribute("reviews", reviews.ofCommunity(communityId, reviewsPage, PAGE, now));
        model.addAttribute("rectifications", reviews.openRectifications(communityId));
        model.addAttribute("unitTotals", ledger.totals(communityId, PointsLedger.UNIT, unitsPage, PAGE));
        model.addAttribute("persons", ledger.totals(communityId, PointsLedger.PERSON, TOP_PERSONS).stream()
                .map(t -> new PersonTotal(ActivitySignups.maskName(t.accountName()), t.points())).toList());
        model.addAttribute("entries", map(ledger.ofCommunity(communityId, ledgerPage, PAGE), e -> new LedgerRow(e.id(),
                e.postedAt(), PointsLedger.PERSON.equals(e.accountType()) ? ActivitySignups.maskName(e.accountName())
                : e.accountName(), e.points(), e.reason(), e.reverses())));
        model.addAttribute("zone", zone);
        return "board/community";
    }

    private static <T, R> Page<R> map(Page<T> page, Function<T, R> row) {
        return new Page<>(page.rows().stream().map(row).toList(), page.number(), page.size(), page.total());
    }

    private static ActivityRow row(Activity a, Activities.Standing standing) {
        int left = a.open() ? Math.max(0, a.places() - standing.placesTaken()) : 0;
        // ratings come only from people who checked in, after the start
        Double average = standing.ratings() == 0 ? null : standing.averageStars();
        return new ActivityRow(a, ActivitySignups.statusWord(a.status()), left, average, standing.ratings());
    }

    /** Every unit with an agreement in force, and any other unit with an activity this quarter. */
    private static List<Fulfilment> fulfilment(List<String> unitsInForce, List<Activities.UnitStatusCount> quarter) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        unitsInForce.forEach(u -> counts.computeIfAbsent(u, x -> new int[4]));
        for (Activities.UnitStatusCount n : quarter) {
            int[] c = counts.computeIfAbsent(n.unitName(), u -> new int[4]);
            switch (n.status()) {
                case Activities.KEPT -> c[0] += n.count();
                case Activities.MISSED -> c[1] += n.count();
                case Activities.CANCELLED -> c[2] += n.count();
                default -> c[3] += n.count();
            }
        }
        return counts.entrySet().stream()
                .map(e -> new Fulfilment(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
    }
}
