package org.gongjian.funds;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gongjian.system.FormFields;
import org.gongjian.system.SubmittedFormListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import static org.gongjian.funds.FundTransferProcess.*;

/**
 * Finance confirms the transfer: a voucher, exactly the amount the payer approved (a different
 * amount is a different request, not this one), on a day that has already come, and never for a
 * request already paid.
 */
@Component("transferFundsListener")
class TransferFundsListener extends SubmittedFormListener {

    private final FundTransfers transfers;
    private final FundsSettings settings;
    private final ZoneId zone;
    private final Clock clock;

    TransferFundsListener(FundTransfers transfers, FundsSettings settings, @Value("${gongjian.zone}") String zone,
                          Clock clock) {
        this.transfers = transfers;
        this.settings = settings;
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    @Override
    protected void submitted(DelegateExecution execution) {
        FormFields form = FormFields.of(execution);
        // a second request under the same key (started twice by mistake) must not be paid again
        String key = FundSteps.key(execution);
        transfers.find(key).ifPresent(paid -> {
            throw FormFields.invalid(TRANSFERRED_AMOUNT, "这笔经费已于 " + paid.transferDate() + " 拨付（凭证 "
                    + paid.voucherNumber() + "），不能重复拨付 (already transferred; never pay twice)");
        });
        form.text(VOUCHER_NUMBER, "拨付凭证号", true, 64);
        FundTransfers.Request request = FundSteps.request(transfers, execution);
        if (request.state() != FundTransfers.State.APPROVED) {
            throw FormFields.invalid(TRANSFERRED_AMOUNT, "这笔拨付申请没有获得付款方同意，不能拨付 (not approved by its payer: "
                    + request.state() + ")");
        }
        BigDecimal requested = request.approvedAmount();
        BigDecimal transferred = form.money(TRANSFERRED_AMOUNT, "实际拨付金额", false, settings.maxAmount());
        if (transferred.compareTo(requested) != 0) {
            throw FormFields.invalid(TRANSFERRED_AMOUNT, "实际拨付金额 " + transferred.toPlainString() + " 元与核准金额 "
                    + requested.toPlainString() + " 元不符 (must equal the amount approved)");
        }
        LocalDate day = form.date(TRANSFER_DATE, "拨付日期");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (day.isAfter(today)) {
            throw FormFields.invalid(TRANSFER_DATE, "拨付日期 " + day + " 还没有到 (must not be in the future)");
        }
        execution.setVariable(TRANSFERRED_AMOUNT, transferred.toPlainString());
        execution.setVariable(TRANSFER_DATE, day.toString());
        execution.setVariable(TRANSFERRED_BY, submitter(execution));
    }
}
