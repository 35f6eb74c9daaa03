package org.gongjian.funds;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.Group;
import org.gongjian.identity.Directory;
import org.gongjian.identity.Groups;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.springframework.stereotype.Component;

import static org.gongjian.funds.FundTransferProcess.*;

/**
 * Records a request as the process that asked for it made it: a quarterly commitment's instalment or a
 * department's payment for work a community accepted, when it starts; a street committee's grant when
 * its request is filled in. Payer and payee are looked up in the directory (a unit and its supervising
 * body, a department's group, the street committee), so that whoever completes a later step reads the
 * parties and the amount from this record, not from variables.
 */
@Component("recordFundRequestListener")
class RecordFundRequestListener implements ExecutionListener {

    private final FundTransfers transfers;
    private final FundsSettings settings;
    private final Directory directory;
    private final IdentityService identity;
    private final EngineClock clock;

    RecordFundRequestListener(FundTransfers transfers, FundsSettings settings, Directory directory,
                              IdentityService identity, EngineClock clock) {
        this.transfers = transfers;
        this.settings = settings;
        this.directory = directory;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object kind = execution.getVariable(KIND);
        if (kind == null) {
            // a person's start: the street committee's grant, whose community and amount the next task asks for
            String purpose = FormFields.of(execution).text(PURPOSE, "事由", true, 500);
            List<Map<String, String>> communities = directory.communities().stream()
                    .map(c -> Map.of("label", c.name(), "value", c.id())).toList();
            if (communities.isEmpty()) {
                throw FormFields.invalid(PURPOSE, "名录中还没有社区，无法拨付 (the directory has no community to grant to)");
            }
            if (execution.getProcessBusinessKey() == null) {
                execution.setProcessBusinessKey(grantKey(execution.getProcessInstanceId()));
            }
            execution.setVariable(PURPOSE, purpose);
            execution.setVariable(COMMUNITY_OPTIONS, FormFields.spin(communities));
            return;
        }
        FundKind fundKind = switch (kind.toString()) {
            case "INSTALMENT" -> FundKind.INSTALMENT;
            case "DEPARTMENT_PAYMENT" -> FundKind.DEPARTMENT_PAYMENT;
            default -> throw FormFields.invalid(KIND, "经费类别只能是 INSTALMENT 或 DEPARTMENT_PAYMENT，收到 '" + kind
                    + "' (a grant is started from Tasklist)");
        };
        FormFields given = FormFields.of(execution);
        record(execution, fundKind, given.text(COMMUNITY_ID, "收款社区", true, 64),
                given.money(AMOUNT, "应拨付金额", false, settings.maxAmount()),
                given.text(PURPOSE, "事由", true, 500), given.date(DUE_DATE, "应到账日期"));
    }

    /** Records the request with its payer from the directory and tells the process who approves and who is told. */
    void record(DelegateExecution execution, FundKind kind, String communityId, BigDecimal amount, String purpose,
                LocalDate dueDate) {
        Directory.Community community = directory.community(communityId).orElseThrow(() -> FormFields.invalid(
                COMMUNITY_ID, "社区 '" + communityId + "' 不在名录中 (no such community in the directory)"));
        Payer payer = payer(execution, kind, community);
        Object access = execution.getVariable(ACCESS_REQUEST_ID);
        transfers.request(FundTransfers.Request.asked(FundSteps.key(execution), execution.getProcessInstanceId(), kind,
                text(execution, AGREEMENT_NUMBER), quarter(execution),
                access == null ? null : Long.valueOf(access.toString()), community.id(), community.name(), payer.id(),
                payer.name(), payer.supervisorId(), amount, purpose, dueDate, clock.instant()));
        // what the forms show and the ladder reads, from the record just made
        FundTransfers.Request recorded = transfers.request(FundSteps.key(execution)).orElseThrow();
        execution.setVariable(KIND, recorded.kind().name());
        execution.setVariable(KIND_LABEL, recorded.kind().label());
        execution.setVariable(COMMUNITY_ID, recorded.communityId());
        execution.setVariable(COMMUNITY_NAME, recorded.communityName());
        execution.setVariable(AMOUNT, recorded.amount().toPlainString());
        execution.setVariable(PURPOSE, recorded.purpose());
        execution.setVariable(DUE_DATE, recorded.dueDate().toString());
        execution.setVariable(PAYER_NAME, recorded.payerName());
        execution.setVariable(PAYER_GROUP, payer.group());
        execution.setVariable(PAYER_SUPERVISOR_GROUP, payer.supervisorGroup());
    }

    private record Payer(String id, String name, String supervisorId, String group, String supervisorGroup) {}

    private Payer payer(DelegateExecution execution, FundKind kind, Directory.Community community) {
        return switch (kind) {
            case INSTALMENT -> {
                String unitId = FormFields.of(execution).text(UNIT_ID, "付款单位", true, 64);
                Directory.Unit unit = directory.unit(unitId).filter(u -> u.communityId().equals(community.id()))
                        .orElseThrow(() -> FormFields.invalid(UNIT_ID, "单位 '" + unitId + "' 不是" + community.name()
                                + "名录中的驻区单位 (no such unit stationed in the community)"));
                yield new Payer(unit.id(), unit.name(), unit.supervisorId(), Groups.unitLeader(unit.id()),
                        Groups.supervisor(unit.supervisorId()));
            }
            case DEPARTMENT_PAYMENT -> {
                String departmentId = FormFields.of(execution).text(DEPARTMENT_ID, "付款部门", true, 64);
                Group group = group(Groups.department(departmentId)).orElseThrow(() -> FormFields.invalid(DEPARTMENT_ID,
                        "职能部门 '" + departmentId + "' 不在名录中 (no such department in the directory)"));
                // the directory names no body above a district department: the street committee is told twice
                yield new Payer(departmentId, group.getName(), null, group.getId(), Groups.STREET_COMMITTEE);
            }
            case SERVICE_GRANT -> {
                Group group = group(Groups.STREET_COMMITTEE).orElseThrow(() -> new IllegalStateException(
                        "the directory has no street committee group '" + Groups.STREET_COMMITTEE + "'"));
                yield new Payer(group.getId(), group.getName(), null, group.getId(), group.getId());
            }
        };
    }

    private Optional<Group> group(String id) {
        return Optional.ofNullable(identity.createGroupQuery().groupId(id).singleResult());
    }

    /** The quarter the money is committed for, or else the quarter it is asked in: the ledger sums by it. */
    private String quarter(DelegateExecution execution) {
        String committed = text(execution, QUARTER);
        if (committed != null) {
            return committed;
        }
        LocalDate today = LocalDate.now(clock);
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
