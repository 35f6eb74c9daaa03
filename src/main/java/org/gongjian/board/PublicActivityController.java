package org.gongjian.board;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.time.ZoneId;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gongjian.activity.Activities;
import org.gongjian.activity.Activities.Activity;
import org.gongjian.activity.Activities.Signup;
import org.gongjian.activity.ActivityNotFoundException;
import org.gongjian.activity.ActivitySignups;
import org.gongjian.activity.SignupRefusedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import static org.gongjian.board.PublicRequestLimits.check;

/**
 * An activity's public pages, reached by link or by the venue's QR code, without an account:
 * sign-up, the person's own page, check-in and rating. The rules are {@link ActivitySignups}'s;
 * a refusal shows the form again with the message and what was typed.
 */
@Controller
class PublicActivityController {

    /** What a person typed on the sign-up form, shown again after a refusal. */
    record SignupForm(String name, String phone, String email, boolean partyMember, String partyOrganisation) {
        static final SignupForm EMPTY = new SignupForm("", "", "", false, "");

        /** The form without one field's value: an over-long value is not carried back to the page. */
        SignupForm without(String field) {
            return new SignupForm("name".equals(field) ? "" : name, "phone".equals(field) ? "" : phone,
                    "email".equals(field) ? "" : email, partyMember, "partyOrganisation".equals(field) ? "" : partyOrganisation);
        }
    }

    private final Activities activities;
    private final ActivitySignups signups;
    private final ZoneId zone;
    private final String baseUrl;
    private final Clock clock;

    PublicActivityController(Activities activities, ActivitySignups signups, @Value("${gongjian.zone}") String zone,
                             @Value("${gongjian.base-url}") String baseUrl, Clock clock) {
        this.activities = activities;
        this.signups = signups;
        this.zone = ZoneId.of(zone);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clock = clock;
    }

    @GetMapping("/a/{id}")
    String show(@PathVariable long id, Model model) {
        return activityPage(published(id), SignupForm.EMPTY, model);
    }

    @PostMapping("/a/{id}")
    String signUp(@PathVariable long id, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String phone, @RequestParam(required = false) String email,
                  @RequestParam(required = false) String partyMember,
                  @RequestParam(required = false) String partyOrganisation,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        Activity activity = published(id);
        SignupForm form = new SignupForm(name, phone, email, "true".equals(partyMember), partyOrganisation);
        try {
            check("name", name, PublicRequestLimits.NAME);
            check("phone", phone, PublicRequestLimits.PHONE);
            check("email", email, PublicRequestLimits.EMAIL);
            check("partyOrganisation", partyOrganisation, PublicRequestLimits.ORGANISATION);
            Signup signup = signups.signUp(id, new ActivitySignups.Request(name, phone, email, form.partyMember(),
                    partyOrganisation), request.getRemoteAddr(), now());
            rememberOnThisPhone(signup, request, response);
            return "redirect:/a/" + id + "/me/" + signup.token() + "?new";
        } catch (SignupRefusedException refused) {
            response.setStatus(statusOf(refused).value());
            model.addAttribute("refused", refused);
            // over-long values are not shown again: the page would only carry them back
            return activityPage(activity, refused instanceof PublicRequestLimits.TooLong ? form.without(refused.field()) : form,
                    model);
        }
    }

    @GetMapping("/a/{id}/me/{token}")
    String me(@PathVariable long id, @PathVariable String token, Model model) {
        Signup signup = signupOf(id, token);
        Activity activity = published(id);
        model.addAttribute("activity", activity);
        model.addAttribute("statusWord", ActivitySignups.statusWord(activity.status()));
        model.addAttribute("signup", signup);
        model.addAttribute("maskedName", ActivitySignups.maskName(signup.name()));
        model.addAttribute("maskedPhone", ActivitySignups.maskPhone(signup.phone()));
        model.addAttribute("rating", activities.rating(signup.id()).orElse(null));
        model.addAttribute("mayWithdraw", Activities.SIGNED_UP.equals(signup.status()) && signup.checkedInAt() == null
                && activity.open() && now().isBefore(activity.startsAt()));
        model.addAttribute("personalLink", baseUrl + "/a/" + id + "/me/" + token);
        model.addAttribute("zone", zone);
        return "board/me";
    }

    @PostMapping("/a/{id}/me/{token}/withdrawal")
    String withdraw(@PathVariable long id, @PathVariable String token, HttpServletResponse response, Model model) {
        Signup signup = signupOf(id, token);
        try {
            signups.withdraw(id, signup.token(), now());
            return "redirect:/a/" + id + "/me/" + token + "?withdrawn";
        } catch (SignupRefusedException refused) {
            response.setStatus(statusOf(refused).value());
            model.addAttribute("refused", refused);
            return me(id, token, model);
        }
    }

    @GetMapping("/a/{id}/checkin")
    String checkInPage(@PathVariable long id, @RequestParam(name = "c", required = false) String code,
                       HttpServletResponse response, Model model) {
        Activity activity = published(id);
        try {
            check("c", code, PublicRequestLimits.CODE);
            return checkInPage(activity, code, "", model);
        } catch (SignupRefusedException refused) {
            response.setStatus(statusOf(refused).value());
            model.addAttribute("refused", refused);
            return checkInPage(activity, "", "", model);
        }
    }

    @PostMapping("/a/{id}/checkin")
    String checkIn(@PathVariable long id, @RequestParam(name = "c", required = false) String code,
                   @RequestParam(required = false) String phone, HttpServletRequest request, HttpServletResponse response,
                   Model model) {
        Activity activity = published(id);
        try {
            check("c", code, PublicRequestLimits.CODE);
            check("phone", phone, PublicRequestLimits.PHONE);
            Signup signup = signups.checkIn(id, code, phone, now());
            if (signedUpOnThisPhone(signup, request)) {
                return "redirect:/a/" + id + "/me/" + signup.token() + "?checkedIn";
            }
            // someone who typed another person's number learns nothing more than that it worked
            model.addAttribute("checkedIn", ActivitySignups.maskName(signup.name()));
            return checkInPage(activity, "", "", model);
        } catch (SignupRefusedException refused) {
            if (refused.reason() == SignupRefusedException.Reason.ALREADY_CHECKED_IN) {
                // the person's own phone (it holds their link) goes back to their page, which says they are checked in
                Signup own = activities.signup(id, phone.strip().replace(" ", "").replace("-", "")).orElseThrow();
                if (signedUpOnThisPhone(own, request)) {
                    return "redirect:/a/" + id + "/me/" + own.token() + "?checkedIn";
                }
            }
            response.setStatus(statusOf(refused).value());
            model.addAttribute("refused", refused);
            boolean tooLong = refused instanceof PublicRequestLimits.TooLong;
            return checkInPage(activity, tooLong && "c".equals(refused.field()) ? "" : code,
                    tooLong && "phone".equals(refused.field()) ? "" : phone, model);
        }
    }

    @GetMapping("/a/{id}/rate/{token}")
    String ratePage(@PathVariable long id, @PathVariable String token, Model model) {
        return ratePage(published(id), signupOf(id, token), null, "", model);
    }

    @PostMapping("/a/{id}/rate/{token}")
    String rate(@PathVariable long id, @PathVariable String token, @RequestParam(required = false) String stars,
                @RequestParam(required = false) String comment, HttpServletResponse response, Model model) {
        Activity activity = published(id);
        Signup signup = signupOf(id, token);
        try {
            check("comment", comment, PublicRequestLimits.COMMENT);
            int n = stars == null || !stars.matches("[1-5]") ? 0 : Integer.parseInt(stars);
            signups.rate(token, n, comment, now());
            return "redirect:/a/" + id + "/me/" + token + "?rated";
        } catch (SignupRefusedException refused) {
            response.setStatus(statusOf(refused).value());
            model.addAttribute("refused", refused);
            boolean tooLong = refused instanceof PublicRequestLimits.TooLong;
            return ratePage(activity, signup, stars, tooLong && "comment".equals(refused.field()) ? "" : comment, model);
        }
    }

    /**
     * The phone that signed up keeps the person's link in a cookie, so that check-in there leads
     * back to the person's own page (and its rating link); check-in on another phone does not.
     */
    private static void rememberOnThisPhone(Signup signup, HttpServletRequest request, HttpServletResponse response) {
        ResponseCookie cookie = ResponseCookie.from(cookieName(signup.activityId()), signup.token())
                .path("/a/" + signup.activityId()).httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .maxAge(Duration.ofDays(90)).build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    private static boolean signedUpOnThisPhone(Signup signup, HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> c.getName().equals(cookieName(signup.activityId()))
                && MessageDigest.isEqual(c.getValue().getBytes(), signup.token().getBytes()));
    }

    private static String cookieName(long activityId) {
        return "gongjian_signup_" + activityId;
    }

    /** The HTTP status that says why: the person's input, the state of the activity, or too many tries. */
    static HttpStatus statusOf(SignupRefusedException refused) {
        return switch (refused.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
            case NOT_SIGNED_UP -> HttpStatus.FORBIDDEN;
            case FULL, DUPLICATE, CLOSED, NOT_OPEN, WRONG_DAY, ALREADY_RATED, ALREADY_CHECKED_IN -> HttpStatus.CONFLICT;
        };
    }

    private String activityPage(Activity activity, SignupForm form, Model model) {
        model.addAttribute("activity", activity);
        model.addAttribute("statusWord", ActivitySignups.statusWord(activity.status()));
        model.addAttribute("placesLeft", Math.max(0, activity.places() - activities.placesTaken(activity.id())));
        model.addAttribute("closed", !now().isBefore(activity.signupClosesAt()));
        model.addAttribute("form", form);
        model.addAttribute("organisations", ActivitySignups.ORGANISATIONS);
        model.addAttribute("limits", new Limits());
        model.addAttribute("zone", zone);
        return "board/activity";
    }

    private String checkInPage(Activity activity, String code, String phone, Model model) {
        model.addAttribute("activity", activity);
        model.addAttribute("code", code == null ? "" : code);
        model.addAttribute("phone", phone == null ? "" : phone);
        model.addAttribute("limits", new Limits());
        model.addAttribute("zone", zone);
        return "board/checkin";
    }

    private String ratePage(Activity activity, Signup signup, String stars, String comment, Model model) {
        model.addAttribute("activity", activity);
        model.addAttribute("token", signup.token());
        model.addAttribute("rating", activities.rating(signup.id()).orElse(null));
        model.addAttribute("checkedIn", signup.checkedInAt() != null);
        model.addAttribute("stars", stars);
        model.addAttribute("comment", comment == null ? "" : comment);
        model.addAttribute("limits", new Limits());
        model.addAttribute("zone", zone);
        return "board/rate";
    }

    /** A published or finished activity; one still being planned is not public yet. */
    private Activity published(long id) {
        return activities.find(id).filter(a -> !Activities.PLANNED.equals(a.status()))
                .orElseThrow(() -> new ActivityNotFoundException(id));
    }

    /** The sign-up a personal link names; a token of another activity is as unknown as a wrong one. */
    private Signup signupOf(long activityId, String token) {
        if (token.length() > PublicRequestLimits.TOKEN) {
            throw new ActivityNotFoundException(activityId);
        }
        return activities.signupByToken(token).filter(s -> s.activityId() == activityId)
                .orElseThrow(() -> new ActivityNotFoundException(activityId));
    }

    private Instant now() {
        return clock.instant();
    }

    /** The input boxes' maxlength, the same numbers the server holds them to. */
    record Limits(int name, int phone, int email, int comment) {
        Limits() {
            this(PublicRequestLimits.NAME, PublicRequestLimits.PHONE, PublicRequestLimits.EMAIL, PublicRequestLimits.COMMENT);
        }
    }
}
