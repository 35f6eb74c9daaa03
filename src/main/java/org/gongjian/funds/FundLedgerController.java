package org.gongjian.funds;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.gongjian.identity.Directory;
import org.gongjian.identity.Parties;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The fund ledger: a community's on its public board, with CSV and Excel downloads; and the staff view, where
 * the street committee sees every community and a community, unit or department its own.
 */
@Controller
class FundLedgerController {

    static final int PAGE = 50;

    private final FundLedger ledger;
    private final Directory directory;

    FundLedgerController(FundLedger ledger, Directory directory) {
        this.ledger = ledger;
        this.directory = directory;
    }

    @GetMapping("/board/{communityId}/funds")
    String board(@PathVariable String communityId, @RequestParam(defaultValue = "1") int page, Model model) {
        Directory.Community community = community(communityId);
        show(FundLedger.Scope.community(community.id()), page, model);
        model.addAttribute("community", community);
        model.addAttribute("title", community.name() + " 经费台账");
        return "funds/ledger";
    }

    @GetMapping("/funds")
    String staff(Authentication who, @RequestParam(defaultValue = "1") int page, Model model) {
        FundLedger.Scope scope = FundLedger.Scope.of(Parties.of(who));
        if (scope.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "the fund ledger is for the street committee and the communities, units and departments in it");
        }
        show(scope, page, model);
        model.addAttribute("title", scope.everything() ? "全街道经费台账" : "本单位经费台账");
        return "funds/ledger";
    }

    @GetMapping("/board/{communityId}/funds.csv")
    void csv(@PathVariable String communityId, HttpServletResponse response) throws IOException {
        Directory.Community community = community(communityId);
        download(response, community, "csv", "text/csv; charset=UTF-8",
                out -> LedgerExport.csv(ledger.all(FundLedger.Scope.community(community.id())), out));
    }

    @GetMapping("/board/{communityId}/funds.xlsx")
    void xlsx(@PathVariable String communityId, HttpServletResponse response) throws IOException {
        Directory.Community community = community(communityId);
        download(response, community, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                out -> LedgerExport.xlsx(ledger.all(FundLedger.Scope.community(community.id())), out));
    }

    private void show(FundLedger.Scope scope, int page, Model model) {
        model.addAttribute("rows", ledger.rows(scope, page, PAGE));
        model.addAttribute("byPayer", ledger.totals(scope, "payer"));
        model.addAttribute("byQuarter", ledger.totals(scope, "quarter"));
        List<FundLedger.Total> all = ledger.totals(scope, "all");
        model.addAttribute("total", all.get(0));
    }

    private Directory.Community community(String id) {
        return directory.community(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no community " + id));
    }

    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    private static void download(HttpServletResponse response, Directory.Community community, String extension,
                                 String type, Writing writing) throws IOException {
        String name = community.name() + "经费台账." + extension;
        response.setContentType(type);
        response.setHeader("Content-Disposition", "attachment; filename=\"funds-" + community.id() + "." + extension
                + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        writing.to(response.getOutputStream());
    }
}
