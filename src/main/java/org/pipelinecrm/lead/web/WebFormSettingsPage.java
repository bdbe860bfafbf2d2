package org.pipelinecrm.lead.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.TeamSummary;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.lead.InvalidRouteException;
import org.pipelinecrm.lead.WebFormRoute;
import org.pipelinecrm.lead.WebFormRoutes;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The snippet to paste into the company's website; admins can issue a new key (the old snippet stops working)
 * and choose the team and owner that new web-form leads get.
 */
@Controller
@RequestMapping("/settings/web-form")
@PreAuthorize("hasAnyRole('ADMIN', 'MARKETER')")
class WebFormSettingsPage {

    private final Workspaces workspaces;
    private final WebFormRoutes routes;
    private final People people;
    private final MessageSource messages;

    WebFormSettingsPage(Workspaces workspaces, WebFormRoutes routes, People people, MessageSource messages) {
        this.workspaces = workspaces;
        this.routes = routes;
        this.people = people;
        this.messages = messages;
    }

    /** The route part of the page; empty selects arrive as null. */
    record RouteForm(Long teamId, Long ownerId, long version) {

        static RouteForm of(WebFormRoute route) {
            return new RouteForm(route.teamId(), route.ownerId(), route.version());
        }

        WebFormRoute route() {
            return new WebFormRoute(teamId, ownerId, version);
        }
    }

    /** An owner choice: active people, labelled with their team so the admin picks one of the chosen team. */
    record OwnerChoice(long id, String name, Long teamId) {}

    @GetMapping
    String show(Model model) {
        model.addAttribute("route", RouteForm.of(routes.current()));
        return page(model);
    }

    @PostMapping("/route")
    @PreAuthorize("hasRole('ADMIN')")
    String saveRoute(@ModelAttribute("route") RouteForm form, Model model, RedirectAttributes redirect) {
        try {
            routes.change(form.route());
        } catch (InvalidRouteException e) {
            model.addAttribute("routeError", e.getMessageKey());
            return page(model);
        }
        redirect.addFlashAttribute("routeSaved", true);
        return "redirect:/settings/web-form";
    }

    private String page(Model model) {
        List<TeamSummary> teams = people.teams();
        Map<Long, String> teamNames = people.teamsById().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().name()));
        List<OwnerChoice> owners = people.users().stream()
                .filter(UserSummary::active)
                .map(u -> new OwnerChoice(
                        u.id(),
                        u.teamId() == null ? u.name() : u.name() + " (" + teamNames.get(u.teamId()) + ")",
                        u.teamId()))
                .sorted(Comparator.comparing(OwnerChoice::name))
                .toList();
        model.addAttribute("teams", teams);
        model.addAttribute("owners", owners);
        model.addAttribute("teamNames", teamNames);
        model.addAttribute("ownerNames", people.userNames());
        String key = workspaces.current().formKey();
        String action = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/forms/{key}")
                .buildAndExpand(key)
                .toUriString();
        model.addAttribute("action", action);
        model.addAttribute("snippet", snippet(action, LocaleContextHolder.getLocale()));
        return "lead/web-form-settings";
    }

    @PostMapping("/key")
    @PreAuthorize("hasRole('ADMIN')")
    String regenerate(RedirectAttributes redirect) {
        workspaces.regenerateFormKey();
        redirect.addFlashAttribute("regenerated", true);
        return "redirect:/settings/web-form";
    }

    /**
     * Plain HTML that works on any website, its labels in the language of whoever copies it (a Persian form reads
     * right to left); the hidden "website" field is the honeypot robots fill in.
     */
    String snippet(String action, Locale locale) {
        boolean rtl = "fa".equals(locale.getLanguage());
        return """
                <form method="post" action="%s" accept-charset="UTF-8"%s>
                  <input name="firstName" placeholder="%s" maxlength="100">
                  <input name="lastName" placeholder="%s" required maxlength="100">
                  <input name="email" type="email" placeholder="%s" required maxlength="254">
                  <input name="company" placeholder="%s" maxlength="200">
                  <input name="phone" placeholder="%s" maxlength="50">
                  <textarea name="message" placeholder="%s" maxlength="2000"></textarea>
                  <div style="position:absolute;left:-10000px" aria-hidden="true">
                    <input name="website" tabindex="-1" autocomplete="off">
                  </div>
                  <button type="submit">%s</button>
                </form>
                """.formatted(
                        action,
                        rtl ? " dir=\"rtl\"" : "",
                        text("lead.firstName", locale),
                        text("lead.lastName", locale),
                        text("field.email", locale),
                        text("lead.company", locale),
                        text("lead.phone", locale),
                        text("webform.message", locale),
                        text("webform.send", locale));
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale), "UTF-8");
    }
}
