package org.gongjian.funds;

/**
 * The three kinds of money one {@code fund-transfer} carries, each with its payer: a unit's committed
 * quarterly instalment (the unit's leader approves), a functional department's payment for work a
 * community accepted through the access gate (the department approves), and a service-fund grant from
 * the street committee (the street committee approves).
 */
public enum FundKind {
    INSTALMENT(PayerKind.UNIT, "驻区单位季度共建经费"),
    DEPARTMENT_PAYMENT(PayerKind.DEPARTMENT, "职能部门工作经费（费随事转）"),
    SERVICE_GRANT(PayerKind.STREET_COMMITTEE, "街道服务群众专项经费");

    /** Who pays a kind of money. */
    public enum PayerKind { UNIT, DEPARTMENT, STREET_COMMITTEE }

    private final PayerKind payer;
    private final String label;

    FundKind(PayerKind payer, String label) {
        this.payer = payer;
        this.label = label;
    }

    public PayerKind payer() {
        return payer;
    }

    public String label() {
        return label;
    }
}
