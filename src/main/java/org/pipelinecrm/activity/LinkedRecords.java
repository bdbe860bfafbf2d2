package org.pipelinecrm.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pipelinecrm.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Finds linked records through the modules that own them; a record nobody claims or may see is missing. */
@Component
class LinkedRecords {

    private final List<ActivityRecords> owners;

    LinkedRecords(List<ActivityRecords> owners) {
        this.owners = owners;
    }

    Optional<RecordRef> find(RecordType type, long id) {
        return owners.stream().filter(o -> o.supports(type)).map(o -> o.find(type, id)).flatMap(Optional::stream)
                .findFirst();
    }

    boolean visible(RecordType type, long id) {
        return find(type, id).map(RecordRef::visible).orElse(false);
    }

    /** The record, when it exists in this workspace and the signed-in person may see it; 404 otherwise. */
    RecordRef require(RecordType type, long id) {
        return find(type, id).filter(RecordRef::visible)
                .orElseThrow(() -> new NotFoundException(type.name().toLowerCase(), id));
    }

    /** The record itself and the visible records whose activities fold into its timeline. */
    List<RecordRef> withRelated(RecordRef record) {
        List<RecordRef> all = new ArrayList<>(List.of(record));
        owners.forEach(o -> o.related(record.type(), record.id()).stream().filter(RecordRef::visible)
                .forEach(all::add));
        return all;
    }
}
