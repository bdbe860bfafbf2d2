package org.pipelinecrm.tenant;

/** Currencies a workspace can keep its amounts in. */
public enum Currency {
    USD,
    EUR,
    IRR
}
