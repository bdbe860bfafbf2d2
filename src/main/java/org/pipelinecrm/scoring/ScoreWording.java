package org.pipelinecrm.scoring;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pipelinecrm.shared.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A score's explanation in the reader's language. Each contribution keeps the rule as the scorecard described it
 * ("industry in Software,Finance", "DEMO_REQUESTED ×2"); this words the field, the operator and the behaviour
 * event, keeping the values the workspace typed. Templates call it as {@code ${@scoreWording.rule(c.rule)}}.
 */
@Component("scoreWording")
public class ScoreWording {

    private static final Pattern BEHAVIOUR = Pattern.compile("(\\S+) ×(\\d+)");

    private final MessageSource messages;
    private final Formats formats;

    ScoreWording(MessageSource messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    /** A behaviour event type (e.g. DEMO_REQUESTED) by its label; a type the workspace made up, as it is. */
    public String event(String type, Locale locale) {
        return messages.getMessage("scoring.event." + type, null, type, locale);
    }

    /** One contribution's rule in the reader's language; a rule in no form known here, as stored. */
    public String rule(String rule) {
        if (rule == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        Matcher behaviour = BEHAVIOUR.matcher(rule);
        if (behaviour.matches()) {
            return messages.getMessage(
                    "scoring.rule.behaviour",
                    new Object[] {event(behaviour.group(1), locale), Integer.valueOf(behaviour.group(2))},
                    locale);
        }
        int space = rule.indexOf(' ');
        String field = space < 0 ? rule : rule.substring(0, space);
        if (space < 0 || !FitRule.FIELDS.contains(field)) {
            return rule;
        }
        String rest = rule.substring(space + 1);
        // longest first, so that "not in" is not read as "not" + "in"
        for (FitRule.Operator op : new FitRule.Operator[] {
            FitRule.Operator.NOT_EQUALS,
            FitRule.Operator.NOT_IN,
            FitRule.Operator.EQUALS,
            FitRule.Operator.IN,
            FitRule.Operator.CONTAINS,
            FitRule.Operator.GTE,
            FitRule.Operator.LTE,
            FitRule.Operator.PRESENT
        }) {
            String said = op.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            Object[] words = {
                messages.getMessage("scoring.field." + field, null, field, locale),
                messages.getMessage("scoring.op." + op.name(), null, said, locale),
                null
            };
            if (op == FitRule.Operator.PRESENT && rest.equals(said)) {
                return messages.getMessage("scoring.rule.present", words, locale);
            }
            if (op != FitRule.Operator.PRESENT && rest.startsWith(said + " ")) {
                words[2] = value(op, rest.substring(said.length() + 1));
                return messages.getMessage("scoring.rule.fit", words, locale);
            }
        }
        return rule;
    }

    /** A bound of "at least" or "at most" is a number, written in the reader's digits (۵۰ in Persian). */
    private String value(FitRule.Operator op, String value) {
        if (op == FitRule.Operator.GTE || op == FitRule.Operator.LTE) {
            try {
                return formats.number(new BigDecimal(value.trim()));
            } catch (NumberFormatException typedText) {
                return value;
            }
        }
        return value;
    }
}
