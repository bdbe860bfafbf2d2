package org.pipelinecrm.insight.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.identity.TeamSummary;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.insight.MetricsReport;
import org.pipelinecrm.pipeline.PipelineView;

/** Everything the dashboard page shows, figures already worded and formatted for its reader. */
record DashboardView(
        DashboardFilter filters,
        MetricsReport report,
        String periodLabel,
        Map<String, String> periods,
        List<PipelineView> pipelines,
        boolean manager,
        List<TeamSummary> teams,
        List<UserSummary> users,
        Map<String, String> charts,
        Map<String, String> winReasonLabels,
        Map<String, String> texts,
        List<Figure> figures,
        List<Breakdowns> breakdowns) {

    /** A headline figure: message key of its name (its definition is the key + ".def"), value, previous value. */
    record Figure(String id, String label, String value, String previous) {}

    record Breakdowns(String key, List<MetricsReport.Breakdown> rows) {}

    /** The names the template reads. */
    Map<String, Object> attributes() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("filters", filters);
        model.put("report", report);
        model.put("periodLabel", periodLabel);
        model.put("periods", periods);
        model.put("pipelines", pipelines);
        model.put("manager", manager);
        if (manager) {
            model.put("teams", teams);
            model.put("users", users);
        }
        model.put("charts", charts);
        model.put("winReasonLabels", winReasonLabels);
        model.put("guideline", MetricsReport.COVERAGE_GUIDELINE);
        model.put("texts", texts);
        model.put("figures", figures);
        model.put("breakdowns", breakdowns);
        return model;
    }
}
