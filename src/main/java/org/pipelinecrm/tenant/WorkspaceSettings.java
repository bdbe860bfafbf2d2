package org.pipelinecrm.tenant;

import java.time.ZoneId;

public record WorkspaceSettings(
        long id, String name, Currency currency, ZoneId timeZone, String formKey, long version) {}
