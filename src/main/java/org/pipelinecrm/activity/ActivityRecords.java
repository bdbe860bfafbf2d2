package org.pipelinecrm.activity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pipelinecrm.identity.Actor;

/**
 * Implemented by the modules that own records (lead, account, opportunity) as a Spring bean, so that
 * activities and tasks can be linked to their records without the activity module depending on them.
 * A record type that no implementation supports cannot be linked to (404).
 */
public interface ActivityRecords {

    boolean supports(RecordType type);

    /** The record in the current workspace, as {@code by} may see it, or empty when it does not exist there. */
    Optional<RecordRef> find(RecordType type, long id, Actor by);

    /**
     * Records this module owns whose activities belong on another record's timeline too, such as an
     * account's deals or contacts; only those {@code by} may see. Asked of every implementation.
     */
    default List<RecordRef> related(RecordType type, long id, Actor by) {
        return List.of();
    }

    /**
     * Many records of one type at once, by id, for lists such as My tasks; those that do not exist here are
     * absent. Owners override this to read them in one query; the default asks one at a time.
     */
    default Map<Long, RecordRef> findAll(RecordType type, Collection<Long> ids, Actor by) {
        Map<Long, RecordRef> found = new LinkedHashMap<>();
        ids.forEach(id -> find(type, id, by).ifPresent(r -> found.put(id, r)));
        return found;
    }
}
