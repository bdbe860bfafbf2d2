package org.pipelinecrm.automation;

import java.util.Collection;
import java.util.List;
import org.pipelinecrm.automation.AutomationView.TriggerType;
import org.springframework.data.jpa.repository.JpaRepository;

interface AutomationRuleRepository extends JpaRepository<AutomationRule, Long> {

    List<AutomationRule> findAllByOrderByIdAsc();

    List<AutomationRule> findByEnabledTrueAndTriggerTypeInOrderByIdAsc(Collection<TriggerType> types);
}
