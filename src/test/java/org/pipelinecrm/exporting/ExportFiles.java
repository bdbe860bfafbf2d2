package org.pipelinecrm.exporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** Exported files read back as rows of header → cell text, the way a spreadsheet would show them. */
final class ExportFiles {

    private ExportFiles() {}

    static List<Map<String, String>> csv(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.startsWith("\uFEFF")) {
            throw new AssertionError("a CSV export starts with a byte-order mark, so that Excel reads it as UTF-8");
        }
        List<CSVRecord> records = CSVFormat.RFC4180
                .parse(new InputStreamReader(
                        new ByteArrayInputStream(text.substring(1).getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8))
                .getRecords();
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> header = records.get(0).toList();
        for (CSVRecord record : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), record.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    static List<Map<String, String>> xlsx(byte[] bytes) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            List<Row> sheet = workbook.getFirstSheet().read();
            List<String> header = new ArrayList<>();
            sheet.get(0).forEach(c -> header.add(c.getText()));
            List<Map<String, String>> rows = new ArrayList<>();
            for (Row r : sheet.subList(1, sheet.size())) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), r.hasCell(i) ? r.getCellText(i) : "");
                }
                rows.add(row);
            }
            return rows;
        }
    }

    static List<Long> ids(List<Map<String, String>> rows) {
        return rows.stream()
                .map(r -> new BigDecimal(r.get("ID")).longValueExact())
                .toList();
    }
}
