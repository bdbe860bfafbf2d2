package org.pipelinecrm.identity;

/** Where signing in lands a person: chosen on their profile, else where their role works. */
public enum StartPage {
    HOME("/"),
    BOARD("/pipeline"),
    DASHBOARD("/dashboard"),
    LEADS("/leads"),
    TASKS("/tasks");

    private final String path;

    StartPage(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** Reps work the board, managers watch the dashboard, marketers work the leads; admins, who look
     * after the whole workspace, start on the dashboard. */
    public static StartPage forRole(Role role) {
        return switch (role) {
            case SALES_REP -> BOARD;
            case MANAGER -> DASHBOARD;
            case MARKETER -> LEADS;
            case ADMIN -> DASHBOARD;
        };
    }
}
