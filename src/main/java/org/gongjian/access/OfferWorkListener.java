package org.gongjian.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import static org.gongjian.access.AccessProcess.*;

/** The work is now before the community's secretary; the community's name for the form, from the record. */
@Component("offerWorkListener")
class OfferWorkListener implements ExecutionListener {

    private final AccessRequests requests;

    OfferWorkListener(AccessRequests requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(ACCESS_REQUEST_ID)).longValue();
        String community = (String) execution.getVariable(COMMUNITY_ID);
        requests.offer(id, community);
        execution.setVariableLocal("communityName", requests.community(id, community).orElseThrow().communityName());
    }
}
