package org.pipelinecrm.automation;

import java.util.List;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.opportunity.OpportunityView;
import org.pipelinecrm.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The deal's own fields an automation may set: probability, source and industry. The next step is the deal's
 * earliest open task, so a rule sets it by creating a task.
 */
@Component
class StandardDealFields implements FieldSetter {

    static final List<String> FIELDS = List.of("probability", "source", "industry");

    private final Opportunities opportunities;

    StandardDealFields(Opportunities opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public boolean handles(RecordType type, String field) {
        return type == RecordType.OPPORTUNITY && FIELDS.contains(field);
    }

    @Override
    public void check(RecordType type, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("actions", "automation.value.required", "The field needs a value");
        }
        if (field.equals("probability")) {
            try {
                int p = Integer.parseInt(value.trim());
                if (p < 0 || p > 100) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new InvalidInputException(
                        "actions", "automation.value.probability", "The probability is a whole number from 0 to 100");
            }
        } else if (value.length() > 80) {
            throw new InvalidInputException("actions", "automation.value.tooLong", "The value is too long");
        }
    }

    @Override
    public String set(RecordType type, long recordId, String field, String value, Actor by) {
        OpportunityView deal = opportunities.opportunity(recordId);
        String v = value.trim();
        opportunities.change(
                recordId,
                new Opportunities.ChangeCmd(
                        null,
                        null,
                        null,
                        null,
                        null,
                        field.equals("probability") ? Integer.valueOf(v) : deal.probability(),
                        field.equals("source") ? v : null,
                        field.equals("industry") ? v : null,
                        null,
                        null,
                        deal.version()));
        return v;
    }
}
