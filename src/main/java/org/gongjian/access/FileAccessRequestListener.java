package org.gongjian.access;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.Group;
import org.gongjian.funds.FundsSettings;
import org.gongjian.identity.Directory;
import org.gongjian.system.EngineClock;
import org.gongjian.system.FormFields;
import org.springframework.stereotype.Component;

import static org.gongjian.access.AccessProcess.*;

/**
 * Records a department's request for community work as its start form gave it: the department is the
 * starter's own (from their Camunda group), the work, its workload and period, and the money it brings to each
 * community. Offers the directory's communities for the next step.
 */
@Component("fileAccessRequestListener")
class FileAccessRequestListener implements ExecutionListener {

    static final String DEPARTMENT_GROUP = "department-";

    private final AccessRequests requests;
    private final IdentityService identity;
    private final Directory directory;
    private final FundsSettings funds;
    private final EngineClock clock;

    FileAccessRequestListener(AccessRequests requests, IdentityService identity, Directory directory,
                              FundsSettings funds, EngineClock clock) {
        this.requests = requests;
        this.identity = identity;
        this.directory = directory;
        this.funds = funds;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String starter = (String) execution.getVariable("initiator");
        List<Group> departments = starter == null ? List.of() : identity.createGroupQuery().groupMember(starter).list()
                .stream().filter(g -> g.getId().startsWith(DEPARTMENT_GROUP)).toList();
        if (departments.size() != 1) {
            throw FormFields.invalid("initiator", "准入申请须由且只能由一个职能部门的人员提出，" + starter + " 属于 "
                    + departments.size() + " 个职能部门 (the starter must work in exactly one functional department)");
        }
        Group department = departments.get(0);
        FormFields form = FormFields.of(execution);
        String workType = form.text(WORK_TYPE, "工作事项", true, 64);
        String title = form.text(TITLE, "工作名称", true, 200);
        String description = form.text(DESCRIPTION, "工作内容", false, 2000);
        int hours = form.wholeNumber(HOURS, "每个社区工作量（小时）", 1);
        int people = form.wholeNumber(PEOPLE, "每个社区需要人数", 1);
        LocalDate start = form.date(PERIOD_START, "开始日期");
        LocalDate end = form.date(PERIOD_END, "结束日期");
        if (end.isBefore(start)) {
            throw FormFields.invalid(PERIOD_END, "结束日期 " + end + " 早于开始日期 " + start + " (the period ends before it starts)");
        }
        if (end.isBefore(LocalDate.now(clock))) {
            throw FormFields.invalid(PERIOD_END, "结束日期 " + end + " 已经过去 (the period is over)");
        }
        BigDecimal funding = form.money(FUNDING, "每个社区工作经费", true, funds.maxAmount());
        List<Map<String, String>> communities = directory.communities().stream()
                .map(c -> Map.of("label", c.name(), "value", c.id())).toList();
        if (communities.isEmpty()) {
            throw FormFields.invalid(WORK_TYPE, "名录中还没有社区 (the directory has no community)");
        }
        String departmentId = department.getId().substring(DEPARTMENT_GROUP.length());
        long id = requests.file(execution.getProcessInstanceId(), departmentId, department.getName(), workType, title,
                description, hours, people, start, end, funding, starter, clock.instant());
        execution.setProcessBusinessKey("access/" + id);
        execution.setVariable(ACCESS_REQUEST_ID, id);
        execution.setVariable(DEPARTMENT_ID, departmentId);
        execution.setVariable(DEPARTMENT_NAME, department.getName());
        execution.setVariable(WORK_TYPE, workType);
        execution.setVariable(FUNDING, funding.toPlainString());
        execution.setVariable(COMMUNITY_OPTIONS, FormFields.spin(communities));
    }
}
