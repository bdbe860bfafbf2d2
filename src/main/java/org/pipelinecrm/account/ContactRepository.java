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

    @Query("select c from Contact c where lower(c.email) = :email order by c.id")
    List<Contact> findPersonByEmail(String email);

    @Query("""
            select c from Contact c
            where lower(concat(coalesce(c.firstName, ''), ' ', c.lastName)) like :like order by c.id""")
    List<Contact> findPersonByName(String like);

    @org.springframework.data.jpa.repository.Modifying(clearAutomatically = true)
    @Query("""
            update Contact c set c.firstName = null, c.lastName = :erased, c.email = null, c.phone = null,
            c.title = null, c.version = c.version + 1 where c.id in :ids""")
    int erase(Collection<Long> ids, String erased);
}
