package org.pipelinecrm.account;

import java.util.List;

/**
 * Implemented by the module that owns deals (which depends on this one), so that the account page can list an
 * account's deals without this module depending on it. Lists only what the signed-in person may see.
 */
public interface AccountDeals {

    List<AccountDeal> dealsOf(long accountId);
}
