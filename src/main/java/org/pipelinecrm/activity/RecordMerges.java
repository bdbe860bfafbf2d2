package org.pipelinecrm.activity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the module that owns a record merges two of its records into one, the activities and tasks of the one
 * that goes move to the one that stays, in the caller's transaction, so that the merge is whole or nothing and
 * no activity is left pointing at a record that no longer exists.
 */
@Service
public class RecordMerges {

    private final JdbcClient jdbc;

    RecordMerges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Re-links every activity and task of record {@code fromId} to {@code toId}; returns how many moved. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int move(RecordType type, long fromId, long toId) {
        int activities = jdbc.sql(
                        "update activity set record_id = ?, version = version + 1 where record_type = ? and record_id = ?")
                .param(toId)
                .param(type.name())
                .param(fromId)
                .update();
        int tasks = jdbc.sql(
                        "update sales_task set record_id = ?, version = version + 1 where record_type = ? and record_id = ?")
                .param(toId)
                .param(type.name())
                .param(fromId)
                .update();
        return activities + tasks;
    }
}
