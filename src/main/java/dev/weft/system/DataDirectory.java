package dev.weft.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves {@code weft.data-dir} (env {@code WEFT_DATA_DIR}, default {@code ./data}) to an absolute path
 * and creates it on first start, before the datasource or the token pepper need it.
 */
public class DataDirectory implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "weft.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY, "./data");
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("weftDataDirectory", Map.of(PROPERTY, dir.toString())));
    }

    @Override
    public int getOrder() {
        // after config data (application.properties, env) is loaded
        return Ordered.LOWEST_PRECEDENCE;
    }
}
