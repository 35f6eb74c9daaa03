package org.gongjian.identity;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;

/** The demo world exists only in the demo profile; production has no seeds. */
@Configuration
@Profile("demo")
class SeedConfiguration {

    @Bean
    SeedWorld seedWorld(@Value("${gongjian.seeds.location:classpath:seeds/world.yaml}") Resource location) {
        return read(location);
    }

    static SeedWorld read(Resource location) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = location.getInputStream()) {
            return yaml.readValue(in, SeedWorld.class).validated();
        } catch (IOException e) {
            throw new InvalidSeedException("cannot read " + location + ": " + e.getMessage());
        }
    }
}
