package org.gongjian.access;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.gongjian.identity.Directory;
import org.gongjian.identity.Parties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Access requests and their state per community, for the department that filed them, the communities they
 * name and the street committee; and a community's refusal of work a department pushed without the gate,
 * recorded here and shown to the street committee.
 */
@Controller
class AccessController {

    static final int LIMIT = 100;

    private final AccessRequests requests;
    private final IdentityService identity;
    private final Directory directory;
    private final ZoneId zone;
    private final Clock clock;

    AccessController(AccessRequests requests, IdentityService identity, Directory directory,
                     @Value("${gongjian.zone}") String zone, Clock clock) {
        this.requests = requests;
        this.identity = identity;
        this.directory = directory;
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    @GetMapping("/access")
    String list(Authentication who, Model model) {
        Parties parties = parties(who);
        return show(parties, model);
    }

    @PostMapping("/access/refusals")
    String refuse(@RequestParam(required = false) String communityId, @RequestParam(required = false) String departmentId,
                  @RequestParam(required = false) String work, @RequestParam(required = false) String reason,
                  Authentication who, Model model, HttpServletResponse response) {
        Parties parties = parties(who);
        String error = null;
        String w = work == null ? "" : work.trim();
        String r = reason == null ? "" : reason.trim();
        if (communityId == null || !parties.communities().contains(communityId)) {
            error = "communityId: 只有社区书记、专干可以为本社区登记拒绝 (only the community's own staff may record its refusal)";
        } else if (departmentId == null || !departments().containsKey(departmentId)) {
            error = "departmentId: 请选择名录中的职能部门 (choose a department from the directory)";
        } else if (w.isEmpty() || w.length() > 500) {
            error = "work: 请写明是什么工作，最多 500 字 (say what the work was, at most 500 characters)";
        } else if (r.isEmpty() || r.length() > 500) {
            error = "reason: 请写明拒绝的理由，最多 500 字 (give the reason, at most 500 characters)";
        }
        if (error != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", error);
            return show(parties, model);
        }
        requests.refuse(communityId, departmentId, w, r, who.getName(), clock.instant());
        return "redirect:/access?refused";
    }

    private String show(Parties parties, Model model) {
        List<AccessRequests.Request> listed = requests.visibleTo(parties, LIMIT);
        Map<Long, List<AccessRequests.Community>> communities = new LinkedHashMap<>();
        listed.forEach(r -> communities.put(r.id(), requests.communities(r.id())));
        model.addAttribute("requests", listed);
        model.addAttribute("communities", communities);
        model.addAttribute("refusals", requests.refusals(parties, LIMIT));
        model.addAttribute("departments", departments());
        Map<String, String> names = new LinkedHashMap<>();
        directory.communities().forEach(c -> names.put(c.id(), c.name()));
        model.addAttribute("communityNames", names);
        model.addAttribute("myCommunities", parties.communities());
        model.addAttribute("zone", zone);
        return "access/list";
    }

    private Map<String, String> departments() {
        Map<String, String> byId = new LinkedHashMap<>();
        for (Group g : identity.createGroupQuery().orderByGroupId().asc().list()) {
            if (g.getId().startsWith(FileAccessRequestListener.DEPARTMENT_GROUP)) {
                byId.put(g.getId().substring(FileAccessRequestListener.DEPARTMENT_GROUP.length()), g.getName());
            }
        }
        return byId;
    }

    private static Parties parties(Authentication who) {
        Parties parties = Parties.of(who);
        if (!parties.everything() && parties.communities().isEmpty() && parties.departments().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "access requests are for the street committee, the departments and the communities");
        }
        return parties;
    }
}
