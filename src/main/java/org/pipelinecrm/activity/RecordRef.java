package org.pipelinecrm.activity;

/**
 * A record as its owning module describes it to the activity module: a title and a link for the
 * timeline, and whether the signed-in person may see it (activities are visible by the record's rules).
 */
public record RecordRef(RecordType type, long id, String title, String link, boolean visible) {}
