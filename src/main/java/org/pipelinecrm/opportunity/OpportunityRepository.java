package org.pipelinecrm.opportunity;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface OpportunityRepository extends JpaRepository<Opportunity, Long>, JpaSpecificationExecutor<Opportunity> {

    List<Opportunity> findAllByAccountId(Long accountId);

    /**
     * Moves the deal's last activity forward (never back), without touching its version: logging a call
     * must not make a colleague's open board card stale. The persistence context is flushed first but not
     * cleared, so the caller's loaded entities stay managed.
     */
    @Modifying(flushAutomatically = true)
    @Query(value = """
            update opportunity set last_activity_at = greatest(coalesce(last_activity_at, :at), :at)
            where id = :id""", nativeQuery = true)
    int touch(long id, Instant at);

    java.util.Optional<Opportunity> findByExternalId(String externalId);
}
