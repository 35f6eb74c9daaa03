package org.gongjian.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name in a cluster: {@code gongjian.node-name}, or the machine's host name and the
 * server port. The engine writes it into its job log (the host name of each job run, in Cockpit and
 * {@code ACT_HI_JOB_LOG}), so that one can tell which node ran a job; the demo clock's followers
 * report under it. Nodes on one machine need distinct ports or distinct names.
 */
@Component
public class NodeName extends AbstractProcessEnginePlugin {

    /** The job log's column ({@code HOSTNAME_}) holds that many characters. */
    static final int MAX_LENGTH = 255;

    private final String name;

    NodeName(@Value("${gongjian.node-name:}") String configured, @Value("${server.port:8080}") String port) {
        String name = configured.isBlank() ? localHost() + ":" + port : configured.trim();
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("gongjian.node-name may have at most " + MAX_LENGTH
                    + " characters, has " + name.length() + ": " + name);
        }
        this.name = name;
    }

    public String value() {
        return name;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHostname(name);
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
