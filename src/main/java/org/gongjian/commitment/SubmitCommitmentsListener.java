package org.gongjian.commitment;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.gongjian.system.FormFields;
import org.springframework.stereotype.Component;

/** Checks the quarter's commitments: activities dated inside the quarter, places at least 1, no negative hours or funds. */
@Component("submitCommitmentsListener")
class SubmitCommitmentsListener implements ExecutionListener {

    /** What the liaison types, one activity per line; the process keeps it as the list "activities". */
    static final String ACTIVITIES_TEXT = "activitiesText";

    @Override
    public void notify(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        LocalDate start = LocalDate.parse((String) execution.getVariable("quarterStart"));
        LocalDate end = LocalDate.parse((String) execution.getVariable("quarterEnd"));
        ArrayNode activities = activities(form.text(ACTIVITIES_TEXT, "本季度活动", true, 20_000));
        for (int i = 0; i < activities.size(); i++) {
            JsonNode a = activities.get(i);
            FormFields.itemText(a, ACTIVITIES_TEXT, i, "title", "活动名称", true, 100);
            FormFields.itemText(a, ACTIVITIES_TEXT, i, "place", "地点", true, 200);
            String date = FormFields.itemText(a, ACTIVITIES_TEXT, i, "date", "日期", true, 32);
            LocalDate day;
            try {
                day = LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
            } catch (java.time.format.DateTimeParseException e) {
                throw FormFields.invalid(ACTIVITIES_TEXT + "[" + i + "].date", "第 " + (i + 1) + " 项的日期无效 (not a date)");
            }
            if (day.isBefore(start) || day.isAfter(end)) {
                throw FormFields.invalid(ACTIVITIES_TEXT + "[" + i + "].date", "第 " + (i + 1) + " 项的日期 " + day + " 不在本季度 "
                        + start + " 至 " + end + " 之内 (must fall inside the quarter)");
            }
            atLeast(a, i, "places", "名额", 1);
            atLeast(a, i, "volunteers", "志愿者人数", 0);
            atLeast(a, i, "hours", "预计时长", 0);
        }
        if (execution.getVariable("fundInstalment") != null) {
            form.number("fundInstalment", "本季度拨付经费", BigDecimal.ZERO);
        }
        execution.setVariable("activities", FormFields.spin(activities));
    }

    /** One activity per line: date, place, places, title, volunteers, hours (commas full or half width). */
    private static ArrayNode activities(String text) {
        ArrayNode list = new ObjectMapper().createArrayNode();
        String[] names = {"date", "place", "places", "title", "volunteers", "hours"};
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s*[,，]\\s*");
            ObjectNode item = list.addObject();
            for (int i = 0; i < names.length && i < parts.length; i++) {
                if (!parts[i].isBlank()) {
                    item.put(names[i], parts[i]);
                }
            }
        }
        if (list.isEmpty()) {
            throw FormFields.invalid(ACTIVITIES_TEXT, "本季度活动至少需要一项 (needs at least one line)");
        }
        return list;
    }

    private static void atLeast(JsonNode activity, int index, String field, String label, int min) {
        JsonNode value = activity.get(field);
        if (value == null || value.isNull()) {
            if (min > 0) {
                throw FormFields.invalid(ACTIVITIES_TEXT + "[" + index + "]." + field, "第 " + (index + 1) + " 项的" + label + "不能为空");
            }
            return;
        }
        if (!value.isNumber() && !value.asText().matches("-?\\d+(\\.\\d+)?")) {
            throw FormFields.invalid(ACTIVITIES_TEXT + "[" + index + "]." + field, "第 " + (index + 1) + " 项的" + label + "不是数字");
        }
        if (value.asDouble() < min) {
            throw FormFields.invalid(ACTIVITIES_TEXT + "[" + index + "]." + field, "第 " + (index + 1) + " 项的" + label + "不能小于 " + min);
        }
    }
}
