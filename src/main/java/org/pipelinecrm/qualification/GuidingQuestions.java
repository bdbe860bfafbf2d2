package org.pipelinecrm.qualification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.Role;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The questions a rep asks for each BANT letter and level, per workspace and language. Until an admin edits
 * them, every workspace has the sample questions of the seed articles, in English and Persian.
 */
@Service
@Transactional(readOnly = true)
public class GuidingQuestions {

    public static final List<String> LANGUAGES = List.of("en", "fa");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Map<Topic, List<String>>>> SHAPE = new TypeReference<>() {};
    private static final Map<String, Map<Topic, List<String>>> DEFAULTS = defaults();

    private final QuestionBankRepository banks;

    GuidingQuestions(QuestionBankRepository banks) {
        this.banks = banks;
    }

    /** The questions of each topic in the language of the locale (English when there are none in it). */
    public Map<Topic, List<String>> forLocale(Locale locale) {
        Map<String, Map<Topic, List<String>>> all = all();
        Map<Topic, List<String>> found = all.getOrDefault(locale.getLanguage(), all.get("en"));
        Map<Topic, List<String>> complete = new EnumMap<>(Topic.class);
        for (Topic t : Topic.values()) {
            complete.put(t, found == null ? List.of() : found.getOrDefault(t, List.of()));
        }
        return complete;
    }

    /** Every language's questions, for the settings page. */
    public Map<String, Map<Topic, List<String>>> all() {
        return banks.findFirstByOrderByIdAsc()
                .map(b -> JSON.readValue(b.questions(), SHAPE))
                .orElse(DEFAULTS);
    }

    public long version() {
        return banks.findFirstByOrderByIdAsc().map(QuestionBank::version).orElse(0L);
    }

    /** Replaces the workspace's questions (admins only); blank lines are dropped. */
    @Transactional
    public void replace(Map<String, Map<Topic, List<String>>> questions, Long expectedVersion, Actor by) {
        if (!by.is(Role.ADMIN)) {
            throw new AccessDeniedException("Only admins edit the question bank");
        }
        Map<String, Map<Topic, List<String>>> clean = new LinkedHashMap<>();
        questions.forEach((language, topics) -> {
            Map<Topic, List<String>> byTopic = new EnumMap<>(Topic.class);
            topics.forEach((topic, lines) -> {
                List<String> kept = new ArrayList<>();
                lines.stream()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .map(l -> l.length() > 500 ? l.substring(0, 500) : l)
                        .limit(30)
                        .forEach(kept::add);
                byTopic.put(topic, kept);
            });
            clean.put(language, byTopic);
        });
        String json = JSON.writeValueAsString(clean);
        QuestionBank bank = banks.findFirstByOrderByIdAsc().orElse(null);
        if (bank == null) {
            banks.save(new QuestionBank(json));
            return;
        }
        if (expectedVersion != null && expectedVersion != bank.version()) {
            throw new ObjectOptimisticLockingFailureException(QuestionBank.class, bank.version());
        }
        bank.replace(json);
        banks.flush();
    }

    private static Map<String, Map<Topic, List<String>>> defaults() {
        try (InputStream in = GuidingQuestions.class.getResourceAsStream("/qualification/default-questions.json")) {
            return JSON.readValue(in, SHAPE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
