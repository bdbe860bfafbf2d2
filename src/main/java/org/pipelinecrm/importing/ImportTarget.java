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

    /** {@link #importRow(Map)} with what the importer chose for the whole file (date order, unknown owners). */
    default boolean importRow(Map<String, String> values, ImportOptions options) {
        return importRow(values);
    }

    /**
     * {@link #importRow(Map, ImportOptions)} that may remark on a row it wrote (e.g. a date it derived): the
     * remarks are kept only if the row is.
     */
    default boolean importRow(
            Map<String, String> values, ImportOptions options, java.util.function.Consumer<RowProblem> note) {
        return importRow(values, options);
    }

    /** What the import pages call fields that have no text of their own (custom fields: their label), by field. */
    default Map<String, String> labels(java.util.Locale locale) {
        return Map.of();
    }

    /**
     * Other names a file may give a field's column (e.g. Organisation for company, Persian headers), matched like
     * the field's own name when the mapping leaves the field out.
     */
    default Map<String, List<String>> synonyms() {
        return Map.of();
    }

    /** The field that names a row's owner, whose unknown names the mapping page lists; null when none. */
    default String ownerField() {
        return null;
    }

    /** Of the owner names given, those nobody in the workspace has (by name or e-mail). */
    default List<String> unknownOwners(java.util.Collection<String> names) {
        return List.of();
    }

    /**
     * Runs once after the import's last row, in its own transaction, before the import is reported done (e.g. to
     * count again figures that rows written out of order made wrong).
     */
    default void imported() {}
}
