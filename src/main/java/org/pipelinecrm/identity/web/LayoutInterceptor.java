package org.pipelinecrm.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.tenant.TenantContext;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/** Gives every rendered page what the layout shows: who is signed in, the workspace, the text direction. */
@Component
class LayoutInterceptor implements HandlerInterceptor {

    private final Workspaces workspaces;

    LayoutInterceptor(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
            return;
        }
        boolean persian = "fa".equals(LocaleContextHolder.getLocale().getLanguage());
        page.addObject("rtl", persian);
        page.addObject("lang", persian ? "fa" : "en");
        CurrentUser.find().ifPresent(me -> {
            page.addObject("me", me);
            if (TenantContext.current().isPresent() && !page.getModel().containsKey("workspace")) {
                page.addObject("workspace", workspaces.current());
            }
        });
    }
}
