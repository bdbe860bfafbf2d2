package org.pipelinecrm.customfield;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * The custom field value tests as functions the criteria API can call (JPQL cannot name a table no entity maps):
 * {@code cf_<column>_<operator>(record id, field id, [number as a double,] value)} is true when the record has a row in custom_field_value
 * for the field whose typed value compares so. Registered through META-INF/services.
 */
public class CustomFieldFunctions implements FunctionContributor {

    static String name(CustomFieldFilter.Column column, CustomFieldFilter.Operator operator) {
        return "cf_" + column.name().toLowerCase(java.util.Locale.ROOT) + "_"
                + operator.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void contributeFunctions(FunctionContributions contributions) {
        var bool = contributions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN);
        for (CustomFieldFilter.Column column : CustomFieldFilter.Column.values()) {
            for (CustomFieldFilter.Operator operator : CustomFieldFilter.Operator.values()) {
                contributions
                        .getFunctionRegistry()
                        .patternDescriptorBuilder(
                                name(column, operator),
                                "(?1 in (select v.record_id from custom_field_value v where v.tenant_id = "
                                        + CustomFieldFilter.TENANT + " and v.field_id = ?2 and "
                                        + (column == CustomFieldFilter.Column.NUMBER
                                                ? "v.number_key " + operator.sql + " ?3 and v.number_value "
                                                        + operator.sql + " ?4))"
                                                : "v." + column.column + " " + operator.sql + " ?3))"))
                        .setExactArgumentCount(column == CustomFieldFilter.Column.NUMBER ? 4 : 3)
                        .setInvariantType(bool)
                        .register();
            }
        }
    }
}
