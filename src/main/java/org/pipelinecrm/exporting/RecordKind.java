package org.pipelinecrm.exporting;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of record that export, by the name they have in export addresses and file names. */
public enum RecordKind {
    LEADS("leads"),
    OPPORTUNITIES("opportunities"),
    ACCOUNTS("accounts"),
    CONTACTS("contacts"),
    ACTIVITIES("activities"),
    TASKS("tasks");

    private final String path;

    RecordKind(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }

    public static Optional<RecordKind> fromPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
