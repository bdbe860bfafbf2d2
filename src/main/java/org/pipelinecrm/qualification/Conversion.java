package org.pipelinecrm.qualification;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.pipelinecrm.account.AccountSummary;
import org.pipelinecrm.account.Accounts;
import org.pipelinecrm.account.BuyingRole;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.lead.LeadStatus;
import org.pipelinecrm.lead.LeadView;
import org.pipelinecrm.lead.Leads;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.opportunity.OpportunityView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Turns a qualified lead into an account, a contact and an opportunity — all of it or nothing. */
@Service
@Transactional(readOnly = true)
public class Conversion {

    /** Mail providers say nothing about the company a person works for. */
    private static final Set<String> PUBLIC_MAIL = Set.of(
            "gmail.com",
            "googlemail.com",
            "yahoo.com",
            "hotmail.com",
            "outlook.com",
            "live.com",
            "icloud.com",
            "aol.com",
            "proton.me",
            "protonmail.com",
            "gmx.de",
            "mail.ru",
            "yandex.ru",
            "yahoo.co.uk");

    private final Qualifications qualifications;
    private final Leads leads;
    private final Accounts accounts;
    private final Opportunities opportunities;

    Conversion(Qualifications qualifications, Leads leads, Accounts accounts, Opportunities opportunities) {
        this.qualifications = qualifications;
        this.leads = leads;
        this.accounts = accounts;
        this.opportunities = opportunities;
    }

    /** The account the lead most likely belongs to already, by company name or e-mail domain. */
    public Optional<AccountSummary> likelyAccount(long leadId, Actor by) {
        LeadView lead = leads.find(leadId, by);
        return accounts.likelyDuplicate(lead.company(), companyDomain(lead.email()));
    }

    /**
     * Converts the lead: the chosen account (or the likely duplicate, or a new one), a contact for the person, and
     * a deal in the pipeline's first open stage carrying the lead's source and industry. Refused with the blockers
     * while the scorecard is not qualified.
     */
    @Transactional
    public Converted convert(long leadId, ConvertCmd cmd, Actor by) {
        LeadView lead = leads.find(leadId, by);
        QualificationView card = qualifications.of(leadId, by);
        if (!card.qualified()) {
            throw new NotQualifiedException(card.blockers());
        }
        if (lead.status() == LeadStatus.CONVERTED) {
            throw new org.pipelinecrm.shared.ConflictException(
                    "qualification.alreadyConverted", "The lead is converted already");
        }
        AccountSummary account = account(lead, cmd);
        var contact = accounts.addContact(
                account.id(),
                new Accounts.ContactCmd(
                        lead.firstName(), lead.lastName(), lead.email(), lead.phone(), lead.title(), cmd.buyingRole()));
        OpportunityView deal = opportunities.createFromLead(
                new Opportunities.CreateCmd(
                        cmd.opportunityName().trim(),
                        account.id(),
                        contact.id(),
                        cmd.pipelineId(),
                        null,
                        cmd.amount(),
                        cmd.expectedCloseDate(),
                        null,
                        cut(lead.source(), 80),
                        cut(lead.industry(), 80),
                        null,
                        null),
                leadId);
        leads.converted(leadId, account.id(), contact.id(), deal.id(), by);
        return new Converted(deal.id(), account.id(), contact.id());
    }

    private AccountSummary account(LeadView lead, ConvertCmd cmd) {
        if (cmd.accountId() != null) {
            return accounts.account(cmd.accountId());
        }
        String name = lead.company() == null || lead.company().isBlank() ? lead.name() : lead.company();
        String domain = companyDomain(lead.email());
        if (!Boolean.TRUE.equals(cmd.newAccount())) {
            Optional<AccountSummary> existing = accounts.likelyDuplicate(name, domain);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        return accounts.create(new Accounts.AccountCmd(
                cut(name, 200),
                domain,
                cut(lead.industry(), 80),
                lead.companySize() == null ? null : lead.companySize().toString(),
                lead.annualRevenue(),
                cut(lead.country(), 80)));
    }

    static String companyDomain(String email) {
        if (email == null || email.indexOf('@') < 0) {
            return null;
        }
        String domain = email.substring(email.indexOf('@') + 1).trim().toLowerCase();
        return domain.isEmpty() || PUBLIC_MAIL.contains(domain) ? null : domain;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * {@code accountId}: use this account; otherwise the likely duplicate, unless {@code newAccount} asks for a new
     * one. {@code pipelineId} empty: the first pipeline the person sees.
     */
    public record ConvertCmd(
            @NotBlank @Size(max = 200) String opportunityName,

            @DecimalMin("0") @Digits(integer = 16, fraction = 2)
            BigDecimal amount,

            LocalDate expectedCloseDate,
            Long pipelineId,
            Long accountId,
            Boolean newAccount,
            BuyingRole buyingRole) {}

    public record Converted(long opportunityId, long accountId, long contactId) {}
}
