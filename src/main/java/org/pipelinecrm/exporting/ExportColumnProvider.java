package org.pipelinecrm.exporting;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * More columns for a kind of record, after its own fields (custom fields, for one): a Spring bean implementing this
 * is asked once per export for its headers and once per batch of records for their values, so an export of any
 * size costs one read per batch, not one per record.
 */
public interface ExportColumnProvider {

    /** The extra columns' headers, in the reader's language; empty when this kind has none. */
    List<String> headers(RecordKind kind, Locale locale);

    /**
     * The values of these records (ids in export order, at most a batch of 1,000): for each id one list with a value
     * per header, as data (text, number, date, moment, yes/no). An id left out gets empty cells.
     */
    Map<Long, List<Object>> values(RecordKind kind, List<Long> ids);
}
