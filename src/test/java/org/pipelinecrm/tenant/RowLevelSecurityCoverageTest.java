package org.pipelinecrm.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every table that has a tenant_id — including ones added by later migrations — is isolated and keyed by tenant. */
@IntegrationTest
class RowLevelSecurityCoverageTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTenantTableForcesRowLevelSecurityWithAPolicy() {
        List<String> unprotected = jdbc.sql("""
                select c.relname from pg_class c
                join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                where c.relkind in ('r', 'p')
                  and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
                  and (not c.relrowsecurity or not c.relforcerowsecurity
                       or not exists (select 1 from pg_policy p where p.polrelid = c.oid))
                """).query(String.class).list();
        assertThat(unprotected).isEmpty();
    }

    @Test
    void everyTenantTableHasAPrimaryKeyLedByTenantId() {
        List<String> wrongKeys = jdbc.sql("""
                select c.relname from pg_class c
                join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
                where c.relkind = 'r'
                  and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
                  and not exists (
                    select 1 from pg_constraint k
                    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
                    where k.conrelid = c.oid and k.contype = 'p' and a.attname = 'tenant_id')
                """).query(String.class).list();
        assertThat(wrongKeys).isEmpty();
    }

    @Test
    void foreignKeysBetweenTenantTablesIncludeTheTenant() {
        List<String> loose = jdbc.sql("""
                select k.conname from pg_constraint k
                join pg_class target on target.oid = k.confrelid
                where k.contype = 'f' and target.relname <> 'workspace'
                  and exists (select 1 from pg_attribute a where a.attrelid = k.conrelid and a.attname = 'tenant_id')
                  and not exists (select 1 from pg_attribute a
                                  where a.attrelid = k.conrelid and a.attnum = any (k.conkey) and a.attname = 'tenant_id')
                """).query(String.class).list();
        assertThat(loose).isEmpty();
    }
}
