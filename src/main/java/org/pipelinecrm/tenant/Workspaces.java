package org.pipelinecrm.tenant;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.pipelinecrm.shared.database.SessionSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates workspaces and keeps their settings. */
@Service
public class Workspaces {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WorkspaceRepository workspaces;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    Workspaces(
            WorkspaceRepository workspaces, JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.workspaces = workspaces;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
    }

    /**
     * Creates a workspace and runs {@code populate} inside it, in the same transaction: either the
     * workspace comes whole (first user, defaults of every module) or not at all.
     */
    public long create(String name, Currency currency, ZoneId zone, Locale language, LongConsumer populate) {
        // The id is drawn first: row-level security only admits rows of the workspace we are in.
        long id = jdbc.sql("select nextval('workspace_seq')").query(Long.class).single();
        TenantContext.runAs(
                id,
                () -> tx.executeWithoutResult(status -> {
                    String formKey = newFormKey();
                    workspaces.saveAndFlush(
                            new Workspace(id, name, currency, zone, formKey)); // listeners may write with SQL
                    jdbc.sql("insert into workspace_form_key (form_key, workspace_id) values (?, ?)")
                            .param(formKey)
                            .param(id)
                            .update();
                    events.publishEvent(new WorkspaceCreated(id, name, language));
                    populate.accept(id);
                }));
        return id;
    }

    public WorkspaceSettings current() {
        long id = TenantContext.require();
        return tx.execute(status -> workspaces.findById(id).orElseThrow().toSettings());
    }

    public WorkspaceSettings changeSettings(String name, Currency currency, ZoneId zone, long expectedVersion) {
        long id = TenantContext.require();
        return tx.execute(status -> {
            Workspace workspace = workspaces.findById(id).orElseThrow();
            if (workspace.getVersion() != expectedVersion) {
                throw new ObjectOptimisticLockingFailureException(Workspace.class, id);
            }
            ZoneId before = workspace.toSettings().timeZone();
            workspace.changeSettings(name, currency, zone);
            workspaces.flush();
            if (!before.equals(zone)) {
                events.publishEvent(new WorkspaceTimeZoneChanged(id, zone));
            }
            return workspace.toSettings();
        });
    }

    /**
     * The workspace whose public lead form has this key, found before any workspace is entered (a narrow
     * policy admits exactly the row whose key the transaction names).
     */
    public java.util.Optional<Long> byFormKey(String key) {
        if (key == null || key.isBlank() || key.length() > 64) {
            return java.util.Optional.empty();
        }
        return tx.execute(status -> {
            jdbc.sql(SessionSettings.setLocal("app.form_key", key)).update();
            return jdbc.sql("select workspace_id from workspace_form_key where form_key = ?")
                    .param(key)
                    .query(Long.class)
                    .optional();
        });
    }

    /** A new key for the current workspace's lead form: forms pasted with the old key stop working. */
    public String regenerateFormKey() {
        long id = TenantContext.require();
        String key = newFormKey();
        tx.executeWithoutResult(status -> {
            jdbc.sql("update workspace set form_key = ? where id = ?")
                    .param(key)
                    .param(id)
                    .update();
            jdbc.sql("update workspace_form_key set form_key = ? where workspace_id = ?")
                    .param(key)
                    .param(id)
                    .update();
        });
        return key;
    }

    /** Every workspace id, for background work that visits each workspace in turn. */
    public List<Long> allIds() {
        return tx.execute(status -> {
            jdbc.sql(SessionSettings.setLocal("app.list_workspaces", "on")).update();
            return jdbc.sql("select id from workspace order by id")
                    .query(Long.class)
                    .list();
        });
    }

    private static String newFormKey() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
