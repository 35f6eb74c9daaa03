package org.gongjian.identity;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page a one-time link opens: the person chooses a password, once. */
@Controller
@RequestMapping("/password-setup")
class PasswordSetupController {

    private final PasswordSetup passwords;

    PasswordSetupController(PasswordSetup passwords) {
        this.passwords = passwords;
    }

    @GetMapping
    String show(@RequestParam(name = "token", required = false) String token, Model model, HttpServletResponse response) {
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordSetup.MIN_LENGTH);
        passwords.userFor(token).ifPresentOrElse(user -> model.addAttribute("user", user), () -> {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("error", "此链接无效、已使用或已过期，请联系管理员。This link is unknown, used or expired; ask an administrator.");
        });
        return "identity/password-setup";
    }

    @PostMapping
    String set(@RequestParam(name = "token", required = false) String token,
               @RequestParam(name = "password", required = false) String password,
               @RequestParam(name = "confirm", required = false) String confirm,
               Model model, HttpServletResponse response) {
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordSetup.MIN_LENGTH);
        try {
            if (password == null || !password.equals(confirm)) {
                passwords.userFor(token).ifPresent(user -> model.addAttribute("user", user));
                throw new PasswordSetup.Refused("两次输入的密码不一致。confirm: the two passwords differ.");
            }
            model.addAttribute("done", passwords.setPassword(token, password));
        } catch (PasswordSetup.Refused e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            passwords.userFor(token).ifPresent(user -> model.addAttribute("user", user));
            model.addAttribute("error", e.getMessage());
        }
        return "identity/password-setup";
    }
}
