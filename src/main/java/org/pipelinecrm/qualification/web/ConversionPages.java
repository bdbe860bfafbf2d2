package org.pipelinecrm.qualification.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.pipelinecrm.account.BuyingRole;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.lead.LeadView;
import org.pipelinecrm.lead.Leads;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.qualification.Conversion;
import org.pipelinecrm.qualification.NotQualifiedException;
import org.pipelinecrm.qualification.Qualifications;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The convert form: which account (the likely duplicate is offered), which pipeline, the deal's amount and date. */
@Controller
class ConversionPages {

    private final Conversion conversion;
    private final Qualifications qualifications;
    private final Leads leads;
    private final Pipelines pipelines;

    ConversionPages(Conversion conversion, Qualifications qualifications, Leads leads, Pipelines pipelines) {
        this.conversion = conversion;
        this.qualifications = qualifications;
        this.leads = leads;
        this.pipelines = pipelines;
    }

    /** {@code account}: an account id to use, or "new". */
    record ConvertForm(
            @NotBlank @Size(max = 200) String opportunityName,

            @DecimalMin("0") @Digits(integer = 16, fraction = 2)
            BigDecimal amount,

            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedCloseDate,
            Long pipelineId,
            String account,
            BuyingRole buyingRole) {

        Conversion.ConvertCmd toCmd() {
            boolean fresh = account == null || account.isBlank() || account.equals("new");
            return new Conversion.ConvertCmd(
                    opportunityName,
                    amount,
                    expectedCloseDate,
                    pipelineId,
                    fresh ? null : Long.valueOf(account),
                    fresh,
                    buyingRole);
        }
    }

    @GetMapping("/leads/{id}/convert")
    String form(@PathVariable long id, Model model) {
        LeadView lead = leads.find(id, CurrentUser.actor());
        var card = qualifications.of(id, CurrentUser.actor());
        var likely = conversion.likelyAccount(id, CurrentUser.actor());
        String name = lead.company() == null ? lead.name() : lead.company();
        model.addAttribute(
                "form",
                new ConvertForm(
                        name,
                        null,
                        card.timeline().expectedPurchaseDate(),
                        null,
                        likely.map(a -> Long.toString(a.id())).orElse("new"),
                        null));
        return page(lead, model);
    }

    @PostMapping("/leads/{id}/convert")
    String convert(
            @PathVariable long id, @Valid @ModelAttribute("form") ConvertForm form, BindingResult errors, Model model) {
        LeadView lead = leads.find(id, CurrentUser.actor());
        if (errors.hasErrors()) {
            return page(lead, model);
        }
        try {
            return "redirect:/opportunities/"
                    + conversion.convert(id, form.toCmd(), CurrentUser.actor()).opportunityId();
        } catch (NotQualifiedException e) {
            model.addAttribute("refused", true);
            return page(lead, model);
        }
    }

    private String page(LeadView lead, Model model) {
        model.addAttribute("lead", lead);
        model.addAttribute("card", qualifications.of(lead.id(), CurrentUser.actor()));
        model.addAttribute(
                "likelyAccount",
                conversion.likelyAccount(lead.id(), CurrentUser.actor()).orElse(null));
        model.addAttribute("pipelines", pipelines.visible());
        model.addAttribute("roles", BuyingRole.values());
        return "qualification/convert";
    }
}
