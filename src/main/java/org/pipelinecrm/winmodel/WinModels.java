package org.pipelinecrm.winmodel;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.tenant.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workspace's win model: its status and backtest, training on demand (a db-scheduler execution per
 * workspace, so one instance trains it) and nightly, and the stored coefficients scoring reads.
 */
@Service
public class WinModels {

    private static final Logger log = LoggerFactory.getLogger(WinModels.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Signals signals;
    private final CustomFields customFields;
    private final TransactionTemplate tx;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> trainTask;

    WinModels(
            JdbcClient jdbc,
            JsonMapper json,
            Signals signals,
            CustomFields customFields,
            TransactionTemplate tx,
            @Lazy SchedulerClient scheduler,
            @Lazy @Qualifier("winModelTrain") OneTimeTask<Long> trainTask) {
        this.jdbc = jdbc;
        this.json = json;
        this.signals = signals;
        this.customFields = customFields;
        this.tx = tx;
        this.scheduler = scheduler;
        this.trainTask = trainTask;
    }

    /** The model's status and backtest; a workspace never trained reads {@code NEVER_TRAINED}. */
    public WinModelView view() {
        return tx.execute(s -> jdbc.sql("""
                        select status, requested_at, trained_at, closed_deals, tested_deals, auc, brier, stage_auc,
                               stage_brier, calibration::text, training_ms, model is not null
                        from win_model""")
                .query((rs, n) -> new WinModelView(
                        WinModelView.Status.valueOf(rs.getString(1)),
                        instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3)),
                        rs.getInt(4),
                        rs.getInt(5),
                        Trainer.MINIMUM_CLOSED_DEALS,
                        (Double) rs.getObject(6, Double.class),
                        (Double) rs.getObject(7, Double.class),
                        (Double) rs.getObject(8, Double.class),
                        (Double) rs.getObject(9, Double.class),
                        json.readValue(rs.getString(10), new TypeReference<List<WinModelView.Decile>>() {}),
                        (Long) rs.getObject(11, Long.class),
                        rs.getBoolean(12)))
                .optional()
                .orElseGet(() -> new WinModelView(
                        WinModelView.Status.NEVER_TRAINED,
                        null,
                        null,
                        0,
                        0,
                        Trainer.MINIMUM_CLOSED_DEALS,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        false)));
    }

    /** Queues training of this workspace's model; a request while one is queued joins it. */
    public WinModelView requestTraining() {
        long tenant = TenantContext.require();
        tx.executeWithoutResult(s -> jdbc.sql("""
                        insert into win_model (tenant_id, status, requested_at) values (:t, 'QUEUED', now())
                        on conflict (tenant_id) do update
                        set status = case when win_model.status = 'TRAINING' then 'TRAINING' else 'QUEUED' end,
                            requested_at = now(), version = win_model.version + 1""").param("t", tenant).update());
        scheduler.scheduleIfNotExists(trainTask.instance("tenant-" + tenant, tenant), Instant.now());
        return view();
    }

    /** Trains the current workspace's model now: backtest, then the final fit on every closed deal. */
    public WinModelView train() {
        long tenant = TenantContext.require();
        long started = System.nanoTime();
        tx.executeWithoutResult(s -> jdbc.sql("""
                        insert into win_model (tenant_id, status) values (:t, 'TRAINING')
                        on conflict (tenant_id) do update set status = 'TRAINING', version = win_model.version + 1""").param("t", tenant).update());
        try {
            Training training = tx.execute(s -> observations(Instant.now()));
            if (!Trainer.enough(training.observations())) {
                save(tenant, "TOO_LITTLE_HISTORY", training.observations().size(), null, null, started);
            } else {
                Trainer.Result result = Trainer.train(training.observations(), training.usualDays());
                save(tenant, "TRAINED", training.observations().size(), result.backtest(), result.model(), started);
            }
        } catch (RuntimeException e) {
            log.error("Training the win model of workspace {} failed", tenant, e);
            tx.executeWithoutResult(s -> jdbc.sql("update win_model set status = 'FAILED', version = version + 1")
                    .update());
        }
        return view();
    }

    record Training(List<Trainer.Observation> observations, Map<Long, Double> usualDays) {}

    /** The closed deals as observations at their close, oldest first (inside a transaction). */
    Training observations(Instant now) {
        Map<Long, Double> usualDays = signals.usualDaysInStage();
        Map<Long, Signals.Stage> stages = signals.stages();
        Map<String, Features.CustomKind> custom = customKinds();
        List<Trainer.Observation> rows = new ArrayList<>();
        for (Signals.Deal deal : signals.closed()) {
            Long stage = Features.stage(deal);
            Signals.Stage closing = stage == null ? null : stages.get(stage);
            double stageProbability = closing == null ? 0.5 : closing.probability() / 100.0;
            rows.add(new Trainer.Observation(Features.of(deal, now, usualDays, custom), deal.won(), stageProbability));
        }
        return new Training(rows, usualDays);
    }

    /** Custom fields of deals that take part in the model: select, boolean and number (money too). */
    Map<String, Features.CustomKind> customKinds() {
        Map<String, Features.CustomKind> kinds = new HashMap<>();
        customFields.active(RecordKind.OPPORTUNITY).forEach(f -> {
            switch (f.type()) {
                case SELECT -> kinds.put(f.key(), Features.CustomKind.SELECT);
                case BOOLEAN -> kinds.put(f.key(), Features.CustomKind.BOOLEAN);
                case NUMBER, MONEY -> kinds.put(f.key(), Features.CustomKind.NUMBER);
                default -> {}
            }
        });
        return kinds;
    }

    /** The stored coefficients, when the workspace has a trained model (inside the caller's transaction). */
    Optional<Coefficients> coefficients() {
        return jdbc.sql("select model::text from win_model where model is not null and status <> 'TOO_LITTLE_HISTORY'")
                .query((rs, n) -> json.readValue(rs.getString(1), Coefficients.class))
                .optional();
    }

    private void save(
            long tenant, String status, int closedDeals, Trainer.Backtest backtest, Coefficients model, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        tx.executeWithoutResult(s -> jdbc.sql("""
                        update win_model set status = :status, trained_at = now(), closed_deals = :closed,
                               tested_deals = :tested, auc = :auc, brier = :brier, stage_auc = :stageAuc,
                               stage_brier = :stageBrier, calibration = cast(:calibration as jsonb),
                               model = cast(:model as jsonb), training_ms = :ms, version = version + 1
                        where tenant_id = :t""")
                .param("t", tenant)
                .param("status", status)
                .param("closed", closedDeals)
                .param("tested", backtest == null ? 0 : backtest.tested())
                .param("auc", backtest == null ? null : finite(backtest.auc()))
                .param("brier", backtest == null ? null : finite(backtest.brier()))
                .param("stageAuc", backtest == null ? null : finite(backtest.stageAuc()))
                .param("stageBrier", backtest == null ? null : finite(backtest.stageBrier()))
                .param("calibration", json.writeValueAsString(backtest == null ? List.of() : backtest.calibration()))
                .param("model", model == null ? null : json.writeValueAsString(model))
                .param("ms", millis)
                .update());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
