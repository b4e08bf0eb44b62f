package uk.org.neglectexchange.toolkit.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.security.spi.runtime.AuthorizationController;

/**
 * Benchmarks only (docs/performance.md, P5): authorization off, so the auth tax is measured against the same endpoint
 * without it. The bean exists only in a jar built with the bench profile (bench/auth-tax/run.sh builds one into
 * target/bench-app): {@code @IfBuildProfile} is decided when the jar is built, so the production jar does not contain
 * it and no runtime setting or profile can switch authorization off.
 */
@IfBuildProfile("bench")
@Alternative
@Priority(Interceptor.Priority.LIBRARY_AFTER)
@Singleton
public class BenchAuthorizationOff extends AuthorizationController {

    @Override
    public boolean isAuthorizationEnabled() {
        return false;
    }
}
