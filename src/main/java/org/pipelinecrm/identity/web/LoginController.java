package org.pipelinecrm.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

@Controller
class LoginController {

    private final LocaleResolver locales;
    private final People people;

    LoginController(LocaleResolver locales, People people) {
        this.locales = locales;
        this.people = people;
    }

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }

    /** The language switch: remembered in a cookie, and on the person's profile when signed in. */
    @PostMapping("/language")
    String language(@RequestParam String lang, HttpServletRequest request, HttpServletResponse response) {
        String chosen = "fa".equals(lang) ? "fa" : "en";
        locales.setLocale(request, response, Locale.forLanguageTag(chosen));
        if (request.getUserPrincipal() != null) {
            CurrentUser.find().map(Actor::of).ifPresent(me -> people.preferLocale(me, chosen));
        }
        String back = request.getHeader(HttpHeaders.REFERER);
        return "redirect:"
                + (back != null && back.startsWith(request.getScheme() + "://" + request.getHeader("Host"))
                        ? back
                        : "/");
    }
}
