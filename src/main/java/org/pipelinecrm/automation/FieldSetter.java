package org.pipelinecrm.automation;

import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.identity.Actor;

/**
 * Sets one field of a record for a SET_FIELD action. The standard fields of deals are set by
 * {@link StandardDealFields}; custom fields plug in as another bean implementing this, and every bean is asked in
 * turn. {@link #check} refuses a field or value when the rule is saved, so that a run never fails on it.
 */
public interface FieldSetter {

    /** Whether this setter knows {@code field} on records of {@code type}. */
    boolean handles(RecordType type, String field);

    /** Throws {@link org.pipelinecrm.shared.InvalidInputException} when {@code value} does not fit the field. */
    void check(RecordType type, String field, String value);

    /** Sets the field for the person whose change fired the rule; answers how the value reads on the timeline. */
    String set(RecordType type, long recordId, String field, String value, Actor by);
}
