package org.pipelinecrm.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.demo.DemoData;
import org.pipelinecrm.demo.DemoWorkspace;
import org.pipelinecrm.identity.ApiTokens;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.UserLookup;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint of the application that takes an id in its path — pages and API, every HTTP
 * method, including endpoints added later — signed in to workspace B with the ids of workspace A's
 * records. Each must look exactly as if the record did not exist (404 for reads and deletes; for
 * writes, the same answer as for an id that exists nowhere, never a success), and A's data must not
 * change.
 */
@IntegrationTest
class ForeignIdEndpointsTest {

    private static final long NOWHERE = 987_654_321L;
    private static final List<String> NOT_OURS =
            List.of("/v3/api-docs", "/api-docs", "/swagger-ui", "/actuator", "/error");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    DemoData demo;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserLookup users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void anotherWorkspacesIdsAnswerAsIfTheyDidNotExist() throws Exception {
        DemoWorkspace a = demo.create("Workspace A", "a-" + UUID.randomUUID() + ".test");
        workspaces.as(a.adminEmail(), () -> tokens.issue("A's integration", CurrentUser.actor()));
        TestWorkspaces.Workspace b = workspaces.create();
        CrmUser bAdmin = users.loadUserByUsername(b.adminEmail());
        String bToken = workspaces
                .as(b.adminEmail(), () -> tokens.issue("walker", CurrentUser.actor()))
                .token();

        List<String> tables = tenantTables();
        Map<String, String> before = snapshot(a.id(), tables);
        Set<Long> candidateIds = idsOnlyIn(a.id(), b.id(), tables);
        assertThat(candidateIds).as("workspace A has records to aim at").hasSizeGreaterThanOrEqualTo(2);

        List<String> failures = new ArrayList<>();
        int endpoints = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            if (!isOurs(entry.getValue())) {
                continue;
            }
            for (String pattern : patterns(entry.getKey())) {
                if (!pattern.contains("{") || NOT_OURS.stream().anyMatch(pattern::startsWith)) {
                    continue;
                }
                for (HttpMethod method : methods(entry.getKey())) {
                    endpoints++;
                    int nowhere = status(method, pattern, NOWHERE, bAdmin, bToken);
                    for (long id : candidateIds) {
                        int answer = status(method, pattern, id, bAdmin, bToken);
                        boolean hasBody =
                                method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
                        boolean hidden = hasBody ? answer == nowhere && answer >= 400 : answer == 404;
                        if (!hidden) {
                            failures.add(method + " " + pattern + " with A's id " + id + " answered " + answer
                                    + " (an id that exists nowhere answers " + nowhere + ")");
                        }
                    }
                }
            }
        }
        assertThat(endpoints).as("endpoints with an id in the path").isGreaterThanOrEqualTo(5);
        assertThat(failures).isEmpty();
        assertThat(snapshot(a.id(), tables)).isEqualTo(before);
    }

    @Test
    void theSameRequestSucceedsInsideItsOwnWorkspace() throws Exception {
        var a = workspaces.create();
        var b = workspaces.create();
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/users/{id}", a.adminId())
                        .with(a.admin()))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(200));
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/users/{id}", a.adminId())
                        .with(b.admin()))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));
    }

    private int status(HttpMethod method, String pattern, long id, CrmUser bAdmin, String bToken) throws Exception {
        String path = pattern.replaceAll("\\{[^}]+}", Long.toString(id));
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, path);
        if (path.startsWith("/api/")) {
            request.header("Authorization", "Bearer " + bToken)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{}");
        } else {
            request.with(user(bAdmin)).with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static boolean isOurs(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith("org.pipelinecrm");
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null
                ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternValues();
    }

    private static List<HttpMethod> methods(RequestMappingInfo info) {
        Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
        if (declared.isEmpty()) {
            return List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
        }
        return declared.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
    }

    private List<String> tenantTables() {
        return jdbc.sql("""
                select c.table_name from information_schema.columns c
                join information_schema.columns i on i.table_name = c.table_name and i.column_name = 'id'
                where c.table_schema = 'public' and c.column_name = 'tenant_id' order by 1
                """).query(String.class).list();
    }

    /** The smallest and largest id of each of A's tables, minus any id B has anywhere (which B may rightly see). */
    private Set<Long> idsOnlyIn(long a, long b, List<String> tables) {
        Set<Long> ids = new LinkedHashSet<>();
        TenantContext.runAs(
                a,
                () -> tx.executeWithoutResult(
                        s -> tables.forEach(t -> ids.addAll(jdbc.sql("select x from (select min(id) x from " + t
                                        + " union select max(id) from " + t + ") m where x is not null")
                                .query(Long.class)
                                .list()))));
        TenantContext.runAs(
                b,
                () -> tx.executeWithoutResult(s -> tables.forEach(t -> ids.removeAll(
                        jdbc.sql("select id from " + t).query(Long.class).list()))));
        return ids;
    }

    private Map<String, String> snapshot(long tenant, List<String> tables) {
        Map<String, String> digest = new LinkedHashMap<>();
        TenantContext.runAs(
                tenant,
                () -> tx.executeWithoutResult(s -> tables.forEach(t -> digest.put(
                        t,
                        jdbc.sql(
                                        "select count(*) || ':' || coalesce(md5(string_agg(x::text, ',' order by x.id)), '') from "
                                                + t + " x")
                                .query(String.class)
                                .single()))));
        return digest;
    }
}
