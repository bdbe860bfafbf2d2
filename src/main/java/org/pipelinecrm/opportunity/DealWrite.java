package org.pipelinecrm.opportunity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.annotation.Retryable;

/**
 * A change of deals that starts its own transaction and runs again, a few times, when PostgreSQL gave it up to
 * break a deadlock (40P01) or a serialization failure (40001): the person gets their answer, not a 500. A stale
 * version is an optimistic failure and is never retried: it answers 409. The retry wraps the transaction (its
 * advice runs before the transaction's), so each attempt is a fresh transaction.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Retryable(
        includes = PessimisticLockingFailureException.class,
        maxRetries = 4,
        delay = 20,
        jitter = 20,
        multiplier = 2,
        maxDelay = 400)
@interface DealWrite {}
