package dev.weft;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Weft: a self-hosted site platform with a Webflow-compatible Data API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class WeftApplication {

    public static void main(String[] args) {
        SpringApplication.run(WeftApplication.class, args);
    }
}
