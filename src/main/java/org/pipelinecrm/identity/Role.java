package org.pipelinecrm.identity;

/** What a person may do in a workspace. */
public enum Role {
    ADMIN,
    MANAGER,
    SALES_REP,
    MARKETER;

    public String authority() {
        return "ROLE_" + name();
    }
}
