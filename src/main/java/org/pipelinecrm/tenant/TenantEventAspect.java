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

    // The event is read from the arguments rather than bound with args(..): with @Async in front, the call
    // reaches this advice on another thread, where Spring cannot bind pointcut arguments.
    @Around("@annotation(org.springframework.modulith.events.ApplicationModuleListener)")
    Object inEventsWorkspace(ProceedingJoinPoint call) throws Throwable {
        TenantEvent event = java.util.Arrays.stream(call.getArgs())
                .filter(TenantEvent.class::isInstance)
                .map(TenantEvent.class::cast)
                .findFirst()
                .orElse(null);
        if (event == null) {
            return call.proceed();
        }
        try (TenantContext.Scope ignored = TenantContext.enter(event.tenantId())) {
            return call.proceed();
        }
    }
}
