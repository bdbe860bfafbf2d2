package org.pipelinecrm.tenant;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Module listeners run asynchronously, away from the request that published the event: enter the
 * event's workspace before the listener's transaction begins.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TenantEventAspect {

    @Around("@annotation(org.springframework.modulith.events.ApplicationModuleListener) && args(event)")
    Object inEventsWorkspace(ProceedingJoinPoint call, TenantEvent event) throws Throwable {
        try (TenantContext.Scope ignored = TenantContext.enter(event.tenantId())) {
            return call.proceed();
        }
    }
}
