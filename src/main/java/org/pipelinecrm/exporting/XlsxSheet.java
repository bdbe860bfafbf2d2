package org.pipelinecrm.exporting;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One worksheet written as it goes (fastexcel): rows are flushed to the stream every {@value #FLUSH_EVERY}, and
 * text is written inline rather than into a shared-strings table, so memory stays flat for a million rows. Numbers
 * are numbers, dates and moments (UTC) are date cells.
 */
final class XlsxSheet implements Sheet {

    private static final int FLUSH_EVERY = 1000;
    private static final String DATE = "yyyy-mm-dd";
    private static final String MOMENT = "yyyy-mm-dd hh:mm:ss";

    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    XlsxSheet(OutputStream out, String name) {
        this.workbook = new Workbook(new Unclosed(out), "Pipeline CRM", "1.0");
        this.sheet = workbook.newWorksheet(name);
    }

    @Override
    public void row(List<?> cells) throws IOException {
        for (int c = 0; c < cells.size(); c++) {
            write(c, cells.get(c));
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    private void write(int c, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number n) {
            sheet.value(row, c, n);
        } else if (value instanceof Boolean b) {
            sheet.value(row, c, b);
        } else if (value instanceof LocalDate d) {
            sheet.value(row, c, d);
            sheet.style(row, c).format(DATE).set();
        } else if (value instanceof Instant i) {
            sheet.value(row, c, LocalDateTime.ofInstant(i, ZoneOffset.UTC));
            sheet.style(row, c).format(MOMENT).set();
        } else if (value instanceof Enum<?> e) {
            sheet.inlineString(row, c, e.name());
        } else {
            sheet.inlineString(row, c, Cells.neutral(value.toString()));
        }
    }

    @Override
    public void finish() throws IOException {
        sheet.finish();
        workbook.finish();
    }

    /** The workbook closes its stream when it finishes; a zip entry or a response must stay open. */
    private static final class Unclosed extends java.io.FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
