package org.gongjian.system;

import java.util.List;

import org.gongjian.identity.SeedWorld;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What Gongjian is, whom to log in as in the demo, and where everything is. */
@Controller
class LandingController {

    private final ObjectProvider<SeedWorld> world;

    LandingController(ObjectProvider<SeedWorld> world) {
        this.world = world;
    }

    @GetMapping("/")
    String landing(Model model) {
        SeedWorld demo = world.getIfAvailable();
        model.addAttribute("demo", demo != null);
        model.addAttribute("groups", demo == null ? List.of() : demo.groups());
        model.addAttribute("world", demo);
        return "landing";
    }

    /** Tasklist's first-login hint links here; in this application the welcome page lives with the other webapps. */
    @GetMapping("/camunda-welcome")
    String camundaWelcome() {
        return "redirect:/camunda/app/welcome/default/";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
