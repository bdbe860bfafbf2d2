package org.pipelinecrm.importing;

import java.util.Map;

/**
 * What the importer chose for the whole file besides its columns: the encoding ({@code null}: detected), the
 * order of day and month in dates like 03/04/2025 ({@code DMY} or {@code MDY}), and what becomes of an owner
 * name nobody in the workspace has: {@code ownerPolicy} for all such names, {@code owners} per name (a policy,
 * or {@code ASSIGN_TO:<person id>}).
 */
public record ImportOptions(
        long importId,
        String encoding,
        String dateOrder,
        String ownerPolicy,
        Long assignToId,
        Map<String, String> owners) {

    public static final String CREATE_INACTIVE = "CREATE_INACTIVE";
    public static final String ASSIGN_TO = "ASSIGN_TO";
    public static final String SKIP_ROW = "SKIP_ROW";

    public ImportOptions {
        owners = owners == null ? Map.of() : Map.copyOf(owners);
    }

    public static ImportOptions none() {
        return new ImportOptions(0, null, null, null, null, Map.of());
    }

    /** What becomes of rows owned by {@code name}, which nobody in the workspace has: a policy and its person. */
    public OwnerChoice ownerChoice(String name) {
        String picked = owners.entrySet().stream()
                .filter(e -> e.getKey().trim().equalsIgnoreCase(name.trim()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (picked != null && picked.startsWith(ASSIGN_TO + ":")) {
            try {
                return new OwnerChoice(ASSIGN_TO, Long.valueOf(picked.substring(ASSIGN_TO.length() + 1)));
            } catch (NumberFormatException e) {
                throw new org.pipelinecrm.shared.InvalidInputException(
                        "assignToId", "import.assignToNeeded", "assignToId: whom to give the deals to is needed");
            }
        }
        if (picked != null && !picked.isBlank()) {
            return new OwnerChoice(picked, null);
        }
        return new OwnerChoice(ownerPolicy == null ? SKIP_ROW : ownerPolicy, assignToId);
    }

    /** A policy for an unknown owner; {@code personId} is whom {@code ASSIGN_TO} gives the deals. */
    public record OwnerChoice(String policy, Long personId) {}
}
