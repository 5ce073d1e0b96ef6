package dev.weft.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test against a real PostgreSQL started by the test run ({@link PostgresServer}), each test
 * context in a database of its own. Skipped with a reason where PostgreSQL is not installed; fails in CI.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(PostgresServer.Required.class)
@ContextConfiguration(initializers = OnPostgres.Initializer.class)
public @interface OnPostgres {

    /** Points the datasource at a fresh PostgreSQL database. */
    class Initializer implements org.springframework.context.ApplicationContextInitializer<
            org.springframework.context.ConfigurableApplicationContext> {
        private static final AtomicInteger COUNTER = new AtomicInteger();

        @Override
        public void initialize(org.springframework.context.ConfigurableApplicationContext context) {
            PostgresServer server = PostgresServer.shared();
            String url = server.createDatabase("weft_test_" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid());
            org.springframework.test.context.support.TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                    "spring.datasource.url=" + url, "spring.datasource.username=" + server.username(),
                    "spring.datasource.password=" + server.password());
        }
    }
}
