package org.pipelinecrm.activity;

import java.util.Collection;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the module that owns a record deletes records no one has worked yet (the undo of an import), their tasks go
 * with them, in the caller's transaction, so that no task is left pointing at a record that no longer exists.
 */
@Service
public class RecordTasks {

    private final JdbcClient jdbc;

    RecordTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes every task of these records of the workspace; returns how many went. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int deleteOf(RecordType type, Collection<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from sales_task where tenant_id = ? and record_type = ? and record_id = any(?)")
                .params(TenantContext.require(), type.name(), recordIds.toArray(Long[]::new))
                .update();
    }
}
