package uk.org.neglectexchange.systemtests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against a suite of its own: {@link SuiteExtension} starts the three services and the gateway
 * as processes before the class's first test ({@link SuiteProcesses}: fresh topics, databases cleaned) and stops them
 * after its last. REST Assured's {@code given()} goes to that gateway; a constructor parameter of type
 * {@link SuiteProcesses} gives its URLs and the settings it was started with.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(SuiteExtension.class)
public @interface SystemTest {

    /** Settings of the gateway under test on top of the suite's, as a Quarkus test profile used to give them. */
    Class<? extends GatewayProfile> gateway() default GatewayProfile.class;
}
