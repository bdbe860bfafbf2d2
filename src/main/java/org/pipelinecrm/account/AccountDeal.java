package org.pipelinecrm.account;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One deal with an account, as the account page lists it; {@code status} is OPEN, WON or LOST. */
public record AccountDeal(
        long id, String name, String status, String stageName, BigDecimal amount, LocalDate expectedCloseDate) {

    public boolean open() {
        return "OPEN".equals(status);
    }

    public boolean won() {
        return "WON".equals(status);
    }
}
