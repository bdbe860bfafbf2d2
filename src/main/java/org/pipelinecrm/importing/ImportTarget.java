package org.pipelinecrm.importing;

import java.util.List;
import java.util.Map;

/**
 * A kind of record that can be imported. Modules implement it (lead, later opportunity), so importing
 * depends on nobody and nobody's module cycles through it.
 */
public interface ImportTarget {

    /** The {@code entity} name in the API, e.g. {@code leads}. */
    String entity();

    /** CRM fields a CSV column may be mapped to. */
    List<String> fields();

    /** Fields every row needs, so a mapping without a column for one of them is refused before the run. */
    default List<String> requiredFields() {
        return List.of();
    }

    /**
     * Fields usually given once for the whole file, picked from a list on the mapping page (the pipeline of a
     * history import); the pick is the field's constant, so a column mapped to another field may still override
     * it per row where the target says so. Empty: every field takes a column.
     */
    default Map<String, List<ImportChoice>> choices() {
        return Map.of();
    }

    /**
     * Writes one row (CRM field → value) in the caller's transaction; throws {@link IllegalArgumentException}
     * with a readable reason for a bad row. Returns true when an existing record was updated.
     */
    boolean importRow(Map<String, String> values);
}
