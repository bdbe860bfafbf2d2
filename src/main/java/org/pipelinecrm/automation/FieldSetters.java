package org.pipelinecrm.automation;

import java.util.List;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** Every {@link FieldSetter} bean, asked in turn for the one that knows a field. */
@Component
class FieldSetters {

    private final List<FieldSetter> setters;

    FieldSetters(List<FieldSetter> setters) {
        this.setters = setters;
    }

    FieldSetter setterFor(RecordType record, String field) {
        return setters.stream()
                .filter(s -> field != null && s.handles(record, field))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "actions", "automation.field.unknown", "This field cannot be set by a rule"));
    }
}
