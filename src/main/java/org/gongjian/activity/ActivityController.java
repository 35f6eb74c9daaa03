package org.gongjian.activity;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import static org.gongjian.activity.ActivityProcess.*;

/**
 * The activity's own page for its parties (signed in): details, who signed up and checked in,
 * the evidence photos — uploaded here, since Tasklist's forms have no file picker — its points,
 * and cancellation with a reason.
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
        model.addAttribute("mayUpload", mayUpload(who, a, now));
        model.addAttribute("mayCancel", mayCancel(who, a, now));
        model.addAttribute("maxPhotos", EvidencePhotos.MAX_PER_ACTIVITY);
        model.addAttribute("maxReason", MAX_REASON);
        model.addAttribute("zone", java.time.ZoneId.of(zone));
        return "activity/detail";
    }

    @PostMapping("/activities/{id}/photos")
    String upload(@PathVariable long id, @RequestParam("photo") List<MultipartFile> files, Authentication who, Model model,
                  HttpServletResponse response) throws IOException {
        Activity a = readable(id, who);
        if (!mayUpload(who, a, now())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, ActivityAccess.isUnit(who, a)
                    ? "照片只能在活动开始后、佐证核实前上传 (photos are taken from the start of the activity until its evidence is verified)"
                    : "只有本单位的联络员或书记可以上传佐证照片 (only the unit's liaison or leader may upload evidence)");
        }
        List<MultipartFile> chosen = files.stream().filter(f -> !f.isEmpty()).toList();
        String error = null;
        if (chosen.isEmpty()) {
            error = "请选择要上传的照片 (choose a photo)";
        } else if (activities.photos(id).size() + chosen.size() > EvidencePhotos.MAX_PER_ACTIVITY) {
            error = tooManyPhotos();
        }
        for (MultipartFile file : chosen) {
            if (error != null) {
                break;
            }
            if (file.getSize() > EvidencePhotos.MAX_BYTES) {
                error = EvidencePhotos.fileName(file.getOriginalFilename()) + "：照片不能超过 5 MB (at most 5 MB)";
            } else if (EvidencePhotos.contentType(file.getBytes()) == null) {
                error = EvidencePhotos.fileName(file.getOriginalFilename()) + "：只接受 JPEG、PNG 或 WebP 图片 (only JPEG, PNG or WebP images)";
            }
        }
        if (error != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("photoError", error);
            return show(id, who, 1, 1, model);
        }
        List<Activities.NewPhoto> photos = new java.util.ArrayList<>();
        for (MultipartFile file : chosen) {
            byte[] content = file.getBytes();
            photos.add(new Activities.NewPhoto(EvidencePhotos.fileName(file.getOriginalFilename()),
                    EvidencePhotos.contentType(content), content));
        }
        // the count above answers early; this one, under the activity's lock, is the one that holds
        if (!activities.addPhotos(id, photos, EvidencePhotos.MAX_PER_ACTIVITY, who.getName(), now())) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("photoError", tooManyPhotos());
            return show(id, who, 1, 1, model);
        }
        return "redirect:/activities/" + id + "?uploaded=" + chosen.size();
    }

    private static String tooManyPhotos() {
        return "每个活动最多 " + EvidencePhotos.MAX_PER_ACTIVITY + " 张照片 (at most " + EvidencePhotos.MAX_PER_ACTIVITY + " photos)";
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

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<String> tooLarge() {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body("上传的文件太大：每张照片不能超过 5 MB (each photo at most 5 MB)");
    }

    private Activity readable(long id, Authentication who) {
        Activity a = activities.find(id).orElseThrow(() -> new ActivityNotFoundException(id));
        if (!ActivityAccess.mayRead(who, a)) {
            throw new ActivityNotFoundException(id); // not even whether it exists
        }
        return a;
    }

    private static boolean mayUpload(Authentication who, Activity a, Instant now) {
        return ActivityAccess.isUnit(who, a) && Activities.PUBLISHED.equals(a.status()) && !now.isBefore(a.startsAt());
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
