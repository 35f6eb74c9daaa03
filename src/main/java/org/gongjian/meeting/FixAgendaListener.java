package org.gongjian.meeting;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.stereotype.Component;

import static org.gongjian.meeting.MeetingProcess.*;

/**
 * The secretary fixes the agenda: every item is accepted unless deferred or merged into another, each with
 * its reason. Items are named by their record's id, and only this meeting's items count.
 */
@Component("fixAgendaListener")
class FixAgendaListener extends SubmittedFormListener {

    private final JointMeetings meetings;
    private final MeetingTexts texts;

    FixAgendaListener(JointMeetings meetings, MeetingTexts texts) {
        this.meetings = meetings;
        this.texts = texts;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(MEETING_ID)).longValue();
        Map<Long, JointMeetings.Item> items = meetings.agenda(id).stream()
                .collect(Collectors.toMap(JointMeetings.Item::id, Function.identity()));
        FormFields form = FormFields.of(execution);
        Set<Long> deferred = chosen(execution, DEFERRED_ITEMS, items);
        Set<Long> merged = chosen(execution, MERGED_ITEMS, items);
        for (Long item : deferred) {
            if (merged.contains(item)) {
                throw FormFields.invalid(MERGED_ITEMS, "议题 " + items.get(item).title() + " 不能既暂缓又合并 (deferred and merged at once)");
            }
        }
        String deferReason = form.text(DEFER_REASON, "暂缓理由", !deferred.isEmpty(), 500);
        String mergeReason = form.text(MERGE_REASON, "合并理由", !merged.isEmpty(), 500);
        Long into = null;
        if (!merged.isEmpty()) {
            String target = form.text(MERGE_INTO, "并入哪一项", true, 20);
            into = parse(target, items, MERGE_INTO);
            if (merged.contains(into) || deferred.contains(into)) {
                throw FormFields.invalid(MERGE_INTO, "议题不能并入一项自身被暂缓或合并的议题 (merge into an item that stays on the agenda)");
            }
        }
        for (Long item : items.keySet()) {
            if (deferred.contains(item)) {
                meetings.decide(item, "DEFERRED", null, deferReason);
            } else if (merged.contains(item)) {
                meetings.decide(item, "MERGED", into, mergeReason);
            } else {
                meetings.decide(item, "ACCEPTED", null, null);
            }
        }
        texts.showAgenda(execution, id);
    }

    private static Set<Long> chosen(DelegateExecution execution, String field, Map<Long, JointMeetings.Item> items) {
        Set<Long> ids = new LinkedHashSet<>();
        int i = 0;
        for (JsonNode value : FormFields.array(execution.getVariable(field))) {
            ids.add(parse(value.asText(), items, field + "[" + i++ + "]"));
        }
        return ids;
    }

    private static Long parse(String value, Map<Long, JointMeetings.Item> items, String field) {
        try {
            Long id = Long.valueOf(value.trim());
            if (items.containsKey(id)) {
                return id;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw FormFields.invalid(field, "'" + value + "' 不是本次会议的议题 (not an item of this meeting's agenda)");
    }
}
