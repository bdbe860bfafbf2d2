package org.pipelinecrm.customfield;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomFieldRepository extends JpaRepository<CustomField, Long> {

    List<CustomField> findAllByRecordKindOrderByPositionAscIdAsc(RecordKind recordKind);

    List<CustomField> findAllByOrderByRecordKindAscPositionAscIdAsc();

    Optional<CustomField> findByRecordKindAndKey(RecordKind recordKind, String key);
}
