package org.pipelinecrm.winmodel.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pipelinecrm.winmodel.WinModelView;
import org.pipelinecrm.winmodel.WinModels;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The model page for admins and managers: status, backtest with its calibration chart, and "Train now". */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
class WinModelController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WinModels models;
    private final MessageSource messages;

    WinModelController(WinModels models, MessageSource messages) {
        this.models = models;
        this.messages = messages;
    }

    @GetMapping("/win-model")
    String page(Model model) {
        WinModelView view = models.view();
        model.addAttribute("model", view);
        model.addAttribute("calibration", chart(view));
        return "winmodel/model";
    }

    @PostMapping("/win-model/train")
    String train(RedirectAttributes redirect) {
        models.requestTraining();
        redirect.addFlashAttribute("toast", "winmodel.page.queued");
        return "redirect:/win-model";
    }

    /** The calibration chart's data: predicted and actual win rate (percent) per decile. */
    private String chart(WinModelView view) {
        Locale locale = LocaleContextHolder.getLocale();
        List<WinModelView.Decile> d = view.calibration();
        return JSON.writeValueAsString(Map.of(
                "labels", d.stream().map(x -> String.valueOf(x.decile())).toList(),
                "predicted",
                        d.stream()
                                .map(x -> Math.round(x.predicted() * 1000) / 10.0)
                                .toList(),
                "actual",
                        d.stream()
                                .map(x -> Math.round(x.actual() * 1000) / 10.0)
                                .toList(),
                "names",
                        List.of(
                                messages.getMessage("winmodel.page.predicted", null, locale),
                                messages.getMessage("winmodel.page.actual", null, locale)),
                "axis", messages.getMessage("winmodel.page.decile", null, locale)));
    }
}
