package uk.org.neglectexchange.assessment.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.HealthGroup;

/**
 * A rotation's progress, at {@code /q/health/group/identity-keys} (not a probe: a rotation in progress is healthy):
 * the current versions and how much is still under older ones. deploy/bin/rotate-identity-keys waits on it.
 */
@HealthGroup("identity-keys")
@ApplicationScoped
public class IdentityKeysHealth implements HealthCheck {

    @Inject
    IdentityKeys keys;

    @Inject
    IdentityKeyStore store;

    @Inject
    IdentityMigration migration;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("identity-keys").up()
                .withData("currentMasterKey", keys.currentMasterVersion())
                .withData("currentMatchingKey", keys.currentMatchingVersion())
                .withData("dataKeysBehind", store.behind(keys.currentMasterVersion()))
                .withData("childrenBehind", migration.childrenBehind())
                .withData("carersBehind", migration.carersBehind())
                .build();
    }
}
