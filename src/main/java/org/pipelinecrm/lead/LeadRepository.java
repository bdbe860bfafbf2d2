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

    List<Lead> findByExternalIdIn(java.util.Collection<String> externalIds);

    /** Keyset pages of ids, for rescoring every lead without loading them all. */
    @Query("select l.id from Lead l where l.id > ?1 order by l.id")
    List<Long> idsAfter(long afterId, Pageable limit);

    /** The first lead with the same e-mail key, else the same company + name key. */
    default Optional<Long> duplicateOf(Lead lead) {
        Pageable first = org.springframework.data.domain.PageRequest.of(0, 1);
        if (lead.emailKey() != null) {
            List<Long> ids = idsByEmailKey(lead.emailKey(), first);
            if (!ids.isEmpty()) {
                return Optional.of(ids.get(0));
            }
        }
        return lead.nameKey() == null
                ? Optional.empty()
                : idsByNameKey(lead.nameKey(), first).stream().findFirst();
    }
}
