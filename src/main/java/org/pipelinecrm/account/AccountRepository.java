package org.pipelinecrm.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findFirstByNormalizedNameOrderByIdAsc(String normalizedName);

    Optional<Account> findFirstByDomainOrderByIdAsc(String domain);

    Page<Account> findAllByOrderByNameAscIdAsc(Pageable page);

    List<Account> findAllByIdIn(Collection<Long> ids);
}
