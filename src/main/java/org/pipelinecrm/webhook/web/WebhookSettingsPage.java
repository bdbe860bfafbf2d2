package org.pipelinecrm.webhook.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.webhook.DeliveryView;
import org.pipelinecrm.webhook.WebhookEvents;
import org.pipelinecrm.webhook.WebhookView;
import org.pipelinecrm.webhook.Webhooks;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins list their webhooks with the recent deliveries, add one, send a test event, pause, resume, retry. */
@Controller
@RequestMapping("/settings/webhooks")
@PreAuthorize("hasRole('ADMIN')")
class WebhookSettingsPage {

    private static final int RECENT = 5;

    private final Webhooks webhooks;
    private final MessageSource messages;

    WebhookSettingsPage(Webhooks webhooks, MessageSource messages) {
        this.webhooks = webhooks;
        this.messages = messages;
    }

    @GetMapping
    String show(Model model) {
        Map<Long, List<DeliveryView>> recent = new LinkedHashMap<>();
        List<WebhookView> all = webhooks.all();
        for (WebhookView webhook : all) {
            List<DeliveryView> deliveries = webhooks.deliveries(webhook.id());
            recent.put(webhook.id(), deliveries.subList(0, Math.min(RECENT, deliveries.size())));
        }
        model.addAttribute("webhooks", all);
        model.addAttribute("recent", recent);
        model.addAttribute("events", WebhookEvents.ALL);
        return "webhook/settings";
    }

    @PostMapping
    String add(
            @RequestParam(required = false) String url,
            @RequestParam(required = false) List<String> events,
            @RequestParam(required = false) String description,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        try {
            WebhookView created =
                    webhooks.create(new Webhooks.CreateCmd(url, events == null ? List.of() : events, description));
            redirect.addFlashAttribute("secret", created.secret());
            redirect.addFlashAttribute("secretOf", created.id());
            return "redirect:/settings/webhooks";
        } catch (InvalidInputException e) {
            model.addAttribute(
                    "error", messages.getMessage(e.getMessageKey(), e.getArguments(), e.getMessage(), locale));
            model.addAttribute("url", url);
            model.addAttribute("chosen", events == null ? List.of() : events);
            model.addAttribute("description", description);
            return show(model);
        }
    }

    @PostMapping("/{id}/test")
    String test(@PathVariable long id, RedirectAttributes redirect) {
        DeliveryView sent = webhooks.sendTest(id);
        redirect.addFlashAttribute("tested", id);
        redirect.addFlashAttribute("testAnswer", answer(sent));
        return "redirect:/settings/webhooks";
    }

    @PostMapping("/{id}/status")
    String status(@PathVariable long id, @RequestParam(required = false) String status) {
        String wanted = "PAUSED".equals(status) ? "PAUSED" : "ACTIVE";
        webhooks.change(id, new Webhooks.ChangeCmd(null, null, null, wanted, null));
        return "redirect:/settings/webhooks";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id) {
        webhooks.delete(id);
        return "redirect:/settings/webhooks";
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/retry")
    String retry(@PathVariable long id, @PathVariable long deliveryId) {
        webhooks.retry(id, deliveryId);
        return "redirect:/settings/webhooks";
    }

    private static String answer(DeliveryView delivery) {
        if (delivery.attemptLog().isEmpty()) {
            return "—";
        }
        DeliveryView.Attempt last = delivery.attemptLog().get(0);
        return last.statusCode() != null ? "HTTP " + last.statusCode() : String.valueOf(last.error());
    }
}
