package org.gongjian.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.Group;
import org.gongjian.identity.Directory;
import org.gongjian.system.FormFields;
import org.springframework.stereotype.Component;

import static org.gongjian.agreement.AgreementProcess.*;

/**
 * When community staff start an agreement: finds their community and offers its units, as
 * stored in the directory, to the draft form.
 */
@Component("prepareDraftListener")
class PrepareDraftListener implements ExecutionListener {

    private final IdentityService identity;
    private final Directory directory;

    PrepareDraftListener(IdentityService identity, Directory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String initiator = (String) execution.getVariable(INITIATOR);
        if (initiator == null) {
            throw FormFields.invalid(INITIATOR, "只有社区党建专干可以发起共建协议，请先登录 (only signed-in community staff may start an agreement)");
        }
        List<String> communities = new ArrayList<>();
        for (Group group : identity.createGroupQuery().groupMember(initiator).list()) {
            String id = group.getId();
            if (id.startsWith("community-") && id.endsWith("-staff")) {
                communities.add(id.substring("community-".length(), id.length() - "-staff".length()));
            }
        }
        if (communities.size() != 1) {
            throw FormFields.invalid(INITIATOR, "发起人必须是且只能是一个社区的党建专干，" + initiator + " 属于 " + communities.size()
                    + " 个社区 (the starter must be staff of exactly one community)");
        }
        Directory.Community community = directory.community(communities.get(0)).orElseThrow(() -> FormFields.invalid(
                INITIATOR, "社区 '" + communities.get(0) + "' 不在名录中 (community not in the directory)"));
        List<Map<String, String>> options = directory.unitsOf(community.id()).stream()
                .map(u -> Map.of("label", u.name(), "value", u.id()))
                .toList();
        if (options.isEmpty()) {
            throw FormFields.invalid(INITIATOR, community.name() + "名录中没有驻区单位 (the community has no units in the directory)");
        }
        execution.setVariable(COMMUNITY_ID, community.id());
        execution.setVariable(COMMUNITY_NAME, community.name());
        execution.setVariable(UNIT_OPTIONS, FormFields.spin(options));
    }
}
