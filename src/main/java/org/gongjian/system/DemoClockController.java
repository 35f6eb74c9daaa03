package org.gongjian.system;

import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page that moves the demo clock. It does not exist outside the demo profile. */
@Controller
@Profile("demo")
@RequestMapping("/demo-clock")
class DemoClockController {

    private final DemoClock clock;

    DemoClockController(DemoClock clock) {
        this.clock = clock;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("now", clock.now());
        model.addAttribute("offsetDays", clock.offsetDays());
        model.addAttribute("maxDays", DemoClock.MAX_DAYS);
        return "system/demo-clock";
    }

    @PostMapping
    String advance(@RequestParam(name = "days", required = false) String days, Principal who,
                   RedirectAttributes redirect, Model model, HttpServletResponse response) {
        Integer n = parseDays(days);
        if (n == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", days);
            return show(model);
        }
        DemoClock.Advance advance;
        try {
            advance = clock.advance(n, who.getName());
        } catch (DemoClock.ConcurrentMoveException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("conflict", true);
            return show(model);
        }
        redirect.addFlashAttribute("advance", advance);
        redirect.addFlashAttribute("days", n);
        return "redirect:/demo-clock";
    }

    private static Integer parseDays(String days) {
        try {
            int n = Integer.parseInt(days == null ? "" : days.trim());
            return n >= 1 && n <= DemoClock.MAX_DAYS ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
