package org.pipelinecrm.demo;

import java.util.Map;

import org.pipelinecrm.identity.Role;

/** What contributors need to know of the demo workspace: its people by role. */
public record DemoWorkspace(long id, Map<String, Long> users, Map<String, Long> teams, long seed) {

    public long user(String email) {
        return users.get(email);
    }

    public static final String ADMIN = "admin@demo.pipelinecrm.org";
    public static final String MANAGER = "manager@demo.pipelinecrm.org";
    public static final String REP_1 = "sara@demo.pipelinecrm.org";
    public static final String REP_2 = "reza@demo.pipelinecrm.org";
    public static final String MARKETER = "mina@demo.pipelinecrm.org";
    public static final String PASSWORD = "demo-pass-2026";

    static Map<String, Role> roles() {
        return Map.of(MANAGER, Role.MANAGER, REP_1, Role.SALES_REP, REP_2, Role.SALES_REP, MARKETER, Role.MARKETER);
    }
}
