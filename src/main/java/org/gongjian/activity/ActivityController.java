package org.gongjian.activity;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.RuntimeService;
import org.gongjian.activity.Activities.Activity;
import org.gongjian.escalation.EscalationLog;
import org.gongjian.identity.Parties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import static org.gongjian.activity.ActivityProcess.*;

/**
 * The activity's own page for its parties (signed in): details, who signed up and checked in,
 * the evidence photos the liaison attached in the evidence task, its points, and cancellation with
 * a reason.
 */
@Controller
class ActivityController {

    static final int MAX_REASON = 500;
    /** Rows per page of an activity's sign-ups and of its points. */
    static final int PAGE = 50;

    private final Activities activities;
    private final PointsLedger ledger;
    private final RuntimeService runtime;
    private final EscalationLog escalations;
    private final String zone;
    private final Clock clock;

    ActivityController(Activities activities, PointsLedger ledger, RuntimeService runtime, EscalationLog escalations,
                       @Value("${gongjian.zone}") String zone, Clock clock) {
        this.activities = activities;
        this.ledger = ledger;
        this.runtime = runtime;
        this.escalations = escalations;
        this.zone = zone;
        this.clock = clock;
    }

    @GetMapping("/activities")
    String list(Authentication who, @RequestParam(defaultValue = "1") int page, Model model) {
        Parties parties = Parties.of(who);
        model.addAttribute("activities", activities.latest(parties.everything(), parties.communities(), parties.units(), page));
        model.addAttribute("zone", java.time.ZoneId.of(zone));
        return "activity/list";
    }

    @GetMapping("/activities/{id}")
    String show(@PathVariable long id, Authentication who, @RequestParam(defaultValue = "1") int signupsPage,
                @RequestParam(defaultValue = "1") int pointsPage, Model model) {
        Activity a = readable(id, who);
        Instant now = now();
        model.addAttribute("activity", a);
        model.addAttribute("status", ActivitySignups.statusWord(a.status()));
        model.addAttribute("signups", activities.signups(id, signupsPage, PAGE));
        model.addAttribute("photos", activities.photos(id));
        model.addAttribute("points", ledger.ofActivity(id, pointsPage, PAGE));
        model.addAttribute("ratings", activities.ratings(id));
        model.addAttribute("escalations", escalations.forProcess(a.processInstanceId()));
        model.addAttribute("mayCancel", mayCancel(who, a, now));
        model.addAttribute("maxPhotos", EvidencePhotos.MAX_PER_ACTIVITY);
        model.addAttribute("maxReason", MAX_REASON);
        model.addAttribute("zone", java.time.ZoneId.of(zone));
        return "activity/detail";
    }

    @GetMapping("/activities/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, Authentication who) {
        readable(id, who);
        Activities.Photo meta = activities.photos(id).stream().filter(p -> p.id() == photoId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no photo " + photoId + " of activity " + id));
        byte[] content = activities.photoContent(id, photoId).orElseThrow();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(meta.contentType()))
                .cacheControl(CacheControl.noStore()).body(content);
    }

    @PostMapping("/activities/{id}/cancellation")
    String cancel(@PathVariable long id, @RequestParam(name = "reason", required = false) String reason, Authentication who,
                  Model model, HttpServletResponse response) {
        Activity a = readable(id, who);
        if (!ActivityAccess.isUnit(who, a) && !ActivityAccess.isCommunity(who, a)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有本单位或本社区可以取消活动 (only the unit or the community may cancel it)");
        }
        if (!mayCancel(who, a, now())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "活动已" + ActivitySignups.statusWord(a.status())
                    + "或已结束，不能再取消 (the activity can no longer be cancelled)");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.length() < 2 || text.length() > MAX_REASON) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("reasonError", "reason: 请说明取消理由（2 至 " + MAX_REASON + " 个字） (give a reason of 2 to " + MAX_REASON + " characters)");
            return show(id, who, 1, 1, model);
        }
        runtime.createMessageCorrelation(CANCEL_MESSAGE)
                .processInstanceId(a.processInstanceId())
                .setVariable(CANCEL_REASON, text)
                .setVariable(CANCELLED_BY, who.getName())
                .correlate();
        return "redirect:/activities/" + id + "?cancelled";
    }

    private Activity readable(long id, Authentication who) {
        Activity a = activities.find(id).orElseThrow(() -> new ActivityNotFoundException(id));
        if (!ActivityAccess.mayRead(who, a)) {
            throw new ActivityNotFoundException(id); // not even whether it exists
        }
        return a;
    }

    private static boolean mayCancel(Authentication who, Activity a, Instant now) {
        boolean party = ActivityAccess.isUnit(who, a) || ActivityAccess.isCommunity(who, a);
        boolean stillPlanned = Activities.PLANNED.equals(a.status()) || Activities.PUBLISHED.equals(a.status());
        return party && stillPlanned && now.isBefore(a.endsAt());
    }

    private Instant now() {
        return clock.instant();
    }
}
