package org.gongjian.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads what a person submitted through a Camunda Form and refuses bad input with a message
 * that names the field. Thrown from an execution listener, the refusal reaches the client as
 * HTTP 400 and rolls the whole submission back.
 */
public final class FormFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VariableScope scope;

    private FormFields(VariableScope scope) {
        this.scope = scope;
    }

    public static FormFields of(VariableScope scope) {
        return new FormFields(scope);
    }

    /**
     * A refusal naming the field. Its code makes it a 400 on every way in, also where the REST
     * API would answer the exception with 500 (a start through {@code /start}).
     */
    public static FormFieldValidationException invalid(String field, String message) {
        FormFieldValidationException refusal = new FormFieldValidationException(field, field + ": " + message);
        refusal.setCode(EngineErrors.INVALID_SUBMISSION);
        return refusal;
    }

    public String text(String field, String label, boolean required, int maxLength) {
        Object value = scope.getVariable(field);
        String text = value == null ? "" : value.toString().trim();
        if (required && text.isEmpty()) {
            throw invalid(field, label + "不能为空 (required)");
        }
        if (text.length() > maxLength) {
            throw invalid(field, label + "不能超过 " + maxLength + " 个字 (at most " + maxLength + " characters)");
        }
        return text;
    }

    public String choice(String field, String label, List<String> allowed) {
        String value = text(field, label, true, 64);
        if (!allowed.contains(value)) {
            throw invalid(field, label + "只能是 " + allowed + " 之一，收到 '" + value + "' (must be one of " + allowed + ")");
        }
        return value;
    }

    public LocalDate date(String field, String label) {
        String text = text(field, label, true, 32);
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw invalid(field, label + "不是有效日期 '" + text + "' (not a date, expected yyyy-mm-dd)");
        }
    }

    public BigDecimal number(String field, String label, BigDecimal min) {
        BigDecimal number = decimal(field, label, scope.getVariable(field), "不是数字", "not a number");
        if (min != null && number.compareTo(min) < 0) {
            throw invalid(field, label + "不能小于 " + min.toPlainString() + " (must be at least " + min.toPlainString() + ")");
        }
        return number;
    }

    /**
     * An amount of money in yuan: the decimal a person typed, at most two places, more than zero
     * (or zero where allowed), at most {@code max}; returned with two places.
     */
    public BigDecimal money(String field, String label, boolean zeroAllowed, BigDecimal max) {
        return money(field, label, scope.getVariable(field), zeroAllowed, max);
    }

    /** {@link #money(String, String, boolean, BigDecimal)} of a value read elsewhere. */
    public static BigDecimal money(String field, String label, Object value, boolean zeroAllowed, BigDecimal max) {
        BigDecimal amount = decimal(field, label, value, "不是金额", "not an amount of yuan");
        if (amount.signum() < 0 || (!zeroAllowed && amount.signum() == 0)) {
            throw invalid(field, label + (zeroAllowed ? "不能是负数 (must not be negative)" : "必须大于 0 (must be more than zero)"));
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw invalid(field, label + "最多两位小数（分） (at most two decimals)");
        }
        if (amount.compareTo(max) > 0) {
            throw invalid(field, label + "超过上限 " + max.toPlainString() + " 元 (over the maximum of "
                    + max.toPlainString() + ")");
        }
        return amount.setScale(2);
    }

    private static BigDecimal decimal(String field, String label, Object value, String notA, String notAEnglish) {
        if (value == null || value.toString().isBlank()) {
            throw invalid(field, label + "不能为空 (required)");
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw invalid(field, label + notA + " '" + value + "' (" + notAEnglish + ")");
        }
    }

    public int wholeNumber(String field, String label, int min) {
        BigDecimal number = number(field, label, BigDecimal.valueOf(min));
        if (number.stripTrailingZeros().scale() > 0) {
            throw invalid(field, label + "必须是整数 (must be a whole number)");
        }
        return number.intValueExact();
    }

    public boolean checked(String field) {
        return Boolean.TRUE.equals(scope.getVariable(field)) || "true".equals(String.valueOf(scope.getVariable(field)));
    }

    /** A JSON variable that Tasklist shows to the next person and the server reads back. */
    public static SpinJsonNode spin(JsonNode node) {
        return Spin.JSON(node.toString());
    }

    public static SpinJsonNode spin(List<Map<String, String>> list) {
        return Spin.JSON(JSON.valueToTree(list).toString());
    }

    /** A checklist's value: the chosen options' values. */
    public static SpinJsonNode spinValues(List<String> values) {
        return Spin.JSON(JSON.valueToTree(values).toString());
    }

    /** A JSON list of record ids (whole numbers), none when empty; a refusal names the field and the position. */
    public List<Long> ids(String field, String label, int max) {
        JsonNode list = json(scope.getVariable(field), field, label);
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            throw invalid(field, label + "不是编号的列表 (not a list of ids)");
        }
        if (list.size() > max) {
            throw invalid(field, label + "最多 " + max + " 项 (at most " + max + ")");
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode id = list.get(i);
            if (!id.canConvertToExactIntegral() || !id.canConvertToLong() || id.asLong() <= 0) {
                throw invalid(field + "[" + i + "]", label + "的第 " + (i + 1) + " 项不是编号 (not an id)");
            }
            ids.add(id.asLong());
        }
        return ids;
    }

    public static ArrayNode array(Object variable) {
        JsonNode node = json(variable, "list", "list");
        return node != null && node.isArray() ? (ArrayNode) node : JSON.createArrayNode();
    }

    static JsonNode json(Object value, String field, String label) {
        try {
            if (value == null) {
                return null;
            }
            if (value instanceof SpinJsonNode spin) {
                return JSON.readTree(spin.toString());
            }
            if (value instanceof String s) {
                return s.isBlank() ? null : JSON.readTree(s);
            }
            return JSON.valueToTree(value);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw invalid(field, label + "不是有效的列表 (not a valid list)");
        }
    }
}
