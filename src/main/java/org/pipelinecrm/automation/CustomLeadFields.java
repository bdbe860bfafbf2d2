package org.pipelinecrm.automation;

import java.util.HashMap;
import java.util.Map;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.customfield.CustomFieldFilter;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.lead.LeadDetails;
import org.pipelinecrm.lead.Leads;
import org.springframework.stereotype.Component;

/**
 * Sets a lead's custom field for a SET_FIELD action of a LEAD_STATUS rule: {@code field} is {@code cf.KEY} of a
 * field for leads, {@code value} the text a form or an import would give (a multi-select's options separated by
 * commas; empty clears a field that is not required). The value is checked as the API checks it, when the rule is
 * saved and again when it runs; the lead's other fields are left as they are.
 */
@Component
class CustomLeadFields implements FieldSetter {

    private final CustomFields customFields;
    private final Leads leads;

    CustomLeadFields(CustomFields customFields, Leads leads) {
        this.customFields = customFields;
        this.leads = leads;
    }

    @Override
    public boolean handles(RecordType type, String field) {
        return type == RecordType.LEAD && field.startsWith(CustomFieldFilter.PREFIX);
    }

    @Override
    public void check(RecordType type, String field, String value) {
        customFields.check(RecordKind.LEAD, key(field), value, "actions");
    }

    @Override
    public String set(RecordType type, long recordId, String field, String value, Actor by) {
        Map<String, Object> values = new HashMap<>();
        values.put(key(field), value == null || value.isBlank() ? null : value.trim());
        LeadDetails patch = new LeadDetails(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, values);
        Object now = leads.change(recordId, patch, null, by).customFields().get(key(field));
        return CustomFields.text(now);
    }

    private static String key(String field) {
        return field.substring(CustomFieldFilter.PREFIX.length());
    }
}
