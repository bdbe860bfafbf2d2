package org.pipelinecrm.qualification;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface QuestionBankRepository extends JpaRepository<QuestionBank, Long> {

    Optional<QuestionBank> findFirstByOrderByIdAsc();
}
