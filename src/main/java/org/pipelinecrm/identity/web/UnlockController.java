package org.pipelinecrm.identity.web;

import org.pipelinecrm.identity.UnlockLinks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link from the unlock e-mail. Opening it only shows a button; the delay is lifted by the POST,
 * so a mail program that fetches links to preview them does not use the link up.
 */
@Controller
@RequestMapping("/login/unlock")
class UnlockController {

    private final UnlockLinks links;

    UnlockController(UnlockLinks links) {
        this.links = links;
    }

    @GetMapping
    String confirm(@RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        return "identity/unlock";
    }

    @PostMapping
    String unlock(@RequestParam(defaultValue = "") String token) {
        return links.redeem(token).isPresent() ? "redirect:/login?unlocked" : "redirect:/login?unlockExpired";
    }
}
