package org.gongjian.agreement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.gongjian.system.FormFields;
import org.springframework.stereotype.Component;

import static org.gongjian.agreement.AgreementProcess.*;

/** The unit's resources as one JSON document, as negotiated, signed and stored. */
@Component
class AgreementResources {

    private final ObjectMapper json = new ObjectMapper();

    String json(VariableScope process) {
        ObjectNode resources = json.createObjectNode();
        resources.set(VENUES, FormFields.array(process.getVariable(VENUES)));
        resources.put(EXPERTISE, text(process, EXPERTISE));
        resources.put(VOLUNTEERS, process.getVariable(VOLUNTEERS) == null ? 0 : ((Number) process.getVariable(VOLUNTEERS)).intValue());
        resources.put(ANNUAL_FUNDS, process.getVariable(ANNUAL_FUNDS) == null ? 0 : ((Number) process.getVariable(ANNUAL_FUNDS)).doubleValue());
        resources.put(CONTACT_PERSON, text(process, CONTACT_PERSON));
        resources.put(CONTACT_PHONE, text(process, CONTACT_PHONE));
        resources.set(PROPOSED_ACTIVITIES, FormFields.array(process.getVariable(PROPOSED_ACTIVITIES)));
        return resources.toString();
    }

    private static String text(VariableScope process, String name) {
        Object value = process.getVariable(name);
        return value == null ? "" : value.toString();
    }
}
