package org.gongjian.agreement;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.gongjian.activity.Activities;
import org.gongjian.escalation.EscalationLog;
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

import static org.gongjian.agreement.AgreementProcess.*;

/**
 * Agreements for the people party to them: the list, one agreement with its negotiation,
 * signatures and escalations, the printable PDF, and early termination by either side. The
 * street committee and administrators see every agreement; others only their community's or
 * unit's.
 */
@Controller
class AgreementController {


    static final int MIN_REASON = 5;
    static final int MAX_REASON = 2000;

    private final Agreements agreements;
    private final AgreementPdf pdf;
    private final EscalationLog escalations;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final AgreementTerm term;
    private final Activities activities;

    AgreementController(Agreements agreements, AgreementPdf pdf, EscalationLog escalations, RuntimeService runtime,
                        IdentityService identity, AgreementTerm term, Activities activities) {
        this.activities = activities;
        this.term = term;
        this.agreements = agreements;
        this.pdf = pdf;
        this.escalations = escalations;
        this.runtime = runtime;
        this.identity = identity;
    }

    @GetMapping("/agreements")
    String list(Authentication who, Model model) {
        model.addAttribute("agreements", visibleTo(who));
        return "agreement/list";
    }

    @GetMapping("/agreements/{number}")
    String show(@PathVariable String number, Authentication who, Model model) {
        Agreements.Agreement a = readable(number, who);
        model.addAttribute("agreement", a);
        model.addAttribute("status", AgreementPdf.status(a.status()));
        model.addAttribute("rounds", agreements.rounds(a.processInstanceId()));
        model.addAttribute("signatures", agreements.signatures(a.processInstanceId()));
        model.addAttribute("escalations", escalations.forProcess(a.processInstanceId()));
        model.addAttribute("activities", activities.ofAgreement(number));
        model.addAttribute("zone", term.zone());
        model.addAttribute("mayTerminate", "ACTIVE".equals(a.status()) && isParty(who, a));
        model.addAttribute("minReason", MIN_REASON);
        model.addAttribute("maxReason", MAX_REASON);
        return "agreement/detail";
    }

    @GetMapping("/agreements/{number}.pdf")
    ResponseEntity<byte[]> print(@PathVariable String number, Authentication who) {
        Agreements.Agreement a = readable(number, who);
        byte[] document = pdf.render(a, agreements.rounds(a.processInstanceId()),
                agreements.signatures(a.processInstanceId()), this::displayName);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(number + ".pdf").build().toString())
                .body(document);
    }

    @PostMapping("/agreements/{number}/termination")
    String terminate(@PathVariable String number, @RequestParam(name = "reason", required = false) String reason,
                     Authentication who, Model model, HttpServletResponse response) {
        Agreements.Agreement a = readable(number, who);
        if (!isParty(who, a)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "only the community secretary or the unit leader of this agreement may terminate it");
        }
        if (!"ACTIVE".equals(a.status())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "agreement " + number + " is not in force");
        }
        String text = reason == null ? "" : reason.trim();
        if (text.length() < MIN_REASON || text.length() > MAX_REASON) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("reasonError", true);
            return show(number, who, model);
        }
        runtime.createMessageCorrelation(TERMINATION_MESSAGE)
                .processInstanceId(a.processInstanceId())
                .setVariable(TERMINATED_BY, who.getName())
                .setVariable(TERMINATION_REASON, text)
                .correlate();
        return "redirect:/agreements/" + number + "?terminated";
    }

    @ExceptionHandler(PdfFonts.FontMissingException.class)
    ResponseEntity<String> noFont(PdfFonts.FontMissingException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    /** Everyone's for the street committee and administrators; otherwise their communities' and units'. */
    private List<Agreements.Agreement> visibleTo(Authentication who) {
        Parties parties = Parties.of(who);
        return parties.everything() ? agreements.newest() : agreements.newestOf(parties.communities(), parties.units());
    }

    private Agreements.Agreement readable(String number, Authentication who) {
        Optional<Agreements.Agreement> found = agreements.find(number);
        if (found.isEmpty() || !mayRead(who, found.get())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no agreement " + number);
        }
        return found.get();
    }

    private static boolean mayRead(Authentication who, Agreements.Agreement a) {
        return Parties.of(who).covers(a.communityId(), a.unitId());
    }

    /** The two who answer for the agreement: the community secretary and the unit's leader. */
    private static boolean isParty(Authentication who, Agreements.Agreement a) {
        return has(who, group(Groups.communitySecretary(a.communityId()))) || has(who, group(Groups.unitLeader(a.unitId())));
    }

    private static String group(String id) {
        return "GROUP_" + id;
    }

    private static boolean has(Authentication who, String authority) {
        return who != null && who.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals(authority));
    }

    private String displayName(String userId) {
        User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
        return user == null ? String.valueOf(userId) : user.getFirstName();
    }
}
