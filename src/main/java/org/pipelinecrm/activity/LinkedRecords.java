package org.pipelinecrm.activity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.shared.HiddenRecordException;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Finds linked records through the modules that own them; a record nobody claims or may see is missing. */
@Component
class LinkedRecords {

    private final List<ActivityRecords> owners;

    LinkedRecords(List<ActivityRecords> owners) {
        this.owners = owners;
    }

    Optional<RecordRef> find(RecordType type, long id, Actor by) {
        return owners.stream()
                .filter(o -> o.supports(type))
                .map(o -> o.find(type, id, by))
                .flatMap(Optional::stream)
                .findFirst();
    }

    boolean visible(RecordType type, long id, Actor by) {
        return find(type, id, by).map(RecordRef::visible).orElse(false);
    }

    /** The record, when it exists in this workspace and {@code by} may see it; 404 otherwise. */
    RecordRef require(RecordType type, long id, Actor by) {
        RecordRef record = find(type, id, by)
                .orElseThrow(() -> new NotFoundException(type.name().toLowerCase(), id));
        if (!record.visible()) {
            throw hidden(type.name().toLowerCase(), id, "activity.hidden.record", record);
        }
        return record;
    }

    /**
     * A record of the workspace (or an activity or task on it) the reader may not see: the page says so and links
     * the record, whose page says why; the API answers 404 as for any missing record.
     */
    static HiddenRecordException hidden(String what, long id, String messageKey, RecordRef record) {
        return new HiddenRecordException(what, id, messageKey + "." + record.type()).at(record.link());
    }

    /** The record, when it exists but the reader may not see it. */
    Optional<RecordRef> hiddenRecord(RecordType type, Long id, Actor by) {
        return type == null || id == null
                ? Optional.empty()
                : find(type, id, by).filter(r -> !r.visible());
    }

    /** The record itself and the visible records whose activities fold into its timeline. */
    List<RecordRef> withRelated(RecordRef record, Actor by) {
        List<RecordRef> all = new ArrayList<>(List.of(record));
        owners.forEach(o -> o.related(record.type(), record.id(), by).stream()
                .filter(RecordRef::visible)
                .forEach(all::add));
        return all;
    }

    /** The visible records among these (type, id) pairs, keyed by {@link #key}, read a type at a time. */
    Map<String, RecordRef> visible(Collection<RecordRef> wanted, Actor by) {
        Map<RecordType, Set<Long>> ids = new HashMap<>();
        wanted.forEach(w -> ids.computeIfAbsent(w.type(), t -> new TreeSet<>()).add(w.id()));
        Map<String, RecordRef> found = new HashMap<>();
        // like find: any owner claiming the type may hold the record, the first to find it answers
        ids.forEach((type, some) -> owners.stream()
                .filter(o -> o.supports(type))
                .forEach(o ->
                        o.findAll(type, some, by).values().forEach(r -> found.putIfAbsent(key(type, r.id()), r))));
        found.values().removeIf(r -> !r.visible());
        return found;
    }

    static String key(RecordType type, Long id) {
        return type + ":" + id;
    }
}
