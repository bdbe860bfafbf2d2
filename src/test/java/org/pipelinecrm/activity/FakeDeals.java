package org.pipelinecrm.activity;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.pipelinecrm.tenant.TenantContext;
import org.springframework.stereotype.Component;

/**
 * Stands in for the opportunity and lead modules, which are not here yet: records that exist in one
 * workspace, some of them hidden from the signed-in person.
 */
@Component
public class FakeDeals implements ActivityRecords {

    private static final AtomicLong IDS = new AtomicLong(5_000_000);
    private final Map<Long, Long> tenantOf = new ConcurrentHashMap<>();
    private final Set<Long> hidden = ConcurrentHashMap.newKeySet();

    /** A new deal in the given workspace. */
    public long create(long tenantId, boolean visible) {
        long id = IDS.incrementAndGet();
        tenantOf.put(id, tenantId);
        if (!visible) {
            hidden.add(id);
        }
        return id;
    }

    @Override
    public boolean supports(RecordType type) {
        return type == RecordType.OPPORTUNITY || type == RecordType.LEAD;
    }

    @Override
    public Optional<RecordRef> find(RecordType type, long id) {
        Long tenant = tenantOf.get(id);
        if (tenant == null || !tenant.equals(TenantContext.current().orElse(null))) {
            return Optional.empty();
        }
        return Optional.of(new RecordRef(type, id, "Deal " + id, "/opportunities/" + id, !hidden.contains(id)));
    }
}
