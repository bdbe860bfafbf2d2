package org.pipelinecrm.activity;

import java.util.List;
import org.pipelinecrm.identity.Actor;

/**
 * Implemented (as a Spring bean) by modules that have their own history of a record — stage changes,
 * score and status changes, handoffs, imports — to add it to the record's timeline. The timeline asks
 * every source for the newest {@code limit} entries of the record, of {@code kind} when it is not null,
 * and merges them newest first; a source with nothing for the record type returns an empty list. {@code by} is
 * the person reading, for sources whose entries follow visibility rules.
 */
public interface TimelineSource {

    List<TimelineEntry> entries(RecordType type, long recordId, String kind, int limit, Actor by);
}
