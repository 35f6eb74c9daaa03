package org.gongjian.funds;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What every step of a fund transfer needs to know: which request it is, and what it is recorded under. */
final class FundSteps {

    private FundSteps() {
    }

    /** The request's business key, or for a request started without one its instance. */
    static String key(DelegateExecution execution) {
        return execution.getProcessBusinessKey() != null ? execution.getProcessBusinessKey()
                : "process:" + execution.getProcessInstanceId();
    }

    static FundTransfers.Request request(FundTransfers transfers, DelegateExecution execution) {
        return transfers.request(key(execution)).orElseThrow(() -> new IllegalStateException(
                "no fund request is recorded under " + key(execution)));
    }
}
