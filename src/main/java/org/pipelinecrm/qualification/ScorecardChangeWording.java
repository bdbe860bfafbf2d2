package org.pipelinecrm.qualification;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pipelinecrm.lead.TimelineFacts;
import org.pipelinecrm.lead.TimelineWording;
import org.pipelinecrm.shared.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Scorecard changes on the lead's timeline in the reader's language: "Budget: Met · Need: Not met", notes quoted
 * as typed, the expected purchase date in the reader's calendar. Changes recorded before they were stored as codes
 * are English sentences and show as they are.
 */
@Component
class ScorecardChangeWording implements TimelineWording {

    static final String KIND = "QUALIFICATION";

    private final MessageSource messages;
    private final Formats formats;

    ScorecardChangeWording(MessageSource messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public String word(String kind, String detail, Locale locale) {
        var facts = TimelineFacts.parse(detail);
        if (facts.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        try {
            for (Map.Entry<String, String> fact : facts.get().asMap().entrySet()) {
                String what = messages.getMessage("qualification.change." + fact.getKey(), null, locale);
                parts.add(
                        messages.getMessage("qualification.change", new Object[] {what, value(fact, locale)}, locale));
            }
        } catch (NoSuchMessageException | DateTimeParseException e) {
            return null; // not a change this version knows: better shown as stored than half worded
        }
        return String.join(messages.getMessage("qualification.change.separator", null, " · ", locale), parts);
    }

    private String value(Map.Entry<String, String> fact, Locale locale) {
        String value = fact.getValue();
        if (value.isEmpty()) {
            return messages.getMessage("qualification.change.none", null, locale);
        }
        if (fact.getKey().endsWith("_NOTE")) {
            return messages.getMessage("qualification.change.quoted", new Object[] {value}, locale);
        }
        if (fact.getKey().equals("EXPECTED_PURCHASE")) {
            return formats.date(LocalDate.parse(value));
        }
        return messages.getMessage("qualification.state." + value, null, locale);
    }
}
