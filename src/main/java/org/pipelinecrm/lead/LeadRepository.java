package org.pipelinecrm.lead;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface LeadRepository extends JpaRepository<Lead, Long>, JpaSpecificationExecutor<Lead> {

    @Query("select l.id from Lead l where l.emailKey = ?1 order by l.id")
    List<Long> idsByEmailKey(String emailKey, Pageable limit);

    @Query("select l.id from Lead l where l.nameKey = ?1 order by l.id")
    List<Long> idsByNameKey(String nameKey, Pageable limit);

    Optional<Lead> findByExternalId(String externalId);

    /** Keyset pages of ids, for rescoring every lead without loading them all. */
    @Query("select l.id from Lead l where l.id > ?1 order by l.id")
    List<Long> idsAfter(long afterId, Pageable limit);
}
