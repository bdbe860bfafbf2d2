package org.pipelinecrm.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.tenant.TenantContext;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/** Puts the signed-in person's workspace into the tenant context for the rest of the request. */
class TenantFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CrmUser user = CurrentUser.find().orElse(null);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put("user", Long.toString(user.id()));
        try (TenantContext.Scope ignored = TenantContext.enter(user.tenantId())) {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("user");
        }
    }
}
