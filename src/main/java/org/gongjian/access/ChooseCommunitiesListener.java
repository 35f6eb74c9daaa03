package org.gongjian.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.identity.Directory;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.access.AccessProcess.*;

/** The department's choice of communities: at least one, each from the directory, each once. */
@Component("chooseCommunitiesListener")
class ChooseCommunitiesListener extends SubmittedFormListener {

    private final AccessRequests requests;
    private final Directory directory;

    ChooseCommunitiesListener(AccessRequests requests, Directory directory) {
        this.requests = requests;
        this.directory = directory;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        Object chosen = execution.getVariable(COMMUNITIES);
        if (chosen == null) {
            throw FormFields.invalid(COMMUNITIES, "至少选择一个社区 (choose at least one community)");
        }
        Set<String> ids = new LinkedHashSet<>();
        int i = 0;
        for (JsonNode item : FormFields.array(chosen)) {
            if (!item.isTextual() || !ids.add(item.asText())) {
                throw FormFields.invalid(COMMUNITIES + "[" + i + "]", "第 " + (i + 1) + " 个社区无效或重复 (not a community id, or twice)");
            }
            i++;
        }
        if (ids.isEmpty()) {
            throw FormFields.invalid(COMMUNITIES, "至少选择一个社区 (choose at least one community)");
        }
        List<Directory.Community> communities = new ArrayList<>();
        i = 0;
        for (String id : ids) {
            int index = i++;
            communities.add(directory.community(id).orElseThrow(() -> FormFields.invalid(COMMUNITIES + "[" + index + "]",
                    "社区 '" + id + "' 不在名录中 (no such community in the directory)")));
        }
        requests.choose(((Number) execution.getVariable(ACCESS_REQUEST_ID)).longValue(), communities);
        execution.setVariable(COMMUNITIES, FormFields.spin(FormFields.array(chosen)));
    }
}
