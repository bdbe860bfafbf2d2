package org.pipelinecrm.customfield;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * The two jsonb tests as functions the criteria API can call: JPQL has no operator for containment, and the GIN
 * index on a record's custom_fields answers only the {@code @>} operator. Registered through
 * META-INF/services.
 */
public class CustomFieldFunctions implements FunctionContributor {

    static final String CONTAINS = "cf_contains";
    static final String PATH = "cf_path_exists";

    @Override
    public void contributeFunctions(FunctionContributions contributions) {
        var bool = contributions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.BOOLEAN);
        contributions
                .getFunctionRegistry()
                .patternDescriptorBuilder(CONTAINS, "(?1 @> cast(?2 as jsonb))")
                .setExactArgumentCount(2)
                .setInvariantType(bool)
                .register();
        contributions
                .getFunctionRegistry()
                .patternDescriptorBuilder(PATH, "jsonb_path_exists(?1, cast(?2 as jsonpath))")
                .setExactArgumentCount(2)
                .setInvariantType(bool)
                .register();
    }
}
