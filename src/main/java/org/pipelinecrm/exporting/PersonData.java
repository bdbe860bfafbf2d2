package org.pipelinecrm.exporting;

import java.util.List;
import org.pipelinecrm.account.ContactSummary;
import org.pipelinecrm.activity.ActivityView;
import org.pipelinecrm.activity.TaskView;
import org.pipelinecrm.lead.LeadView;

/** Everything the workspace holds about one person: their leads and contacts, and what was logged on them. */
public record PersonData(
        List<LeadView> leads, List<ContactSummary> contacts, List<ActivityView> activities, List<TaskView> tasks) {

    public boolean isEmpty() {
        return leads.isEmpty() && contacts.isEmpty();
    }
}
