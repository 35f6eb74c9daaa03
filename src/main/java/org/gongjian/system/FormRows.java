package org.gongjian.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A list a person filled in as rows, one input per column, submitted as a JSON list. Each
 * column is checked row by row; a refusal names the row and the column, {@code activities[2].date}
 * (rows counted from 0, as in the JSON; the sentence says "第 3 行", counted from 1), and the
 * checked rows are rebuilt from scratch, so a column the form does not have never reaches the
 * process.
 */
public final class FormRows implements Iterable<FormRows.Row> {

    private final String field;
    private final List<Row> rows = new ArrayList<>();

    private FormRows(String field, ArrayNode submitted) {
        this.field = field;
        for (int i = 0; i < submitted.size(); i++) {
            rows.add(new Row(i, submitted.get(i)));
        }
    }

    /** The submitted list: at least one row where required, at most {@code max}, each row an object. */
    public static FormRows of(VariableScope scope, String field, String label, boolean required, int max) {
        Object value = scope.getVariable(field);
        JsonNode list = FormFields.json(value, field, label);
        if (list == null) {
            list = JsonNodeFactory.instance.arrayNode();
        }
        if (!list.isArray()) {
            throw FormFields.invalid(field, label + "不是行的列表 (not a list of rows)");
        }
        if (required && list.isEmpty()) {
            throw FormFields.invalid(field, label + "至少需要一行 (needs at least one row)");
        }
        if (list.size() > max) {
            throw FormFields.invalid(field, label + "最多 " + max + " 行，收到 " + list.size() + " 行 (at most " + max + " rows)");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isObject()) {
                throw FormFields.invalid(field + "[" + i + "]", "第 " + (i + 1) + " 行不是一行表格 (not a row)");
            }
        }
        return new FormRows(field, (ArrayNode) list);
    }

    @Override
    public Iterator<Row> iterator() {
        return rows.iterator();
    }

    public int size() {
        return rows.size();
    }

    /** The rows as checked: only the columns read through {@link Row}, in the types they were read as. */
    public ArrayNode checked() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        rows.forEach(row -> list.add(row.checked));
        return list;
    }

    /** One submitted row; every read puts the checked value into the row the process keeps. */
    public final class Row {

        private final int index;
        private final JsonNode submitted;
        private final ObjectNode checked = JsonNodeFactory.instance.objectNode();

        private Row(int index, JsonNode submitted) {
            this.index = index;
            this.submitted = submitted;
        }

        public int index() {
            return index;
        }

        /** A refusal naming this row's column, for a rule about the row the columns alone do not say. */
        public RuntimeException invalid(String column, String label, String problem, String problemEnglish) {
            return FormFields.invalid(field + "[" + index + "]." + column,
                    "第 " + (index + 1) + " 行的" + label + problem + " (row " + (index + 1) + ": " + problemEnglish + ")");
        }

        private String raw(String column) {
            JsonNode value = submitted.get(column);
            return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText().trim();
        }

        public String text(String column, String label, boolean required, int maxLength) {
            String text = raw(column);
            if (required && text.isEmpty()) {
                throw invalid(column, label, "不能为空", "required");
            }
            if (text.length() > maxLength) {
                throw invalid(column, label, "不能超过 " + maxLength + " 个字", "at most " + maxLength + " characters");
            }
            checked.put(column, text);
            return text;
        }

        /** One of the allowed values; an empty cell takes {@code otherwise} where it is not null. */
        public String choice(String column, String label, List<String> allowed, String otherwise) {
            String value = raw(column);
            if (value.isEmpty() && otherwise != null) {
                value = otherwise;
            }
            if (!allowed.contains(value)) {
                throw invalid(column, label, "只能是 " + allowed + " 之一，收到 '" + value + "'", "must be one of " + allowed);
            }
            checked.put(column, value);
            return value;
        }

        /** A day from {@code first} to {@code last}, both included; {@code range} says in words what they are. */
        public LocalDate date(String column, String label, LocalDate first, LocalDate last, String range, String rangeEnglish) {
            String text = raw(column);
            if (text.isEmpty()) {
                throw invalid(column, label, "不能为空", "required");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                throw invalid(column, label, "不是有效日期 '" + text + "'", "not a date, expected yyyy-mm-dd");
            }
            if (day.isBefore(first) || day.isAfter(last)) {
                throw invalid(column, label, " " + day + " 不在" + range + " " + first + " 至 " + last + " 之内",
                        day + " is outside " + rangeEnglish + ", " + first + " to " + last);
            }
            checked.put(column, day.toString());
            return day;
        }

        /** A whole number from {@code min} to {@code max}; an empty cell is {@code otherwise} where that is not null. */
        public int wholeNumber(String column, String label, int min, int max, Integer otherwise) {
            BigDecimal number = decimal(column, label, otherwise == null ? null : BigDecimal.valueOf(otherwise));
            if (number.stripTrailingZeros().scale() > 0) {
                throw invalid(column, label, "必须是整数", "must be a whole number");
            }
            inRange(column, label, number, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
            checked.put(column, number.intValueExact());
            return number.intValueExact();
        }

        /** A number with at most {@code decimals} places from {@code min} to {@code max}; empty is {@code otherwise}. */
        public BigDecimal number(String column, String label, int decimals, BigDecimal min, BigDecimal max,
                                 BigDecimal otherwise) {
            BigDecimal number = decimal(column, label, otherwise);
            if (number.stripTrailingZeros().scale() > decimals) {
                throw invalid(column, label, "最多 " + decimals + " 位小数", "at most " + decimals + " decimals");
            }
            inRange(column, label, number, min, max);
            checked.put(column, number.stripTrailingZeros().scale() <= 0 ? number.setScale(0) : number);
            return number;
        }

        private BigDecimal decimal(String column, String label, BigDecimal otherwise) {
            String text = raw(column);
            if (text.isEmpty()) {
                if (otherwise == null) {
                    throw invalid(column, label, "不能为空", "required");
                }
                return otherwise;
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw invalid(column, label, "不是数字 '" + text + "'", "not a number");
            }
        }

        private void inRange(String column, String label, BigDecimal number, BigDecimal min, BigDecimal max) {
            if (number.compareTo(min) < 0) {
                throw invalid(column, label, "不能小于 " + min.toPlainString(), "must be at least " + min.toPlainString());
            }
            if (number.compareTo(max) > 0) {
                throw invalid(column, label, "不能大于 " + max.toPlainString(), "must be at most " + max.toPlainString());
            }
        }
    }
}
