package org.pipelinecrm.identity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    List<AppUser> findAllByOrderByNameAsc();
}
