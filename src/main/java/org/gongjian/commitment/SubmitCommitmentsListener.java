package org.gongjian.commitment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.funds.FundsSettings;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.gongjian.commitment.CommitmentProcess.*;

/**
 * Checks the quarter's commitments: at most {@value CommitmentProcess#MAX_ACTIVITIES} activities,
 * each dated inside the quarter and not in the past, places at least 1, no negative volunteers,
 * hours or funds, a kind of at most 20 characters.
 */
@Component("submitCommitmentsListener")
class SubmitCommitmentsListener extends SubmittedFormListener {

    private static final String[] COLUMNS = {"date", "place", "places", "title", "volunteers", "hours", "kind"};

    private final FundsSettings funds;
    private final ZoneId zone;
    private final Clock clock;

    SubmitCommitmentsListener(FundsSettings funds, @Value("${gongjian.zone}") String zone, Clock clock) {
        this.funds = funds;
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        LocalDate start = LocalDate.parse((String) execution.getVariable(QUARTER_START));
        LocalDate end = LocalDate.parse((String) execution.getVariable(QUARTER_END));
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        ArrayNode activities = activities(form.text(ACTIVITIES_TEXT, "本季度活动", true, 20_000));
        if (activities.size() > MAX_ACTIVITIES) {
            throw FormFields.invalid(ACTIVITIES_TEXT, "本季度活动最多 " + MAX_ACTIVITIES + " 项，收到 " + activities.size()
                    + " 项 (at most " + MAX_ACTIVITIES + " activities)");
        }
        for (int i = 0; i < activities.size(); i++) {
            ObjectNode a = (ObjectNode) activities.get(i);
            FormFields.itemText(a, ACTIVITIES_TEXT, i, "title", "活动名称", true, 100);
            FormFields.itemText(a, ACTIVITIES_TEXT, i, "place", "地点", true, 200);
            String kind = FormFields.itemText(a, ACTIVITIES_TEXT, i, "kind", "活动类型", false, 20);
            a.put("kind", kind.isEmpty() ? DEFAULT_KIND : kind);
            String date = FormFields.itemText(a, ACTIVITIES_TEXT, i, "date", "日期", true, 32);
            String where = ACTIVITIES_TEXT + "[" + i + "].date";
            LocalDate day;
            try {
                day = LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
            } catch (DateTimeParseException e) {
                throw FormFields.invalid(where, "第 " + (i + 1) + " 项的日期无效 (not a date)");
            }
            if (day.isBefore(start) || day.isAfter(end)) {
                throw FormFields.invalid(where, "第 " + (i + 1) + " 项的日期 " + day + " 不在本季度 "
                        + start + " 至 " + end + " 之内 (must fall inside the quarter)");
            }
            if (day.isBefore(today)) {
                throw FormFields.invalid(where, "第 " + (i + 1) + " 项的日期 " + day + " 已经过去 (must not be before today, "
                        + today + ")");
            }
            a.put("date", day.toString());
            a.put("places", whole(a, i, "places", "名额", 1, true));
            a.put("volunteers", whole(a, i, "volunteers", "志愿者人数", 0, false));
            a.put("hours", number(a, i, "hours", "预计时长"));
        }
        if (execution.getVariable(FUND_INSTALMENT) != null && !execution.getVariable(FUND_INSTALMENT).toString().isBlank()) {
            // kept as the decimal's string: money never travels as a Double
            execution.setVariable(FUND_INSTALMENT, form.money(FUND_INSTALMENT, "本季度拨付经费", true,
                    funds.maxAmount()).toPlainString());
        }
        execution.setVariable(ACTIVITIES, FormFields.spin(activities));
        // the next review starts from a clean form; history keeps what was said before
        execution.removeVariable(APPROVAL_DECISION);
        execution.removeVariable(APPROVAL_COMMENTS);
    }

    /**
     * One activity per line: date, place, places, title, volunteers, hours and optionally kind
     * (commas full or half width).
     */
    private static ArrayNode activities(String text) {
        ArrayNode list = new ObjectMapper().createArrayNode();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s*[,，]\\s*");
            ObjectNode item = list.addObject();
            for (int i = 0; i < COLUMNS.length && i < parts.length; i++) {
                if (!parts[i].isBlank()) {
                    item.put(COLUMNS[i], parts[i]);
                }
            }
        }
        if (list.isEmpty()) {
            throw FormFields.invalid(ACTIVITIES_TEXT, "本季度活动至少需要一项 (needs at least one line)");
        }
        return list;
    }

    private static int whole(JsonNode activity, int index, String field, String label, int min, boolean required) {
        String where = ACTIVITIES_TEXT + "[" + index + "]." + field;
        JsonNode value = activity.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw FormFields.invalid(where, "第 " + (index + 1) + " 项的" + label + "不能为空 (required)");
            }
            return 0;
        }
        if (!value.asText().matches("-?\\d{1,6}")) {
            throw FormFields.invalid(where, "第 " + (index + 1) + " 项的" + label + "不是整数 (not a whole number)");
        }
        int n = Integer.parseInt(value.asText());
        if (n < min) {
            throw FormFields.invalid(where, "第 " + (index + 1) + " 项的" + label + "不能小于 " + min + " (must be at least " + min + ")");
        }
        return n;
    }

    private static double number(JsonNode activity, int index, String field, String label) {
        String where = ACTIVITIES_TEXT + "[" + index + "]." + field;
        JsonNode value = activity.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.asText().matches("-?\\d{1,4}(\\.\\d)?")) {
            throw FormFields.invalid(where, "第 " + (index + 1) + " 项的" + label + "不是数字，最多一位小数 (not a number with at most one decimal)");
        }
        double n = Double.parseDouble(value.asText());
        if (n < 0) {
            throw FormFields.invalid(where, "第 " + (index + 1) + " 项的" + label + "不能小于 0 (must be at least 0)");
        }
        return n;
    }
}
