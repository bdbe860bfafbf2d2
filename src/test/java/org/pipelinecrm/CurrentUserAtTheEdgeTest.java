package org.pipelinecrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Services take the acting person in their commands ({@code identity.Actor}); only the web edge reads the security
 * context through {@code CurrentUser}: controllers and page advice (packages {@code web}), the security filters
 * ({@code identity.security}) and {@code CurrentUser} itself. This reads the sources, as {@link ModuleTablesTest}
 * reads the SQL.
 */
class CurrentUserAtTheEdgeTest {

    private static final Path SOURCES = Path.of("src/main/java/org/pipelinecrm");
    private static final Pattern CALL = Pattern.compile("\\bCurrentUser\\s*\\.\\s*(get|find|actor)\\s*\\(");

    /** Services that still read the signed-in person themselves, to be moved module by module; none may be added. */
    static final Set<String> NOT_YET_MOVED = Set.of(
            "automation/AutomationRunner.java",
            "exporting/ExportFilter.java",
            "exporting/Exports.java",
            "exporting/Privacy.java",
            "importing/Imports.java",
            "lead/LeadBulkImport.java",
            "lead/LeadExport.java",
            "lead/LeadImport.java",
            "opportunity/Board.java",
            "opportunity/BoardViews.java",
            "opportunity/DealFilter.java",
            "opportunity/DealMoves.java",
            "opportunity/DealsOfAccounts.java",
            "opportunity/Opportunities.java",
            "opportunity/OpportunityImport.java",
            "opportunity/StageChangeImport.java",
            "opportunity/StageDealsMover.java",
            "pipeline/Pipelines.java",
            "webhook/Outbox.java");

    @Test
    void onlyTheWebEdgeReadsTheSignedInPerson() throws IOException {
        List<String> reading = servicesReadingCurrentUser();
        assertThat(reading)
                .as("classes outside the web edge that call CurrentUser: take an Actor in the command instead")
                .allSatisfy(f -> assertThat(NOT_YET_MOVED).contains(f));
    }

    @Test
    void theListOfServicesNotYetMovedOnlyShrinks() throws IOException {
        assertThat(servicesReadingCurrentUser())
                .as("a moved service leaves NOT_YET_MOVED")
                .containsAll(NOT_YET_MOVED);
    }

    private static List<String> servicesReadingCurrentUser() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !atTheEdge(SOURCES.relativize(f)))
                    .filter(f -> CALL.matcher(read(f)).find())
                    .map(f -> SOURCES.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private static boolean atTheEdge(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.contains("/web/")
                || path.startsWith("identity/security/")
                || path.equals("identity/CurrentUser.java");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
