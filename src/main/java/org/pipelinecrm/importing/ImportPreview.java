package org.pipelinecrm.importing;

import java.util.List;
import java.util.Map;

/**
 * An uploaded file before it is imported: its columns, the column each CRM field takes (suggested by name or
 * chosen; blank: not imported) and the first rows as they would be read, one value per field; the owner names of the file nobody in the
 * workspace has, and the choices stored with it.
 */
public record ImportPreview(
        long id,
        String entity,
        String fileName,
        List<String> columns,
        List<String> fields,
        List<String> requiredFields,
        Map<String, String> mapping,
        List<List<String>> rows,
        List<String> unknownOwners,
        ImportOptions options) {}
