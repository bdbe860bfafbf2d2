package org.pipelinecrm.automation;

import java.util.HashMap;
import java.util.Map;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.customfield.CustomFieldFilter;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.opportunity.OpportunityView;
import org.springframework.stereotype.Component;

/**
 * Sets a deal's custom field for a SET_FIELD action: {@code field} is {@code cf.KEY}, {@code value} the text a form
 * or an import would give (a multi-select's options separated by commas; empty clears a field that is not
 * required). The value is checked as the API checks it, when the rule is saved and again when it runs.
 */
@Component
class CustomDealFields implements FieldSetter {

    private final CustomFields customFields;
    private final Opportunities opportunities;

    CustomDealFields(CustomFields customFields, Opportunities opportunities) {
        this.customFields = customFields;
        this.opportunities = opportunities;
    }

    @Override
    public boolean handles(RecordType type, String field) {
        return type == RecordType.OPPORTUNITY && field.startsWith(CustomFieldFilter.PREFIX);
    }

    @Override
    public void check(RecordType type, String field, String value) {
        customFields.check(RecordKind.OPPORTUNITY, key(field), value, "actions");
    }

    @Override
    public String set(RecordType type, long recordId, String field, String value, Actor by) {
        OpportunityView deal = opportunities.opportunity(recordId);
        Map<String, Object> values = new HashMap<>();
        values.put(key(field), value == null || value.isBlank() ? null : value.trim());
        opportunities.change(
                recordId,
                new Opportunities.ChangeCmd(
                        null,
                        null,
                        null,
                        null,
                        null,
                        deal.probability(),
                        null,
                        null,
                        null,
                        null,
                        deal.version(),
                        values));
        Object now = opportunities.opportunity(recordId).customFields().get(key(field));
        return CustomFields.text(now);
    }

    private static String key(String field) {
        return field.substring(CustomFieldFilter.PREFIX.length());
    }
}
