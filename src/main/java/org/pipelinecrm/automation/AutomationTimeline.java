package org.pipelinecrm.automation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.TimelineEntry;
import org.pipelinecrm.activity.TimelineSource;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Each automation run on its record's timeline: one line per effect, "Automation X created task Y". */
@Component
class AutomationTimeline implements TimelineSource {

    static final String KIND = "AUTOMATION";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final People people;

    AutomationTimeline(JdbcClient jdbc, MessageSource messages, People people) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.people = people;
    }

    @Override
    public List<TimelineEntry> entries(RecordType type, long recordId, String kind, int limit, Actor by) {
        if ((type != RecordType.OPPORTUNITY && type != RecordType.LEAD) || (kind != null && !KIND.equals(kind))) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> names = people.userNames();
        List<TimelineEntry> entries = new ArrayList<>();
        jdbc.sql("""
                select ran_at, actor_id, effects from automation_run
                where tenant_id = :tenant and record_type = :type and record_id = :record
                order by ran_at desc, id desc limit :limit""")
                .param("tenant", TenantContext.require())
                .param("type", type.name())
                .param("record", recordId)
                .param("limit", limit)
                .query((rs, i) -> {
                    List<List<String>> effects =
                            JSON.readValue(rs.getString("effects"), new TypeReference<List<List<String>>>() {});
                    Object actor = rs.getObject("actor_id");
                    for (List<String> effect : effects) {
                        entries.add(new TimelineEntry(
                                rs.getTimestamp("ran_at").toInstant(),
                                KIND,
                                actor == null ? null : names.get(((Number) actor).longValue()),
                                messages.getMessage(
                                        effect.get(0),
                                        effect.subList(1, effect.size()).toArray(),
                                        effect.get(0),
                                        locale),
                                null,
                                null));
                    }
                    return 0;
                })
                .list();
        return entries.size() > limit ? entries.subList(0, limit) : entries;
    }
}
