package org.pipelinecrm.lead;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pipelinecrm.shared.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The lead module's own timeline entries in the reader's language: codes (types, statuses, reasons, behaviour
 * events) become their labels, scores are numbers of the reader's digits; what a person typed (notes, reasons'
 * notes, form messages) stays as typed, and anything not in a known form shows as stored.
 */
@Component
class LeadWording implements TimelineWording {

    static final String IMPORTED = "Imported";
    private static final Pattern CODE_WITH_TEXT = Pattern.compile("([^:]+?)(?:: (.*))?", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern OPPORTUNITY = Pattern.compile("#(\\d+)");

    private final MessageSource messages;
    private final Formats formats;

    LeadWording(MessageSource messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    @Override
    public Set<String> kinds() {
        return Set.of("CREATED", "EVENT", "STATUS", "REJECTED", "DISQUALIFIED", "PROMOTED", "SALES_READY", "CONVERTED");
    }

    @Override
    public String word(String kind, String detail, Locale locale) {
        if (detail == null || detail.isBlank()) {
            return null;
        }
        return switch (kind) {
            case "CREATED" -> created(detail, locale);
            case "EVENT" -> codeWithText("scoring.event.", detail, locale);
            case "STATUS" -> CODE.matcher(detail).matches() ? label("lead.status.", detail, locale) : null;
            case "REJECTED", "DISQUALIFIED" -> codeWithText("lead.reason.", detail, locale);
            case "PROMOTED", "SALES_READY" ->
                TimelineFacts.parse(detail)
                        .filter(f -> f.get("SCORE") != null && f.get("THRESHOLD") != null)
                        .map(f -> messages.getMessage(
                                "lead.timeline.detail." + kind,
                                new Object[] {number(f.get("SCORE")), number(f.get("THRESHOLD"))},
                                locale))
                        .orElse(null);
            case "CONVERTED" -> {
                Matcher m = OPPORTUNITY.matcher(detail);
                yield m.matches()
                        ? messages.getMessage("lead.timeline.detail.CONVERTED", new Object[] {m.group(1)}, locale)
                        : null;
            }
            default -> null;
        };
    }

    /** The opportunity a CONVERTED entry names, as a link, or null. */
    static String opportunityLink(String kind, String detail) {
        if (!"CONVERTED".equals(kind) || detail == null) {
            return null;
        }
        Matcher m = OPPORTUNITY.matcher(detail);
        return m.matches() ? "/opportunities/" + m.group(1) : null;
    }

    /** The stored detail of a new lead: its type and, when known, its source (as given: sources are the workspace's own). */
    static String created(LeadType type, String source) {
        TimelineFacts facts = TimelineFacts.of("TYPE", type);
        return (source == null || source.isBlank() ? facts : facts.and("SOURCE", source)).encode();
    }

    /** The stored detail of a score crossing a threshold. */
    static String crossed(int score, int threshold) {
        return TimelineFacts.of("SCORE", score).and("THRESHOLD", threshold).encode();
    }

    private String created(String detail, Locale locale) {
        if (IMPORTED.equals(detail)) {
            return messages.getMessage("lead.timeline.detail.imported", null, locale);
        }
        return TimelineFacts.parse(detail)
                .filter(f -> f.get("TYPE") != null)
                .map(f -> {
                    String type = label("lead.type.", f.get("TYPE"), locale);
                    String source = f.get("SOURCE");
                    return source == null || source.isEmpty()
                            ? messages.getMessage("lead.timeline.detail.created", new Object[] {type}, locale)
                            : messages.getMessage(
                                    "lead.timeline.detail.createdFrom", new Object[] {type, source}, locale);
                })
                .orElse(null);
    }

    /** "CODE" or "CODE: typed text": the code's label, the text as typed. */
    private String codeWithText(String prefix, String detail, Locale locale) {
        Matcher m = CODE_WITH_TEXT.matcher(detail);
        if (!m.matches()) {
            return null;
        }
        String label = label(prefix, m.group(1).strip(), locale);
        return m.group(2) == null
                ? label
                : messages.getMessage("lead.timeline.detail.withText", new Object[] {label, m.group(2)}, locale);
    }

    private String label(String prefix, String code, Locale locale) {
        return messages.getMessage(prefix + code, null, code, locale);
    }

    private String number(String value) {
        try {
            return formats.number(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
