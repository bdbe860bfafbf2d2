package org.pipelinecrm.insight;

import java.time.LocalDate;
import java.time.ZoneId;
import org.pipelinecrm.tenant.WorkspaceCreated;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the current workspace counts its days and years: its time zone (a day starts at midnight there), its
 * calendar and the month its fiscal year starts in.
 */
@Service
@Transactional(readOnly = true)
public class FiscalYears {

    private final JdbcClient jdbc;
    private final Workspaces workspaces;

    FiscalYears(JdbcClient jdbc, Workspaces workspaces) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
    }

    public ZoneId zone() {
        return workspaces.current().timeZone();
    }

    public LocalDate today() {
        return LocalDate.now(zone());
    }

    public Setting current() {
        return jdbc.sql("select calendar, start_month from fiscal_year")
                .query((rs, n) -> new Setting(FiscalCalendar.valueOf(rs.getString(1)), rs.getInt(2)))
                .optional()
                .orElse(new Setting(FiscalCalendar.GREGORIAN, 1));
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void change(Setting setting) {
        keep(setting);
    }

    /** A workspace signed up in Persian counts its years in the Solar Hijri calendar, from Farvardin. */
    @EventListener
    @Transactional
    void on(WorkspaceCreated created) {
        if (created.persian()) {
            keep(new Setting(FiscalCalendar.PERSIAN, 1));
        }
    }

    private void keep(Setting setting) {
        // the workspace is the one row-level security admits; the row is keyed by it
        jdbc.sql("""
                insert into fiscal_year (tenant_id, calendar, start_month)
                values (nullif(current_setting('app.tenant_id', true), '')::bigint, ?, ?)
                on conflict (tenant_id) do update
                set calendar = excluded.calendar, start_month = excluded.start_month, version = fiscal_year.version + 1
                """).params(setting.calendar().name(), setting.startMonth()).update();
    }

    public record Setting(FiscalCalendar calendar, int startMonth) {

        public Setting {
            if (startMonth < 1 || startMonth > 12) {
                throw new org.pipelinecrm.shared.InvalidInputException(
                        "startMonth", "problem.field.month", "startMonth must be 1 to 12");
            }
        }
    }
}
