package org.pipelinecrm.importing;

import java.util.Map;

/**
 * What the importer chose for the whole file besides its columns: the encoding ({@code null}: detected), the
 * order of day and month in dates like 03/04/2025 ({@code DMY} or {@code MDY}), and what becomes of an owner
 * name nobody in the workspace has: {@code ownerPolicy} for all such names, {@code owners} per name (a policy,
 * or {@code ASSIGN_TO:<person id>}); {@code stageHistory} {@code FILE} when the deals' stage history comes in
 * a stage changes file, so a deals file writes none (default: derived from the opened and closed dates).
 */
public record ImportOptions(
        long importId,
        String encoding,
        String dateOrder,
        String ownerPolicy,
        Long assignToId,
        Map<String, String> owners,
        String stageHistory) {

    public static final String CREATE_INACTIVE = "CREATE_INACTIVE";
    public static final String ASSIGN_TO = "ASSIGN_TO";
    public static final String SKIP_ROW = "SKIP_ROW";
    /** {@code stageHistory}: a deals file writes no stage changes, a stage changes file brings them. */
    public static final String FROM_FILE = "FILE";

    /** Whether the deals' stage changes are derived from their dates (not brought by a stage changes file). */
    public boolean derivesStageChanges() {
        return !FROM_FILE.equals(stageHistory);
    }

    public ImportOptions {
        owners = owners == null ? Map.of() : Map.copyOf(owners);
    }

    public static ImportOptions none() {
        return new ImportOptions(0, null, null, null, null, Map.of(), null);
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
