package org.pipelinecrm.lead;

import java.util.Locale;
import java.util.Set;

/**
 * Words the stored detail of a lead timeline entry in the reader's language. The lead module words its own kinds;
 * a module that writes other kinds on a lead's timeline (the scorecard changes of qualification) implements this
 * as a Spring bean, so the lead module shows them without depending on it.
 */
public interface TimelineWording {

    /** The kinds of lead timeline entries this one words, e.g. QUALIFICATION. */
    Set<String> kinds();

    /** The detail in the reader's language, or null when it is not in a form this one knows (then it shows as stored). */
    String word(String kind, String detail, Locale locale);
}
