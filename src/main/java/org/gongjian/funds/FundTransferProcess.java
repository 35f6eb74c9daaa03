package org.gongjian.funds;

/**
 * Keys of the {@code fund-transfer} process and the variables it is started with. One process for
 * three kinds of money ({@link #KIND}, see {@link FundKind}): a unit's committed instalment (started
 * by the quarterly commitment, business key {@code <agreementNumber>/<quarter>/funds}), a functional
 * department's payment for work a community accepted through the access gate (business key
 * {@link #accessPaymentKey}), and a service-fund grant the street committee starts from Tasklist
 * (business key {@link #grantKey}).
 * Money travels as the string of its decimal, never a Double.
 */
public final class FundTransferProcess {

    public static final String KEY = "fund-transfer";

    public static final String REQUEST_GRANT = "requestGrant";
    public static final String APPROVE_TRANSFER = "approveTransfer";
    public static final String TRANSFER_FUNDS = "transferFunds";
    public static final String RECORD_TRANSFER = "recordTransfer";
    public static final String CONFIRM_RECEIPT = "confirmReceipt";
    public static final String RECONCILE_TRANSFER = "reconcileTransfer";

    /** Appended to the quarterly commitment's business key for the quarter's instalment. */
    public static final String FUNDS_SUFFIX = "/funds";

    /** The business key of a department's payment to one community for an access request. */
    public static String accessPaymentKey(long accessRequestId, String communityId) {
        return "access/" + accessRequestId + "/" + communityId + FUNDS_SUFFIX;
    }

    /** The business key of a street committee's grant, given at its start. */
    public static String grantKey(String processInstanceId) {
        return "grant/" + processInstanceId + FUNDS_SUFFIX;
    }

    // started with (by another process; a person's start carries only the start form's fields)
    /** {@code INSTALMENT} or {@code DEPARTMENT_PAYMENT}; a start without it is a street committee's grant. */
    public static final String KIND = "kind";
    /** The agreement the money is committed under; absent for money that follows no agreement. */
    public static final String AGREEMENT_NUMBER = "agreementNumber";
    public static final String QUARTER = "quarter";
    /** The community that receives the money. */
    public static final String COMMUNITY_ID = "communityId";
    public static final String COMMUNITY_NAME = "communityName";
    /** An instalment's payer: the unit whose money it is. */
    public static final String UNIT_ID = "unitId";
    public static final String UNIT_NAME = "unitName";
    public static final String SUPERVISOR_ID = "supervisorId";
    /** A department payment's payer and the access request the work was approved under. */
    public static final String DEPARTMENT_ID = "departmentId";
    public static final String ACCESS_REQUEST_ID = "accessRequestId";
    /** The amount requested, in yuan: the string of a decimal with at most two places. */
    public static final String AMOUNT = "amount";
    public static final String PURPOSE = "purpose";
    /** yyyy-MM-dd: the day the money must have reached the community. */
    public static final String DUE_DATE = "dueDate";

    /** The communities a grant may go to, for the grant's select: set by the process from the directory. */
    public static final String COMMUNITY_OPTIONS = "communityOptions";

    // set by the process from the recorded request, for the forms, the candidate groups and the ladder
    /** The kind, as the forms show it. */
    public static final String KIND_LABEL = "kindLabel";
    /** Who pays, as the forms show it. */
    public static final String PAYER_NAME = "payerName";
    /** The group that approves for the payer. */
    public static final String PAYER_GROUP = "payerGroup";
    /** The group the ladder's last rung tells: the payer's supervising body. */
    public static final String PAYER_SUPERVISOR_GROUP = "payerSupervisorGroup";

    // entered by the payer
    /** {@code approve} or {@code refuse}. */
    public static final String APPROVAL = "approval";
    public static final String REFUSAL_REASON = "refusalReason";
    /** Set by the process from the approval. */
    public static final String APPROVED = "approved";

    // entered by finance
    public static final String VOUCHER_NUMBER = "voucherNumber";
    /** Typed as text (a decimal string, at most two places); kept as the decimal string. */
    public static final String TRANSFERRED_AMOUNT = "transferredAmount";
    /** yyyy-MM-dd, not in the future. */
    public static final String TRANSFER_DATE = "transferDate";
    /** Set by the process: who confirmed the transfer. */
    public static final String TRANSFERRED_BY = "transferredBy";

    // entered by the community's secretary
    public static final String RECEIVED_AMOUNT = "receivedAmount";
    public static final String RECEIVED_ON = "receivedOn";
    /** Set by the process: whether the receipt matches the transfer. */
    public static final String RECEIPT_MATCHES = "receiptMatches";

    // entered at reconciliation
    public static final String SETTLED_AMOUNT = "settledAmount";
    public static final String RECONCILIATION_NOTE = "reconciliationNote";
    /** Set by the process: why reconciliation opened, {@code MISMATCH} or {@code NO_RECEIPT}. */
    public static final String RECONCILIATION_CAUSE = "reconciliationCause";

    private FundTransferProcess() {
    }
}
