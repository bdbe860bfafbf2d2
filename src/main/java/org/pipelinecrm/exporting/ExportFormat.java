package org.pipelinecrm.exporting;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats a list exports in. */
public enum ExportFormat {
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<ExportFormat> of(String name) {
        return name == null
                ? Optional.empty()
                : Arrays.stream(values())
                        .filter(f -> f.extension.equals(name.trim().toLowerCase(Locale.ROOT)))
                        .findFirst();
    }
}
