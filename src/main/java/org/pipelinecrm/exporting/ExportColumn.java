package org.pipelinecrm.exporting;

import java.util.function.Function;

/**
 * One column of an export: its key (the header is the text {@code export.column.<key>} in the reader's language) and
 * how a record gives its value, as data: text, a number, a date, a moment, a yes/no or an enum's name.
 */
public record ExportColumn<T>(String key, Function<T, Object> value) {}
