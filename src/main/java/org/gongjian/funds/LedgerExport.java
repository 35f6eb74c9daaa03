package org.gongjian.funds;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The ledger as a spreadsheet, CSV or Excel. A payer or a purpose is text someone typed: one that starts like
 * a formula ({@code =}, {@code +}, {@code -}, {@code @}) is written so that a spreadsheet shows it, never runs it.
 */
final class LedgerExport {

    static final List<String> HEADER = List.of("业务编号 Key", "类别 Kind", "季度 Quarter", "收款社区 Community",
            "付款方 Payer", "事由 Purpose", "申请 Requested", "核准 Approved", "已拨付 Paid", "已到账 Confirmed",
            "状态 State", "应到账 Due", "逾期 Overdue", "各环节 Steps");

    private LedgerExport() {
    }

    static void csv(List<FundLedger.Row> rows, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF'); // so that Excel reads the Chinese as UTF-8
        w.write(HEADER.stream().map(LedgerExport::csvField).collect(Collectors.joining(",")));
        w.write("\r\n");
        for (FundLedger.Row r : rows) {
            w.write(cells(r).stream().map(v -> v instanceof BigDecimal d ? d.toPlainString() : csvField(text(v)))
                    .collect(Collectors.joining(",")));
            w.write("\r\n");
        }
        w.flush();
    }

    static void xlsx(List<FundLedger.Row> rows, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("经费台账");
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            Row head = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                head.createCell(c).setCellValue(HEADER.get(c));
            }
            int n = 1;
            for (FundLedger.Row r : rows) {
                Row row = sheet.createRow(n++);
                List<Object> values = cells(r);
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = row.createCell(c);
                    if (values.get(c) instanceof BigDecimal d) {
                        cell.setCellValue(d.doubleValue());
                        cell.setCellStyle(money);
                    } else {
                        // a string cell is text to Excel whatever it starts with: never a formula
                        cell.setCellValue(text(values.get(c)));
                    }
                }
            }
            book.write(out);
        }
    }

    private static List<Object> cells(FundLedger.Row r) {
        String steps = r.steps().stream().map(h -> h.stepName() + "：" + h.holderName() + " " + h.days() + " 天"
                        + (h.daysPastDue() > 0 ? "，逾期 " + h.daysPastDue() + " 天" : "") + (h.open() ? "（办理中）" : ""))
                .collect(Collectors.joining("；"));
        return java.util.Arrays.asList(r.businessKey(), r.kind().label(), r.quarter(), r.communityName(), r.payerName(),
                r.purpose(), r.requested(), zeroIfNone(r.approved()), zeroIfNone(r.paid()), zeroIfNone(r.confirmed()),
                r.stateLabel(), r.dueDate() == null ? "" : r.dueDate().toString(), r.overdue() ? "是" : "", steps);
    }

    private static BigDecimal zeroIfNone(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A text field of CSV: quoted, and prefixed with ' when a spreadsheet would take it for a formula. */
    static String csvField(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
