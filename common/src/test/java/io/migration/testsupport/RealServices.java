package io.migration.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test class its own fresh source and target PostgreSQL databases and its own fleet
 * name on RabbitMQ; inject {@link TestServices} into a test or lifecycle method. The services
 * come from the environment ({@code TEST_PG_URL}, {@code TEST_AMQP_URI}; set by {@code .ci/run})
 * or, when those are unset and Docker runs, from Testcontainers. With neither, the tests fail
 * and say what to start: they never skip.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealServicesExtension.class)
public @interface RealServices {}
