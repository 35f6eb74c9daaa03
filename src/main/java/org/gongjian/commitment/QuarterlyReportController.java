package org.gongjian.commitment;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gongjian.identity.Parties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A stored quarterly report, for the parties of its agreement (community secretary and staff,
 * unit leader and liaison), the street committee and administrators.
 */
@Controller
class QuarterlyReportController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final QuarterlyReports reports;
    private final String zone;

    QuarterlyReportController(QuarterlyReports reports, @Value("${gongjian.zone}") String zone) {
        this.reports = reports;
        this.zone = zone;
    }

    @GetMapping("/reports/{agreementNumber}/{quarter}")
    String show(@PathVariable String agreementNumber, @PathVariable String quarter, Authentication who, Model model) {
        QuarterlyReports.Report report = reports.find(agreementNumber, quarter)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no quarterly report for " + agreementNumber + " " + quarter));
        if (!Parties.of(who).covers(report.communityId(), report.unitId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "only the parties of agreement " + agreementNumber + " and the street committee may read its reports");
        }
        model.addAttribute("report", report);
        model.addAttribute("commitments", commitments(report));
        model.addAttribute("zone", java.time.ZoneId.of(zone));
        return "commitment/report";
    }

    private static List<Map<String, Object>> commitments(QuarterlyReports.Report report) {
        try {
            return JSON.readValue(report.commitmentsJson(), new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored report " + report.agreementNumber() + " " + report.quarter()
                    + " has unreadable commitments", e);
        }
    }
}
