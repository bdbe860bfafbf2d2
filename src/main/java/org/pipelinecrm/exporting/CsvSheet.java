package org.pipelinecrm.exporting;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV in UTF-8 with a byte-order mark (without it Excel reads Persian as Latin-1), RFC 4180 quoting, CRLF line ends.
 */
final class CsvSheet implements Sheet {

    private final BufferedWriter writer;
    private final CSVPrinter printer;

    CsvSheet(OutputStream out) throws IOException {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF');
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180);
    }

    @Override
    public void row(List<?> cells) throws IOException {
        List<String> texts = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            texts.add(Cells.text(cell));
        }
        printer.printRecord(texts);
    }

    @Override
    public void finish() throws IOException {
        printer.flush();
        writer.flush();
    }
}
