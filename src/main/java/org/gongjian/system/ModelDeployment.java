package org.gongjian.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys the models under the names they have in the repository ({@code bpmn/agreement.bpmn},
 * {@code forms/quarterly-commitments.html}) instead of the absolute path of wherever the build
 * put them. An embedded form is found by that name ({@code embedded:deployment:forms/…}), so it
 * must be the same on every machine and in the packaged jar; Cockpit shows the same short name.
 */
@Component("camundaDeploymentConfiguration")
class ModelDeployment extends DefaultDeploymentConfiguration {

    private static final String[] FOLDERS = {"bpmn/", "forms/"};

    @Override
    public Set<Resource> getDeploymentResources() {
        Set<Resource> named = new LinkedHashSet<>();
        for (Resource resource : super.getDeploymentResources()) {
            named.add(new Named(resource, nameInRepository(resource)));
        }
        return named;
    }

    static String nameInRepository(Resource resource) {
        String path;
        try {
            URL url = resource.getURL();
            path = url.getPath();
        } catch (IOException e) {
            path = resource.getDescription();
        }
        for (String folder : FOLDERS) {
            int at = path.lastIndexOf("/" + folder);
            if (at >= 0) {
                return path.substring(at + 1);
            }
        }
        throw new IllegalStateException("A model outside bpmn/ and forms/ would be deployed: " + path);
    }

    /** The resource under its name in the repository; the engine takes a context resource's path as its name. */
    private static final class Named extends AbstractResource implements ContextResource {

        private final Resource resource;
        private final String name;

        Named(Resource resource, String name) {
            this.resource = resource;
            this.name = name;
        }

        @Override
        public String getPathWithinContext() {
            return name;
        }

        @Override
        public String getFilename() {
            return resource.getFilename();
        }

        @Override
        public boolean isReadable() {
            return resource.isReadable();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return resource.getInputStream();
        }

        @Override
        public String getDescription() {
            return name;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Named named && named.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }
}
