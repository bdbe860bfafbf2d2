package org.pipelinecrm.account.web;

import org.pipelinecrm.account.Accounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The list of accounts (the account pages themselves come later). */
@Controller
class AccountsController {

    private final Accounts accounts;

    AccountsController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/accounts")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("accounts", accounts.list(page, 100));
        return "account/list";
    }
}
