package org.gongjian.system;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link EngineClock}, in the sub-district's time zone, for whoever needs today or now. */
@Configuration
class ClockConfiguration {

    @Bean
    EngineClock clock(@Value("${gongjian.zone}") String zone) {
        return new EngineClock(ZoneId.of(zone));
    }
}
