package org.pipelinecrm.account;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContactRepository extends JpaRepository<Contact, Long> {

    List<Contact> findAllByAccountIdOrderByLastNameAsc(long accountId);

    List<Contact> findAllByIdIn(Collection<Long> ids);

    @Query("select c.accountId, count(c) from Contact c where c.accountId in :accountIds group by c.accountId")
    List<Object[]> countByAccount(Collection<Long> accountIds);
}
