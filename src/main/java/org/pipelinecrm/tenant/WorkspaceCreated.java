package org.pipelinecrm.tenant;

import java.util.Locale;

/**
 * Published inside the transaction that creates a workspace; modules that give a new workspace its
 * defaults (a pipeline, scoring rules, reason lists, its calendar) listen synchronously, so the workspace is whole
 * when sign-up answers. {@code language} is the language it was signed up in: its defaults are named in it.
 */
public record WorkspaceCreated(long tenantId, String name, Locale language) implements TenantEvent {

    public boolean persian() {
        return "fa".equals(language.getLanguage());
    }
}
