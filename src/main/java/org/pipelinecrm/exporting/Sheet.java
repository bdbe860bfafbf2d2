package org.pipelinecrm.exporting;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Rows written one after another to a file that is never held whole in memory. */
interface Sheet {

    void row(List<?> cells) throws IOException;

    /** Ends the file (its last bytes written); leaves the stream open. */
    void finish() throws IOException;

    static Sheet open(ExportFormat format, OutputStream out, String name) throws IOException {
        return format == ExportFormat.XLSX ? new XlsxSheet(out, name) : new CsvSheet(out);
    }
}
