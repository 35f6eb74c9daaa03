package org.gongjian.funds;

/**
 * Keys of the {@code fund-transfer} process and the variables it is started with. A quarterly
 * commitment starts one with business key {@code <agreementNumber>/<quarter>/funds} for the
 * quarter's instalment.
 */
public final class FundTransferProcess {

    public static final String KEY = "fund-transfer";

    public static final String TRANSFER_FUNDS = "transferFunds";
    public static final String RECORD_TRANSFER = "recordTransfer";

    /** Appended to the quarterly commitment's business key for the quarter's instalment. */
    public static final String FUNDS_SUFFIX = "/funds";

    // started with
    /** The agreement the money is committed under; absent for money that follows no agreement. */
    public static final String AGREEMENT_NUMBER = "agreementNumber";
    public static final String QUARTER = "quarter";
    /** The community that receives the money. */
    public static final String COMMUNITY_ID = "communityId";
    public static final String COMMUNITY_NAME = "communityName";
    /** The payer: the unit (or body) whose money it is. */
    public static final String UNIT_ID = "unitId";
    public static final String UNIT_NAME = "unitName";
    public static final String SUPERVISOR_ID = "supervisorId";
    /** The amount requested, in yuan: the string of a decimal with at most two places, never a Double. */
    public static final String AMOUNT = "amount";
    public static final String PURPOSE = "purpose";

    // entered by finance
    public static final String VOUCHER_NUMBER = "voucherNumber";
    /** Typed as text (a decimal string, at most two places); kept as the decimal string. */
    public static final String TRANSFERRED_AMOUNT = "transferredAmount";
    /** yyyy-MM-dd, not in the future. */
    public static final String TRANSFER_DATE = "transferDate";
    /** Set by the process: who confirmed the transfer. */
    public static final String TRANSFERRED_BY = "transferredBy";

    private FundTransferProcess() {
    }
}
