package org.pipelinecrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each module's SQL names only its own tables; what another module may read, its owner publishes as a read view
 * ({@code R__<owner>_read_views.sql}) or a query in its public API. Modulith sees Java dependencies only, so this
 * test reads the SQL: string literals in each module's sources, its repeatable migrations, and the trigger
 * functions on its tables as the database holds them.
 */
@IntegrationTest
class ModuleTablesTest {

    /** Who owns each table: the module whose entities or rollup triggers write it. */
    static final Map<String, Set<String>> TABLES = Map.ofEntries(
            Map.entry("tenant", Set.of("workspace", "workspace_form_key")),
            Map.entry(
                    "identity",
                    Set.of(
                            "app_user",
                            "team",
                            "api_token",
                            "persistent_logins",
                            "sign_in_delay",
                            "sign_in_unlock",
                            "login_email",
                            "api_token_hash")),
            Map.entry("shared", Set.of("rate_limit_bucket")),
            Map.entry(
                    "lead",
                    Set.of(
                            "lead",
                            "lead_event",
                            "timeline_entry",
                            "handoff_settings",
                            "web_form_routing",
                            "lead_cohort_day")),
            Map.entry("scoring", Set.of("scoring_model")),
            Map.entry("qualification", Set.of("qualification", "question_bank")),
            Map.entry("account", Set.of("account", "contact")),
            Map.entry("pipeline", Set.of("pipeline", "stage", "close_reason")),
            Map.entry(
                    "opportunity",
                    Set.of(
                            "opportunity",
                            "stage_change",
                            "deal_edit",
                            "stage_total",
                            "open_deal_stage",
                            "deal_close_day",
                            "stage_exit_day",
                            "board_view")),
            Map.entry("activity", Set.of("activity", "sales_task")),
            Map.entry("insight", Set.of("revenue_target", "fiscal_year")),
            Map.entry("importing", Set.of("import_job", "import_record")),
            Map.entry("webhook", Set.of("webhook_subscription", "webhook_delivery", "webhook_attempt")),
            Map.entry("notification", Set.of("notification")),
            Map.entry("automation", Set.of("automation_rule", "automation_run")),
            Map.entry("exporting", Set.of("privacy_action")),
            Map.entry("customfield", Set.of("custom_field", "custom_field_value")),
            Map.entry("forecast", Set.of("forecast_submission")),
            Map.entry("winmodel", Set.of("win_model")));

    /** Kept by libraries (Modulith's event registry, db-scheduler), named by no module's SQL. */
    static final Set<String> LIBRARY_TABLES =
            Set.of("event_publication", "scheduled_tasks", "spring_session", "spring_session_attributes");

    /** Functions a module publishes for others to call from their SQL; their bodies are the owner's business. */
    static final Map<String, String> PUBLISHED_FUNCTIONS = Map.of(
            "workspace_day",
            "tenant",
            "workspace_time_zone",
            "tenant",
            // the trigger function the record modules attach to their tables to keep the value rows
            "custom_field_values_keep",
            "customfield");

    /** Crossings not yet removed, as "module -> table" with the reason; none are left. */
    static final Map<String, String> NOT_YET_MOVED = Map.of();

    private static final Path SOURCES = Path.of("src/main/java/org/pipelinecrm");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern LITERAL =
            Pattern.compile("'(?:[^'\\\\\\n]|\\\\.)+'|\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
    /** A table after from/join/into/update/table, and those after commas in a from list. */
    private static final String NAME = "[a-z_]\\w*";

    private static final String ALIAS = "(?:\\s+(?:as\\s+)?(?!(?:from|join|into|update|where|on|using|set|values|select"
            + "|group|order|left|right|inner|cross|full|lateral|limit|returning|default|when|then)\\b)" + NAME + ")?";
    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+(?:only\\s+)?" + "("
            + NAME + ALIAS + "(?:\\s*,\\s*" + NAME + ALIAS + ")*)");
    private static final Pattern VIEW = Pattern.compile("(?i)create\\s+(?:or\\s+replace\\s+)?view\\s+(\\w+)");

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTableHasOneOwningModule() {
        List<String> tables = jdbc.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not like 'flyway%'
                """).query(String.class).list();
        assertThat(tables)
                .allSatisfy(t -> assertThat(owner(t) != null || LIBRARY_TABLES.contains(t))
                        .as("the module owning table %s is named in ModuleTablesTest.TABLES", t)
                        .isTrue());
    }

    @Test
    void eachModulesSqlNamesOnlyItsOwnTablesAndPublishedViews() throws IOException {
        Map<String, Set<String>> crossings = new TreeMap<>();
        try (Stream<Path> modules = Files.list(SOURCES)) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                String name = module.getFileName().toString();
                try (Stream<Path> files = Files.walk(module)) {
                    files.filter(f -> f.toString().endsWith(".java"))
                            .forEach(f -> literals(read(f)).forEach(sql -> cross(name, sql, f, crossings)));
                }
            }
        }
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            files.filter(f -> f.getFileName().toString().startsWith("R__")).forEach(f -> {
                String module = moduleOfRepeatable(f);
                assertThat(module)
                        .as("%s is named R__<module>_<what>.sql", f.getFileName())
                        .isNotNull();
                cross(module, read(f), f, crossings);
            });
        }
        assertThat(crossings)
                .as("module -> other module's table: where each is named")
                .isEmpty();
    }

    @Test
    void triggerFunctionsOnAModulesTablesNameOnlyItsOwnTables() {
        Map<String, String> bodies = new HashMap<>();
        jdbc.sql("""
                select p.proname, p.prosrc from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = 'public'
                """).query(rs -> {
            bodies.merge(rs.getString(1), rs.getString(2), (a, b) -> a + "\n" + b);
        });
        Map<String, Set<String>> crossings = new TreeMap<>();
        jdbc.sql("""
                select distinct c.relname, p.proname from pg_trigger t
                join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and not t.tgisinternal
                """).query(rs -> {
            String module = owner(rs.getString(1));
            if (module == null) {
                return;
            }
            // the trigger's function and every function it calls, short of what another module publishes
            Set<String> seen = new TreeSet<>();
            var todo = new ArrayDeque<>(List.of(rs.getString(2)));
            while (!todo.isEmpty()) {
                String function = todo.pop();
                if (!seen.add(function) || PUBLISHED_FUNCTIONS.containsKey(function)) {
                    continue;
                }
                String body = bodies.getOrDefault(function, "");
                cross(
                        module,
                        body,
                        Path.of("function " + function + " (trigger on " + rs.getString(1) + ")"),
                        crossings);
                bodies.keySet().stream()
                        .filter(f -> Pattern.compile("\\b" + f + "\\s*\\(")
                                .matcher(body)
                                .find())
                        .forEach(todo::push);
            }
        });
        assertThat(crossings)
                .as("module -> other module's table: where each is named")
                .isEmpty();
    }

    @Test
    void everyPublishedViewExistsInTheDatabase() {
        Map<String, String> views = publishedViews();
        assertThat(views).as("views published in R__<owner>_read_views.sql").isNotEmpty();
        List<String> inDatabase = jdbc.sql("select viewname from pg_views where schemaname = 'public'")
                .query(String.class)
                .list();
        assertThat(inDatabase).containsAll(views.keySet());
    }

    private void cross(String module, String sql, Path where, Map<String, Set<String>> crossings) {
        Map<String, String> views = publishedViews();
        Matcher m = TABLE.matcher(sql);
        while (m.find()) {
            for (String part : m.group(1).split(",")) {
                String table = part.trim().split("\\s+")[0].toLowerCase();
                String owner = owner(table);
                String key = module + " -> " + table;
                if (owner != null
                        && !owner.equals(module)
                        && !views.containsKey(table)
                        && !NOT_YET_MOVED.containsKey(key)) {
                    crossings
                            .computeIfAbsent(key + " (" + owner + ")", k -> new TreeSet<>())
                            .add(where.toString());
                }
            }
        }
    }

    static String owner(String table) {
        return TABLES.entrySet().stream()
                .filter(e -> e.getValue().contains(table))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    /** View name to its owner, from each module's {@code R__<owner>_read_views.sql}. */
    static Map<String, String> publishedViews() {
        Map<String, String> views = new LinkedHashMap<>();
        for (String module : TABLES.keySet()) {
            Path file = MIGRATIONS.resolve("R__" + module + "_read_views.sql");
            if (Files.exists(file)) {
                Matcher m = VIEW.matcher(read(file));
                while (m.find()) {
                    views.put(m.group(1).toLowerCase(), module);
                }
            }
        }
        return views;
    }

    private static String moduleOfRepeatable(Path file) {
        String name = file.getFileName().toString();
        return TABLES.keySet().stream()
                .filter(m -> name.startsWith("R__" + m + "_"))
                .findFirst()
                .orElse(null);
    }

    private static List<String> literals(String java) {
        Matcher m = LITERAL.matcher(java);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            String text = m.group(1) != null ? m.group(1) : m.group(2);
            if (text != null) {
                found.add(text);
            }
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
