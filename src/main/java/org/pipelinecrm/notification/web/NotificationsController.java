package org.pipelinecrm.notification.web;

import java.util.List;
import java.util.Locale;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.notification.Notifications;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The signed-in person's notifications: a page, and the same list in the API. */
@Controller
class NotificationsController {

    private final Notifications notifications;

    NotificationsController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String page(Model model, Locale locale) {
        model.addAttribute("notifications", notifications.mine(locale, CurrentUser.actor()));
        return "notification/list";
    }

    /** The navigation's badge: unread notifications. */
    @GetMapping("/notifications/count")
    String count(Model model) {
        model.addAttribute("count", notifications.unreadCount(CurrentUser.actor()));
        return "notification/count :: count";
    }

    @PostMapping("/notifications/read")
    String readAll() {
        notifications.readAll(CurrentUser.actor());
        return "redirect:/notifications";
    }

    @GetMapping("/api/v1/notifications")
    @ResponseBody
    List<Notifications.NotificationView> api(Locale locale) {
        return notifications.mine(locale, CurrentUser.actor());
    }
}
