package org.gongjian;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GongjianApplication {

    public static void main(String[] args) {
        SpringApplication.run(GongjianApplication.class, args);
    }
}
