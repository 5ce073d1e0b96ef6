package dev.weft.system;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets URLs with an encoded {@code /} or {@code \} reach Spring Security's firewall, which rejects them like
 * every other suspicious URL, so the caller gets an answer in its own format (an API error body, or the
 * dashboard's error page) rather than the servlet container's bare HTML page.
 */
@Configuration(proxyBeanMethods = false)
class TomcatConfig {

    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
        return connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        };
    }
}
